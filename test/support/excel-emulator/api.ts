/**
 * The proxy objects of the Excel JavaScript API, over the emulator's WorkbookModel, with Office.js's
 * rules: a property is readable only after load() and context.sync(); writes and method calls are
 * queued and run, in order, at sync; a failing request stops the batch there (earlier requests stay
 * applied); *OrNullObject lookups answer isNullObject instead of failing.
 */
import { boxAddress, intersects, parseBox, quoteSheet, type Box } from './address';
import { EmulatorError } from './model/errors';
import type { Cell, ChartModel, ConditionalFormatModel, SheetModel, TableModel } from './model/types';
import type { WorkbookModel } from './model/workbook';
import type { ExcelEmulator } from './emulator';

type Op = () => void;
type Path = string[];

function notLoaded(prop: string): EmulatorError {
  return new EmulatorError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

const notFound = (what: string) => new EmulatorError('ItemNotFound', `The requested resource doesn't exist. (${what})`);

/** load("a, b/c"), load(["a","b/c"]), load({ a: true, b: { c: true } }) → paths. */
function parseLoad(spec: unknown): Path[] {
  if (spec === undefined || spec === null || spec === '' || (Array.isArray(spec) && spec.length === 0)) {
    throw new EmulatorError('LoadWithoutArguments', 'load() without arguments loads every property: name the properties you need (Office.js performance guidance).');
  }
  const out: Path[] = [];
  const add = (s: string) => {
    for (const part of s.split(',')) {
      const p = part.trim();
      if (!p) continue;
      if (p === '*' || p.endsWith('/*')) throw new EmulatorError('LoadWithoutArguments', `load("${p}") loads every property: name the properties you need.`);
      out.push(p.split('/').map((x) => x.trim()));
    }
  };
  const walk = (o: Record<string, unknown>, prefix: Path) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === '$all') throw new EmulatorError('LoadWithoutArguments', 'load({ $all: true }) loads every property: name the properties you need.');
      if (k.startsWith('$')) continue;
      if (v === true) out.push([...prefix, k]);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, [...prefix, k]);
    }
  };
  if (typeof spec === 'string') add(spec);
  else if (Array.isArray(spec)) spec.forEach((s) => add(String(s)));
  else if (typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      if (o.select) add(String(o.select));
      if (o.expand) add(String(o.expand));
    } else walk(o, []);
  }
  if (!out.length) throw new EmulatorError('LoadWithoutArguments', 'load() named no property.');
  return out;
}

export class ClientResult<T> {
  private _v: T | undefined;
  private _done = false;
  get value(): T {
    if (!this._done) throw notLoaded('value');
    return this._v as T;
  }
  _set(v: T): void {
    this._v = v;
    this._done = true;
  }
}

export class RequestContext {
  readonly workbook: Workbook;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private queue: Op[] = [];
  private payload = 0;
  /** Response bytes of the loads being run, checked against the limit. */
  _response = 0;

  constructor(
    readonly _emu: ExcelEmulator,
    readonly _options: { delayForCellEdit?: boolean } = {},
  ) {
    this.workbook = new Workbook(this);
  }

  get _model(): WorkbookModel {
    return this._emu.model;
  }

  _enqueue(op: Op, payload: unknown = null): void {
    this.queue.push(op);
    this.payload += 120 + (payload === null ? 0 : JSON.stringify(payload).length);
  }

  get _pending(): number {
    return this.queue.length;
  }

  /** Runs what is queued now, with no round trip: the protocol host (protocol.ts) drives the proxies action by action. */
  _drain(): void {
    const ops = this.queue;
    this.queue = [];
    this.payload = 0;
    for (const op of ops) op();
  }

  async sync(): Promise<void> {
    this._emu.syncCalls++;
    const ops = this.queue;
    const payload = this.payload;
    this.queue = [];
    this.payload = 0;
    if (!ops.length) return;
    this._emu.roundTrips++;
    await this._emu._waitForCellEdit(this._options.delayForCellEdit === true);
    const fault = this._emu._takeFault();
    if (fault) throw fault;
    if (payload > this._emu.payloadLimit) {
      throw new EmulatorError('RequestPayloadSizeLimitExceeded', `The request payload size (${payload} bytes) has exceeded the limit (${this._emu.payloadLimit} bytes).`);
    }
    this._response = 0;
    try {
      for (const op of ops) op();
    } finally {
      this._emu._dispatchChanges();
    }
    if (this._response > this._emu.responseLimit) {
      throw new EmulatorError('ResponsePayloadSizeLimitExceeded', `The response payload size (${this._response} bytes) has exceeded the limit (${this._emu.responseLimit} bytes).`);
    }
  }
}

/** What every proxy shares: load, loaded values, isNullObject. */
export abstract class ClientObject {
  protected _values: Record<string, unknown> = {};
  protected _isNull: boolean | undefined;
  protected _navCache: Record<string, unknown> = {};

  constructor(
    readonly context: RequestContext,
    nullable = false,
  ) {
    if (nullable) {
      context._enqueue(() => {
        this._isNull = this._resolve() === null;
      });
    }
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded('isNullObject');
    return this._isNull;
  }

  /** The model object behind the proxy; null when it is (or descends from) a null object. Throws ItemNotFound for a strict lookup. */
  abstract _resolve(): unknown;

  protected _strict<T>(): T | null {
    return this._resolve() as T | null;
  }

  protected abstract _scalar(entity: unknown, name: string): unknown;

  protected _nav(_name: string): ClientObject | undefined {
    return undefined;
  }

  load(spec?: unknown): this {
    const paths = parseLoad(spec);
    this.context._enqueue(() => this._load(paths));
    return this;
  }

  _load(paths: Path[]): void {
    const e = this._resolve();
    this._isNull = e === null;
    for (const p of paths) {
      const nav = this._nav(p[0]);
      if (nav && (p.length > 1 || nav instanceof Collection)) {
        nav._load([p.length > 1 ? p.slice(1) : ['items']]);
        continue;
      }
      if (p.length > 1) throw new EmulatorError('InvalidArgument', `'${p[0]}' is not a navigation property.`);
      const v = e === null ? null : this._scalar(e, p[0]);
      this._values[p[0]] = v;
      this.context._response += JSON.stringify(v ?? null).length + p[0].length + 4;
    }
  }

  protected _get<T>(name: string): T {
    if (!(name in this._values)) throw notLoaded(name);
    return this._values[name] as T;
  }

  /** A property write: remembered on the proxy, applied at sync. */
  protected _set(name: string, value: unknown, apply: (entity: never) => void): void {
    this._values[name] = value;
    this._call(apply, value);
  }

  /** A method call, queued; a null object ignores it. */
  protected _call(apply: (entity: never) => void, payload: unknown = null): void {
    this.context._enqueue(() => {
      const e = this._resolve();
      if (e === null) return;
      apply(e as never);
    }, payload);
  }

  protected _child<T>(name: string, make: () => T): T {
    return (this._navCache[name] ??= make()) as T;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._values };
  }
}

export abstract class Collection<I extends ClientObject> extends ClientObject {
  private _items: I[] | undefined;

  get items(): I[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }

  protected abstract _list(): unknown[] | null;
  protected abstract _item(entity: unknown): I;

  _resolve(): unknown {
    return this._list();
  }

  protected _scalar(entity: unknown, name: string): unknown {
    if (name === 'count') return (entity as unknown[]).length;
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}'.`);
  }

  override _load(paths: Path[]): void {
    const list = this._list();
    this._isNull = list === null;
    this._items = (list ?? []).map((e) => this._item(e));
    for (const p of paths) {
      const rest = p[0] === 'items' ? p.slice(1) : p;
      if (p[0] === 'count' && p.length === 1) {
        this._values.count = this._items.length;
        continue;
      }
      if (!rest.length) continue;
      for (const it of this._items) it._load([rest]);
    }
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context._enqueue(() => r._set((this._list() ?? []).length));
    return r;
  }
}


/** Objects that only hold settings (page layout, chart axes, legend): nested records on the model. */
const NESTED = new Set(['axes', 'categoryAxis', 'valueAxis', 'title', 'legend', 'headersFooters', 'defaultForAllPages', 'format', 'font', 'majorGridlines', 'zoom']);

export function settingsObject(context: RequestContext, target: () => Record<string, unknown> | null, methods: Record<string, (rec: Record<string, unknown>, ...args: unknown[]) => void> = {}): Record<string, unknown> {
  const local: Record<string, unknown> = {};
  const nested: Record<string, unknown> = {};
  return new Proxy(
    {},
    {
      get(_t, name) {
        if (typeof name !== 'string') return undefined;
        if (name === 'context') return context;
        if (name === 'load')
          return (spec: unknown) => {
            const paths = parseLoad(spec);
            context._enqueue(() => {
              const r = target();
              for (const p of paths) if (p.length === 1) local[p[0]] = r ? (r[p[0]] ?? null) : null;
            });
          };
        if (name in methods) return (...args: unknown[]) => context._enqueue(() => {
          const r = target();
          if (r) methods[name](r, ...args);
        });
        if (NESTED.has(name) && typeof local[name] !== 'object')
          return (nested[name] ??= settingsObject(context, () => {
            const r = target();
            if (!r) return null;
            return (r[name] ??= {}) as Record<string, unknown>;
          }));
        if (!(name in local)) throw notLoaded(name);
        return local[name];
      },
      set(_t, name, value) {
        if (typeof name !== 'string') return false;
        local[name] = value;
        context._enqueue(() => {
          const r = target();
          if (r) r[name] = value;
        }, value);
        return true;
      },
    },
  );
}

// ---------- workbook ----------

export class Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;

  constructor(context: RequestContext) {
    super(context);
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context, () => this.context._model.tables);
  }

  _resolve(): unknown {
    return this.context._model;
  }

  protected _scalar(_e: unknown, name: string): unknown {
    if (name === 'name') return 'Classeur1.xlsx';
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}'.`);
  }

  protected override _nav(name: string): ClientObject | undefined {
    return name === 'worksheets' ? this.worksheets : name === 'tables' ? this.tables : undefined;
  }

  getSelectedRange(): Range {
    return new Range(this.context, () => {
      const m = this.context._model;
      if (m.selectionIsNot) throw new EmulatorError('InvalidSelection', m.selectionIsNot === 'object' ? 'The current selection is not a range.' : 'The current selection is invalid for this operation (several areas).');
      if (m.selection) return m.selection;
      const s = m.activeSheet;
      if (!s) throw notFound('selection');
      return { sheet: s, box: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getActiveCell(): Range {
    return new Range(this.context, () => {
      const m = this.context._model;
      if (m.selection) return { sheet: m.selection.sheet, box: { ...m.selection.box, bottom: m.selection.box.top, right: m.selection.box.left } };
      if (!m.activeSheet) throw notFound('active cell');
      return { sheet: m.activeSheet, box: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
}

// ---------- worksheets ----------

export class WorksheetCollection extends Collection<Worksheet> {
  readonly onChanged: EventHandlers;
  readonly onActivated: EventHandlers;

  constructor(context: RequestContext) {
    super(context);
    this.onChanged = new EventHandlers(context, { kind: 'worksheets' });
    this.onActivated = new EventHandlers(context, { kind: 'activated' });
  }

  protected _list(): unknown[] {
    return this.context._model.sheets;
  }

  protected _item(e: unknown): Worksheet {
    const s = e as SheetModel;
    return new Worksheet(this.context, () => {
      if (!this.context._model.sheets.includes(s)) throw notFound(s.name);
      return s;
    });
  }

  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    this.context._enqueue(() => {
      created = this.context._model.addSheet(name);
    }, name ?? '');
    return new Worksheet(this.context, () => {
      if (!created) throw notFound(name ?? 'new sheet');
      return created;
    });
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => {
      const s = this.context._model.sheet(key) ?? this.context._model.sheets.find((x) => x.id === key);
      if (!s) throw notFound(key);
      return s;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => this.context._model.sheet(key) ?? this.context._model.sheets.find((x) => x.id === key) ?? null, true);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => {
      const s = this.context._model.activeSheet;
      if (!s) throw notFound('active worksheet');
      return s;
    });
  }
}

export class Worksheet extends ClientObject {
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', v, (s: SheetModel) => this.context._model.moveSheet(s, v));
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  constructor(
    context: RequestContext,
    private readonly _r: () => SheetModel | null,
    nullable = false,
  ) {
    super(context, nullable);
  }

  _resolve(): SheetModel | null {
    return this._r();
  }

  protected _scalar(e: unknown, name: string): unknown {
    const s = e as SheetModel;
    switch (name) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return this.context._model.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
      default:
        throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on Worksheet.`);
    }
  }

  protected override _nav(name: string): ClientObject | undefined {
    return name === 'tables' ? this.tables : name === 'charts' ? this.charts : undefined;
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (s: SheetModel) => {
      const other = this.context._model.sheet(v);
      if (other && other !== s) throw new EmulatorError('ItemAlreadyExists', `A sheet named ${v} already exists.`);
      // References follow a renamed sheet, as in Excel (chart sources here; formulas are kept by sheet, not name).
      const before = `${quoteSheet(s.name)}!`;
      for (const sh of this.context._model.sheets) for (const c of sh.charts) if (c.source.startsWith(before)) c.source = `${quoteSheet(v)}!${c.source.slice(before.length)}`;
      if (s.name !== v) this.context._model.rewriteSheetReferences(s.name, v);
      s.name = v;
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v, (s: SheetModel) => {
      const m = this.context._model;
      // Excel keeps at least one sheet visible.
      if (v !== 'Visible' && s.visibility === 'Visible' && m.sheets.filter((x) => x.visibility === 'Visible').length <= 1) throw new EmulatorError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      s.visibility = v as SheetModel['visibility'];
      if (v !== 'Visible' && m.activeSheet === s) m.activeSheet = m.sheets.find((x) => x.visibility === 'Visible') ?? null;
    });
  }

  get showGridlines(): boolean {
    return this._get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this._set('showGridlines', v, (s: SheetModel) => (s.pageLayout.showGridlines = v));
  }

  get tables(): TableCollection {
    return this._child('tables', () => new TableCollection(this.context, () => {
      const s = this._resolve();
      return s === null ? null : this.context._model.tables.filter((t) => t.sheet === s);
    }, () => this._resolve()));
  }

  get charts(): ChartCollection {
    return this._child('charts', () => new ChartCollection(this.context, () => this._resolve()));
  }

  get onChanged(): EventHandlers {
    return this._child('onChanged', () => new EventHandlers(this.context, { kind: 'worksheet', resolve: () => this._resolve() }));
  }

  get pageLayout(): Record<string, unknown> {
    return this._child('pageLayout', () =>
      settingsObject(this.context, () => this._resolve()?.pageLayout ?? null, {
        setPrintArea: (rec, area) => (rec.printArea = typeof area === 'string' ? area : boxAddress((area as Range)._resolve()!.box)),
      }),
    );
  }

  get freezePanes(): { freezeRows(n: number): void; unfreeze(): void } {
    return {
      freezeRows: (n: number) => this._call((s: SheetModel) => (s.frozenRows = n)),
      unfreeze: () => this._call((s: SheetModel) => (s.frozenRows = 0)),
    };
  }

  activate(): void {
    this._call((s: SheetModel) => {
      if (s.visibility !== 'Visible') throw new EmulatorError('InvalidOperation', 'A hidden sheet cannot be activated.');
      const m = this.context._model;
      m.activeSheet = s;
      if (m.selection && m.selection.sheet !== s) m.selection = null;
      this.context._emu._fire({ kind: 'activated' }, { type: 'WorksheetActivated', worksheetId: s.id });
    });
  }

  delete(): void {
    this._call((s: SheetModel) => this.context._model.deleteSheet(s));
  }

  /** Worksheet.copy (ExcelApi 1.7): "End" or "After" another sheet. */
  copy(positionType?: string, relativeTo?: Worksheet): Worksheet {
    let created: SheetModel | null = null;
    this._call((s: SheetModel) => {
      const m = this.context._model;
      const after = positionType === 'After' && relativeTo ? relativeTo._resolve() ?? undefined : undefined;
      created = m.copySheet(s, after);
    });
    return new Worksheet(this.context, () => created);
  }

  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const s = this._resolve();
      if (s === null) return null;
      if (address === undefined || address === '') return { sheet: s, box: { top: 1, left: 1, bottom: 1048576, right: 16384 } };
      return this.context._model.resolve(address, s);
    });
  }

  /** Worksheet.getRanges (ExcelApi 1.9): "A1:A3,C5,F7:F9", a multi-area range. */
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.context, () => {
      const s = this._resolve();
      if (s === null) return null;
      const boxes = address.split(',').map((a) => this.context._model.resolve(a.trim(), s).box);
      return { sheet: s, box: boxes[0], areas: boxes };
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): Range {
    return new Range(this.context, () => {
      const s = this._resolve();
      if (s === null) return null;
      return { sheet: s, box: { top: row + 1, left: col + 1, bottom: row + rowCount, right: col + colCount } };
    });
  }

  getCell(row: number, col: number): Range {
    return this.getRangeByIndexes(row, col, 1, 1);
  }

  /** Excel answers A1 for an empty sheet. */
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, () => {
      const s = this._resolve();
      if (s === null) return null;
      return { sheet: s, box: this.context._model.usedBox(s, valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      () => {
        const s = this._resolve();
        if (s === null) return null;
        const b = this.context._model.usedBox(s, valuesOnly);
        return b ? { sheet: s, box: b } : null;
      },
      true,
    );
  }
}

// ---------- ranges ----------

export interface RangeRef {
  sheet: SheetModel;
  box: Box;
}

export class Range extends ClientObject {
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  constructor(
    context: RequestContext,
    private readonly _r: () => RangeRef | null,
    nullable = false,
  ) {
    super(context, nullable);
  }

  _resolve(): RangeRef | null {
    return this._r();
  }

  private grid<T>(e: RangeRef, f: (s: SheetModel, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    const { box } = e;
    if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > this.context._emu.cellLimit) throw new EmulatorError('RangeExceedsLimit', 'The number of cells in the range has exceeded the maximum supported number.');
    for (let r = box.top; r <= box.bottom; r++) {
      const row: T[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(f(e.sheet, r, c));
      out.push(row);
    }
    return out;
  }

  protected _scalar(entity: unknown, name: string): unknown {
    const e = entity as RangeRef;
    const m = this.context._model;
    switch (name) {
      case 'address':
      case 'addressLocal':
        return m.address(e.sheet, e.box);
      case 'values':
        return this.grid(e, (s, r, c) => m.value(s, r, c));
      case 'formulas':
      case 'formulasLocal':
        return this.grid(e, (s, r, c) => m.formula(s, r, c));
      case 'numberFormat':
        return this.grid(e, (s, r, c) => m.cell(s, r, c)?.numberFormat ?? 'General');
      case 'valueTypes':
        return this.grid(e, (s, r, c) => m.valueType(s, r, c));
      case 'text':
        return this.grid(e, (s, r, c) => String(m.value(s, r, c)));
      case 'rowCount':
        return e.box.bottom - e.box.top + 1;
      case 'columnCount':
        return e.box.right - e.box.left + 1;
      case 'cellCount':
        return (e.box.bottom - e.box.top + 1) * (e.box.right - e.box.left + 1);
      case 'rowIndex':
        return e.box.top - 1;
      case 'columnIndex':
        return e.box.left - 1;
      default:
        throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on Range.`);
    }
  }

  protected override _nav(name: string): ClientObject | undefined {
    switch (name) {
      case 'format':
        return this.format;
      case 'worksheet':
        return this.worksheet;
      case 'conditionalFormats':
        return this.conditionalFormats;
      case 'dataValidation':
        return this.dataValidation;
      default:
        return undefined;
    }
  }

  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._set('values', v, (e: RangeRef) => this.writeCells(e, v, 'values'));
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._set('formulas', v, (e: RangeRef) => this.writeCells(e, v, 'formulas'));
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v, (e: RangeRef) =>
      this.context._model.writeBlock(e.sheet, e.box, v, (s, r, c, f) => {
        if (f === null || f === undefined) return;
        this.context._model.cellForWrite(s, r, c).numberFormat = String(f);
      }),
    );
  }

  private writeCells(e: RangeRef, v: unknown[][], _kind: string): void {
    const m = this.context._model;
    m.writeBlock(e.sheet, e.box, v);
    m.changes.push({ sheet: e.sheet, box: e.box, source: 'Local', changeType: 'RangeEdited' });
  }

  get worksheet(): Worksheet {
    return this._child('worksheet', () => new Worksheet(this.context, () => this._resolve()?.sheet ?? null));
  }

  get format(): RangeFormat {
    return this._child('format', () => new RangeFormat(this.context, () => this._resolve()));
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return this._child('conditionalFormats', () => new ConditionalFormatCollection(this.context, () => this._resolve()));
  }

  get dataValidation(): DataValidation {
    return this._child('dataValidation', () => new DataValidation(this.context, () => this._resolve()));
  }

  private derived(f: (e: RangeRef) => RangeRef | null): Range {
    return new Range(this.context, () => {
      const e = this._resolve();
      return e === null ? null : f(e);
    });
  }

  getCell(row: number, col: number): Range {
    return this.derived((e) => ({ sheet: e.sheet, box: { top: e.box.top + row, left: e.box.left + col, bottom: e.box.top + row, right: e.box.left + col } }));
  }
  getRow(i: number): Range {
    return this.derived((e) => ({ sheet: e.sheet, box: { ...e.box, top: e.box.top + i, bottom: e.box.top + i } }));
  }
  getColumn(i: number): Range {
    return this.derived((e) => ({ sheet: e.sheet, box: { ...e.box, left: e.box.left + i, right: e.box.left + i } }));
  }
  getLastRow(): Range {
    return this.derived((e) => ({ sheet: e.sheet, box: { ...e.box, top: e.box.bottom } }));
  }
  getResizedRange(dRows: number, dCols: number): Range {
    return this.derived((e) => ({ sheet: e.sheet, box: { ...e.box, bottom: e.box.bottom + dRows, right: e.box.right + dCols } }));
  }
  getOffsetRange(dRows: number, dCols: number): Range {
    return this.derived((e) => ({ sheet: e.sheet, box: { top: e.box.top + dRows, bottom: e.box.bottom + dRows, left: e.box.left + dCols, right: e.box.right + dCols } }));
  }
  getEntireColumn(): Range {
    return this.derived((e) => ({ sheet: e.sheet, box: { ...e.box, top: 1, bottom: 1048576 } }));
  }

  /** Range.copyFrom (ExcelApi 1.9): the source's cells (values and formats, or values only) onto this range's top-left corner. */
  copyFrom(source: Range | string, copyType: string = 'All'): void {
    this._call((e: RangeRef) => {
      const m = this.context._model;
      const src = typeof source === 'string' ? m.resolve(source, e.sheet) : source._resolve();
      if (!src) throw notFound('source range');
      const copies: [number, number, Cell | undefined][] = [];
      for (let r = src.box.top; r <= src.box.bottom; r++) for (let c = src.box.left; c <= src.box.right; c++) copies.push([r - src.box.top, c - src.box.left, m.cell(src.sheet, r, c)]);
      for (const [dr, dc, cell] of copies) {
        const r = e.box.top + dr;
        const c = e.box.left + dc;
        if (!cell) {
          if (copyType !== 'Formats') m.write(e.sheet, r, c, '');
          continue;
        }
        const to = m.cellForWrite(e.sheet, r, c);
        if (copyType !== 'Formats') {
          to.value = cell.formula && copyType === 'Values' ? m.value(src.sheet, r - e.box.top + src.box.top, c - e.box.left + src.box.left) : cell.value;
          if (copyType !== 'Values' && cell.formula) to.formula = cell.formula;
          else delete to.formula;
          if (cell.quotePrefix) to.quotePrefix = true;
        }
        if (copyType === 'All' || copyType === 'Formats') {
          if (cell.numberFormat) to.numberFormat = cell.numberFormat;
        }
      }
      const box = { top: e.box.top, left: e.box.left, bottom: e.box.top + src.box.bottom - src.box.top, right: e.box.left + src.box.right - src.box.left };
      m.changes.push({ sheet: e.sheet, box, source: 'Local', changeType: 'RangeEdited' });
    });
  }

  select(): void {
    this._call((e: RangeRef) => {
      const m = this.context._model;
      if (e.sheet.visibility !== 'Visible') throw new EmulatorError('InvalidOperation', 'A range on a hidden sheet cannot be selected.');
      m.activeSheet = e.sheet;
      m.selection = { sheet: e.sheet, box: e.box };
      m.selectionIsNot = null;
    });
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this._call((e: RangeRef) => {
      this.context._model.clear(e.sheet, e.box, applyTo);
      if (applyTo === 'All' || applyTo === 'Formats') {
        const m = this.context._model;
        m.conditionalFormats = m.conditionalFormats.filter((cf) => !(cf.sheet === e.sheet && cfAreas(cf).some((a) => intersects(a, e.box))));
        e.sheet.validations = e.sheet.validations.filter((v) => !intersects(v.box, e.box));
      }
    });
  }
}

/** RangeAreas (ExcelApi 1.9): several areas of one sheet, with their conditional formats. */
export class RangeAreas extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => (RangeRef & { areas: Box[] }) | null,
  ) {
    super(context);
  }
  _resolve(): (RangeRef & { areas: Box[] }) | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    const r = e as RangeRef & { areas: Box[] };
    if (name === 'address') return r.areas.map((b) => this.context._model.address(r.sheet, b)).join(',');
    if (name === 'areaCount') return r.areas.length;
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on RangeAreas.`);
  }
  protected override _nav(name: string): ClientObject | undefined {
    return name === 'conditionalFormats' ? this.conditionalFormats : undefined;
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this._child('conditionalFormats', () => new ConditionalFormatCollection(this.context, () => this._resolve()));
  }
}

/** Range.format, .fill and .font: direct formatting of the cells. */
export class RangeFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => RangeRef | null,
  ) {
    super(context);
  }
  _resolve(): RangeRef | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    const r = e as RangeRef;
    if (name === 'columnWidth') return r.sheet.columnWidths.get(r.box.left) ?? 48;
    if (name === 'wrapText') return false;
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on RangeFormat.`);
  }
  protected override _nav(name: string): ClientObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(w: number) {
    this._set('columnWidth', w, (e: RangeRef) => {
      for (let c = e.box.left; c <= e.box.right; c++) e.sheet.columnWidths.set(c, w);
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v, () => undefined);
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._set('verticalAlignment', v, () => undefined);
  }
  autofitColumns(): void {
    this._call(() => undefined);
  }
  autofitRows(): void {
    this._call(() => undefined);
  }
  get fill(): CellStyle {
    return this._child('fill', () => new CellStyle(this.context, this._r, 'fill'));
  }
  get font(): CellStyle {
    return this._child('font', () => new CellStyle(this.context, this._r, 'font'));
  }
}

/** RangeFill and RangeFont (the properties the add-in uses). */
export class CellStyle extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => RangeRef | null,
    private readonly which: 'fill' | 'font',
  ) {
    super(context);
  }
  _resolve(): RangeRef | null {
    return this._r();
  }
  private first(e: RangeRef) {
    return this.context._model.cell(e.sheet, e.box.top, e.box.left);
  }
  protected _scalar(e: unknown, name: string): unknown {
    const c = this.first(e as RangeRef);
    if (name === 'color') return (this.which === 'fill' ? c?.fill : c?.fontColor) ?? (this.which === 'fill' ? '#FFFFFF' : '#000000');
    if (name === 'bold') return c?.bold ?? false;
    if (name === 'italic') return c?.italic ?? false;
    if (name === 'size') return c?.fontSize ?? 11;
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on ${this.which}.`);
  }
  private each(e: RangeRef, f: (c: ReturnType<WorkbookModel['cellForWrite']>) => void): void {
    for (let r = e.box.top; r <= e.box.bottom; r++) for (let c = e.box.left; c <= e.box.right; c++) f(this.context._model.cellForWrite(e.sheet, r, c));
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, (e: RangeRef) =>
      this.each(e, (c) => {
        if (this.which === 'fill') c.fill = v;
        else c.fontColor = v;
      }),
    );
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v, (e: RangeRef) => this.each(e, (c) => (c.bold = v)));
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._set('italic', v, (e: RangeRef) => this.each(e, (c) => (c.italic = v)));
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._set('size', v, (e: RangeRef) => this.each(e, (c) => (c.fontSize = v)));
  }
  clear(): void {
    this._call((e: RangeRef) => this.each(e, (c) => (this.which === 'fill' ? delete c.fill : delete c.fontColor)));
  }
}

// ---------- data validation ----------

export class DataValidation extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => RangeRef | null,
  ) {
    super(context);
  }
  _resolve(): RangeRef | null {
    return this._r();
  }
  private found(e: RangeRef) {
    return e.sheet.validations.find((v) => intersects(v.box, e.box));
  }
  protected _scalar(e: unknown, name: string): unknown {
    const v = this.found(e as RangeRef);
    switch (name) {
      case 'rule':
        return v?.rule ?? {};
      case 'type':
        return v ? ruleType(v.rule) : 'None';
      case 'errorAlert':
        return v?.errorAlert ?? { showAlert: true, style: 'Stop', message: '', title: '' };
      case 'prompt':
        return v?.prompt ?? { showPrompt: false, message: '', title: '' };
      case 'ignoreBlanks':
        return true;
      case 'valid':
        return true;
      default:
        throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on DataValidation.`);
    }
  }
  get rule(): Record<string, unknown> {
    return this._get('rule');
  }
  set rule(v: Record<string, unknown>) {
    this._set('rule', v, (e: RangeRef) => {
      if (Object.keys(v).length !== 1) throw new EmulatorError('InvalidArgument', 'A data validation rule has exactly one type.');
      e.sheet.validations = e.sheet.validations.filter((x) => !(x.box.top >= e.box.top && x.box.bottom <= e.box.bottom && x.box.left >= e.box.left && x.box.right <= e.box.right));
      if (e.sheet.validations.some((x) => intersects(x.box, e.box))) throw new EmulatorError('InvalidOperation', 'The range already holds another data validation: clear it first.');
      e.sheet.validations.push({ box: e.box, rule: v });
    });
  }
  get type(): string {
    return this._get('type');
  }
  get errorAlert(): Record<string, unknown> {
    return this._get('errorAlert');
  }
  set errorAlert(v: Record<string, unknown>) {
    this._set('errorAlert', v, (e: RangeRef) => {
      const found = this.found(e);
      if (found) found.errorAlert = v;
    });
  }
  get prompt(): Record<string, unknown> {
    return this._get('prompt');
  }
  set prompt(v: Record<string, unknown>) {
    this._set('prompt', v, (e: RangeRef) => {
      const found = this.found(e);
      if (found) found.prompt = v;
    });
  }
  clear(): void {
    this._call((e: RangeRef) => {
      e.sheet.validations = e.sheet.validations.filter((x) => !intersects(x.box, e.box));
    });
  }
}

function ruleType(rule: Record<string, unknown>): string {
  const k = Object.keys(rule)[0] ?? 'none';
  return { list: 'List', decimal: 'Decimal', wholeNumber: 'WholeNumber', date: 'Date', custom: 'Custom', textLength: 'TextLength', time: 'Time' }[k] ?? 'None';
}

// ---------- conditional formats ----------

/** A conditional format's areas (one, or several for a rule over RangeAreas). */
export function cfAreas(cf: ConditionalFormatModel): Box[] {
  return cf.areas ?? [cf.box];
}

export class ConditionalFormatCollection extends Collection<ConditionalFormat> {
  constructor(
    context: RequestContext,
    private readonly _r: () => (RangeRef & { areas?: Box[] }) | null,
  ) {
    super(context);
  }
  protected _list(): unknown[] | null {
    const e = this._r();
    if (e === null) return null;
    const mine = e.areas ?? [e.box];
    return this.context._model.conditionalFormats.filter((cf) => cf.sheet === e.sheet && cfAreas(cf).some((a) => mine.some((b) => intersects(a, b)))).sort((a, b) => a.priority - b.priority);
  }
  protected _item(e: unknown): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const cf = e as ConditionalFormatModel;
      if (!this.context._model.conditionalFormats.includes(cf)) throw notFound(`conditional format ${cf.id}`);
      return cf;
    });
  }
  add(type: string): ConditionalFormat {
    let created: ConditionalFormatModel | null = null;
    this.context._enqueue(() => {
      const e = this._r();
      if (e === null) return;
      const m = this.context._model;
      // A new rule goes first, as in Excel's rules manager.
      for (const cf of m.conditionalFormats) if (cf.sheet === e.sheet) cf.priority++;
      created = { id: m.id('CF'), sheet: e.sheet, box: e.box, ...(e.areas && e.areas.length > 1 ? { areas: e.areas } : {}), type, priority: 0 };
      m.conditionalFormats.push(created);
    }, type);
    return new ConditionalFormat(this.context, () => created);
  }
  clearAll(): void {
    this.context._enqueue(() => {
      const e = this._r();
      if (e === null) return;
      const m = this.context._model;
      m.conditionalFormats = m.conditionalFormats.filter((cf) => !(cf.sheet === e.sheet && cfAreas(cf).some((a) => intersects(a, e.box))));
    });
  }
  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const cf = this.context._model.conditionalFormats.find((x) => x.id === id);
      if (!cf) throw notFound(id);
      return cf;
    });
  }
  getItemAt(i: number): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const cf = (this._list() as ConditionalFormatModel[] | null)?.[i];
      if (!cf) throw notFound(`index ${i}`);
      return cf;
    });
  }
}

export class ConditionalFormat extends ClientObject {
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  constructor(
    context: RequestContext,
    private readonly _r: () => ConditionalFormatModel | null,
    nullable = false,
  ) {
    super(context, nullable);
  }
  _resolve(): ConditionalFormatModel | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    const cf = e as ConditionalFormatModel;
    if (name === 'id') return cf.id;
    if (name === 'type') return cf.type;
    if (name === 'priority') return cf.priority;
    if (name === 'stopIfTrue') return false;
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on ConditionalFormat.`);
  }
  protected override _nav(name: string): ClientObject | undefined {
    if (name === 'custom') return this.custom;
    if (name === 'customOrNullObject') return this.customOrNullObject;
    return undefined;
  }
  /** Throws at sync on a conditional format of another type, as Office.js does. */
  get custom(): CustomConditionalFormat {
    return this._child('custom', () =>
      new CustomConditionalFormat(this.context, () => {
        const cf = this._resolve();
        if (cf && cf.type !== 'Custom') throw new EmulatorError('InvalidOperation', `This conditional format is of type ${cf.type}, not Custom.`);
        return cf;
      }),
    );
  }
  get customOrNullObject(): CustomConditionalFormat {
    return this._child('customOrNullObject', () =>
      new CustomConditionalFormat(this.context, () => {
        const cf = this._resolve();
        return cf && cf.type === 'Custom' ? cf : null;
      }, true),
    );
  }
  getRange(): Range {
    return new Range(this.context, () => {
      const cf = this._resolve();
      return cf ? { sheet: cf.sheet, box: cf.box } : null;
    });
  }
  delete(): void {
    this._call((cf: ConditionalFormatModel) => {
      const m = this.context._model;
      m.conditionalFormats = m.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

export class CustomConditionalFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => ConditionalFormatModel | null,
    nullable = false,
  ) {
    super(context, nullable);
  }
  _resolve(): ConditionalFormatModel | null {
    return this._r();
  }
  protected _scalar(_e: unknown, name: string): unknown {
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on CustomConditionalFormat.`);
  }
  protected override _nav(name: string): ClientObject | undefined {
    return name === 'rule' ? this.rule : name === 'format' ? this.format : undefined;
  }
  get rule(): ConditionalRule {
    return this._child('rule', () => new ConditionalRule(this.context, this._r));
  }
  get format(): ConditionalRangeFormat {
    return this._child('format', () => new ConditionalRangeFormat(this.context, this._r));
  }
}

export class ConditionalRule extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => ConditionalFormatModel | null,
  ) {
    super(context);
  }
  _resolve(): ConditionalFormatModel | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    if (name === 'formula' || name === 'formulaLocal') return (e as ConditionalFormatModel).formula ?? '';
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on ConditionalFormatRule.`);
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v, (cf: ConditionalFormatModel) => {
      if (!v.startsWith('=')) throw new EmulatorError('InvalidArgument', 'A conditional format formula starts with "=".');
      cf.formula = v;
    });
  }
}

export class ConditionalRangeFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => ConditionalFormatModel | null,
  ) {
    super(context);
  }
  _resolve(): ConditionalFormatModel | null {
    return this._r();
  }
  protected _scalar(_e: unknown, name: string): unknown {
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on ConditionalRangeFormat.`);
  }
  protected override _nav(name: string): ClientObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  get fill(): ConditionalStyle {
    return this._child('fill', () => new ConditionalStyle(this.context, this._r, 'fill'));
  }
  get font(): ConditionalStyle {
    return this._child('font', () => new ConditionalStyle(this.context, this._r, 'font'));
  }
}

export class ConditionalStyle extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => ConditionalFormatModel | null,
    private readonly which: 'fill' | 'font',
  ) {
    super(context);
  }
  _resolve(): ConditionalFormatModel | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    const cf = e as ConditionalFormatModel;
    if (name === 'color') return (this.which === 'fill' ? cf.fill : cf.fontColor) ?? null;
    if (name === 'bold') return cf.bold ?? false;
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}'.`);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, (cf: ConditionalFormatModel) => {
      if (this.which === 'fill') cf.fill = v;
      else cf.fontColor = v;
    });
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v, (cf: ConditionalFormatModel) => (cf.bold = v));
  }
}

// ---------- tables ----------

export class TableCollection extends Collection<Table> {
  readonly onChanged: EventHandlers;

  constructor(
    context: RequestContext,
    private readonly _l: () => TableModel[] | null,
    private readonly _sheet?: () => SheetModel | null,
  ) {
    super(context);
    this.onChanged = new EventHandlers(context, { kind: 'tables', resolve: _sheet });
  }
  protected _list(): unknown[] | null {
    return this._l();
  }
  protected _item(e: unknown): Table {
    const t = e as TableModel;
    return new Table(this.context, () => {
      if (!this.context._model.tables.includes(t)) throw notFound(t.name);
      return t;
    });
  }
  add(address: string | Range, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    this.context._enqueue(() => {
      const m = this.context._model;
      let ref: RangeRef | null;
      if (typeof address === 'string') {
        const fixed = this._sheet?.();
        if (this._sheet && fixed === null) return;
        ref = m.resolve(address, fixed ?? undefined);
      } else ref = address._resolve();
      if (!ref) throw notFound('range');
      created = m.addTable(ref.sheet, ref.box, hasHeaders);
      m.changes.push({ sheet: ref.sheet, box: created.box, source: 'Local', changeType: 'RangeEdited' });
    }, typeof address === 'string' ? address : null);
    return new Table(this.context, () => created);
  }
  getItem(key: string): Table {
    return new Table(this.context, () => {
      const t = (this._l() ?? []).find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key);
      if (!t) throw notFound(key);
      return t;
    });
  }
  getItemOrNullObject(key: string): Table {
    return new Table(this.context, () => (this._l() ?? []).find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key) ?? null, true);
  }
  getItemAt(i: number): Table {
    return new Table(this.context, () => {
      const t = (this._l() ?? [])[i];
      if (!t) throw notFound(`index ${i}`);
      return t;
    });
  }
}

export class Table extends ClientObject {
  get id(): string {
    return this._get('id');
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  set showHeaders(v: boolean) {
    this._set('showHeaders', v, (t: TableModel) => this.context._model.setShowHeaders(t, v));
  }
  constructor(
    context: RequestContext,
    private readonly _r: () => TableModel | null,
    nullable = false,
  ) {
    super(context, nullable);
  }
  _resolve(): TableModel | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    const t = e as TableModel;
    switch (name) {
      case 'id':
        return t.id;
      case 'name':
        return t.name;
      case 'showTotals':
        return t.showTotals;
      case 'showHeaders':
        return t.hiddenHeaders === undefined;
      case 'style':
        return t.style;
      default:
        throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on Table.`);
    }
  }
  protected override _nav(name: string): ClientObject | undefined {
    switch (name) {
      case 'worksheet':
        return this.worksheet;
      case 'rows':
        return this.rows;
      case 'columns':
        return this.columns;
      default:
        return undefined;
    }
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (t: TableModel) => this.context._model.renameTable(t, v));
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  set showTotals(v: boolean) {
    this._set('showTotals', v, (t: TableModel) => this.context._model.setShowTotals(t, v));
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._set('style', v, (t: TableModel) => (t.style = v));
  }
  get worksheet(): Worksheet {
    return this._child('worksheet', () => new Worksheet(this.context, () => this._resolve()?.sheet ?? null));
  }
  get rows(): TableRowCollection {
    return this._child('rows', () => new TableRowCollection(this.context, () => this._resolve()));
  }
  get columns(): TableColumnCollection {
    return this._child('columns', () => new TableColumnCollection(this.context, () => this._resolve()));
  }
  get onChanged(): EventHandlers {
    return this._child('onChanged', () => new EventHandlers(this.context, { kind: 'table', resolve: () => this._resolve() }));
  }
  private range(f: (t: TableModel) => Box | null): Range {
    return new Range(this.context, () => {
      const t = this._resolve();
      if (t === null) return null;
      const b = f(t);
      if (!b) throw notFound('totals row');
      return { sheet: t.sheet, box: b };
    });
  }
  getRange(): Range {
    return this.range((t) => (t.hiddenHeaders ? { ...t.box, top: t.box.top + 1 } : t.box));
  }
  /** A table whose header row is hidden has none: Excel refuses (to be confirmed by scriptlab/office-js-checks.yaml). */
  getHeaderRowRange(): Range {
    return this.range((t) => {
      if (t.hiddenHeaders) throw new EmulatorError('InvalidOperation', 'The table has no header row (showHeaders is false).');
      return this.context._model.headerBox(t);
    });
  }
  getDataBodyRange(): Range {
    return this.range((t) => this.context._model.bodyBox(t));
  }
  getTotalRowRange(): Range {
    return this.range((t) => (t.showTotals ? { ...t.box, top: t.box.bottom } : null));
  }
  delete(): void {
    this._call((t: TableModel) => this.context._model.deleteTable(t));
  }
  /** Returns the cells the table held (the table itself is gone once this has run). */
  convertToRange(): Range {
    let held: RangeRef | null = null;
    this._call((t: TableModel) => {
      const m = this.context._model;
      held = { sheet: t.sheet, box: t.box };
      m.tables = m.tables.filter((x) => x !== t);
    });
    return new Range(this.context, () => held);
  }
  resize(address: string | Range): void {
    this._call((t: TableModel) => {
      const m = this.context._model;
      const ref = typeof address === 'string' ? m.resolve(address, t.sheet) : address._resolve();
      if (!ref || ref.sheet !== t.sheet || ref.box.top !== t.box.top) throw new EmulatorError('InvalidArgument', 'The header row must stay in place.');
      t.box = ref.box;
    });
  }
}

export class TableRowCollection extends Collection<TableRow> {
  constructor(
    context: RequestContext,
    private readonly _t: () => TableModel | null,
  ) {
    super(context);
  }
  protected _list(): unknown[] | null {
    const t = this._t();
    if (t === null) return null;
    const b = this.context._model.bodyBox(t);
    const out: { t: TableModel; i: number }[] = [];
    for (let r = b.top; r <= b.bottom; r++) out.push({ t, i: r - b.top });
    return out;
  }
  protected _item(e: unknown): TableRow {
    const { t, i } = e as { t: TableModel; i: number };
    return new TableRow(this.context, () => {
      const b = this.context._model.bodyBox(t);
      return { sheet: t.sheet, box: { ...b, top: b.top + i, bottom: b.top + i } };
    }, i);
  }
  get count(): number {
    return this._get('count');
  }
  add(index?: number | null, values?: unknown[][]): TableRow {
    let box: Box | null = null;
    this.context._enqueue(() => {
      const t = this._t();
      if (t === null) throw notFound('table');
      box = this.context._model.addRows(t, index ?? null, values ?? null, values?.length ?? 1);
    }, values ?? null);
    return new TableRow(this.context, () => {
      const t = this._t();
      return t && box ? { sheet: t.sheet, box } : null;
    }, index ?? -1);
  }
}

export class TableRow extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => RangeRef | null,
    private readonly index: number,
  ) {
    super(context);
  }
  _resolve(): RangeRef | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    const r = e as RangeRef;
    if (name === 'index') return this.index;
    if (name === 'values') {
      const out: unknown[] = [];
      for (let c = r.box.left; c <= r.box.right; c++) out.push(this.context._model.value(r.sheet, r.box.top, c));
      return [out];
    }
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on TableRow.`);
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  getRange(): Range {
    return new Range(this.context, this._r);
  }
}

export class TableColumnCollection extends Collection<TableColumn> {
  constructor(
    context: RequestContext,
    private readonly _t: () => TableModel | null,
  ) {
    super(context);
  }
  protected _list(): unknown[] | null {
    const t = this._t();
    if (t === null) return null;
    return this.context._model.headers(t).map((name, i) => ({ t, i, name }));
  }
  protected _item(e: unknown): TableColumn {
    const { t, i } = e as { t: TableModel; i: number };
    return new TableColumn(this.context, () => ({ t, i }));
  }
  get count(): number {
    return this._get('count');
  }
  private find(key: string | number): { t: TableModel; i: number } | null {
    const t = this._t();
    if (t === null) return null;
    const headers = this.context._model.headers(t);
    const i = typeof key === 'number' ? key - 1 : headers.findIndex((h) => h.toLowerCase() === key.toLowerCase());
    return i >= 0 && i < headers.length ? { t, i } : null;
  }
  getItem(key: string | number): TableColumn {
    return new TableColumn(this.context, () => {
      const f = this.find(key);
      if (!f) throw notFound(String(key));
      return f;
    });
  }
  getItemOrNullObject(key: string | number): TableColumn {
    return new TableColumn(this.context, () => this.find(key), true);
  }
  getItemAt(i: number): TableColumn {
    return new TableColumn(this.context, () => {
      const t = this._t();
      if (t === null) return null;
      if (i < 0 || t.box.left + i > t.box.right) throw notFound(`column ${i}`);
      return { t, i };
    });
  }
  /** New columns on the right only (what the add-in needs); cells to the right are not moved. */
  add(index?: number | null, values?: unknown[][], name?: string): TableColumn {
    let created: { t: TableModel; i: number } | null = null;
    this.context._enqueue(() => {
      const t = this._t();
      if (t === null) throw notFound('table');
      const m = this.context._model;
      const width = t.box.right - t.box.left + 1;
      if (index !== undefined && index !== null && index !== width) throw new EmulatorError('NotImplemented', 'The emulator adds table columns on the right only.');
      const c = t.box.right + 1;
      if (m.tables.some((o) => o !== t && o.sheet === t.sheet && intersects(o.box, { ...t.box, left: c, right: c }))) throw new EmulatorError('InvalidOperation', 'The new column would overlap another table.');
      t.box = { ...t.box, right: c };
      if (values) m.writeBlock(t.sheet, { ...t.box, left: c, right: c, bottom: t.box.top + values.length - 1 }, values);
      if (name) m.write(t.sheet, t.box.top, c, `'${name}`);
      if (String(m.value(t.sheet, t.box.top, c)) === '') m.write(t.sheet, t.box.top, c, `Column${width + 1}`);
      created = { t, i: width };
    }, values ?? null);
    return new TableColumn(this.context, () => created);
  }
}

export class TableColumn extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => { t: TableModel; i: number } | null,
    nullable = false,
  ) {
    super(context, nullable);
  }
  _resolve(): { t: TableModel; i: number } | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    const { t, i } = e as { t: TableModel; i: number };
    const m = this.context._model;
    switch (name) {
      case 'name':
        return m.headers(t)[i];
      case 'index':
        return i;
      case 'id':
        return i + 1;
      case 'values': {
        const out: unknown[][] = [];
        for (let r = t.box.top; r <= t.box.bottom; r++) out.push([m.value(t.sheet, r, t.box.left + i)]);
        return out;
      }
      default:
        throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on TableColumn.`);
    }
  }
  get name(): string {
    return this._get('name');
  }
  get index(): number {
    return this._get('index');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  private col(f: (t: TableModel) => Box): Range {
    return new Range(this.context, () => {
      const e = this._resolve();
      if (!e) return null;
      const b = f(e.t);
      return { sheet: e.t.sheet, box: { ...b, left: e.t.box.left + e.i, right: e.t.box.left + e.i } };
    });
  }
  getDataBodyRange(): Range {
    return this.col((t) => this.context._model.bodyBox(t));
  }
  getHeaderRowRange(): Range {
    return this.col((t) => this.context._model.headerBox(t));
  }
  getRange(): Range {
    return this.col((t) => t.box);
  }
}

// ---------- charts ----------

export class ChartCollection extends Collection<Chart> {
  constructor(
    context: RequestContext,
    private readonly _s: () => SheetModel | null,
  ) {
    super(context);
  }
  protected _list(): unknown[] | null {
    return this._s()?.charts ?? null;
  }
  protected _item(e: unknown): Chart {
    return new Chart(this.context, () => e as ChartModel);
  }
  get count(): number {
    return this._get('count');
  }
  add(type: string, sourceData: Range, seriesBy: string = 'Auto'): Chart {
    let created: ChartModel | null = null;
    this.context._enqueue(() => {
      const s = this._s();
      if (s === null) throw notFound('worksheet');
      const src = sourceData._resolve();
      if (!src) throw notFound('source range');
      const m = this.context._model;
      let n = s.charts.length + 1;
      while (s.charts.some((c) => c.name === `Graphique ${n}`)) n++;
      created = { id: m.id('C'), name: `Graphique ${n}`, type, source: m.address(src.sheet, src.box), seriesBy, title: '', settings: {} };
      s.charts.push(created);
    }, type);
    return new Chart(this.context, () => created);
  }
  getItem(name: string): Chart {
    return new Chart(this.context, () => {
      const c = this._s()?.charts.find((x) => x.name === name || x.id === name);
      if (!c) throw notFound(name);
      return c;
    });
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, () => this._s()?.charts.find((x) => x.name === name || x.id === name) ?? null, true);
  }
}

export class Chart extends ClientObject {
  get id(): string {
    return this._get('id');
  }
  get seriesBy(): string {
    return this._get('seriesBy');
  }
  get source(): string {
    return this._get('source');
  }
  constructor(
    context: RequestContext,
    private readonly _r: () => ChartModel | null,
    nullable = false,
  ) {
    super(context, nullable);
  }
  _resolve(): ChartModel | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    const c = e as ChartModel;
    switch (name) {
      case 'id':
        return c.id;
      case 'name':
        return c.name;
      case 'chartType':
        return c.type;
      case 'seriesBy':
        return c.seriesBy;
      case 'source':
        return c.source;
      default:
        throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on Chart.`);
    }
  }
  protected override _nav(name: string): ClientObject | undefined {
    return name === 'title' ? this.title : undefined;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (c: ChartModel) => (c.name = v));
  }
  get chartType(): string {
    return this._get('chartType');
  }
  set chartType(v: string) {
    this._set('chartType', v, (c: ChartModel) => (c.type = v));
  }
  get title(): ChartTitle {
    return this._child('title', () => new ChartTitle(this.context, this._r));
  }
  get axes(): Record<string, unknown> {
    return this._child('axes', () => settingsObject(this.context, () => {
      const c = this._resolve();
      return c ? ((c.settings.axes ??= {}) as Record<string, unknown>) : null;
    }));
  }
  get legend(): Record<string, unknown> {
    return this._child('legend', () => settingsObject(this.context, () => {
      const c = this._resolve();
      return c ? ((c.settings.legend ??= {}) as Record<string, unknown>) : null;
    }));
  }
  setPosition(start: string | Range, end?: string | Range): void {
    const addr = (x: string | Range | undefined) => (x === undefined ? undefined : typeof x === 'string' ? x : boxAddress(x._resolve()!.box));
    this._call((c: ChartModel) => (c.position = { start: addr(start)!, end: addr(end) }));
  }
  delete(): void {
    this._call((c: ChartModel) => {
      for (const s of this.context._model.sheets) s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

export class ChartTitle extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly _r: () => ChartModel | null,
  ) {
    super(context);
  }
  _resolve(): ChartModel | null {
    return this._r();
  }
  protected _scalar(e: unknown, name: string): unknown {
    if (name === 'text') return (e as ChartModel).title;
    if (name === 'visible') return (e as ChartModel).title !== '';
    throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on ChartTitle.`);
  }
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._set('text', v, (c: ChartModel) => (c.title = v));
  }
}

// ---------- events ----------

export type EventTarget =
  | { kind: 'worksheets' }
  | { kind: 'activated' }
  | { kind: 'worksheet'; resolve: () => SheetModel | null }
  | { kind: 'tables'; resolve?: () => SheetModel | null }
  | { kind: 'table'; resolve: () => TableModel | null };

export interface Registration {
  kind: string;
  /** A sheet id, a table id, or "" for the workbook. */
  key: string;
  handler: (args: unknown) => unknown;
}

export class EventHandlerResult {
  constructor(
    readonly context: RequestContext,
    private readonly reg: Registration,
  ) {}
  remove(): void {
    this.context._enqueue(() => this.context._emu._unregister(this.reg));
  }
}

export class EventHandlers {
  constructor(
    private readonly context: RequestContext,
    private readonly target: EventTarget,
  ) {}
  /** Registered at the next sync, as in Office.js. */
  add(handler: (args: never) => unknown): EventHandlerResult {
    const reg: Registration = { kind: this.target.kind, key: '', handler: handler as (a: unknown) => unknown };
    this.context._enqueue(() => {
      const t = this.target;
      if (t.kind === 'worksheet' || t.kind === 'table') {
        const e = t.resolve();
        if (!e) throw notFound('event source');
        reg.key = e.id;
      } else if (t.kind === 'tables' && t.resolve) {
        const s = t.resolve();
        if (!s) throw notFound('worksheet');
        reg.key = s.id;
      }
      this.context._emu._register(reg);
    });
    return new EventHandlerResult(this.context, reg);
  }
}

export { parseBox };
