/**
 * Writing the add-in's results: the Controles table (rewritten), the highlights of the cells at
 * fault (the add-in's previous ones deleted first, the user's rules left alone), the Journal line.
 * Everything goes in one batch unless its payload would pass Excel on the web's 5 MB limit; then
 * the Controles rows are staged on a hidden sheet in as many batches as needed, and swapped in at
 * the end, so that an interrupted write leaves the previous results whole.
 */
import { cellAddress, columnLetter, parseAddress } from '../../core/cells';
import { controlsTable, journalTable, type Lang, type TableDef } from '../../core/contract';
import { CONTROLS_WIDTHS, HIGHLIGHT_COLORS, highlightAreas, type ResultsPlan } from '../../core/sheets/controls';
import { journalTablePlan } from '../../core/sheets/journal';
import { queueColumnWidths } from './renderPlan';
import { ALL_FEATURES, type ExcelFeatures } from './features';
import { OWN_HIGHLIGHT_FORMULA, STAGING_SHEET, type OwnTable, type ReadResult } from './read';

/** Office.js counts every request and its JSON; Excel on the web refuses over 5 MB: stay under 4. */
export const DEFAULT_PAYLOAD_BUDGET = 4 * 1000 * 1000;

/**
 * Text the add-in writes into a cell: the leading apostrophe is Excel's own "this is text" prefix
 * (not shown, not part of the value), so "=HYPERLINK(…)", "+33…", "-", "@x", "2014" or "TRUE" stay
 * the text they are instead of becoming a formula, a number or a boolean.
 */
export function cellText(s: string): string {
  return `'${s}`;
}

export type Row = (string | number)[];

function safeRow(r: Row): (string | number)[] {
  return r.map((v) => (typeof v === 'string' ? cellText(v) : v));
}

/**
 * Bytes of Office.js's request, as Microsoft's client serialises it (measured with
 * @microsoft/office-js 1.1.110 by test/hosts/office/request-sizes.test.ts, which keeps these above
 * what it measures): a range write costs its values' JSON (UTF-8) plus about 850 bytes of object
 * paths and actions; a highlight (a conditional format with its formula, fill and font colours)
 * about 1,870 bytes plus its address, up to 2,050 in a big request (its object path ids grow).
 */
export const REQUEST_BYTES = { write: 1000, highlight: 2100, deleteHighlight: 400, table: 2500 } as const;

function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

function bytes(v: unknown): number {
  return utf8(JSON.stringify(v)) + REQUEST_BYTES.write;
}

/** Where a new add-in table goes on a sheet: A1 when it is blank, else two rows below what is there. */
function anchorOn(used: string | null | undefined): { row: number; col: number } {
  if (!used) return { row: 1, col: 1 };
  const last = used.split(':').pop()!;
  const p = parseAddress(last);
  return { row: (p?.row ?? 0) + 2, col: 1 };
}

interface Placement {
  sheet: string;
  createSheet: boolean;
  row: number;
  col: number;
  existing?: OwnTable;
}

function place(def: TableDef, own: OwnTable, read: ReadResult, lang: Lang, reserved: Set<string>): Placement {
  if (own.exists && own.sheet && own.address) {
    const p = parseAddress(own.address.split(':')[0])!;
    return { sheet: own.sheet, createSheet: false, row: p.row, col: p.col, existing: own };
  }
  const name = def.sheet[lang];
  const exists = read.snapshot.sheets.some((s) => s.toLowerCase() === name.toLowerCase()) || reserved.has(name.toLowerCase());
  reserved.add(name.toLowerCase());
  const a = exists ? anchorOn(read.ownSheetsUsed.get(name)) : { row: 1, col: 1 };
  return { sheet: name, createSheet: !exists, ...a };
}

export interface WritePlan {
  /** Each entry queues one batch; the host syncs after each. */
  batches: ((ctx: Excel.RequestContext) => void)[];
  /** The estimated bytes of each batch (to choose smaller blocks when Excel refuses one). */
  costs: number[];
  /** Filled during the last batch with the ids of the tables the add-in owns. */
  ownTables: Excel.Table[];
  /** The sheet the Contrôles table is written on (the pane's link activates it). */
  controlsSheet: string;
}

/**
 * The Office.js renderer of a sync's results (core/sheets/controls.ts): where the Contrôles and
 * Journal tables go, and the batches that write them with the highlights.
 */
export function planResultWrites(read: ReadResult, plan: ResultsPlan, budget = DEFAULT_PAYLOAD_BUDGET, features: ExcelFeatures = ALL_FEATURES): WritePlan {
  const { lang } = plan;
  const reserved = new Set<string>();
  const ctlPlace = place(controlsTable, read.controls, read, lang, reserved);
  const jrnPlace = place(journalTable, read.journal, read, lang, reserved);
  const ctlHeaders = plan.controls.columns.map((c) => c.header);
  const rows = (plan.controls.rows as Row[]).map(safeRow);
  const width = ctlHeaders.length;
  const ctlBottom = ctlPlace.row + Math.max(1, rows.length);
  const ctlAddress = `${cellAddress(ctlPlace.row, ctlPlace.col)}:${columnLetter(ctlPlace.col + width - 1)}${ctlBottom}`;
  const highlights = plan.highlights;
  const ownTables: Excel.Table[] = [];
  const sheetOf = (ctx: Excel.RequestContext, p: Placement) => ctx.workbook.worksheets.getItem(p.sheet);

  // Units of work in the order they must run, each with its rough weight in the request; packed
  // greedily into batches, so that one batch suffices unless the budget says otherwise.
  const units: Unit[] = [];
  // Rows per unit: 200, or fewer when the budget is small (after Excel refused a request).
  const rowBytes = rows.length ? bytes(rows) / rows.length : 1;
  const rowsPerUnit = Math.max(1, Math.min(200, Math.floor(budget / 2 / rowBytes)));
  const rowUnits = (sheet: (ctx: Excel.RequestContext) => Excel.Worksheet, firstRow: number, col: number): Unit[] => {
    const out: Unit[] = [];
    for (let start = 0; start < rows.length; start += rowsPerUnit) {
      const block = rows.slice(start, start + rowsPerUnit);
      const top = firstRow + start;
      out.push({ cost: bytes(block), run: (ctx) => (sheet(ctx).getRange(`${cellAddress(top, col)}:${columnLetter(col + width - 1)}${top + block.length - 1}`).values = block) });
    }
    return out;
  };
  const addControlsTable = (ctx: Excel.RequestContext, ws: Excel.Worksheet, address: string, wide: boolean) => {
    const table = ws.tables.add(address, true);
    table.name = plan.controls.name;
    table.style = plan.controls.style;
    table.load('id');
    ownTables.push(table);
    // A message column wide enough to read, on the add-in's own sheet.
    if (wide) queueColumnWidths(ws, CONTROLS_WIDTHS.map((width, i) => ({ column: ctlPlace.col + i, width })));
  };
  units.push({ cost: REQUEST_BYTES.table, run: (ctx) => prepareControls(ctx, ctlPlace, ctlHeaders) });
  units.push(...rowUnits((ctx) => sheetOf(ctx, ctlPlace), ctlPlace.row + 1, ctlPlace.col));
  units.push({ cost: REQUEST_BYTES.table, run: (ctx) => addControlsTable(ctx, sheetOf(ctx, ctlPlace), ctlAddress, ctlPlace.createSheet) });
  const rest: Unit[] = [];
  for (const cf of read.ownHighlights) rest.push({ cost: REQUEST_BYTES.deleteHighlight, run: () => cf.delete() });
  // Where RangeAreas exist (ExcelApi 1.9), one rule per sheet and severity over all its cells; before, one per range.
  const rules = features.rangeAreas ? highlightAreas(highlights) : highlights;
  for (const h of rules) {
    rest.push({
      cost: REQUEST_BYTES.highlight + h.address.length,
      run: (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(h.sheet);
        const target = h.address.includes(',') ? ws.getRanges(h.address) : ws.getRange(h.address);
        const cf = target.conditionalFormats.add('Custom' as Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = OWN_HIGHLIGHT_FORMULA;
        cf.custom.format.fill.color = `#${HIGHLIGHT_COLORS[h.severity].fill}`;
        cf.custom.format.font.color = `#${HIGHLIGHT_COLORS[h.severity].font}`;
      },
    });
  }
  const jp = { exists: read.journal.exists, sheet: jrnPlace.sheet, createSheet: jrnPlace.createSheet && jrnPlace.sheet.toLowerCase() !== ctlPlace.sheet.toLowerCase(), row: jrnPlace.row, col: jrnPlace.col };
  const line = plan.journal;
  if (line) rest.push({ cost: REQUEST_BYTES.table, run: (ctx) => ownTables.push(queueJournalLine(ctx, jp, line, lang)) });

  let groups = pack([...units, ...rest], budget);
  if (groups.length === 1 || !ownsWholeSheet(ctlPlace, read)) {
    if (read.stagingExists) groups[0].unshift({ cost: 200, run: (ctx) => ctx.workbook.worksheets.getItem(STAGING_SHEET).delete() });
  } else {
    // Too big for one request: a failure between two requests must not leave a half-written
    // Contrôles. The rows go to a hidden staging sheet first; the last request swaps it in for the
    // previous Contrôles sheet (deleted whole: it holds nothing but the add-in's table) and writes
    // the highlights and the Journal line. Until then the previous results stay as they were.
    const n = rows.length;
    const staging = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(STAGING_SHEET);
    const stagedAddress = `A1:${columnLetter(width)}${1 + Math.max(1, n)}`;
    const staged: Unit[] = [];
    if (read.stagingExists) staged.push({ cost: 200, run: (ctx) => staging(ctx).delete() });
    staged.push({
      cost: 2000,
      run: (ctx) => {
        const ws = ctx.workbook.worksheets.add(STAGING_SHEET);
        ws.visibility = 'Hidden' as Excel.SheetVisibility.hidden;
        ws.getRange(`A1:${columnLetter(width)}1`).values = [ctlHeaders.map(cellText)];
      },
    });
    staged.push(...rowUnits(staging, 2, 1));
    // With Range.copyFrom (ExcelApi 1.9), the staged rows are copied into the Contrôles sheet:
    // the same sheet stays, so user formulas pointing at it survive. Without it the staging sheet
    // takes the previous one's place (such formulas then show #REF!).
    const copyIn: Unit = {
      cost: 2000,
      run: (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(ctlPlace.sheet);
        if (ctlPlace.existing?.exists) {
          ctx.workbook.tables.getItem(controlsTable.name).convertToRange();
          ws.getRange(ctlPlace.existing.address!).clear('All' as Excel.ClearApplyTo.all);
        }
        const target = ws.getRange(stagedAddress);
        target.copyFrom(staging(ctx).getRange(stagedAddress), 'Values' as Excel.RangeCopyType.values);
        addControlsTable(ctx, ws, stagedAddress, true);
        staging(ctx).delete();
      },
    };
    const swap: Unit = {
      cost: 2000,
      run: (ctx) => {
        // Visible first (Excel refuses to delete the last visible sheet, which Contrôles may be),
        // then the old sheet goes and the staging sheet takes its name; the sheet is taken again
        // by its new name: a proxy got by name may be looked up by that name at each step.
        staging(ctx).visibility = 'Visible' as Excel.SheetVisibility.visible;
        if (ctlPlace.existing?.exists) ctx.workbook.worksheets.getItem(ctlPlace.sheet).delete();
        staging(ctx).name = ctlPlace.sheet;
        addControlsTable(ctx, ctx.workbook.worksheets.getItem(ctlPlace.sheet), stagedAddress, true);
      },
    };
    const inPlace = features.copyFrom && !ctlPlace.createSheet;
    groups = [...pack(staged, budget), ...pack([inPlace ? copyIn : swap, ...rest], budget)];
  }
  const batches: WritePlan['batches'] = groups.map((g) => (ctx) => g.forEach((u) => u.run(ctx)));
  return { batches, costs: groups.map((g) => g.reduce((a, u) => a + u.cost, 0)), ownTables, controlsSheet: ctlPlace.sheet };
}

interface Unit {
  cost: number;
  run: (ctx: Excel.RequestContext) => void;
}

function pack(units: Unit[], budget: number): Unit[][] {
  const groups: Unit[][] = [[]];
  let size = 0;
  for (const u of units) {
    if (size + u.cost > budget && groups[groups.length - 1].length) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(u);
    size += u.cost;
  }
  return groups;
}

/** The Controles table is new, or alone at A1 on its sheet (no user note there to keep). */
function ownsWholeSheet(p: Placement, read: ReadResult): boolean {
  if (p.createSheet) return true;
  if (!p.existing?.address || p.row !== 1 || p.col !== 1) return false;
  const used = [...read.ownSheetsUsed].find(([n]) => n.toLowerCase() === p.sheet.toLowerCase())?.[1];
  if (!used) return false;
  const box = (a: string) => {
    const [x, y] = a.split(':');
    const from = parseAddress(x)!;
    const to = parseAddress(y ?? x)!;
    return { top: from.row, left: from.col, bottom: to.row, right: to.col };
  };
  const u = box(used);
  const t = box(p.existing.address);
  return u.top >= t.top && u.left >= t.left && u.bottom <= t.bottom && u.right <= t.right;
}

export interface JournalPlace {
  exists: boolean;
  sheet: string;
  createSheet: boolean;
  row: number;
  col: number;
}

/** Where the Journal goes when it does not exist yet: its sheet, A1 or below what the sheet holds. */
export function journalPlace(exists: boolean, sheets: string[], used: string | null | undefined, lang: Lang): JournalPlace {
  const name = sheets.find((s) => [journalTable.sheet.fr, journalTable.sheet.en].some((n) => n.toLowerCase() === s.toLowerCase())) ?? journalTable.sheet[lang];
  const sheetExists = sheets.some((s) => s.toLowerCase() === name.toLowerCase());
  return { exists, sheet: name, createSheet: !sheetExists, ...(sheetExists ? anchorOn(used) : { row: 1, col: 1 }) };
}

/** Appends one line to the Journal, creating its table (and sheet) the first time. */
export function queueJournalLine(ctx: Excel.RequestContext, p: JournalPlace, journalLine: Row, lang: Lang): Excel.Table {
  const line = safeRow(journalLine);
  if (p.exists) {
    const jt = ctx.workbook.tables.getItem(journalTable.name);
    jt.rows.add(undefined, [line]);
    jt.load('id');
    return jt;
  }
  if (p.createSheet) ctx.workbook.worksheets.add(p.sheet);
  const jws = ctx.workbook.worksheets.getItem(p.sheet);
  const t = journalTablePlan(journalLine, lang, p.row, p.col);
  const headers = t.columns.map((c) => c.header);
  const addr = `${cellAddress(p.row, p.col)}:${columnLetter(p.col + headers.length - 1)}${p.row + 1}`;
  jws.getRange(addr).values = [safeRow(headers), line];
  const jt = jws.tables.add(addr, true);
  jt.name = t.name;
  jt.style = t.style;
  jt.load('id');
  return jt;
}

/** Removes the previous Controles table (its cells are the add-in's) and writes the header row. */
function prepareControls(ctx: Excel.RequestContext, p: Placement, headers: string[]): void {
  if (p.createSheet) ctx.workbook.worksheets.add(p.sheet);
  const ws = ctx.workbook.worksheets.getItem(p.sheet);
  if (p.existing?.exists) {
    // convertToRange, not delete: deleting a table may shift the cells below it.
    ctx.workbook.tables.getItem(controlsTable.name).convertToRange();
    ws.getRange(p.existing.address!).clear('All' as Excel.ClearApplyTo.all);
  }
  ws.getRange(`${cellAddress(p.row, p.col)}:${columnLetter(p.col + headers.length - 1)}${p.row}`).values = [headers.map(cellText)];
}
