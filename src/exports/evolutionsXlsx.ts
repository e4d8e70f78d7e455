/**
 * The "Évolutions depuis le …" sheet of the summary .xlsx (report --since): the per-funder, per-year
 * deltas, then the changed lines by action, as Excel tables with amounts as numbers (signed format
 * for the deltas, so Excel shows "+500,00 €").
 */
import type ExcelJS from 'exceljs';
import { messages } from '../core/i18n';
import { centsFromDecimalString, centsToNumber, type Cents } from '../core/money';
import { neutralise } from '../core/neutralise';
import { qualifiedAddress } from '../core/snapshot';
import type { Summary } from '../core/summary';
import { EURO_FORMAT } from '../core/template';
import type { Change } from '../core/versions/diff';
import { showValue } from '../core/versions/display';
import { changeLabel, evolutionsOf, evolutionsTitle } from '../core/versions/evolutions';

const SIGNED_FORMAT = `+${EURO_FORMAT};-${EURO_FORMAT};0.00\\ "€"`;

const money = (c: Cents | null) => (c === null ? null : centsToNumber(c));

/** A changed value as a cell: a number for an amount, else the shown text. */
function valueCell(c: Change, v: string | null, lang: Summary['lang']): string | number | null {
  if (c.kind !== 'changed') return null;
  if (c.valueKind === 'amount') {
    const cents = v ? centsFromDecimalString(v) : 0;
    if (cents !== null) return centsToNumber(cents);
  }
  return neutralise(showValue(c.valueKind, v, lang));
}

function delta(c: Change): number | null {
  if (c.kind !== 'changed' || c.valueKind !== 'amount') return null;
  const b = c.before ? centsFromDecimalString(c.before) : 0;
  const a = c.after ? centsFromDecimalString(c.after) : 0;
  return a === null || b === null ? null : centsToNumber(a - b);
}

/** Adds the sheet when the summary carries evolutions; does nothing otherwise. */
export function addEvolutionsSheet(wb: ExcelJS.Workbook, summary: Summary): void {
  const e = evolutionsOf(summary);
  if (!e) return;
  const lang = summary.lang;
  const m = messages[lang].versions;
  const h = m.evolutions.headers;
  const lh = m.evolutions.lineHeaders;
  const ws = wb.addWorksheet(m.evolutions.sheet);
  ws.getCell('A1').value = neutralise(evolutionsTitle(e, lang));
  ws.getCell('A1').font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };
  [14, 34, 22, 18, 18, 18, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let row = 3;
  if (!e.count && !e.totals.length) {
    ws.getCell(`A${row}`).value = m.evolutions.none;
    return;
  }
  const table = (name: string, title: string, columns: string[], rows: (string | number | null)[][], amountCols: number[], signedCols: number[]) => {
    ws.getCell(`A${row}`).value = title;
    ws.getCell(`A${row}`).font = { bold: true, size: 12, color: { argb: 'FF1F4E79' } };
    row += 1;
    ws.addTable({ name, ref: `A${row}`, headerRow: true, style: { theme: 'TableStyleMedium2', showRowStripes: true }, columns: columns.map((c) => ({ name: c, filterButton: true })), rows });
    for (let r = row + 1; r <= row + rows.length; r++) {
      for (const c of amountCols) ws.getCell(r, c + 1).numFmt = EURO_FORMAT;
      for (const c of signedCols) ws.getCell(r, c + 1).numFmt = SIGNED_FORMAT;
    }
    row += rows.length + 3;
  };
  if (e.totals.length) {
    table(
      'EvolutionsTotaux',
      m.evolutions.totalsTitle,
      [h.funder, h.year, h.field, h.before, h.after, h.delta],
      e.totals.map((t) => [neutralise(t.funder), t.year, m.fields[t.field], money(t.before), money(t.after), centsToNumber(t.delta)]),
      [3, 4],
      [5],
    );
  }
  if (e.count) {
    table(
      'EvolutionsLignes',
      m.evolutions.linesTitle,
      [lh.action, lh.change, lh.cell, lh.column, lh.before, lh.after, h.delta],
      e.groups.flatMap((g) =>
        g.changes.map((c) => [neutralise(g.action ?? m.evolutions.otherTables), neutralise(changeLabel(c, lang)), neutralise(qualifiedAddress(c.sheet, c.cell)), neutralise(c.column ?? ''), valueCell(c, c.before, lang), valueCell(c, c.after, lang), delta(c)]),
      ),
      [4, 5],
      [6],
    );
  }
}
