/**
 * The "Évolutions depuis le …" sheet of the summary .xlsx (report --since): the per-funder, per-year
 * deltas, then the changed lines by action, as Excel tables with amounts as numbers (a signed
 * format for the deltas, so Excel shows "+500,00 €"). A plan like every other sheet (types.ts).
 */
import { messages } from '../i18n';
import { centsFromDecimalString, centsToNumber, type Cents } from '../money';
import { neutralise } from '../neutralise';
import { qualifiedAddress } from '../cells';
import type { Summary } from '../summary';
import type { Change } from '../versions/diff';
import { showValue } from '../versions/display';
import { changeLabel, evolutionsOf, evolutionsTitle, type Evolutions } from '../versions/evolutions';
import { emptySheet, EURO_FORMAT, TITLE_COLOR, type PlanCellValue, type SheetPlan } from './types';

const SIGNED_FORMAT = `+${EURO_FORMAT};-${EURO_FORMAT};0.00\\ "€"`;
const WIDTHS = [14, 34, 22, 18, 18, 18, 18];

const money = (c: Cents | null) => (c === null ? null : centsToNumber(c));

/** A changed value as a cell: a number for an amount, else the shown text. */
function valueCell(c: Change, v: string | null, lang: Summary['lang'], e: Evolutions): string | number | null {
  if (c.kind !== 'changed') return null;
  if (c.valueKind === 'amount') {
    const cents = v ? centsFromDecimalString(v) : 0;
    if (cents !== null) return centsToNumber(cents);
  }
  return neutralise(showValue(c.valueKind, v, lang, e.profile));
}

function delta(c: Change): number | null {
  if (c.kind !== 'changed' || c.valueKind !== 'amount') return null;
  const b = c.before ? centsFromDecimalString(c.before) : 0;
  const a = c.after ? centsFromDecimalString(c.after) : 0;
  return a === null || b === null ? null : centsToNumber(a - b);
}

interface EvolutionsTable {
  name: string;
  title: string;
  headers: string[];
  rows: PlanCellValue[][];
  amountColumns: number[];
  signedColumns: number[];
}

/** The sheet when the summary carries evolutions; none otherwise. */
export function evolutionsSheets(summary: Summary): SheetPlan[] {
  const e = evolutionsOf(summary);
  if (!e) return [];
  const lang = summary.lang;
  const m = messages[lang].versions;
  const h = m.evolutions.headers;
  const lh = m.evolutions.lineHeaders;
  const sheet = emptySheet(m.evolutions.sheet);
  sheet.cells.push({ address: 'A1', value: neutralise(evolutionsTitle(e, lang)), style: { bold: true, size: 14, color: TITLE_COLOR } });
  sheet.columnWidths = WIDTHS.map((width, i) => ({ column: i + 1, width }));
  if (!e.count && !e.totals.length) {
    sheet.cells.push({ address: 'A3', value: m.evolutions.none });
    return [sheet];
  }
  const tables: EvolutionsTable[] = [];
  if (e.totals.length)
    tables.push({
      name: 'EvolutionsTotaux',
      title: m.evolutions.totalsTitle,
      headers: [h.funder, h.year, h.field, h.before, h.after, h.delta],
      rows: e.totals.map((t) => [neutralise(t.funder), t.year, m.fields[t.field], money(t.before), money(t.after), centsToNumber(t.delta)]),
      amountColumns: [3, 4],
      signedColumns: [5],
    });
  if (e.count)
    tables.push({
      name: 'EvolutionsLignes',
      title: m.evolutions.linesTitle,
      headers: [lh.action, lh.change, lh.cell, lh.column, lh.before, lh.after, h.delta],
      rows: e.groups.flatMap((g) =>
        g.changes.map((c) => [neutralise(g.action ?? m.evolutions.otherTables), neutralise(changeLabel(c, lang)), neutralise(qualifiedAddress(c.sheet, c.cell)), neutralise(c.column ?? ''), valueCell(c, c.before, lang, e), valueCell(c, c.after, lang, e), delta(c)]),
      ),
      amountColumns: [4, 5],
      signedColumns: [6],
    });
  let row = 3;
  for (const t of tables) {
    sheet.cells.push({ address: `A${row}`, value: t.title, style: { bold: true, size: 12, color: TITLE_COLOR } });
    const format = (i: number) => (t.amountColumns.includes(i) ? EURO_FORMAT : t.signedColumns.includes(i) ? SIGNED_FORMAT : undefined);
    sheet.tables.push({ name: t.name, row: row + 1, column: 1, columns: t.headers.map((header, i) => ({ header, numberFormat: format(i) })), rows: t.rows, style: 'TableStyleMedium2' });
    row += 1 + t.rows.length + 3;
  }
  return [sheet];
}
