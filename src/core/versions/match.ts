/**
 * Row identity: which line of one version is which line of the other, whatever their position.
 * Financing lines by Référence when both sides have one, otherwise by action, year, funder, then
 * content (lines of equal keys swapped are no change), then order; participations by axis (their cells by funder); convention rows by funder and year;
 * actions by code; partners by name; meetings by body and date; bilans by action and year;
 * avenants by number; milestones by name.
 */
import { avenantKey } from '../contract';
import { matchKey } from '../text';
import { valueOf, type Line } from './lines';

/** What identifies a line within its table (before the order among equals is added). */
export function identity(line: Line): string {
  const v = (c: string) => valueOf(line, c);
  switch (line.table) {
    case 'Convention':
      return `${v('funder')}|${v('year')}`;
    case 'Actions':
      return v('code').toUpperCase();
    case 'Financements':
      return `${v('code').toUpperCase()}|${v('year')}|${v('funder')}`;
    case 'Avenants':
      return avenantKey(v('number'));
    case 'Partenaires':
      return matchKey(v('name'));
    case 'Instances':
      return `${v('instance')}|${v('date')}`;
    case 'Bilans':
      return `${v('code').toUpperCase()}|${v('year')}`;
    case 'Jalons':
      return matchKey(v('milestone'));
    default:
      // Participations20xx: one row per axis.
      return v('axis');
  }
}

export interface Pairing {
  pairs: [Line, Line][];
  removed: Line[];
  added: Line[];
}

type Keyed = { line: Line; key: string };

/** Pairs equal keys in the order the lines stand: the n-th "I_01|2014|region" with the n-th. */
function pairByKey(before: Keyed[], after: Keyed[], out: Pairing, leftovers: { before: Line[]; after: Line[] }): void {
  const waiting = new Map<string, { lines: Line[]; next: number }>();
  for (const b of before) {
    const list = waiting.get(b.key);
    if (list) list.lines.push(b.line);
    else waiting.set(b.key, { lines: [b.line], next: 0 });
  }
  for (const a of after) {
    const list = waiting.get(a.key);
    if (list && list.next < list.lines.length) out.pairs.push([list.lines[list.next++], a.line]);
    else leftovers.after.push(a.line);
  }
  for (const list of waiting.values()) for (let i = list.next; i < list.lines.length; i++) leftovers.before.push(list.lines[i]);
}

/** Every value of a line, as one text: two lines with the same content are the same line, wherever they stand. */
const contentOf = (line: Line) => JSON.stringify(line.cells.map((c) => [c.column, c.value]));

/**
 * Pairs lines of equal keys that nothing else tells apart (no reference): first those that stand at
 * the same rank among their equals with the same content (unchanged in place), then the others by
 * content (two such lines swapped are no change), then what remains by rank (a line edited in place
 * is a change of that line).
 */
function pairEquals(before: Keyed[], after: Keyed[], out: Pairing, leftovers: { before: Line[]; after: Line[] }): void {
  const group = (xs: Keyed[]) => {
    const m = new Map<string, Line[]>();
    for (const x of xs) {
      const list = m.get(x.key);
      if (list) list.push(x.line);
      else m.set(x.key, [x.line]);
    }
    return m;
  };
  const bs = group(before);
  const as = group(after);
  const rest = { before: [] as Keyed[], after: [] as Keyed[] };
  for (const [key, b] of bs) {
    const a = as.get(key) ?? [];
    const left = { before: [] as Line[], after: [] as Line[] };
    // Unchanged in place.
    for (let i = 0; i < Math.max(b.length, a.length); i++) {
      if (i < b.length && i < a.length && contentOf(b[i]) === contentOf(a[i])) out.pairs.push([b[i], a[i]]);
      else {
        if (i < b.length) left.before.push(b[i]);
        if (i < a.length) left.after.push(a[i]);
      }
    }
    // Moved: same content elsewhere among the equals; what is left, by rank.
    const moved = { before: [] as Line[], after: [] as Line[] };
    pairByKey(
      left.before.map((line) => ({ line, key: contentOf(line) })),
      left.after.map((line) => ({ line, key: contentOf(line) })),
      out,
      moved,
    );
    rest.before.push(...moved.before.sort(byIndex).map((line) => ({ line, key })));
    rest.after.push(...moved.after.sort(byIndex).map((line) => ({ line, key })));
  }
  for (const [key, a] of as) if (!bs.has(key)) rest.after.push(...a.map((line) => ({ line, key })));
  pairByKey(rest.before, rest.after, out, leftovers);
}

const byIndex = (x: Line, y: Line) => x.index - y.index;

/** Matches the lines of one table in two versions. */
export function pairLines(table: string, before: Line[], after: Line[]): Pairing {
  const out: Pairing = { pairs: [], removed: [], added: [] };
  let b = before;
  let a = after;
  if (table === 'Financements') {
    // First by Référence, among the lines that have one on both sides.
    // References are codes ("ENG-2014-001"): case and spaces aside, compared as typed.
    const withRef = (lines: Line[]) => lines.map((line) => ({ line, key: valueOf(line, 'reference').replace(/\s+/g, '').toUpperCase() }));
    const rb = withRef(b);
    const ra = withRef(a);
    const inA = new Set(ra.map((x) => x.key).filter((k) => k !== ''));
    const inB = new Set(rb.map((x) => x.key).filter((k) => k !== ''));
    const left = { before: [] as Line[], after: [] as Line[] };
    pairByKey(
      rb.filter((x) => inA.has(x.key)),
      ra.filter((x) => inB.has(x.key)),
      out,
      left,
    );
    b = [...rb.filter((x) => !inA.has(x.key)).map((x) => x.line), ...left.before].sort(byIndex);
    a = [...ra.filter((x) => !inB.has(x.key)).map((x) => x.line), ...left.after].sort(byIndex);
  }
  const left = { before: [] as Line[], after: [] as Line[] };
  const keyed = (lines: Line[]) => lines.map((line) => ({ line, key: identity(line) }));
  pairEquals(keyed(b), keyed(a), out, left);
  out.removed = left.before.sort(byIndex);
  out.added = left.after.sort(byIndex);
  return out;
}
