/**
 * Row identity: which line of one version is which line of the other, whatever their position.
 * Financing lines by Référence when both sides have one, otherwise by action, year, funder and
 * order; participations by axis (their cells by funder); convention rows by funder and year;
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
  pairByKey(keyed(b), keyed(a), out, left);
  out.removed = left.before.sort(byIndex);
  out.added = left.after.sort(byIndex);
  return out;
}
