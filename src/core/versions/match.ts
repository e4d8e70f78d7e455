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

/** Pairs equal keys in the order the lines stand: the n-th "I_01|2014|region" with the n-th. */
function pairByKey(before: Line[], after: Line[], key: (l: Line) => string, out: Pairing, leftovers: { before: Line[]; after: Line[] }): void {
  const waiting = new Map<string, Line[]>();
  for (const b of before) {
    const k = key(b);
    const list = waiting.get(k);
    if (list) list.push(b);
    else waiting.set(k, [b]);
  }
  for (const a of after) {
    const list = waiting.get(key(a));
    const b = list?.shift();
    if (b) out.pairs.push([b, a]);
    else leftovers.after.push(a);
  }
  for (const list of waiting.values()) leftovers.before.push(...list);
}

/** Matches the lines of one table in two versions. */
export function pairLines(table: string, before: Line[], after: Line[]): Pairing {
  const out: Pairing = { pairs: [], removed: [], added: [] };
  let b = before;
  let a = after;
  if (table === 'Financements') {
    // First by Référence, among the lines that have one on both sides.
    const ref = (l: Line) => matchKey(valueOf(l, 'reference'));
    const refs = new Set(a.map(ref).filter((r) => r !== ''));
    const bRefs = new Set(b.map(ref).filter((r) => r !== ''));
    const byRef = { before: b.filter((l) => refs.has(ref(l))), after: a.filter((l) => bRefs.has(ref(l))) };
    const rest = { before: b.filter((l) => !refs.has(ref(l))), after: a.filter((l) => !bRefs.has(ref(l))) };
    const left = { before: [] as Line[], after: [] as Line[] };
    pairByKey(byRef.before, byRef.after, ref, out, left);
    b = [...rest.before, ...left.before].sort((x, y) => x.index - y.index);
    a = [...rest.after, ...left.after].sort((x, y) => x.index - y.index);
  }
  const left = { before: [] as Line[], after: [] as Line[] };
  pairByKey(b, a, identity, out, left);
  out.removed = left.before.sort((x, y) => x.index - y.index);
  out.added = left.after.sort((x, y) => x.index - y.index);
  return out;
}
