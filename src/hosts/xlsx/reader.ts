/**
 * The one SpreadsheetML reader of the CLI: an .xlsx in memory → the core's snapshot (check, report,
 * reconcile) or a ledger's sheets. Each part it needs is inflated once and scanned as it inflates:
 * the package structure (relationships, workbook, the contract's tables), the styles (which cell
 * styles are dates), the worksheets that hold a contract table (only the tables' cells are kept),
 * then the shared strings those cells use. Sheets without a contract table are never inflated.
 */
import { controlsTable, journalTable, userTablesOf, type TableDef } from '../../core/contract';
import { perProfile, profile as builtIn, type Profile } from '../../core/profile';
import { CLOSURE_TABLE } from '../../core/versions/closure';
import { findHeaderRow, headersFit } from '../../core/locate';
import type { CellValue, OutsideCells, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { compactTable } from '../../core/tableGrid';
import { matchKey } from '../../core/text';
import { InputError, LIMITS } from './guard';
import { readStructure, type SheetInfo, type TableInfo, type WorkbookInfo } from './package';
import { SheetReader } from './sheet';
import { isBlankValue, mergedAddresses, region, regionRow, type Region } from './region';
import { readDateStyles, readSharedStrings } from './strings';
import { XmlError, XmlScanner } from './xml';
import type { ZipPackage } from './zip';
import { parseRange } from '../../core/cells';


/** Any failure while reading is the file's: one line, exit status 2. */
export async function fileFault<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof XmlError) throw new InputError('corrupt', e.message);
    throw new InputError('corrupt', `contenu illisible : ${String((e as Error)?.message ?? e).split('\n')[0].slice(0, 200)}`);
  }
}

export async function streamSheet(zip: ZipPackage, part: string, reader: SheetReader): Promise<void> {
  const scanner = new XmlScanner(reader, part);
  await zip.stream(part, (c) => scanner.push(c));
  scanner.end();
  reader.finish();
}

/** The contract's tables of a convention, by their names' keys: the CES ESS's, or the workbook's own (its years' Participations tables). */
export const contractKeysOf = perProfile((p) => new Map(userTablesOf(p).map((d) => [matchKey(d.name), d])));
/** The add-in's own tables are read too: the closed-year record (Clotures) is checked against, and close/reopen append to it and to the Journal. */
export const ownKeys = new Set([controlsTable.name, journalTable.name, CLOSURE_TABLE].map(matchKey));

export const sheetMatches = (sheetName: string, def: TableDef) => [def.sheet.fr, def.sheet.en].some((n) => matchKey(n) === matchKey(sheetName));

/** "Montant\n(€)" → "Montant (€)": a header read on one line, as every message shows it. */
const flatten = (s: string) => (/[\r\n\t]/.test(s) ? s.replace(/\s*[\r\n\t]+\s*/g, ' ').trim() : s);

export interface Kept {
  name: string;
  sheet: string;
  region: Region;
  totalsRow: boolean;
  isTable: boolean;
  /** The Excel table's own name when it stands for a contract table it is not named after. */
  foundAs?: string;
  /** Column names of a table whose header row is switched off (its region starts at its data). */
  hiddenHeaders?: string[];
  /** Data rows of the table itself (the rows after them were typed under it). */
  declaredRows?: number;
}

/** The rows 1-30 × columns 1-60 a header search looks at (the ExcelJS reader's bounds). */
export const PROBE_ROWS = 30;
export const PROBE_COLUMNS = 60;
/** Rows typed under a table read at most (a longer block is no longer "a few lines typed below"). */
export const BELOW_MAX = 10_000;

/** The first row below `row` where another table of the sheet starts over columns left…right (the end of what lies under). */
export function nextTop(boxes: { top: number; left: number; right: number }[], row: number, left: number, right: number): number {
  let limit = Infinity;
  for (const b of boxes) if (b.top > row && b.left <= right && b.right >= left) limit = Math.min(limit, b.top - 1);
  return limit;
}

/**
 * A contract table that is no Excel table: its header is searched in the sheet's first rows, then
 * its range runs down to the sheet's last used row in its columns (or the next table's top): where
 * its data ends is the core's decision (core/extent.ts), blank rows inside included.
 */
function headerSearch(def: TableDef, sheet: string, kept: Kept[], boxes: { top: number; left: number; right: number }[]): { probe: Region; decide: (reader: SheetReader, ended: boolean) => void } {
  const probe = region(1, PROBE_ROWS, 1, PROBE_COLUMNS);
  const decide = (reader: SheetReader, ended: boolean) => {
    const firstRows: CellValue[][] = [];
    for (let r = 0; r < PROBE_ROWS; r++) firstRows.push(regionRow(probe, r, PROBE_COLUMNS));
    const at = findHeaderRow(def, firstRows);
    if (!at) return;
    let right = at.column;
    while (right < PROBE_COLUMNS && firstRows[at.row - 1][right] !== null) right++;
    const bottom = nextTop(boxes, at.row, at.column, right);
    boxes.push({ top: at.row, left: at.column, right });
    const g = region(at.row, bottom, at.column, right, bottom === Infinity ? undefined : bottom - at.row + 1);
    g.open = true;
    // The rows already passed: copied from the probe.
    const seen = Math.min(PROBE_ROWS, reader.currentRow, bottom);
    for (let r = at.row; r <= seen; r++) {
      const cells = firstRows[r - 1].slice(at.column - 1, right);
      for (let c = 0; c < cells.length; c++) if (cells[c] !== null) g.cells.set(r - at.row, c, cells[c]);
    }
    if (ended) g.bottom = Math.min(g.bottom, at.row + g.cells.rowCount - 1);
    else reader.addRegion(g);
    kept.push({ name: def.name, sheet, region: g, totalsRow: false, isTable: false });
  };
  return { probe, decide };
}

/** Two header searches on one sheet (Bilans and Jalons on Suivi): the upper one ends above the lower one. */
function clampSearches(kept: Kept[], sheet: string): void {
  const ranges = kept.filter((k) => k.sheet === sheet && !k.isTable);
  for (const k of ranges) {
    const g = k.region;
    const limit = nextTop(ranges.map((o) => o.region), g.top, g.left, g.right);
    if (limit < g.bottom) {
      g.bottom = limit;
      g.cells.truncate(Math.max(0, limit - g.top + 1));
    }
  }
}

export function tableSnapshot(k: Kept): TableSnapshot {
  const g = k.region;
  const width = g.right - g.left + 1;
  const hidden = !!k.hiddenHeaders;
  const headers = hidden ? k.hiddenHeaders!.slice(0, width) : regionRow(g, 0, width).map((h) => (h === null ? '' : typeof h === 'string' ? flatten(h) : String(h)));
  while (headers.length < width) headers.push('');
  // Data start at the region's first row when the header row is switched off.
  const first = hidden ? 0 : 1;
  let bottom = g.bottom;
  let declaredRows = k.declaredRows;
  let totalsRow = k.totalsRow;
  if (k.isTable && !totalsRow && g.subtotalInBottom && declaredRows !== undefined && declaredRows > 0) {
    // A totals row whose flag was lost (a LibreOffice .ods round trip): "Total" over SUBTOTAL formulas.
    const label = regionRow(g, declaredRows - 1 + first, width).find((v) => !isBlankValue(v));
    if (typeof label === 'string' && matchKey(label).startsWith('total')) {
      declaredRows--;
      totalsRow = true;
    }
  }
  const below = k.isTable && declaredRows !== undefined ? bottom - g.top + 1 - first - declaredRows - (totalsRow ? 1 : 0) : 0;
  // No row typed under it: the totals row is no row of the snapshot.
  if (totalsRow && below <= 0) bottom--;
  const merged = mergedAddresses(g).filter((a) => Number(/\d+$/.exec(a)![0]) <= bottom);
  const meta = {
    name: k.name,
    sheet: k.sheet,
    headerRow: hidden ? g.top - 1 : g.top,
    firstColumn: g.left,
    headers,
    isTable: k.isTable,
    mergedCells: merged,
    ...(below > 0 ? { declaredRows, totalsInRows: totalsRow } : {}),
    ...(k.foundAs ? { foundAs: k.foundAs } : {}),
    ...(hidden ? { headerHidden: true } : {}),
  };
  // The data rows stay by column (1 000 000 financing lines): arrays of rows are made only if someone asks.
  return compactTable(meta, g.cells.grid(first, Math.max(0, bottom - g.top + 1 - first), width));
}

/**
 * Reads the workbook's contract tables into the core's snapshot, from an archive however its bytes
 * are held (zipNode.ts, zipBytes.ts). `conventionOf` reads the convention the workbook carries, if
 * any (profileSheet.ts), before the tables: which tables are the contract's depends on it.
 */
export function snapshotOfZip(open: () => Promise<ZipPackage>, conventionOf?: (zip: ZipPackage, info: WorkbookInfo) => Promise<Profile | undefined>): Promise<WorkbookSnapshot> {
  return fileFault(async () => {
    const zip = await open();
    // Every table part is read (small): a contract table renamed ("Tableau1") is found by its sheet and its columns.
    const info = await readStructure(zip, () => true);
    const profile = conventionOf ? await conventionOf(zip, info) : undefined;
    const userTables = userTablesOf(profile ?? builtIn);
    const contractKeys = contractKeysOf(profile ?? builtIn);
    // The first table of each contract name (Excel forbids two; a damaged file may not).
    const seen = new Set<string>();
    const contract = new Map<TableInfo, { name: string; foundAs?: string }>();
    for (const s of info.sheets) {
      s.tables = s.tables.filter((t) => !!parseRange(t.ref));
      for (const t of s.tables) if (contractKeys.has(matchKey(t.name)) || ownKeys.has(matchKey(t.name))) if (!seen.has(matchKey(t.name)) && seen.add(matchKey(t.name))) contract.set(t, { name: t.name });
    }
    const missing = userTables.filter((d) => !seen.has(matchKey(d.name)));
    for (const def of missing) {
      const sheet = info.sheets.find((s) => sheetMatches(s.name, def));
      const renamed = sheet?.tables.find((t) => !contract.has(t) && !contractKeys.has(matchKey(t.name)) && headersFit(def, t.columns));
      if (renamed) contract.set(renamed, { name: def.name, foundAs: renamed.name });
    }
    const fallbacks = missing
      .filter((d) => ![...contract.values()].some((c) => c.name === d.name))
      .map((def) => ({ def, sheet: info.sheets.find((s) => sheetMatches(s.name, def)) }))
      .filter((x): x is { def: TableDef; sheet: SheetInfo } => !!x.sheet?.part);
    const dateStyles = info.styles ? await readDateStyles(zip, info.styles) : null;
    // A header search reads strings as it goes: then the shared strings come first, all of them.
    let sst = fallbacks.length && info.sharedStrings ? await readSharedStrings(zip, info.sharedStrings, null) : null;
    const kept: Kept[] = [];
    const readers: SheetReader[] = [];
    const outside: OutsideCells[] = [];
    for (const sheet of info.sheets) {
      const search = fallbacks.filter((f) => f.sheet === sheet);
      const tables = sheet.tables.filter((t) => contract.has(t));
      if (!sheet.part || (!tables.length && !search.length)) continue;
      const regions: Region[] = [];
      const tablesHere: Kept[] = [];
      // Every table of the sheet bounds what may lie under another.
      const boxes = sheet.tables.map((t) => parseRange(t.ref)!);
      for (const t of tables) {
        const box = parseRange(t.ref)!;
        // Every row of a table becomes a row of the snapshot: a range no table of the contract could fill is refused.
        const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
        if (cells > LIMITS.keptCells) throw new InputError('too-large', `le tableau ${t.name} couvre ${t.ref}, plus de ${LIMITS.keptCells.toLocaleString('fr-FR')} cellules`);
        const { name, foundAs } = contract.get(t)!;
        const user = contractKeys.has(matchKey(name));
        // A user table grows past its last row while rows are typed just under it (LibreOffice never extends a table).
        const limit = user ? Math.min(box.bottom + BELOW_MAX, nextTop(boxes, box.bottom, box.left, box.right)) : box.bottom;
        const g = region(box.top, limit, box.left, box.right, box.bottom - box.top + 1 + (limit > box.bottom ? 1024 : 0));
        if (limit > box.bottom) {
          g.growing = true;
          g.growFrom = box.bottom;
        }
        g.declaredBottom = box.bottom;
        regions.push(g);
        const dataRows = box.bottom - box.top + (t.headerRow ? 0 : 1) - (t.totalsRow ? 1 : 0);
        tablesHere.push({ name, sheet: sheet.name, region: g, totalsRow: t.totalsRow, isTable: true, foundAs, hiddenHeaders: t.headerRow ? undefined : t.columns, declaredRows: user ? dataRows : undefined });
      }
      const searches = search.map((f) => headerSearch(f.def, sheet.name, kept, boxes));
      for (const s of searches) regions.push(s.probe);
      const reader = new SheetReader({
        regions,
        dateStyles,
        date1904: info.date1904,
        sst,
        probe: searches.length
          ? {
              after: PROBE_ROWS,
              decide: (r, ended) => {
                searches.forEach((s) => s.decide(r, ended));
                clampSearches(kept, sheet.name);
              },
            }
          : undefined,
      });
      await streamSheet(zip, sheet.part, reader);
      kept.push(...tablesHere);
      readers.push(reader);
      if (reader.outside.cells.length) outside.push({ ...reader.outside, sheet: sheet.name });
    }
    if (!sst && info.sharedStrings && readers.some((r) => r.needed.length > 0)) {
      const needed = mergeNeeded(readers);
      sst = await readSharedStrings(zip, info.sharedStrings, needed);
    }
    for (const r of readers) r.resolve(sst ?? []);
    // Excel tables first, in sheet order, then the plain ranges found by their headers.
    const order = (k: Kept) => (k.isTable ? 0 : 1) * 1000 + info.sheets.findIndex((s) => s.name === k.sheet);
    kept.sort((a, b) => order(a) - order(b));
    return { sheets: info.sheets.map((s) => s.name), tables: kept.map(tableSnapshot), ...(outside.length ? { outside } : {}), ...(profile ? { profile } : {}) };
  });
}

function mergeNeeded(readers: SheetReader[]): Uint8Array {
  const n = Math.max(0, ...readers.map((r) => r.needed.length));
  const out = new Uint8Array(n);
  // How many cells use each string, up to 2 (strings used once are packed).
  for (const r of readers) for (let i = 0; i < r.needed.length; i++) out[i] = Math.min(2, out[i] + r.needed[i]);
  return out;
}

/** One sheet as a ledger reads it: its used cells from A1, blank cells null. */
export interface SheetGrid {
  name: string;
  grid: CellValue[][];
}

/**
 * A ledger's sheets, one at a time (`use` returns true to stop): each sheet's used cells, sparse while
 * streaming, then a grid from A1 to the last used row and column.
 */
export function eachSheetGridOfZip(open: () => Promise<ZipPackage>, use: (sheet: SheetGrid) => boolean): Promise<void> {
  return fileFault(async () => {
    const zip = await open();
    const info: WorkbookInfo = await readStructure(zip, () => false);
    const dateStyles = info.styles ? await readDateStyles(zip, info.styles) : null;
    const sst = info.sharedStrings ? await readSharedStrings(zip, info.sharedStrings, null) : [];
    for (const sheet of info.sheets) {
      const g = region(1, Infinity, 1, Infinity);
      if (sheet.part) await streamSheet(zip, sheet.part, new SheetReader({ regions: [g], dateStyles, date1904: info.date1904, sst }));
      const { rowCount, width } = g.cells;
      if (rowCount * width > 16_000_000) throw new InputError('too-large', `feuille ${sheet.name} de ${rowCount} lignes sur ${width} colonnes`);
      const grid = g.cells.grid(0, rowCount, width).toRows();
      if (use({ name: sheet.name, grid })) return;
    }
  });
}
