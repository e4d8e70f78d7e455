/**
 * The "Évolutions depuis le …" lines of the summary CSV (report --since): one line per funder and
 * year with the deltas in the amount columns (bare decimal-comma numbers, so a sum over a column
 * still works), then one line per changed workbook line, by action.
 */
import { messages } from '../core/i18n';
import { centsToDecimalString, type Cents } from '../core/money';
import { neutralise } from '../core/neutralise';
import type { Summary } from '../core/summary';
import { amountDelta, showValue } from '../core/versions/display';
import { changeLabel, evolutionsOf, evolutionsTitle } from '../core/versions/evolutions';

type Field = 'year' | 'funder' | 'code' | 'title' | 'convention' | 'participations' | 'planned' | 'committed' | 'paid' | 'message' | 'sheet' | 'cell';

const amount = (c: Cents) => centsToDecimalString(c).replace('.', ',');

/** [section, fields] pairs for the CSV's own line writer; none without evolutions. */
export function evolutionCsvLines(summary: Summary): [string, Partial<Record<Field, string | number>>][] {
  const e = evolutionsOf(summary);
  if (!e) return [];
  const lang = summary.lang;
  const m = messages[lang].versions;
  const title = neutralise(evolutionsTitle(e, lang));
  const out: [string, Partial<Record<Field, string | number>>][] = [];
  const rows = new Map<string, Partial<Record<Field, string | number>>>();
  for (const t of e.totals) {
    const k = `${t.funderKey}|${t.year}`;
    const row = rows.get(k) ?? { year: t.year, funder: neutralise(t.funder) };
    row[t.field] = amount(t.delta);
    rows.set(k, row);
  }
  for (const row of rows.values()) out.push([title, row]);
  if (!e.count && !e.totals.length) out.push([title, { message: m.evolutions.none }]);
  for (const g of e.groups) {
    for (const c of g.changes) {
      const detail =
        c.kind === 'changed'
          ? m.diff.changed(c.key, c.column ?? '', showValue(c.valueKind, c.before, lang, e.profile), showValue(c.valueKind, c.after, lang, e.profile), amountDelta(c.valueKind, c.before, c.after, lang))
          : changeLabel(c, lang);
      out.push([neutralise(m.evolutions.linesTitle), { code: neutralise(g.action ?? m.evolutions.otherTables), title: neutralise(changeLabel(c, lang)), message: neutralise(detail), sheet: neutralise(c.sheet), cell: c.cell }]);
    }
  }
  return out;
}
