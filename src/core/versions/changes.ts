/**
 * Cell-level changes between two versions of the contract's tables, on lines matched by identity
 * (match.ts). Used by the comparison (diff.ts) and by the closed-year check (closure.ts).
 */
import { userTables, type ColumnKind, type Lang } from '../contract';
import { showValue } from './display';
import type { Profile } from '../profile';
import type { ChangeKind } from './fields';
import { valueOf, type Line } from './lines';
import { pairLines } from './match';

export interface Change {
  kind: ChangeKind;
  /** The contract table ("Financements"). */
  table: string;
  /** Sheet and cell in the *after* version; in the *before* one for a removed line. */
  sheet: string;
  cell: string;
  /** The line's identity as a reader says it: "I_01 · 2014 · Région". */
  key: string;
  /** The header of the changed column; null for a whole line added or removed. */
  column: string | null;
  columnKey: string | null;
  valueKind: ColumnKind | null;
  /** Canonical values ("500.00", "region", "2015-03-12"); null for a whole line. */
  before: string | null;
  after: string | null;
  /** The line itself (canonical values by header) for an added or removed line. */
  line?: Record<string, string>;
  /** The action code of a financing line, to group the changes by action. */
  action?: string;
  year?: number;
}

/** How a reader names a line: its identifying values, in their labels. */
export function displayKey(line: Line, lang: Lang, profile?: Profile): string {
  const cell = (c: string) => line.cells.find((x) => x.column === c);
  const show = (c: string) => {
    const x = cell(c);
    return x && x.value !== '' ? showValue(x.kind, x.value, lang, profile) : '';
  };
  const parts: string[] = [];
  switch (line.table) {
    case 'Convention':
      parts.push(show('funder'), show('year'));
      break;
    case 'Actions':
      parts.push(show('code'));
      break;
    case 'Financements':
      parts.push(show('code'), show('year'), show('funder'), show('reference'));
      break;
    case 'Avenants':
      parts.push(show('number'));
      break;
    case 'Partenaires':
      parts.push(show('name'));
      break;
    case 'Instances':
      parts.push(show('instance'), show('date'));
      break;
    case 'Bilans':
      parts.push(show('code'), show('year'));
      break;
    case 'Jalons':
      parts.push(show('milestone'));
      break;
    default:
      parts.push(line.table.replace(/^Participations/, ''), show('axis'));
  }
  return parts.filter((p) => p !== '').join(' · ');
}

function extras(line: Line): Pick<Change, 'action' | 'year'> {
  if (line.table !== 'Financements') return {};
  const year = Number(valueOf(line, 'year'));
  return { action: valueOf(line, 'code'), year: Number.isInteger(year) && year > 0 ? year : undefined };
}

function whole(kind: 'added' | 'removed', line: Line, lang: Lang, profile?: Profile): Change {
  return {
    kind,
    table: line.table,
    sheet: line.sheet,
    cell: line.cell,
    key: displayKey(line, lang, profile),
    column: null,
    columnKey: null,
    valueKind: null,
    before: null,
    after: null,
    line: Object.fromEntries(line.cells.map((c) => [c.header, c.value])),
    ...extras(line),
  };
}

/** The cells that differ between two versions of one line (columns present on one side only included). */
function cellChanges(b: Line, a: Line, lang: Lang, profile?: Profile): Change[] {
  const out: Change[] = [];
  const seen = new Set<string>();
  // Most pairs are unchanged: name the line only once a difference is found.
  let shown: string | undefined;
  const keyOf = () => (shown ??= displayKey(a, lang, profile));
  for (let i = 0; i < a.cells.length; i++) {
    const ac = a.cells[i];
    seen.add(ac.column);
    // Same table, same headers: the same column usually stands at the same index.
    const bc = b.cells[i]?.column === ac.column ? b.cells[i] : b.cells.find((c) => c.column === ac.column);
    const before = bc ? bc.value : '';
    if (before === ac.value) continue;
    const key = keyOf();
    out.push({ kind: 'changed', table: a.table, sheet: a.sheet, cell: ac.cell, key, column: ac.header, columnKey: ac.column, valueKind: ac.kind, before, after: ac.value, ...extras(a) });
  }
  for (const bc of b.cells) {
    if (seen.has(bc.column) || bc.value === '') continue;
    // The column is gone from the after version: point at the line in it.
    out.push({ kind: 'changed', table: a.table, sheet: a.sheet, cell: a.cell, key: keyOf(), column: bc.header, columnKey: bc.column, valueKind: bc.kind, before: bc.value, after: '', ...extras(a) });
  }
  return out;
}

/** Cell-level changes between two sets of lines, table by table in workbook order. */
/** `profile`: the convention both versions follow (ids shown in its labels); the CES ESS when absent. */
export function compareLines(before: Line[], after: Line[], lang: Lang = 'fr', profile?: Profile): Change[] {
  const out: Change[] = [];
  const tables = [...new Set([...userTables.map((d) => d.name), ...before.map((l) => l.table), ...after.map((l) => l.table)])];
  for (const table of tables) {
    const b = before.filter((l) => l.table === table);
    const a = after.filter((l) => l.table === table);
    if (!b.length && !a.length) continue;
    const { pairs, added, removed } = pairLines(table, b, a);
    const items: { order: number; changes: Change[] }[] = [];
    for (const [x, y] of pairs) items.push({ order: y.index, changes: cellChanges(x, y, lang, profile) });
    for (const y of added) items.push({ order: y.index, changes: [whole('added', y, lang, profile)] });
    // A removed line is listed where it stood, after the lines of the new version at that place.
    for (const x of removed) items.push({ order: x.index + 0.5, changes: [whole('removed', x, lang, profile)] });
    items.sort((p, q) => p.order - q.order);
    for (const i of items) out.push(...i.changes);
  }
  return out;
}
