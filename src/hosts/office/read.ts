/**
 * Reading every contract table in one round trip: every load is queued on proxies obtained with
 * getItemOrNullObject (names come from the contract), so nothing waits on a previous answer. The
 * add-in's own tables and highlights are located in the same trip, for the write that follows.
 */
import { controlsTable, journalTable, userTables, type TableDef } from '../../core/contract';
import { headersFit } from '../../core/locate';
import { findHeaderRow } from '../../core/model';
import { cellAddress, parseAddress, qualifiedAddress, type CellValue, type TableSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { matchKey } from '../../core/text';
import { CLOSURE_TABLE } from '../../core/versions/closure';
import { serialToDate, splitQualified } from '../../core/cells';
import { isDateFormat, toRows } from './values';
import { queueProfileRead } from './profileRead';
import { queueBelow, type RoomBelow } from './below';

export { toRows };

/**
 * The hidden sheet a long write of the Controles table is staged on (see planResultWrites): its
 * name is the add-in's, in no language, and a leftover of an interrupted write is deleted by the
 * next one.
 */
export const STAGING_SHEET = 'SuiviCES-ecriture';

/** Always TRUE, and the mark by which the add-in knows its own highlights from the user's rules. */
export const OWN_HIGHLIGHT_FORMULA = '=ISTEXT("SuiviCES")';

interface ContractRead {
  def: TableDef;
  table: Excel.Table;
  sheet: Excel.Worksheet;
  /** The table's range (header row included only when shown) and its column names. */
  range: Excel.Range;
  columns: Excel.TableColumnCollection;
  body: Excel.Range;
  /** The first data row's number formats stand for their columns' (a date column is a date column). */
  formats: Excel.Range;
  /** What lies just under the table (its totals row excluded), trimmed to its used cells; null when no row is under it. */
  below: Excel.Range | null;
}


/** A contract table found under another name on its sheet, by its columns (a renamed table). */
export interface Renamed {
  def: TableDef;
  /** The Excel table's own name. */
  foundAs: string;
}

/** A table whose rows are still to be read (the workbook was too big for one answer). */
export interface PendingBody {
  table: TableSnapshot;
  /** Local address of the data body, e.g. "A5:H50004". */
  address: string;
  formats: string[];
  /** Rows typed just under the table, appended once its own rows are read. */
  under?: { rows: CellValue[][]; totals: boolean };
}

interface OwnRead {
  def: TableDef;
  table: Excel.Table;
  sheet: Excel.Worksheet;
  range: Excel.Range;
}

export interface OwnTable {
  exists: boolean;
  id?: string;
  sheet?: string;
  /** "A1:F12", local to the sheet. */
  address?: string;
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** Names of the contract tables that are not Excel tables. */
  missing: string[];
  /** Contract tables whose name is gone but whose columns fit a table on their sheet: read by readFallbacks. */
  renamed: Renamed[];
  controls: OwnTable;
  journal: OwnTable;
  /** The add-in's current highlights, to be deleted before drawing new ones. */
  ownHighlights: Excel.ConditionalFormat[];
  /** Used range (local address) of each sheet that may receive the add-in's tables, by name; null when blank. */
  ownSheetsUsed: Map<string, string | null>;
  /** Table ids of the contract tables (for telling a user's edit from the add-in's own). */
  userTableIds: Set<string>;
  ownTableIds: Set<string>;
  /** Filled only by a read queued without bodies. */
  pending: PendingBody[];
  /** The convention sheet's rows (hosts/office/profileRead.ts), null when the workbook has none. */
  profileRows: CellValue[][] | null;
  /** Every table's name in the workbook (a workbook of another convention: its own tables, addConventionTables). */
  tableNames: string[];
  /** The contract's tables of the workbook's convention when it is not the CES ESS (addConventionTables). */
  conventionTables?: TableDef[];
  /** A staging sheet left by an interrupted write is there (it is not in snapshot.sheets). */
  stagingExists: boolean;
}

export interface QueuedRead {
  finish(): ReadResult;
}

const ownSheetNames = [...new Set([controlsTable.sheet.fr, controlsTable.sheet.en, journalTable.sheet.fr, journalTable.sheet.en])];

/** "Feuille!B2:C3" → sheet and local address (one parser: core/cells). */
export const splitLocal = splitQualified;

/** Queues the loads of one read; call finish() after the sync. */
export function queueRead(ctx: Excel.RequestContext, withBodies = true, room?: RoomBelow): QueuedRead {
  const wb = ctx.workbook;
  const sheets = wb.worksheets.load('items/name');
  const contract = userTables.map((def) => queueTable(wb, def, def.name, withBodies, room));
  // Every table's name, sheet and columns (small): a contract table renamed ("Tableau1") is found
  // by its sheet and its columns, in this same trip.
  const everyTable = wb.tables.load('items/name,items/worksheet/name,items/columns/items/name');
  const own: OwnRead[] = [controlsTable, journalTable].map((def) => {
    const table = wb.tables.getItemOrNullObject(def.name).load('id,name');
    const sheet = table.worksheet.load('name');
    const range = table.getRange().load('address');
    return { def, table, sheet, range };
  });
  // The closed-year record (issue 15), read whole in the same round trip: the check compares a
  // closed year's lines with it. Small (a line per contract line of a closed year), the add-in's own.
  const closure = wb.tables.getItemOrNullObject(CLOSURE_TABLE).load('id,name,showHeaders');
  const closureSheet = closure.worksheet.load('name');
  const closureRange = closure.getRange().load('address');
  const closureColumns = closure.columns.load('items/name');
  const closureBody = closure.getDataBodyRange().load('values');
  // Highlights live on the sheets of the contract tables (wherever the user moved or renamed them)
  // and, for a table since deleted, on the contract's sheet names.
  const cfCollections: Excel.ConditionalFormatCollection[] = [];
  for (const c of contract) cfCollections.push(c.table.worksheet.getRange().conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula'));
  const contractSheetNames = [...new Set(userTables.flatMap((d) => [d.sheet.fr, d.sheet.en]))];
  for (const n of contractSheetNames) cfCollections.push(wb.worksheets.getItemOrNullObject(n).getRange().conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula'));
  const ownUsed = ownSheetNames.map((n) => ({ n, used: wb.worksheets.getItemOrNullObject(n).getUsedRangeOrNullObject(true).load('address') }));
  const convention = queueProfileRead(wb);

  return {
    finish(): ReadResult {
      const tables: TableSnapshot[] = [];
      const missing: string[] = [];
      const renamed: Renamed[] = [];
      const userTableIds = new Set<string>();
      const pending: PendingBody[] = [];
      const contractNames = new Set(userTables.map((d) => matchKey(d.name)));
      const taken = new Set<string>();
      for (const c of contract) {
        if (c.table.isNullObject) {
          const found = everyTable.items.find((t) => !contractNames.has(matchKey(t.name)) && !taken.has(t.name) && onSheetOf(c.def, t.worksheet.name) && headersFit(c.def, t.columns.items.map((col) => col.name)));
          if (found) {
            taken.add(found.name);
            renamed.push({ def: c.def, foundAs: found.name });
          } else missing.push(c.def.name);
          continue;
        }
        userTableIds.add(c.table.id);
        const t = tableOf(c, withBodies, [...contract, ...own].filter((o) => !o.table.isNullObject).map((o) => o.range.address));
        if (!t) continue;
        tables.push(t.table);
        if (!withBodies) pending.push({ table: t.table, address: splitLocal(c.body.address).local, formats: t.formats, under: t.under });
      }
      if (!closure.isNullObject) {
        const first = parseAddress(splitLocal(closureRange.address).local.split(':')[0]);
        if (first) {
          tables.push({
            name: closure.name,
            sheet: closureSheet.name,
            headerRow: closure.showHeaders ? first.row : first.row - 1,
            firstColumn: first.col,
            headers: closureColumns.items.map((col) => col.name),
            rows: toRows(closureBody.values, undefined, undefined),
            isTable: true,
          });
        }
      }
      const ownInfo = own.map((o): OwnTable => {
        if (o.table.isNullObject) return { exists: false };
        return { exists: true, id: o.table.id, sheet: o.sheet.name, address: splitLocal(o.range.address).local };
      });
      const seen = new Set<string>();
      const ownHighlights: Excel.ConditionalFormat[] = [];
      for (const col of cfCollections) {
        if (col.isNullObject) continue;
        for (const cf of col.items) {
          if (seen.has(cf.id)) continue;
          seen.add(cf.id);
          if (cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula === OWN_HIGHLIGHT_FORMULA) ownHighlights.push(cf);
        }
      }
      const ownSheetsUsed = new Map<string, string | null>();
      for (const u of ownUsed) ownSheetsUsed.set(u.n, u.used.isNullObject ? null : splitLocal(u.used.address).local);
      return {
        snapshot: { sheets: sheets.items.map((s) => s.name).filter((n) => n !== STAGING_SHEET), tables },
        profileRows: convention.finish(),
        tableNames: everyTable.items.map((t) => t.name),
        missing,
        renamed,
        controls: ownInfo[0],
        journal: ownInfo[1],
        ownHighlights,
        ownSheetsUsed,
        userTableIds,
        ownTableIds: new Set([...ownInfo.filter((o) => o.id).map((o) => o.id!), ...(closure.isNullObject ? [] : [closure.id])]),
        pending,
        stagingExists: sheets.items.some((s) => s.name === STAGING_SHEET),
      };
    },
  };
}

/** An Excel table that is a contract table: by its name, or renamed ("Tableau1"), by its sheet and its columns (as the read finds it). */
export function isContractTable(name: string, sheet: string, columns: string[]): boolean {
  return userTables.some((d) => matchKey(name) === matchKey(d.name) || (onSheetOf(d, sheet) && headersFit(d, columns)));
}

/** The loads of one contract table, by the name it has in the workbook (its own, or the one it was renamed to). */
function queueTable(wb: Excel.Workbook, def: TableDef, name: string, withBodies: boolean, room?: RoomBelow): ContractRead {
  // Not getHeaderRowRange: a table whose header row the user hid has none, and one refusal
  // would fail the whole read. The column names and the table's range say the same.
  const table = wb.tables.getItemOrNullObject(name).load('id,name,showTotals,showHeaders');
  const sheet = table.worksheet.load('name');
  const range = table.getRange().load('address');
  const columns = table.columns.load('items/name');
  const body = table.getDataBodyRange().load(withBodies ? 'values' : 'address');
  const formats = table.getDataBodyRange().getRow(0).load('numberFormat');
  // ExcelApi 1.2 and 1.4, below the manifest's 1.7; near the sheet's end, `room` clamps it (below.ts).
  const below = queueBelow(table, name, room);
  return { def, table, sheet, range, columns, body, formats, below };
}

/** A sheet of the contract table's name, in either language. */
export function onSheetOf(def: TableDef, sheet: string): boolean {
  return [def.sheet.fr, def.sheet.en].some((n) => matchKey(n) === matchKey(sheet));
}

/**
 * One contract table as the core reads it: its rows, then the rows typed just under it (after its
 * totals row, kept blank in its place), down to their last used row or the next table read
 * (`tops`: addresses of the other tables), `declaredRows` saying where the table ends.
 */
function tableOf(c: ContractRead, withBodies: boolean, others: string[]): { table: TableSnapshot; formats: string[]; under?: PendingBody['under'] } | null {
  const { local } = splitLocal(c.range.address);
  const [a, b] = local.split(':');
  const first = parseAddress(a);
  const last = parseAddress(b ?? a);
  if (!first || !last) return null;
  // Hidden, the header row is the row above the table's range (where it shows again).
  const topLeft = c.table.showHeaders ? first : { ...first, row: first.row - 1 };
  const formats = ((c.formats.numberFormat as unknown as string[][])[0] ?? []).map(String);
  const headers = c.columns.items.map((col) => col.name);
  const rows = withBodies ? toRows(c.body.values, undefined, formats) : [];
  const renamed = matchKey(c.table.name) !== matchKey(c.def.name);
  const t: TableSnapshot = { name: renamed ? c.def.name : c.table.name, sheet: c.sheet.name, headerRow: topLeft.row, firstColumn: topLeft.col, headers, rows, isTable: true };
  if (renamed) t.foundAs = c.table.name;
  if (!c.table.showHeaders) t.headerHidden = true;
  const under = !c.below || c.below.isNullObject ? null : rowsUnder(c.below, c.sheet.name, last.row, first.col, headers.length, formats, others);
  if (!under?.length) return { table: t, formats };
  // Rows read later in blocks (a big workbook) come before these: then they wait for them.
  if (!withBodies) return { table: t, formats, under: { rows: under, totals: c.table.showTotals } };
  appendUnder(t, under, c.table.showTotals);
  return { table: t, formats };
}

/** The rows under a table after its own (its totals row kept blank in its place), `declaredRows` saying where it ends. */
function appendUnder(t: TableSnapshot, under: CellValue[][], totals: boolean): void {
  t.declaredRows = t.rows.length;
  t.totalsInRows = totals;
  if (totals) t.rows.push(t.headers.map(() => null));
  t.rows.push(...under);
}

/** The used rows just under a table, its columns wide; none when the row right under it is blank. */
function rowsUnder(below: Excel.Range, sheet: string, bottom: number, left: number, width: number, formats: string[], others: string[]): CellValue[][] {
  const { local } = splitLocal(below.address);
  const [a, b] = local.split(':');
  const from = parseAddress(a);
  const to = parseAddress(b ?? a);
  if (!from || !to || from.row !== bottom + 1) return [];
  const end = lastBefore(others, sheet, bottom, left, left + width - 1, to.row);
  const cells = toRows(below.values.slice(0, Math.max(0, end - from.row + 1)), undefined, undefined);
  return cells.map((row) => Array.from({ length: width }, (_, i): CellValue => {
    const v = row[left + i - from.col];
    if (typeof v === 'number' && isDateFormat(formats[i])) return serialToDate(v);
    return v ?? null;
  }));
}

/** The last row (at most `end`) of a block under `row` before another table of the sheet (`others`: addresses) starts over its columns. */
function lastBefore(others: string[], sheet: string, row: number, left: number, right: number, end: number): number {
  for (const o of others) {
    const { sheet: s, local } = splitLocal(o);
    const [a, b] = local.split(':');
    const top = parseAddress(a);
    const far = parseAddress(b ?? a);
    if (s === sheet && top && far && top.row > row && top.col <= right && far.col >= left) end = Math.min(end, top.row - 1);
  }
  return end;
}

/**
 * A contract table that is not an Excel table (lost on a copy, or typed by hand): like the .xlsx
 * host, read the header-shaped range on its sheet, so the checks still run and the finding says
 * how to make it a table again. A second trip, only in that degraded case.
 */
export async function readFallbacks(ctx: Excel.RequestContext, read: ReadResult, room?: RoomBelow): Promise<number> {
  // A renamed table: read as the contract table, under its real name, with what lies under it.
  const renamed = read.renamed.map((r) => queueTable(ctx.workbook, r.def, r.foundAs, true, room));
  const wanted = (read.conventionTables ?? userTables).filter((d) => read.missing.includes(d.name));
  const targets: { def: TableDef; sheet: string; used: Excel.Range }[] = [];
  for (const def of wanted) {
    const sheet = read.snapshot.sheets.find((n) => [def.sheet.fr, def.sheet.en].some((x) => matchKey(x) === matchKey(n)));
    if (!sheet) continue;
    const used = ctx.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load('address,values,valueTypes,numberFormat');
    targets.push({ def, sheet, used });
  }
  if (!targets.length && !renamed.length) return 0;
  await ctx.sync();
  const others = read.snapshot.tables.filter((t) => t.isTable).map((t) => qualifiedAddress(t.sheet, `${cellAddress(t.headerRow, t.firstColumn)}:${cellAddress(t.headerRow + Math.max(1, t.declaredRows ?? t.rows.length), t.firstColumn + t.headers.length - 1)}`));
  for (const c of renamed) {
    if (c.table.isNullObject) continue;
    read.userTableIds.add(c.table.id);
    const t = tableOf(c, true, others);
    if (t) read.snapshot.tables.push(t.table);
  }
  // The header rows first: two ranges on one sheet (Bilans and Jalons on Suivi) end above each other.
  const found = targets.flatMap((t) => {
    if (t.used.isNullObject) return [];
    const origin = parseAddress(splitLocal(t.used.address).local.split(':')[0]);
    const rows = toRows(t.used.values, t.used.valueTypes as unknown as string[][], t.used.numberFormat as unknown as string[][]);
    const at = origin && findHeaderRow(t.def, rows.slice(0, 30));
    if (!at) return [];
    let right = at.column - 1;
    while (right + 1 < rows[at.row - 1].length && rows[at.row - 1][right + 1] !== null) right++;
    return [{ ...t, origin, rows, hr: at.row - 1, left: at.column - 1, right }];
  });
  const tops = [...others, ...found.map((f) => qualifiedAddress(f.sheet, cellAddress(f.origin.row + f.hr, f.origin.col + f.left) + ':' + cellAddress(f.origin.row + f.hr, f.origin.col + f.right)))];
  for (const { def, sheet, origin, rows, hr, left, right } of found) {
    // Down to the last row used in its columns, blank rows inside included (where the data end is
    // the core's decision: core/extent.ts), or to the next table on the sheet below it.
    const bottom = lastBefore(tops, sheet, origin.row + hr, origin.col + left, origin.col + right, origin.row + rows.length - 1) - origin.row;
    read.snapshot.tables.push({
      name: def.name,
      sheet,
      headerRow: origin.row + hr,
      firstColumn: origin.col + left,
      headers: rows[hr].slice(left, right + 1).map((h) => (h === null ? '' : String(h))),
      rows: rows.slice(hr + 1, bottom + 1).map((r) => r.slice(left, right + 1)),
      isTable: false,
    });
  }
  return 1;
}

/** Rough bytes of Office.js's answer per cell of values (about 9 measured on the example, with room). */
export const BYTES_PER_CELL = 16;

/**
 * The rows of tables too big for one answer of Excel on the web (5 MB): read in blocks of rows,
 * as few trips as the budget allows. Returns the number of trips.
 */
export async function readBodiesInChunks(ctx: Excel.RequestContext, read: ReadResult, budget: number): Promise<number> {
  let trips = 0;
  let queued: { p: PendingBody; top: number; range: Excel.Range }[] = [];
  let size = 0;
  const flush = async () => {
    if (!queued.length) return;
    await ctx.sync();
    trips++;
    for (const q of queued) q.p.table.rows.push(...toRows(q.range.values, undefined, q.p.formats));
    queued = [];
    size = 0;
  };
  for (const p of read.pending) {
    const [a, b] = p.address.split(':');
    const from = parseAddress(a)!;
    const to = parseAddress(b ?? a)!;
    const cols = to.col - from.col + 1;
    const rowsPerBlock = Math.max(1, Math.floor(budget / (cols * BYTES_PER_CELL)));
    const ws = ctx.workbook.worksheets.getItem(p.table.sheet);
    for (let top = from.row; top <= to.row; top += rowsPerBlock) {
      const bottom = Math.min(to.row, top + rowsPerBlock - 1);
      const cost = (bottom - top + 1) * cols * BYTES_PER_CELL;
      if (size + cost > budget) await flush();
      const range = ws.getRange(`${a.replace(/\d+$/, String(top))}:${(b ?? a).replace(/\d+$/, String(bottom))}`).load('values');
      queued.push({ p, top, range });
      size += cost;
    }
  }
  await flush();
  for (const p of read.pending) if (p.under) appendUnder(p.table, p.under.rows, p.under.totals);
  return trips;
}
