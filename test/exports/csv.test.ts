/** The summary CSV as Excel (French) opens it: `;`, decimal comma, UTF-8 with BOM, CRLF, one header row, inert text. */
import Papa from 'papaparse';
import { centsFromDecimalString } from '../../src/core/money';
import { summaryCsv } from '../../src/exports/csv';
import { set } from '../helpers/workbook';
import { exampleSummary, HYPERLINK, withHyperlinkAction } from './summaryFixture';

function decode(bytes: Uint8Array) {
  // ignoreBOM: keep it in the text, to see that it is there (and only once).
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\ufeffSection;')).toBe(true);
  return text;
}

function parse(bytes: Uint8Array) {
  const text = decode(bytes).slice(1);
  const parsed = Papa.parse<Record<string, string>>(text.trimEnd(), { delimiter: ';', header: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

/** "2387500,00" → cents; anything else (a quote, a space, a point) is not an Excel-French number. */
const num = (s: string) => {
  expect(s).toMatch(/^-?\d+,\d{2}$/);
  return centsFromDecimalString(s.replace(',', '.'))!;
};

describe('CSV of the example', () => {
  test('BOM, CRLF, one header row, `;` separator', async () => {
    const { summary } = await exampleSummary();
    const bytes = summaryCsv(summary);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes).slice(1);
    const lines = text.split('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toMatch(/^Section;Année;Financeur;Axe;Code;Intitulé;Statut;Montant \(€\);Participations \(€\)/);
    expect(lines.filter((l) => l.startsWith('Section;'))).toHaveLength(1);
    // item 1 and 14: the example says it is fictitious, and the as-of date, before any figure.
    expect(lines[1]).toMatch(/^Note;.*EXEMPLE FICTIF/);
    expect(lines[2]).toMatch(/^Note;.*Situation au 31\/12\/2016/);
    expect(lines.find((l) => l.startsWith('Convention;'))).toBe('Convention;2014;Région;;;;fixé;2387500,00;2387500,00;0,00;2387500,00;2387500,00;2387500,00;100,0;100,0;;;;;;;;');
  });

  test('every amount equals the check’s totals; participations add up per funder and year', async () => {
    const { summary, result } = await exampleSummary();
    const { data } = parse(summaryCsv(summary));
    const conv = data.filter((r) => r.Section === 'Convention');
    expect(conv).toHaveLength(result.totals.length);
    result.totals.forEach((t, i) => {
      const r = conv[i];
      expect([r.Financeur, Number(r['Année'])]).toEqual([t.funder, t.year]);
      expect(num(r['Montant (€)'])).toBe(centsFromDecimalString(t.convention!));
      expect(num(r['Participations (€)'])).toBe(centsFromDecimalString(t.participations));
      expect(num(r['Écart (€)'])).toBe(centsFromDecimalString(t.gap!));
      expect(num(r['Prévu (€)'])).toBe(centsFromDecimalString(t.planned!));
      expect(num(r['Engagé (€)'])).toBe(centsFromDecimalString(t.committed!));
      expect(num(r['Versé (€)'])).toBe(centsFromDecimalString(t.paid!));
      const parts = data.filter((p) => p.Section === 'Participations' && p.Financeur === t.funder && Number(p['Année']) === t.year);
      expect(parts).toHaveLength(4);
      expect(parts.reduce((s, p) => s + num(p['Participations (€)']), 0)).toBe(centsFromDecimalString(t.participations));
    });
    const actions = data.filter((r) => r.Section === 'Action');
    const planned = result.totals.reduce((s, t) => s + centsFromDecimalString(t.planned!)!, 0);
    expect(actions.reduce((s, r) => s + num(r['Prévu (€)']), 0)).toBe(planned);
  });

  test('an action titled =HYPERLINK(...) comes out inert; a negative gap stays a number', async () => {
    const { summary } = await exampleSummary('fr', (s) => {
      withHyperlinkAction(s);
      // Région 2016, Axe 1: 250,50 € short of the convention → a negative gap.
      set(s, 'Participations2016', 0, 'Région', 537_249.5);
    });
    const bytes = summaryCsv(summary);
    const raw = decode(bytes);
    // The field is quoted (it holds quotes) and begins with the apostrophe, inside the quotes.
    expect(raw).toContain(`;II_9.9;"'=HYPERLINK(""http://x"",""y"")";`);
    const { data } = parse(bytes);
    const row = data.find((r) => r.Code === 'II_9.9')!;
    expect(row['Intitulé']).toBe(`'${HYPERLINK}`);
    const r2016 = data.find((r) => r.Section === 'Convention' && r.Financeur === 'Région' && r['Année'] === '2016')!;
    expect(r2016['Écart (€)']).toBe('-250,50');
    expect(raw).toContain(';-250,50;');
    // The error about it is listed, its message as text.
    const finding = data.find((r) => r.Section === 'Contrôle' && r['Règle'].endsWith('(convention.total-mismatch)'))!;
    expect(finding.Message).toContain('écart -250,50');
    expect(finding['Règle']).toBe('Participations différentes de la convention (convention.total-mismatch)');
    // No field anywhere would start a formula in Excel.
    for (const r of data) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+@\t\r＝＋－＠]|^-(?!\d+,\d{2}$)/);
  });
});
