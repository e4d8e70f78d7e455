/**
 * The contract's tables as comparable lines: each data row of a user table, its cells reduced to a
 * canonical text (amounts as "500.00", funders and axes as their ids, dates as ISO), so that two
 * workbooks — or a workbook and the record of a closed year — compare value by value whatever the
 * spelling ("Region" and "Région" are the same funder) or the position of the row.
 */
import { participationTablesOf, resolveAxis, resolveFunder, resolveInstance, resolveStatus, userTablesOf, type ColumnKind } from '../contract';
import { dateAsNumber } from '../cellReader';
import { locate, silentReader } from '../locate';
import { funderColumnsOf, knownCoFunders } from '../participations';
import { tableGrid } from '../tableGrid';
import { centsToDecimalString, readCellNumber } from '../money';
import { perProfile, profile as builtIn, profileOf, type Profile } from '../profile';
import { cellAddress, isBlank, isCellError, isDate, isUncalculated, type CellValue, type WorkbookSnapshot } from '../snapshot';
import { isoDate, parseDateText } from '../text';
import { serialToIso } from '../cells';

/** One cell of a line: its column, its canonical value ('' when blank) and where it stands. */
export interface LineCell {
  /** The contract's column key ("planned"), or for participations the funder key ("region", "co:Métropole"). */
  column: string;
  /** The header as the workbook spells it. */
  header: string;
  kind: ColumnKind;
  value: string;
  /** "D12" on the line's sheet. */
  cell: string;
}

export interface Line {
  /** The contract table's name: "Financements", "Participations2014"… */
  table: string;
  sheet: string;
  /** 0-based position among the table's data rows (order only; never used to match). */
  index: number;
  /** The first cell of the row, where a finding about the whole line points. */
  cell: string;
  cells: LineCell[];
}


/** A cell's value as one canonical text, by the column's kind. */
export function canonical(kind: ColumnKind, v: CellValue, profile: Profile = builtIn): string {
  if (isBlank(v)) return '';
  // As the check reads it (cellReader.ts): a year in a date format is its number.
  if (kind === 'year') v = dateAsNumber(v);
  if (isCellError(v)) return v.error;
  if (isUncalculated(v)) return v.uncalculated;
  if (isDate(v)) return Number.isNaN(v.getTime()) ? '' : isoDate(v);
  if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
  const text = String(v).trim();
  switch (kind) {
    case 'amount': {
      if (typeof v !== 'number') return text;
      const r = readCellNumber(v);
      return r.kind === 'ok' ? centsToDecimalString(r.cents) : r.kind === 'sub-cent' ? r.value : text;
    }
    case 'date': {
      if (typeof v === 'number') return v > 1 && v < 2958466 ? serialToIso(v) : text;
      const d = parseDateText(text);
      return d ? isoDate(d) : text;
    }
    case 'funder':
      return resolveFunder(text, profile) ?? text;
    case 'axis':
      return resolveAxis(text, profile) ?? text;
    case 'status':
      return resolveStatus(text, profile) ?? text;
    case 'instance':
      return resolveInstance(text, profile) ?? text;
    default:
      return text;
  }
}

const participationNames = perProfile((p) => new Set(participationTablesOf(p).map((d) => d.name)));

/**
 * A cell and a line read from a sheet: their addresses are made only when asked for (a change, a
 * finding), since 100 000 lines × 8 columns of address strings cost more than the comparison.
 */
class SheetCell implements LineCell {
  constructor(
    readonly column: string,
    readonly header: string,
    readonly kind: ColumnKind,
    readonly value: string,
    private readonly row: number,
    private readonly col: number,
  ) {}
  get cell(): string {
    return cellAddress(this.row, this.col);
  }
}

class SheetLine implements Line {
  constructor(
    readonly table: string,
    readonly sheet: string,
    readonly index: number,
    private readonly row: number,
    private readonly col: number,
    readonly cells: LineCell[],
  ) {}
  get cell(): string {
    return cellAddress(this.row, this.col);
  }
}

/**
 * Every data row of every contract table the workbook holds, read as the check reads it (locate.ts:
 * the same table, columns and rows; participations.ts: the same funder columns).
 */
export function contractLines(snapshot: WorkbookSnapshot): Line[] {
  const out: Line[] = [];
  let known: Set<string> | undefined;
  const profile = profileOf(snapshot);
  for (const def of userTablesOf(profile)) {
    const loc = locate(snapshot, def, silentReader);
    if (!loc) continue;
    const t = loc.table;
    const isParticipation = participationNames(profile).has(def.name);
    const columns: { column: string; kind: ColumnKind; index: number }[] = [];
    if (isParticipation) {
      if (loc.columns.axis >= 0) columns.push({ column: 'axis', kind: 'axis', index: loc.columns.axis });
      for (const f of funderColumnsOf(loc, (known ??= knownCoFunders(snapshot, profile)), silentReader, profile)) columns.push({ column: f.key, kind: 'amount', index: f.index });
    } else {
      for (const c of def.columns) if (loc.columns[c.key] >= 0) columns.push({ column: c.key, kind: c.kind, index: loc.columns[c.key] });
    }
    if (!columns.length) continue;
    const headers = t.headers.map((h) => h ?? '');
    const grid = tableGrid(t);
    for (let index = 0; index < loc.rowCount; index++) {
      if (loc.skip?.has(index) || columns.every((c) => isBlank(grid.get(index, c.index)))) continue;
      const sheetRow = t.headerRow + 1 + index;
      const cells = columns.map((c) => {
        let value = canonical(c.kind, grid.get(index, c.index), profile);
        // A blank participation is a participation of zero (as the check reads it).
        if (isParticipation && c.kind === 'amount' && value === '') value = '0.00';
        return new SheetCell(c.column, headers[c.index], c.kind, value, sheetRow, t.firstColumn + c.index);
      });
      out.push(new SheetLine(def.name, t.sheet, index, sheetRow, t.firstColumn, cells));
    }
  }
  return out;
}

export function valueOf(line: Line, column: string): string {
  return line.cells.find((c) => c.column === column)?.value ?? '';
}

/** The contract year a line belongs to, or null for the tables that are not kept per year. */
export function lineYear(line: Line, profile: Profile = builtIn): number | null {
  const m = /^Participations(\d{4})$/.exec(line.table);
  if (m) return Number(m[1]);
  let text = '';
  if (line.table === 'Convention' || line.table === 'Financements' || line.table === 'Bilans') text = valueOf(line, 'year');
  else if (line.table === 'Instances') text = valueOf(line, 'date').slice(0, 4);
  else return null;
  const n = Number(text);
  return /^\d{4}$/.test(text) && profile.years.includes(n) ? n : null;
}
