/**
 * Reads a workbook snapshot against the contract: finds each table and column, turns each cell into
 * a typed value, and reports the cell-level findings (workbook.*, cell.*, period.outside,
 * axis.unknown). Domain rules then work on the typed model only.
 */
import {
  actionsTable,
  avenantsTable,
  bilansTable,
  conventionTable,
  financingTable,
  headerKeys,
  instancesTable,
  jalonsTable,
  participationTables,
  partnersTable,
  resolveAxis,
  resolveFunder,
  resolveAvenantKind,
  resolveInstance,
  resolveStatus,
  type ColumnDef,
  type TableDef,
} from './contract';
import type { RawFinding, MessageParams, RuleId } from './findings';
import { centsFromFrenchText, readCellNumber, type Cents } from './money';
import { profile, type AvenantKind, type AxisId, type FunderId, type InstanceId, type StatusId } from './profile';
import {
  cellAddress,
  isBlank,
  isCellError,
  isUncalculated,
  type CellValue,
  type TableSnapshot,
  type WorkbookSnapshot,
  isDate,
} from './snapshot';
import { closest, matchKey, parseDateText } from './text';
import { serialToDate } from './cells';

export interface Ref {
  sheet: string;
  cell: string;
}

/** A signatory's id, or a co-funder's name as the user wrote it in a participation header. */
export type FunderKey = FunderId | `co:${string}`;

export interface Row<T> {
  /** Typed values; undefined when the cell is blank or unusable (a finding then says why). */
  v: Partial<T>;
  ref: Record<keyof T, Ref>;
  /** 0-based index among the table's data rows. */
  index: number;
  /** Columns whose cell holds something unreadable (a finding says why): not blank, not a value either. */
  bad?: ReadonlySet<string>;
}

export interface ConventionFields {
  funder: FunderKey;
  year: number;
  amount: Cents;
  status: StatusId;
  basis: string;
  avenant: string;
  decision: string;
}
export interface ActionFields {
  code: string;
  axis: AxisId;
  title: string;
  holder: string;
  entryYear: number;
  copilDecision: string;
}
export interface FinancingFields {
  code: string;
  year: number;
  funder: FunderKey;
  planned: Cents;
  committed: Cents;
  paid: Cents;
  reference: string;
  comment: string;
}
export interface AvenantFields {
  number: string;
  date: Date;
  object: string;
  deliberation: string;
  kind: AvenantKind;
  funder: FunderKey;
  year: number;
  amount: Cents;
  /** Collectivités the avenant adds, separated by ";" or line breaks. */
  partners: string;
}
export interface PartnerFields {
  name: string;
  kind: string;
  deliberation: string;
  date: Date;
  avenant: string;
}
export interface InstanceFields {
  instance: InstanceId;
  date: Date;
  object: string;
}
export interface BilanFields {
  code: string;
  year: number;
  receivedOn: Date;
  comment: string;
  period: string;
}
export interface JalonFields {
  milestone: string;
  due: Date;
  doneOn: Date;
  evaluator: string;
}

export interface ParticipationCell {
  funder: FunderKey;
  axis: AxisId;
  amount: Cents;
  ref: Ref;
}

export interface ParticipationTable {
  year: number;
  sheet: string;
  funders: { key: FunderKey; header: string; ref: Ref; range: Ref }[];
  cells: ParticipationCell[];
  /** Cells that hold something unreadable (cell.not-a-number…): their funder and axis, so that no total is judged without them. */
  unreadable: { funder: FunderKey; axis: AxisId | undefined; ref: Ref }[];
  /** The whole data range, for findings about the table. */
  range: Ref;
}

export interface LocatedTable {
  def: TableDef;
  table: TableSnapshot;
  /** Column index in the snapshot for each column key of the def; -1 when absent. */
  columns: Record<string, number>;
}

export interface Model {
  convention: Row<ConventionFields>[];
  participations: ParticipationTable[];
  actions: Row<ActionFields>[];
  financing: Row<FinancingFields>[];
  avenants: Row<AvenantFields>[];
  partners: Row<PartnerFields>[];
  instances: Row<InstanceFields>[];
  bilans: Row<BilanFields>[];
  jalons: Row<JalonFields>[];
  coFunders: string[];
  /** Where each table is, for findings that point at a whole table. */
  located: Record<string, LocatedTable | undefined>;
}

export interface Reader {
  emit(rule: RuleId, ref: Ref, params?: MessageParams): void;
}

export function findTable(snapshot: WorkbookSnapshot, def: TableDef): TableSnapshot | undefined {
  const key = matchKey(def.name);
  return snapshot.tables.find((t) => matchKey(t.name) === key);
}


class CellReader {
  private coFunderKeys = new Map<string, string>();
  constructor(
    private readonly out: RawFinding[],
    coFunders: string[],
  ) {
    for (const c of coFunders) this.coFunderKeys.set(matchKey(c), c);
  }

  emit(rule: RuleId, ref: Ref, params: MessageParams = {}): void {
    this.out.push({ rule, sheet: ref.sheet, cell: ref.cell, params });
  }

  /** Shared answer for a cell that holds something of the wrong kind in a non-amount column. */
  private unusable(v: CellValue, ref: Ref, column: string, variant: string): void {
    const text = isCellError(v) ? v.error : isUncalculated(v) ? v.uncalculated : String(v);
    this.emit('cell.required', ref, { column, variant, text });
  }

  text(v: CellValue, ref: Ref, column: string): string | undefined {
    if (isBlank(v)) return undefined;
    if (isCellError(v) || isUncalculated(v)) {
      this.unusable(v, ref, column, isCellError(v) ? 'error-value' : 'uncalculated');
      return undefined;
    }
    if (isDate(v)) return v.toISOString().slice(0, 10);
    return String(v).trim();
  }

  amount(v: CellValue, ref: Ref, column: string): Cents | undefined {
    if (isBlank(v)) return undefined;
    if (typeof v === 'number') {
      const r = readCellNumber(v);
      if (r.kind === 'sub-cent') {
        this.emit('cell.sub-cent', ref, { column, text: r.value });
        return undefined;
      }
      if (r.kind === 'not-finite') {
        this.emit('cell.not-a-number', ref, { column, text: String(v), variant: 'other' });
        return undefined;
      }
      if (r.cents < 0) {
        this.emit('cell.negative', ref, { column, actual: r.cents });
        return undefined;
      }
      return r.cents;
    }
    if (typeof v === 'string') {
      const suggested = centsFromFrenchText(v);
      this.emit('cell.not-a-number', ref, {
        column,
        text: v,
        variant: suggested === null ? 'text' : 'text-amount',
        suggestion: suggested === null ? undefined : String(suggested / 100),
      });
      return undefined;
    }
    const variant = isCellError(v) ? 'error-value' : isUncalculated(v) ? 'uncalculated' : isDate(v) ? 'date' : 'boolean';
    const text = isCellError(v) ? v.error : isUncalculated(v) ? v.uncalculated : isDate(v) ? v.toISOString().slice(0, 10) : String(v);
    this.emit('cell.not-a-number', ref, { column, text, variant });
    return undefined;
  }

  year(v: CellValue, ref: Ref, column: string): number | undefined {
    if (isBlank(v)) return undefined;
    let n: number | undefined;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) n = Number(v);
    if (n === undefined || !Number.isInteger(n)) {
      if (isCellError(v) || isUncalculated(v)) this.unusable(v, ref, column, isCellError(v) ? 'error-value' : 'uncalculated');
      else this.emit('cell.bad-year', ref, { column, text: isDate(v) ? v.toISOString().slice(0, 10) : String(v) });
      return undefined;
    }
    if (!(profile.years as readonly number[]).includes(n)) {
      const hinted = n >= 14 && n <= 16 ? String(2000 + n) : undefined;
      this.emit('period.outside', ref, { column, year: n, suggestion: hinted });
      return undefined;
    }
    return n;
  }

  date(v: CellValue, ref: Ref, column: string): Date | undefined {
    if (isBlank(v)) return undefined;
    if (isDate(v) && !Number.isNaN(v.getTime())) return v;
    if (typeof v === 'number' && v > 1 && v < 2958466) return serialToDate(v);
    if (typeof v === 'string') {
      const d = parseDateText(v);
      if (d) return d;
    }
    if (isCellError(v) || isUncalculated(v)) this.unusable(v, ref, column, isCellError(v) ? 'error-value' : 'uncalculated');
    else this.unusable(v, ref, column, 'not-a-date');
    return undefined;
  }

  funder(v: CellValue, ref: Ref, column: string): FunderKey | undefined {
    const t = this.text(v, ref, column);
    if (t === undefined) return undefined;
    const id = resolveFunder(t);
    if (id) return id;
    const co = this.coFunderKeys.get(matchKey(t));
    if (co) return `co:${co}`;
    const candidates = [...profile.funders.map((f) => ({ label: f.label.fr, keys: [f.label.fr, ...f.aliases] })), ...[...this.coFunderKeys.values()].map((c) => ({ label: c, keys: [c] }))];
    const best = closest(t, candidates, (c) => c.keys);
    this.emit('cell.unknown-funder', ref, { column, text: t, suggestion: best?.label });
    return undefined;
  }

  axis(v: CellValue, ref: Ref, column: string): AxisId | undefined {
    const t = typeof v === 'number' ? String(v) : this.text(v, ref, column);
    if (t === undefined) return undefined;
    const id = resolveAxis(t);
    if (!id) this.emit('axis.unknown', ref, { column, text: t });
    return id;
  }

  choice<T>(v: CellValue, ref: Ref, column: string, resolve: (s: string) => T | undefined, listVariant: string): T | undefined {
    const t = this.text(v, ref, column);
    if (t === undefined) return undefined;
    const id = resolve(t);
    if (id === undefined) this.emit('cell.required', ref, { column, text: t, variant: listVariant });
    return id;
  }

  read(def: ColumnDef, v: CellValue, ref: Ref, header: string): unknown {
    switch (def.kind) {
      case 'text':
        return this.text(v, ref, header);
      case 'amount':
        return this.amount(v, ref, header);
      case 'year':
        return this.year(v, ref, header);
      case 'date':
        return this.date(v, ref, header);
      case 'funder':
        return this.funder(v, ref, header);
      case 'axis':
        return this.axis(v, ref, header);
      case 'status':
        return this.choice(v, ref, header, resolveStatus, 'status');
      case 'instance': {
        // A meeting the list does not know is still a meeting: a warning, never a blocking error.
        const t = this.text(v, ref, header);
        if (t === undefined) return undefined;
        const id = resolveInstance(t);
        if (id === undefined) this.emit('governance.unknown-body', ref, { column: header, text: t });
        return id;
      }
      case 'avenant-kind':
        return this.choice(v, ref, header, resolveAvenantKind, 'avenant-kind');
    }
  }
}

function headerRange(t: TableSnapshot): Ref {
  return { sheet: t.sheet, cell: `${cellAddress(t.headerRow, t.firstColumn)}:${cellAddress(t.headerRow, t.firstColumn + Math.max(0, t.headers.length - 1))}` };
}

function tableRange(t: TableSnapshot): Ref {
  const lastRow = t.headerRow + Math.max(1, t.rows.length);
  return { sheet: t.sheet, cell: `${cellAddress(t.headerRow, t.firstColumn)}:${cellAddress(lastRow, t.firstColumn + Math.max(0, t.headers.length - 1))}` };
}

export { tableRange };

/** Maps the def's columns to the snapshot's; reports the missing required ones. */
function locate(snapshot: WorkbookSnapshot, def: TableDef, r: CellReader): LocatedTable | undefined {
  const table = findTable(snapshot, def);
  if (!table) {
    r.emit('workbook.table-missing', { sheet: def.sheet.fr, cell: 'A1' }, { table: def.name, sheet: def.sheet.fr, variant: 'absent' });
    return undefined;
  }
  if (!table.isTable) {
    r.emit('workbook.table-missing', headerRange(table), { table: def.name, sheet: table.sheet, variant: 'range' });
  }
  const keys = table.headers.map((h) => matchKey(h ?? ''));
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  for (const c of def.columns) {
    const accepted = headerKeys(c);
    const i = keys.findIndex((k) => accepted.includes(k));
    columns[c.key] = i;
    if (i < 0 && c.required) missing.push(c.header.fr);
  }
  for (const m of missing) r.emit('workbook.column-missing', headerRange(table), { table: def.name, column: m });
  return { def, table, columns };
}

function mergedSet(t: TableSnapshot): Set<string> | undefined {
  return t.mergedCells && t.mergedCells.length ? new Set(t.mergedCells) : undefined;
}

/**
 * Where the reader stands: one mutable object per table instead of a Ref per cell, because
 * 100 000 lines × 8 columns of address strings cost more than the whole rule pass. emit() copies
 * the address it needs, so reusing the cursor is safe.
 */
class Cursor implements Ref {
  row = 0;
  col = 0;
  constructor(readonly sheet: string) {}
  get cell(): string {
    return cellAddress(this.row, this.col);
  }
}

/** A data row; its cell references are built only when a rule asks for one (a finding). */
class TableRow<T> implements Row<T> {
  constructor(
    readonly v: Partial<T>,
    readonly index: number,
    private readonly loc: LocatedTable,
    readonly bad?: ReadonlySet<string>,
  ) {}
  get ref(): Record<keyof T, Ref> {
    const { def, table, columns } = this.loc;
    const sheetRow = table.headerRow + 1 + this.index;
    const ref: Record<string, Ref> = {};
    for (const c of def.columns) {
      const ci = columns[c.key];
      ref[c.key] = { sheet: table.sheet, cell: cellAddress(sheetRow, table.firstColumn + (ci >= 0 ? ci : 0)) };
    }
    return ref as Record<keyof T, Ref>;
  }
}

function readRows<T>(loc: LocatedTable | undefined, r: CellReader): Row<T>[] {
  if (!loc) return [];
  const { def, table, columns } = loc;
  const out: Row<T>[] = [];
  const merged = mergedSet(table);
  const present = def.columns.filter((c) => columns[c.key] >= 0);
  const idx = present.map((c) => columns[c.key]);
  const headers = idx.map((ci) => table.headers[ci]);
  const at = new Cursor(table.sheet);
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    // An empty row inside a table is harmless (Excel users leave them): skip it.
    let empty = true;
    for (let k = 0; k < idx.length && empty; k++) if (!isBlank(cells[idx[k]] ?? null)) empty = false;
    if (empty) continue;
    at.row = table.headerRow + 1 + i;
    const v: Record<string, unknown> = {};
    let bad: Set<string> | undefined;
    for (let k = 0; k < present.length; k++) {
      const c = present[k];
      const raw = cells[idx[k]] ?? null;
      at.col = table.firstColumn + idx[k];
      if (isBlank(raw)) {
        if (c.required) r.emit('cell.required', at, { column: headers[k], variant: merged?.has(at.cell) ? 'merged' : 'blank' });
        continue;
      }
      const val = r.read(c, raw, at, headers[k]);
      if (val !== undefined) v[c.key] = val;
      else (bad ??= new Set()).add(c.key);
    }
    out.push(new TableRow<T>(v as Partial<T>, i, loc, bad));
  }
  return out;
}

const signatoryCandidates = profile.funders.map((f) => ({ id: f.id, keys: [f.label.fr, ...f.aliases] }));

/** Funder columns are whatever stands between Axe and Total: signatories by alias, co-funders by name. */
function readParticipations(loc: LocatedTable | undefined, year: number, r: CellReader, coFunders: string[]): ParticipationTable | undefined {
  if (!loc) return undefined;
  const { table, columns } = loc;
  const axisCol = columns.axis;
  const totalCol = columns.total;
  const funders: ParticipationTable['funders'] = [];
  const lastRow = table.headerRow + Math.max(1, table.rows.length);
  table.headers.forEach((h, ci) => {
    if (ci === axisCol || ci === totalCol || isBlank(h)) return;
    const colNo = table.firstColumn + ci;
    const ref = { sheet: table.sheet, cell: cellAddress(table.headerRow, colNo) };
    const range = { sheet: table.sheet, cell: `${cellAddress(table.headerRow + 1, colNo)}:${cellAddress(lastRow, colNo)}` };
    const id = resolveFunder(h);
    if (id) {
      funders.push({ key: id, header: h, ref, range });
      return;
    }
    const typo = closest(h, signatoryCandidates, (c) => c.keys);
    if (typo) {
      r.emit('cell.unknown-funder', ref, { column: h, text: h, suggestion: profile.funders.find((f) => f.id === typo.id)!.label.fr });
      return;
    }
    funders.push({ key: `co:${h.trim()}`, header: h, ref, range });
    if (!coFunders.some((c) => matchKey(c) === matchKey(h))) coFunders.push(h.trim());
  });
  const cells: ParticipationCell[] = [];
  const unreadable: ParticipationTable['unreadable'] = [];
  if (axisCol >= 0) {
    const funderCols = funders.map((f) => table.headers.indexOf(f.header));
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i];
      const sheetRow = table.headerRow + 1 + i;
      if (isBlank(row[axisCol] ?? null) && funderCols.every((ci) => isBlank(row[ci] ?? null))) continue;
      const axisRef = { sheet: table.sheet, cell: cellAddress(sheetRow, table.firstColumn + axisCol) };
      const axisV = row[axisCol] ?? null;
      let axis: AxisId | undefined;
      if (isBlank(axisV)) r.emit('cell.required', axisRef, { column: table.headers[axisCol], variant: 'blank' });
      else axis = r.axis(axisV, axisRef, table.headers[axisCol]);
      funderCols.forEach((ci, k) => {
        const ref = { sheet: table.sheet, cell: cellAddress(sheetRow, table.firstColumn + ci) };
        const raw = row[ci] ?? null;
        // A blank participation is a participation of zero; an unreadable one is left out (its finding says why).
        const amount = isBlank(raw) ? 0 : r.amount(raw, ref, funders[k].header);
        if (axis && amount !== undefined) cells.push({ funder: funders[k].key, axis, amount, ref });
        // An unreadable amount, or an amount on an unknown axis: left out, and remembered so no total is judged without it.
        else if (amount === undefined || amount !== 0) unreadable.push({ funder: funders[k].key, axis, ref });
      });
    }
  }
  return { year, sheet: table.sheet, funders, cells, unreadable, range: tableRange(table) };
}

export function readModel(snapshot: WorkbookSnapshot, out: RawFinding[]): Model {
  const coFunders: string[] = [];
  const r = new CellReader(out, coFunders);
  const located: Model['located'] = {};
  const loc = (def: TableDef) => (located[def.key] = locate(snapshot, def, r));
  // Participations first: their headers declare the co-funders the other tables may name.
  const participations: ParticipationTable[] = [];
  participationTables.forEach((def, i) => {
    const p = readParticipations(loc(def), profile.years[i], r, coFunders);
    if (p) participations.push(p);
  });
  const r2 = new CellReader(out, coFunders);
  return {
    convention: readRows<ConventionFields>(loc(conventionTable), r2),
    participations,
    actions: readRows<ActionFields>(loc(actionsTable), r2),
    financing: readRows<FinancingFields>(loc(financingTable), r2),
    avenants: readRows<AvenantFields>(loc(avenantsTable), r2),
    partners: readRows<PartnerFields>(loc(partnersTable), r2),
    instances: readRows<InstanceFields>(loc(instancesTable), r2),
    bilans: readRows<BilanFields>(loc(bilansTable), r2),
    jalons: readRows<JalonFields>(loc(jalonsTable), r2),
    coFunders,
    located,
  };
}

/** Where a host that found no Excel table may find the header row: the first of the sheet's first rows that holds every required header. */
export function findHeaderRow(def: TableDef, firstRows: CellValue[][]): { row: number; column: number } | null {
  const required = def.columns.filter((c) => c.required).map(headerKeys);
  for (let r = 0; r < firstRows.length; r++) {
    const keys = firstRows[r].map((v) => (typeof v === 'string' ? matchKey(v) : ''));
    if (required.every((acc) => keys.some((k) => acc.includes(k)))) {
      const first = keys.findIndex((k) => k !== '');
      return { row: r + 1, column: first + 1 };
    }
  }
  return null;
}
