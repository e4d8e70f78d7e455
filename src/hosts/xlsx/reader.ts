/**
 * The one SpreadsheetML reader of the CLI: an .xlsx in memory → the core's snapshot (check, report,
 * reconcile) or a ledger's sheets. Each part it needs is inflated once and scanned as it inflates:
 * the package structure (relationships, workbook, the contract's tables), the styles (which cell
 * styles are dates), the worksheets that hold a contract table (only the tables' cells are kept),
 * then the shared strings those cells use. Sheets without a contract table are never inflated.
 */
import { controlsTable, journalTable, userTables, type TableDef } from '../../core/contract';
import { CLOSURE_TABLE } from '../../core/versions/closure';
import { findHeaderRow } from '../../core/locate';
import type { CellValue, TableSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { compactTable } from '../../core/tableGrid';
import { matchKey } from '../../core/text';
import { InputError, LIMITS } from './guard';
import { readStructure, type SheetInfo, type WorkbookInfo } from './package';
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

async function streamSheet(zip: ZipPackage, part: string, reader: SheetReader): Promise<void> {
  const scanner = new XmlScanner(reader, part);
  await zip.stream(part, (c) => scanner.push(c));
  scanner.end();
  reader.finish();
}

export const contractKeys = new Map(userTables.map((d) => [matchKey(d.name), d]));
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
}

/** The rows 1-30 × columns 1-60 a header search looks at (the ExcelJS reader's bounds). */
export const PROBE_ROWS = 30;
export const PROBE_COLUMNS = 60;

/** A contract table that is no Excel table: its header is searched in the sheet's first rows, then its range grows down to the first blank row. */
function headerSearch(def: TableDef, sheet: string, kept: Kept[]): { probe: Region; decide: (reader: SheetReader, ended: boolean) => void } {
  const probe = region(1, PROBE_ROWS, 1, PROBE_COLUMNS);
  const decide = (reader: SheetReader, ended: boolean) => {
    const firstRows: CellValue[][] = [];
    for (let r = 0; r < PROBE_ROWS; r++) firstRows.push(regionRow(probe, r, PROBE_COLUMNS));
    const at = findHeaderRow(def, firstRows);
    if (!at) return;
    let right = at.column;
    while (right < PROBE_COLUMNS && firstRows[at.row - 1][right] !== null) right++;
    const g = region(at.row, Infinity, at.column, right);
    g.growing = true;
    // The rows already passed: copied from the probe, up to the first blank one.
    const seen = Math.min(PROBE_ROWS, reader.currentRow);
    for (let r = at.row; r <= seen; r++) {
      const cells = firstRows[r - 1].slice(at.column - 1, right);
      if (r > at.row && cells.every(isBlankValue)) {
        g.growing = false;
        g.bottom = r - 1;
        break;
      }
      for (let c = 0; c < cells.length; c++) if (cells[c] !== null) g.cells.set(r - at.row, c, cells[c]);
    }
    if (g.growing && ended) {
      // The sheet ended inside the probe.
      g.growing = false;
      g.bottom = at.row + g.cells.rowCount - 1;
    }
    if (g.growing) reader.addRegion(g);
    kept.push({ name: def.name, sheet, region: g, totalsRow: false, isTable: false });
  };
  return { probe, decide };
}

export function tableSnapshot(k: Kept): TableSnapshot {
  const g = k.region;
  const width = g.right - g.left + 1;
  const headers = regionRow(g, 0, width).map((h) => (h === null ? '' : typeof h === 'string' ? flatten(h) : String(h)));
  let bottom = g.bottom;
  if (k.totalsRow) bottom--;
  else if (k.isTable && g.subtotalInBottom && bottom > g.top) {
    // A totals row whose flag was lost (a LibreOffice .ods round trip): "Total" over SUBTOTAL formulas.
    const label = regionRow(g, bottom - g.top, width).find((v) => !isBlankValue(v));
    if (typeof label === 'string' && matchKey(label).startsWith('total')) bottom--;
  }
  const merged = mergedAddresses(g).filter((a) => {
    const row = Number(/\d+$/.exec(a)![0]);
    return row <= bottom;
  });
  const meta = { name: k.name, sheet: k.sheet, headerRow: g.top, firstColumn: g.left, headers, isTable: k.isTable, mergedCells: merged };
  // The data rows stay by column (1 000 000 financing lines): arrays of rows are made only if someone asks.
  return compactTable(meta, g.cells.grid(1, Math.max(0, bottom - g.top), width));
}

/** Reads the workbook's contract tables into the core's snapshot, from an archive however its bytes are held (zipNode.ts, zipBytes.ts). */
export function snapshotOfZip(open: () => Promise<ZipPackage>): Promise<WorkbookSnapshot> {
  return fileFault(async () => {
    const zip = await open();
    const info = await readStructure(zip, (name) => contractKeys.has(matchKey(name)) || ownKeys.has(matchKey(name)));
    // The first table of each contract name (Excel forbids two; a damaged file may not).
    const seen = new Set<string>();
    for (const s of info.sheets) s.tables = s.tables.filter((t) => !!parseRange(t.ref) && !seen.has(matchKey(t.name)) && !!seen.add(matchKey(t.name)));
    const fallbacks = userTables
      .filter((d) => !seen.has(matchKey(d.name)))
      .map((def) => ({ def, sheet: info.sheets.find((s) => sheetMatches(s.name, def)) }))
      .filter((x): x is { def: TableDef; sheet: SheetInfo } => !!x.sheet?.part);
    const dateStyles = info.styles ? await readDateStyles(zip, info.styles) : null;
    // A header search reads strings as it goes: then the shared strings come first, all of them.
    let sst = fallbacks.length && info.sharedStrings ? await readSharedStrings(zip, info.sharedStrings, null) : null;
    const kept: Kept[] = [];
    const readers: SheetReader[] = [];
    for (const sheet of info.sheets) {
      const search = fallbacks.filter((f) => f.sheet === sheet);
      if (!sheet.part || (!sheet.tables.length && !search.length)) continue;
      const regions: Region[] = [];
      const tablesHere: Kept[] = [];
      for (const t of sheet.tables) {
        const box = parseRange(t.ref)!;
        // Every row of a table becomes a row of the snapshot: a range no table of the contract could fill is refused.
        const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
        if (cells > LIMITS.keptCells) throw new InputError('too-large', `le tableau ${t.name} couvre ${t.ref}, plus de ${LIMITS.keptCells.toLocaleString('fr-FR')} cellules`);
        const g = region(box.top, box.bottom, box.left, box.right);
        regions.push(g);
        tablesHere.push({ name: t.name, sheet: sheet.name, region: g, totalsRow: t.totalsRow, isTable: true });
      }
      const searches = search.map((f) => headerSearch(f.def, sheet.name, kept));
      for (const s of searches) regions.push(s.probe);
      const reader = new SheetReader({
        regions,
        dateStyles,
        date1904: info.date1904,
        sst,
        probe: searches.length ? { after: PROBE_ROWS, decide: (r, ended) => searches.forEach((s) => s.decide(r, ended)) } : undefined,
      });
      await streamSheet(zip, sheet.part, reader);
      kept.push(...tablesHere);
      readers.push(reader);
    }
    if (!sst && info.sharedStrings && readers.some((r) => r.needed.length > 0)) {
      const needed = mergeNeeded(readers);
      sst = await readSharedStrings(zip, info.sharedStrings, needed);
    }
    for (const r of readers) r.resolve(sst ?? []);
    // Excel tables first, in sheet order, then the plain ranges found by their headers.
    const order = (k: Kept) => (k.isTable ? 0 : 1) * 1000 + info.sheets.findIndex((s) => s.name === k.sheet);
    kept.sort((a, b) => order(a) - order(b));
    return { sheets: info.sheets.map((s) => s.name), tables: kept.map(tableSnapshot) };
  });
}

function mergeNeeded(readers: SheetReader[]): Uint8Array {
  const n = Math.max(0, ...readers.map((r) => r.needed.length));
  const out = new Uint8Array(n);
  for (const r of readers) for (let i = 0; i < r.needed.length; i++) out[i] |= r.needed[i];
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
