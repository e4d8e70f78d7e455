/**
 * What a sheet of the contract holds outside its tables: never read, so named (« Nothing silent »).
 * A host notes the cells it passes outside every range it reads (the tables, what lies just under
 * them) — a title above the tables is the sheet's caption, not a value — and the core says which
 * ones, as ranges: a number, a date or a formula (`workbook.values-outside`, a warning: it may be an
 * amount the totals do not count) apart from a text (`workbook.notes-outside`, an information).
 */
import { cellAddress } from './cells';
import type { Ref } from './modelTypes';
import type { RuleParams } from './ruleParams';
import type { TableRead } from './readReport';
import type { WorkbookSnapshot } from './snapshot';

/** A text above the first table of its sheet is the sheet's title or a note on it, left unnamed (the template writes two such rows). */
export const isCaption = (text: boolean, row: number, firstTableTop: number): boolean => text && row < firstTableTop;

/** Ranges named in a message at most; the rest are counted. */
const RANGES_SHOWN = 6;

/** Cells as the fewest ranges a reader finds them by: runs down a column, then runs of columns with the same rows ("I5:J19", "K3"). */
export function cellRanges(cells: readonly { row: number; col: number }[]): { top: number; left: number; bottom: number; right: number }[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col);
    if (rows) rows.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const runs: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const bottom = rows[i - 1];
      // The same rows in the column just left of it: one rectangle.
      const left = runs.find((r) => r.right === col - 1 && r.top === start && r.bottom === bottom);
      if (left) left.right = col;
      else runs.push({ top: start, left: col, bottom, right: col });
      start = rows[i];
    }
  }
  return runs.sort((a, b) => a.top - b.top || a.left - b.left);
}

const rangeText = (r: { top: number; left: number; bottom: number; right: number }) =>
  r.top === r.bottom && r.left === r.right ? cellAddress(r.top, r.left) : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;

type Emit = <R extends 'workbook.values-outside' | 'workbook.notes-outside'>(rule: R, ref: Ref, params: RuleParams[R]) => void;

/** Cells as the first RANGES_SHOWN ranges, and how many of `count` cells are in none of them. */
function shown(cells: readonly { row: number; col: number }[], count: number): { ranges: string[]; more: number } {
  const first = cellRanges(cells).slice(0, RANGES_SHOWN);
  const inFirst = cells.filter((c) => first.some((r) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right)).length;
  return { ranges: first.map(rangeText), more: count - inFirst };
}

/**
 * One finding per kind and sheet, on its first range, naming the sheet's contract tables and the
 * ranges; and what was read (`reads`, the contract's order) says them with the sheet's first table.
 */
export function outsideFindings(snapshot: WorkbookSnapshot, reads: readonly TableRead[], emit: Emit): void {
  for (const o of snapshot.outside ?? []) {
    const here = reads.filter((r) => r.sheet === o.sheet);
    // A sheet of the add-in's own tables only (Clôtures, Journal): not the user's data.
    if (!here.length) continue;
    here[0].outside = { count: o.values + o.texts, ...shown(o.cells, o.values + o.texts) };
    const tables = here.map((r) => r.table);
    for (const text of [false, true]) {
      const count = text ? o.texts : o.values;
      const cells = o.cells.filter((c) => c.text === text);
      if (count === 0 || !cells.length) continue;
      const { ranges, more } = shown(cells, count);
      emit(text ? 'workbook.notes-outside' : 'workbook.values-outside', { sheet: o.sheet, cell: ranges[0] }, { tables, ranges, count, more });
    }
  }
}
