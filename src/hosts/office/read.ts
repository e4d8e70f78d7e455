/**
 * Reading every contract table in one round trip: every load is queued on proxies obtained with
 * getItemOrNullObject (names come from the contract), so nothing waits on a previous answer. The
 * add-in's own tables and highlights are located in the same trip, for the write that follows.
 */
import { controlsTable, journalTable, userTables, type TableDef } from '../../core/contract';
import { findHeaderRow } from '../../core/model';
import { parseAddress, type CellValue, type TableSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { matchKey } from '../../core/text';
import { CLOSURE_TABLE } from '../../core/versions/closure';
import { serialToDate, splitQualified } from '../../core/cells';

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
}

/** A table whose rows are still to be read (the workbook was too big for one answer). */
export interface PendingBody {
  table: TableSnapshot;
  /** Local address of the data body, e.g. "A5:H50004". */
  address: string;
  formats: string[];
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
export function queueRead(ctx: Excel.RequestContext, withBodies = true): QueuedRead {
  const wb = ctx.workbook;
  const sheets = wb.worksheets.load('items/name');
  const contract: ContractRead[] = userTables.map((def) => {
    // Not getHeaderRowRange: a table whose header row the user hid has none, and one refusal
    // would fail the whole read. The column names and the table's range say the same.
    const table = wb.tables.getItemOrNullObject(def.name).load('id,name,showTotals,showHeaders');
    const sheet = table.worksheet.load('name');
    const range = table.getRange().load('address');
    const columns = table.columns.load('items/name');
    const body = table.getDataBodyRange().load(withBodies ? 'values' : 'address');
    const formats = table.getDataBodyRange().getRow(0).load('numberFormat');
    return { def, table, sheet, range, columns, body, formats };
  });
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

  return {
    finish(): ReadResult {
      const tables: TableSnapshot[] = [];
      const missing: string[] = [];
      const userTableIds = new Set<string>();
      const pending: PendingBody[] = [];
      for (const c of contract) {
        if (c.table.isNullObject) {
          missing.push(c.def.name);
          continue;
        }
        userTableIds.add(c.table.id);
        const { local } = splitLocal(c.range.address);
        const first = parseAddress(local.split(':')[0]);
        if (!first) continue;
        // Hidden, the header row is the row above the table's range (where it shows again).
        const topLeft = c.table.showHeaders ? first : { ...first, row: first.row - 1 };
        const formats = ((c.formats.numberFormat as unknown as string[][])[0] ?? []).map(String);
        const t: TableSnapshot = {
          name: c.table.name,
          sheet: c.sheet.name,
          headerRow: topLeft.row,
          firstColumn: topLeft.col,
          headers: c.columns.items.map((col) => col.name),
          rows: withBodies ? toRows(c.body.values, undefined, formats) : [],
          isTable: true,
        };
        tables.push(t);
        if (!withBodies) pending.push({ table: t, address: splitLocal(c.body.address).local, formats });
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
        missing,
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

/** A number in a date-formatted cell is a date; Excel hands it over as its serial. */
function isDateFormat(f: string | undefined): boolean {
  if (!f || f === 'General') return false;
  const bare = f.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) && !/[0#]/.test(bare);
}


/**
 * What Excel shows for an error value. Reading `values` alone (not `valueTypes` too) halves the
 * answer, so a workbook of 50 000 lines still fits in one; the price is that a cell where someone
 * typed the text "#N/A" reads as the error it looks like.
 */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!', '#TIMEOUT!', '#EXTERNAL!']);

/** Office.js values → the core's cells; `formats` are per column (one row) or per cell. */
export function toRows(values: unknown[][], types: string[][] | undefined, formats: string[] | string[][] | undefined): CellValue[][] {
  const formatAt = (r: number, c: number): string | undefined => {
    const f = formats?.[Array.isArray(formats?.[0]) ? r : c];
    return Array.isArray(f) ? f[c] : f;
  };
  return values.map((row, r) =>
    row.map((v, c): CellValue => {
      const t = types?.[r]?.[c];
      if (t === 'Error' || (t === undefined && typeof v === 'string' && EXCEL_ERRORS.has(v))) return { error: String(v) };
      if (t === 'Empty' || v === '' || v === null || v === undefined) return null;
      if (typeof v === 'number') return isDateFormat(formatAt(r, c)) ? serialToDate(v) : v;
      if (typeof v === 'boolean' || typeof v === 'string') return v;
      return String(v);
    }),
  );
}

/**
 * A contract table that is not an Excel table (lost on a copy, or typed by hand): like the .xlsx
 * host, read the header-shaped range on its sheet, so the checks still run and the finding says
 * how to make it a table again. A second trip, only in that degraded case.
 */
export async function readFallbacks(ctx: Excel.RequestContext, read: ReadResult): Promise<number> {
  const wanted = userTables.filter((d) => read.missing.includes(d.name));
  const targets: { def: TableDef; sheet: string; used: Excel.Range }[] = [];
  for (const def of wanted) {
    const sheet = read.snapshot.sheets.find((n) => [def.sheet.fr, def.sheet.en].some((x) => matchKey(x) === matchKey(n)));
    if (!sheet) continue;
    const used = ctx.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load('address,values,valueTypes,numberFormat');
    targets.push({ def, sheet, used });
  }
  if (!targets.length) return 0;
  await ctx.sync();
  for (const t of targets) {
    if (t.used.isNullObject) continue;
    const { local } = splitLocal(t.used.address);
    const origin = parseAddress(local.split(':')[0]);
    if (!origin) continue;
    const rows = toRows(t.used.values, t.used.valueTypes as unknown as string[][], t.used.numberFormat as unknown as string[][]);
    const at = findHeaderRow(t.def, rows.slice(0, 30));
    if (!at) continue;
    const hr = at.row - 1;
    let right = at.column - 1;
    while (right + 1 < rows[hr].length && rows[hr][right + 1] !== null) right++;
    let bottom = hr;
    while (bottom + 1 < rows.length && rows[bottom + 1].slice(at.column - 1, right + 1).some((v) => !(v === null || (typeof v === 'string' && v.trim() === '')))) bottom++;
    read.snapshot.tables.push({
      name: t.def.name,
      sheet: t.sheet,
      headerRow: origin.row + hr,
      firstColumn: origin.col + at.column - 1,
      headers: rows[hr].slice(at.column - 1, right + 1).map((h) => (h === null ? '' : String(h))),
      rows: rows.slice(hr + 1, bottom + 1).map((r) => r.slice(at.column - 1, right + 1)),
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
  return trips;
}
