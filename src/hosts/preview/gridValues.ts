/**
 * What the preview's cell grid shows for a formula cell. A workbook Excel saved carries each
 * formula's last value; one built in the browser (the example, a blank template) does not, and
 * its formulas are the template's own: SUM over a range, and IF(x="","",a-b). Those two are worked
 * out here from the cells the grid knows, so that the grid shows a figure, not « =SUM(… ».
 * Anything else stays unknown (null), never guessed.
 */
import { parseAddress, cellAddress, type CellValue } from '../../core/snapshot';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : v === null || v === undefined || v === '' ? 0 : null);

export function formulaValue(formula: string, values: ReadonlyMap<string, CellValue>): number | '' | null {
  const f = formula.replace(/^=/, '').replace(/\$/g, '').trim();
  let m = /^SUM\(([A-Z]{1,3}\d+):([A-Z]{1,3}\d+)\)$/i.exec(f);
  if (m) {
    const a = parseAddress(m[1]);
    const b = parseAddress(m[2]);
    if (!a || !b) return null;
    let total = 0;
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        // As Excel's SUM: text and blanks in a range count for nothing; an error or an uncomputed cell leaves it unknown.
        const v = values.get(cellAddress(r, c));
        if (typeof v === 'number') total += v;
        else if (v !== null && v !== undefined && typeof v === 'object' && !(v instanceof Date)) return null;
      }
    // Sums of cents in binary floating point: round as Excel's display would.
    return Math.round(total * 1e6) / 1e6;
  }
  m = /^IF\(([A-Z]{1,3}\d+)="","",([A-Z]{1,3}\d+)-([A-Z]{1,3}\d+)\)$/i.exec(f);
  if (m) {
    const test = values.get(m[1].toUpperCase());
    if (test === null || test === undefined || test === '') return '';
    const x = num(values.get(m[2].toUpperCase()));
    const y = num(values.get(m[3].toUpperCase()));
    return x === null || y === null ? null : Math.round((x - y) * 1e6) / 1e6;
  }
  return null;
}
