/**
 * What a sheet of the contract holds outside its tables: never read, so named (« Nothing silent »).
 * A host notes the cells it passes outside every range it reads (the tables, what lies just under
 * them) — a title above the tables is the sheet's caption, not a value — and the core says which
 * ones, as ranges: a number, a date or a formula (`workbook.values-outside`, a warning: it may be an
 * amount the totals do not count) apart from a text (`workbook.notes-outside`, an information).
 */
import { cellAddress } from './cells';
import { userTablesOf } from './contract';
import type { Profile } from './profile';
import type { Ref } from './modelTypes';
import type { RuleParams } from './ruleParams';
import type { OutsideCells, WorkbookSnapshot } from './snapshot';
import { matchKey } from './text';

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

/** One finding per kind and sheet, on its first range, naming the sheet's contract tables and the ranges. */
export function outsideFindings(snapshot: WorkbookSnapshot, profile: Profile, emit: Emit): void {
  const contract = new Set(userTablesOf(profile).map((d) => matchKey(d.name)));
  for (const o of snapshot.outside ?? []) {
    const tables = snapshot.tables.filter((t) => t.sheet === o.sheet && contract.has(matchKey(t.name)));
    // A sheet of the add-in's own tables only (Clôtures, Journal): not the user's data.
    if (!tables.length) continue;
    const names = tables.map((t) => t.name);
    kind(o, false, 'workbook.values-outside', names, emit);
    kind(o, true, 'workbook.notes-outside', names, emit);
  }
}

function kind(o: OutsideCells, text: boolean, rule: 'workbook.values-outside' | 'workbook.notes-outside', tables: string[], emit: Emit): void {
  const count = text ? o.texts : o.values;
  if (count === 0) return;
  const ranges = cellRanges(o.cells.filter((c) => c.text === text));
  if (!ranges.length) return;
  const shown = ranges.slice(0, RANGES_SHOWN).map(rangeText);
  const inShown = o.cells.filter((c) => c.text === text && ranges.slice(0, RANGES_SHOWN).some((r) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right)).length;
  emit(rule, { sheet: o.sheet, cell: shown[0] }, { tables, ranges: shown, count, more: count - inShown });
}
