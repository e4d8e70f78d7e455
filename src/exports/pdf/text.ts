/** Fitting text into a width with the current font: cut with an ellipsis, or wrapped over lines. */
import type { Doc } from './style';

/** Cuts a string to a width, with an ellipsis. */
export function fit(doc: Doc, s: string, width: number): string {
  if (doc.widthOfString(s) <= width) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(s.slice(0, mid) + '…') <= width) lo = mid;
    else hi = mid - 1;
  }
  return s.slice(0, lo).trimEnd() + '…';
}

/** Greedy word wrap on spaces (no-break spaces stay put), at most `max` lines, the last one cut. */
export function wrapLines(doc: Doc, s: string, width: number, max: number): string[] {
  const words = s.split(/ +/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (!cur || doc.widthOfString(next) <= width) cur = next;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur) lines.push(cur);
  if (lines.length <= max) return lines.map((l) => fit(doc, l, width));
  const kept = lines.slice(0, max);
  kept[max - 1] = fit(doc, lines.slice(max - 1).join(' ') + ' …', width);
  return kept.map((l, i) => (i < max - 1 ? fit(doc, l, width) : l));
}
