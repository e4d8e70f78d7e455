/**
 * The browser preview's host: the same task pane outside Office, on a workbook held in memory (an
 * .xlsx the user picked, or the plan `init` builds). Nothing leaves the browser. `sync` runs the
 * core's check; `select` records the cell so the pane can show it in a small grid and announce it.
 */
import type { CheckResult } from '../../core/check';
import { journalTable, userTables } from '../../core/contract';
import { snapshotFromPlan } from '../../core/planSnapshot';
import { cellAddress, columnLetter, parseAddress, type CellValue, type WorkbookSnapshot } from '../../core/snapshot';
import type { WorkbookPlan } from '../../core/template';
import { formatDate, matchKey } from '../../core/text';
import type { Analysis, ClosureWritten, HostCapabilities, InitializeReport, SelectedRange, SyncOutcome, WorkbookHost, WrittenSheet } from '../host';
import type { RecordRow } from '../../core/versions/closure';
import { withRecord, type JournalLine } from '../../core/versions/closing';
import { formulaValue } from './gridValues';

/** ExcelJS holds the whole workbook in memory several times over: beyond this, Excel is the tool. */
export const PREVIEW_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A file the preview cannot hold or read. `kind` says which, `cause` keeps the reader's error (the
 * pane words it by its kind: hosts/xlsx/guard.ts' InputError); its text is never shown to the user.
 */
export class PreviewFileError extends Error {
  constructor(
    readonly kind: 'too-large' | 'unreadable' | 'not-xlsx',
    readonly file: string,
    readonly detail: string,
    override readonly cause?: unknown,
  ) {
    super(detail);
  }
}

/** A zip's first local header: what every .xlsx starts with. */
const isZip = (b: Uint8Array) => b.length >= 22 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export interface GridCell {
  address: string;
  text: string;
  selected: boolean;
}

export interface Grid {
  sheet: string;
  cell: string;
  columns: string[];
  rows: { row: number; cells: GridCell[] }[];
  /** The selected cell's shown value ('' when blank). */
  value: string;
}

export interface PreviewState {
  /** File name, or null for the example / a workbook built in the preview. */
  source: { kind: 'none' | 'file' | 'plan'; name: string | null };
  selection: { sheet: string; cell: string } | null;
  lastResult: CheckResult | null;
}

export class PreviewHost implements WorkbookHost {
  readonly kind = 'preview' as const;
  /** No workbook to write sheets into (the preview offers the files), no selection, no validation lists. */
  readonly capabilities: HostCapabilities = { writeSheets: false, readSelection: false, validationLists: false };
  private snapshot: WorkbookSnapshot = { sheets: [], tables: [] };
  private state: PreviewState = { source: { kind: 'none', name: null }, selection: null, lastResult: null };
  private listeners = new Set<() => void>();
  private editListeners = new Set<() => void>();
  private synced = false;

  getState(): PreviewState {
    return this.state;
  }

  /** For React's useSyncExternalStore: the pane re-renders when the selection or workbook changes. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  async isEmpty(): Promise<boolean> {
    return !this.snapshot.tables.some((t) => userTables.some((d) => matchKey(d.name) === matchKey(t.name)));
  }

  /** Never overwrites: only the sheets and tables the workbook lacks are added; `restore` makes plain ranges tables again first. */
  async initialize(plan: WorkbookPlan, options: { restore?: boolean } = {}): Promise<InitializeReport> {
    const converted = options.restore ? this.snapshot.tables.filter((t) => !t.isTable).map((t) => t.name) : [];
    if (options.restore) this.snapshot = { ...this.snapshot, tables: this.snapshot.tables.map((t) => (t.isTable ? t : { ...t, isTable: true })) };
    const built = snapshotFromPlan(plan);
    const have = new Set(this.snapshot.tables.map((t) => matchKey(t.name)));
    const added = built.tables.filter((t) => !have.has(matchKey(t.name)));
    const tables = [...this.snapshot.tables, ...added];
    const sheetsAdded = built.sheets.filter((s) => !this.snapshot.sheets.includes(s));
    const sheets = [...this.snapshot.sheets, ...sheetsAdded];
    const wasEmpty = this.snapshot.tables.length === 0;
    // The convention the workbook carries stays (the pane's Initialiser adds tables, nothing else).
    this.snapshot = { ...this.snapshot, sheets, tables };
    this.set({ source: wasEmpty ? { kind: 'plan', name: null } : this.state.source, selection: null, lastResult: null });
    return { created: added.map((t) => t.name), skipped: built.tables.filter((t) => have.has(matchKey(t.name))).map((t) => ({ table: t.name, reason: 'exists' as const })), sheetsAdded, converted };
  }

  /** Replaces the workbook with a fresh one built from the plan (the embedded example). */
  async loadPlan(plan: WorkbookPlan): Promise<void> {
    this.snapshot = { sheets: [], tables: [] };
    await this.initialize(plan);
  }

  /** Replaces the workbook with the .xlsx the user picked. */
  async openFile(name: string, data: ArrayBuffer): Promise<void> {
    if (data.byteLength > PREVIEW_MAX_BYTES) throw new PreviewFileError('too-large', name, `${Math.round(PREVIEW_MAX_BYTES / 1024 / 1024)} Mo`);
    if (!isZip(new Uint8Array(data, 0, Math.min(data.byteLength, 22)))) throw new PreviewFileError('not-xlsx', name, '');
    let snapshot: WorkbookSnapshot;
    try {
      const { readXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ './xlsx');
      snapshot = await readXlsx(data);
    } catch (e) {
      throw new PreviewFileError('unreadable', name, '', e);
    }
    this.snapshot = snapshot;
    this.set({ source: { kind: 'file', name }, selection: null, lastResult: null });
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return this.snapshot;
  }

  /** The analysis runs on the workbook held; its results plan has nowhere to go (no sheets are written here). */
  async applyResults(analyse: (snapshot: WorkbookSnapshot) => Promise<Analysis>): Promise<SyncOutcome> {
    const { result } = await analyse(this.snapshot);
    this.synced = true;
    this.set({ lastResult: result });
    return { result, roundTrips: 0 };
  }

  writeSheet(): Promise<WrittenSheet> {
    return Promise.reject(new Error('The browser preview writes no sheets: it offers the files.'));
  }

  async readSelection(): Promise<SelectedRange | null> {
    return null;
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (!this.snapshot.sheets.includes(sheet)) throw new Error(`sheet ${sheet} not found`);
    this.set({ selection: { sheet, cell } });
  }

  async onUserEdit(callback: () => void): Promise<() => void> {
    // The preview has no cell editing: opening another file is followed by an explicit sync.
    this.editListeners.add(callback);
    return () => this.editListeners.delete(callback);
  }

  /** Records a year's closing or reopening (issue 15) in the workbook held in memory, Journal line included. */
  async writeClosure(rows: RecordRow[], journal: JournalLine): Promise<ClosureWritten> {
    this.snapshot = withRecord(this.snapshot, rows, journal);
    this.set({});
    const log = this.snapshot.tables.find((t) => matchKey(t.name) === matchKey(journalTable.name))!;
    return { journal: true, journalSheet: log.sheet };
  }

  /** In memory nothing is written; a sync is what would write in Excel. */
  async resultsWritten(): Promise<boolean> {
    return this.synced;
  }

  /**
   * The cells around the selection, read from the tables of its sheet (what the preview knows):
   * `radius` columns either side, and every row of a range (B5:B8) selected whole, up to 12.
   */
  grid(lang: 'fr' | 'en', radius = 2): Grid | null {
    const sel = this.state.selection;
    if (!sel) return null;
    const [from, to] = sel.cell.split(':');
    const first = parseAddress(from);
    if (!first) return null;
    const last = (to && parseAddress(to)) || first;
    const box = { top: Math.min(first.row, last.row), bottom: Math.max(first.row, last.row), left: Math.min(first.col, last.col), right: Math.max(first.col, last.col) };
    const values = new Map<string, CellValue>();
    for (const t of this.snapshot.tables) {
      if (t.sheet !== sel.sheet) continue;
      t.headers.forEach((h, i) => values.set(cellAddress(t.headerRow, t.firstColumn + i), h));
      t.rows.forEach((r, ri) => r.forEach((v, ci) => values.set(cellAddress(t.headerRow + 1 + ri, t.firstColumn + ci), v)));
    }
    const shown = (address: string) => showValue(computed(values.get(address) ?? null, values), lang);
    const colFrom = Math.max(1, box.left - radius);
    const colTo = Math.max(colFrom + 2 * radius, Math.min(box.right + radius, colFrom + 2 * radius + 2));
    const rowFrom = Math.max(1, box.top - radius);
    const rowTo = Math.max(rowFrom + 2 * radius, Math.min(box.bottom + 1, rowFrom + 12));
    const columns: string[] = [];
    for (let c = colFrom; c <= colTo; c++) columns.push(columnLetter(c));
    const rows: Grid['rows'] = [];
    for (let r = rowFrom; r <= rowTo; r++) {
      const cells: GridCell[] = [];
      for (let c = colFrom; c <= colTo; c++) {
        const address = cellAddress(r, c);
        cells.push({ address, text: shown(address), selected: r >= box.top && r <= box.bottom && c >= box.left && c <= box.right });
      }
      rows.push({ row: r, cells });
    }
    return { sheet: sel.sheet, cell: sel.cell, columns, rows, value: shown(cellAddress(first.row, first.col)) };
  }
}

/** A formula the workbook holds no value for, worked out where the template's own (gridValues.ts). */
function computed(v: CellValue, values: ReadonlyMap<string, CellValue>): CellValue {
  if (v === null || typeof v !== 'object' || v instanceof Date || !('uncalculated' in v)) return v;
  const n = formulaValue(v.uncalculated, values);
  return n === null ? v : n === '' ? null : n;
}

function showValue(v: CellValue, lang: 'fr' | 'en'): string {
  if (v === null) return '';
  if (v instanceof Date) return formatDate(v, lang);
  if (typeof v === 'number') return v.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 15 });
  if (typeof v === 'boolean') return lang === 'fr' ? (v ? 'VRAI' : 'FAUX') : v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return 'error' in v ? v.error : v.uncalculated;
  return v;
}
