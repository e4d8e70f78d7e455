/**
 * The contract's tables as comparable lines: each data row of a user table, its cells reduced to a
 * canonical text (amounts as "500.00", funders and axes as their ids, dates as ISO), so that two
 * workbooks — or a workbook and the record of a closed year — compare value by value whatever the
 * spelling ("Region" and "Région" are the same funder) or the position of the row.
 */
import {
  headerKeys,
  participationTables,
  resolveAxis,
  resolveFunder,
  resolveInstance,
  resolveStatus,
  userTables,
  type ColumnDef,
  type ColumnKind,
  type TableDef,
} from '../contract';
import { findTable } from '../model';
import { centsToDecimalString, readCellNumber } from '../money';
import { profile } from '../profile';
import { cellAddress, isBlank, isCellError, isDate, isUncalculated, type CellValue, type WorkbookSnapshot } from '../snapshot';
import { isoDate, matchKey, parseDateText } from '../text';
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
export function canonical(kind: ColumnKind, v: CellValue): string {
  if (isBlank(v)) return '';
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
      return resolveFunder(text) ?? text;
    case 'axis':
      return resolveAxis(text) ?? text;
    case 'status':
      return resolveStatus(text) ?? text;
    case 'instance':
      return resolveInstance(text) ?? text;
    default:
      return text;
  }
}

/** The columns of a table def found in the snapshot's headers: [def column, snapshot index]. */
function located(def: TableDef, headers: string[]): [ColumnDef, number][] {
  const keys = headers.map((h) => matchKey(h ?? ''));
  const out: [ColumnDef, number][] = [];
  for (const c of def.columns) {
    const accepted = headerKeys(c);
    const i = keys.findIndex((k) => accepted.includes(k));
    if (i >= 0) out.push([c, i]);
  }
  return out;
}

const participationNames = new Set(participationTables.map((d) => d.name));

/** The funder columns of a participation table: every header between Axe and Total, by funder key. */
function participationColumns(def: TableDef, headers: string[]): { axis: number; funders: [string, number][] } {
  const cols = located(def, headers);
  const axis = cols.find(([c]) => c.key === 'axis')?.[1] ?? -1;
  const total = cols.find(([c]) => c.key === 'total')?.[1] ?? -1;
  const funders: [string, number][] = [];
  headers.forEach((h, i) => {
    if (i === axis || i === total || isBlank(h)) return;
    funders.push([resolveFunder(h) ?? `co:${h.trim()}`, i]);
  });
  return { axis, funders };
}

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

/** Every non-empty data row of every contract table the workbook holds. */
export function contractLines(snapshot: WorkbookSnapshot): Line[] {
  const out: Line[] = [];
  for (const def of userTables) {
    const t = findTable(snapshot, def);
    if (!t) continue;
    const isParticipation = participationNames.has(def.name);
    const columns: { column: string; kind: ColumnKind; index: number }[] = [];
    if (isParticipation) {
      const p = participationColumns(def, t.headers);
      if (p.axis >= 0) columns.push({ column: 'axis', kind: 'axis', index: p.axis });
      for (const [key, i] of p.funders) columns.push({ column: key, kind: 'amount', index: i });
    } else {
      for (const [c, i] of located(def, t.headers)) columns.push({ column: c.key, kind: c.kind, index: i });
    }
    if (!columns.length) continue;
    const headers = t.headers.map((h) => h ?? '');
    t.rows.forEach((row, index) => {
      if (columns.every((c) => isBlank(row[c.index] ?? null))) return;
      const sheetRow = t.headerRow + 1 + index;
      const cells = columns.map((c) => {
        let value = canonical(c.kind, row[c.index] ?? null);
        // A blank participation is a participation of zero (as the check reads it).
        if (isParticipation && c.kind === 'amount' && value === '') value = '0.00';
        return new SheetCell(c.column, headers[c.index], c.kind, value, sheetRow, t.firstColumn + c.index);
      });
      out.push(new SheetLine(def.name, t.sheet, index, sheetRow, t.firstColumn, cells));
    });
  }
  return out;
}

export function valueOf(line: Line, column: string): string {
  return line.cells.find((c) => c.column === column)?.value ?? '';
}

/** The contract year a line belongs to, or null for the tables that are not kept per year. */
export function lineYear(line: Line): number | null {
  const m = /^Participations(\d{4})$/.exec(line.table);
  if (m) return Number(m[1]);
  let text = '';
  if (line.table === 'Convention' || line.table === 'Financements' || line.table === 'Bilans') text = valueOf(line, 'year');
  else if (line.table === 'Instances') text = valueOf(line, 'date').slice(0, 4);
  else return null;
  const n = Number(text);
  return /^\d{4}$/.test(text) && (profile.years as readonly number[]).includes(n) ? n : null;
}
