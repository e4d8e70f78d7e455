/**
 * An OpenDocument spreadsheet (.ods, LibreOffice's own format) → the core's snapshot or a ledger's
 * sheets, from the cells odsContent.ts streamed out of content.xml. The contract's tables are the
 * database ranges of the same names (LibreOffice saves an Excel table as one); a contract table
 * without one is searched by its headers on its sheet, as in an .xlsx. What follows is the .xlsx
 * reader's own: a totals row over SUBTOTAL formulas is left out, covered cells are named.
 */
import { userTablesOf, type TableDef } from '../../core/contract';
import { profile as builtIn, type Profile } from '../../core/profile';
import { findHeaderRow } from '../../core/locate';
import type { CellValue, OutsideCells, WorkbookSnapshot } from '../../core/snapshot';
import { OutsideNotes } from './outsideNotes';
import { matchKey } from '../../core/text';
import { InputError, LIMITS } from './guard';
import { OdsContent, type DatabaseRange, type OdsSheet } from './odsContent';
import { PROFILE_MAX_ROWS, PROFILE_SHEET } from '../../core/profileStore';
import { profileOfRows } from './profileSheet';
import { BELOW_MAX, contractKeysOf, nextTop, ownKeys, PROBE_COLUMNS, PROBE_ROWS, sheetMatches, tableSnapshot, type Kept, type SheetGrid } from './reader';
import { isBlankValue, region, type Region } from './region';
import { XmlScanner } from './xml';
import type { ZipPackage } from './zip';

/** Streams content.xml once. */
async function readContent(zip: ZipPackage): Promise<OdsContent> {
  if (!zip.has('content.xml')) throw new InputError('corrupt', 'document OpenDocument sans contenu (content.xml absent)');
  const content = new OdsContent();
  const scanner = new XmlScanner(content, 'content.xml');
  await zip.stream('content.xml', (c) => scanner.push(c));
  scanner.end();
  return content;
}

/** The box of a sheet as a region of the reader: its cells copied, its covered cells noted, a SUBTOTAL in its bottom row said. */
function cut(sheet: OdsSheet, top: number, bottom: number, left: number, right: number): Region {
  const g = region(top, bottom, left, right);
  const lastRow = Math.min(bottom, sheet.cells.rowCount);
  const lastColumn = Math.min(right, sheet.cells.width);
  for (let r = top; r <= lastRow; r++) {
    for (let c = left; c <= lastColumn; c++) {
      const v = sheet.cells.get(r - 1, c - 1);
      if (v !== null) g.cells.set(r - top, c - left, v);
    }
  }
  for (const [r, c] of sheet.covered) if (r >= top && r <= bottom && c >= left && c <= right) g.merged.push([r, c]);
  g.subtotalInBottom = sheet.subtotalRows.has(bottom);
  return g;
}

/** A contract table kept as a plain range: its header among the first rows, its rows down to the first blank one. */
function headerRange(def: TableDef, sheet: OdsSheet): Region | null {
  const firstRows: CellValue[][] = [];
  for (let r = 0; r < PROBE_ROWS; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < PROBE_COLUMNS; c++) row.push(sheet.cells.get(r, c));
    firstRows.push(row);
  }
  const at = findHeaderRow(def, firstRows);
  if (!at) return null;
  let right = at.column;
  while (right < PROBE_COLUMNS && firstRows[at.row - 1][right] !== null) right++;
  let bottom = at.row;
  for (let r = at.row + 1; r <= sheet.cells.rowCount; r++) {
    let blank = true;
    for (let c = at.column; c <= right && blank; c++) blank = isBlankValue(sheet.cells.get(r - 1, c - 1));
    if (blank) break;
    bottom = r;
  }
  return cut(sheet, at.row, bottom, at.column, right);
}

/** The contract's tables (and the add-in's own) of an .ods. */
export async function odsSnapshot(zip: ZipPackage): Promise<WorkbookSnapshot> {
  const content = await readContent(zip);
  // The convention the .ods carries decides which tables are the contract's (its years' Participations).
  const profile = odsConvention(content);
  const userTables = userTablesOf(profile ?? builtIn);
  const contractKeys = contractKeysOf(profile ?? builtIn);
  const kept: Kept[] = [];
  const seen = new Set<string>();
  for (const r of content.ranges) {
    const key = matchKey(r.name);
    const sheet = content.sheets.find((s) => s.name === r.sheet);
    // The first range of each contract name, as for the tables of an .xlsx.
    if (!sheet || seen.has(key) || !(contractKeys.has(key) || ownKeys.has(key))) continue;
    const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (cells > LIMITS.keptCells) throw new InputError('too-large', `la plage ${r.name} couvre plus de ${LIMITS.keptCells.toLocaleString('fr-FR')} cellules`);
    seen.add(key);
    const user = contractKeys.has(key);
    // A user table's rows typed just under it are read with it, as in an .xlsx (LibreOffice never extends a database range).
    const bottom = user ? rowsUnder(sheet, r, content.ranges.filter((o) => o.sheet === r.sheet && o !== r)) : r.bottom;
    const g = cut(sheet, r.top, bottom, r.left, r.right);
    // A lost totals row is looked for in the range's own last row (its SUBTOTAL), not under it.
    g.subtotalInBottom = sheet.subtotalRows.has(r.bottom);
    // A database range's rows under its header are the table's own (a totals row among them is told by its SUBTOTAL, as in an .xlsx).
    kept.push({ name: r.name, sheet: sheet.name, region: g, totalsRow: false, isTable: true, declaredRows: user ? r.bottom - r.top : undefined });
  }
  for (const def of userTables) {
    if (seen.has(matchKey(def.name))) continue;
    const sheet = content.sheets.find((s) => sheetMatches(s.name, def));
    const g = sheet && headerRange(def, sheet);
    if (g) kept.push({ name: def.name, sheet: sheet.name, region: g, totalsRow: false, isTable: false });
  }
  const order = (k: Kept) => (k.isTable ? 0 : 1) * 1000 + content.sheets.findIndex((s) => s.name === k.sheet);
  kept.sort((a, b) => order(a) - order(b));
  const outside = content.sheets.map((sheet) => outsideOf(sheet, kept.filter((k) => k.sheet === sheet.name).map((k) => k.region))).filter((o): o is OutsideCells => o !== null);
  return { sheets: content.sheets.map((s) => s.name), tables: kept.map(tableSnapshot), ...(outside.length ? { outside } : {}), ...(profile ? { profile } : {}) };
}

/** The last row of a database range and of the rows typed just under it: down to the first blank row, another range's top, or BELOW_MAX rows. */
function rowsUnder(sheet: OdsSheet, r: DatabaseRange, others: DatabaseRange[]): number {
  const limit = Math.min(r.bottom + BELOW_MAX, nextTop(others, r.bottom, r.left, r.right), sheet.cells.rowCount);
  let bottom = r.bottom;
  while (bottom < limit) {
    let blank = true;
    for (let c = r.left; c <= r.right && blank; c++) blank = isBlankValue(sheet.cells.get(bottom, c - 1));
    if (blank) break;
    bottom++;
  }
  return bottom;
}

/** What a sheet holding kept regions holds outside them (a caption above them left out, as in an .xlsx): null when nothing. */
function outsideOf(sheet: OdsSheet, regions: Region[]): OutsideCells | null {
  if (!regions.length) return null;
  const notes = new OutsideNotes();
  for (const g of regions) notes.regionAt(g.top);
  const { rowCount, width } = sheet.cells;
  for (let r = 1; r <= rowCount; r++) {
    for (let c = 1; c <= width; c++) {
      const v = sheet.cells.get(r - 1, c - 1);
      if (!isBlankValue(v) && !regions.some((g) => r >= g.top && r <= g.bottom && c >= g.left && c <= g.right)) notes.note(typeof v === 'string', r, c);
    }
  }
  return notes.noted.cells.length ? { ...notes.noted, sheet: sheet.name } : null;
}

/** The convention the .ods carries (its SuiviCES-convention sheet), when it carries one. */
function odsConvention(content: OdsContent): Profile | undefined {
  const sheet = content.sheets.find((s) => s.name === PROFILE_SHEET);
  return sheet ? profileOfRows(sheet.cells.grid(0, Math.min(sheet.cells.rowCount, PROFILE_MAX_ROWS), 2).toRows()) : undefined;
}

/** A ledger's sheets, one at a time (`use` returns true to stop), each from A1 to its last used row and column. */
export async function odsSheetGrids(zip: ZipPackage, use: (sheet: SheetGrid) => boolean): Promise<void> {
  const content = await readContent(zip);
  for (const sheet of content.sheets) {
    const { rowCount, width } = sheet.cells;
    if (rowCount * width > 16_000_000) throw new InputError('too-large', `feuille ${sheet.name} de ${rowCount} lignes sur ${width} colonnes`);
    if (use({ name: sheet.name, grid: sheet.cells.grid(0, rowCount, width).toRows() })) return;
  }
}
