/** The PDF a COPIL member reads: its text (pdftotext) carries the check's figures, in French format, on at most 3 pages. */
import { execFileSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { formatEuros, formatRate, centsFromDecimalString } from '../../src/core/money';
import { summaryPdf } from '../../src/exports/pdf';
import { tmp } from '../helpers/files';
import { needs } from '../helpers/tools';
import { exampleSummary, pdfFonts, plainSpaces } from './summaryFixture';

const withPoppler = needs('pdftotext');

async function examplePdf(lang: 'fr' | 'en' = 'fr') {
  const { summary, result } = await exampleSummary(lang);
  const pdf = await summaryPdf(summary, pdfFonts());
  const file = join(tmp('ess-pdf-'), 'synthese.pdf');
  writeFileSync(file, pdf.bytes);
  return { pdf, file, summary, result };
}

const text = (file: string, ...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });

describe('PDF of the example', () => {
  withPoppler('holds every amount of the check, each funder’s 2014 convention amount in French format', async () => {
    const { file, result } = await examplePdf();
    const t = plainSpaces(text(file));
    expect(t).toContain('2 387 500,00 €');
    expect(t).toContain('1 000 000,00 €');
    expect(t).toContain('1 085 200,00 €');
    for (const line of result.totals) {
      for (const k of ['convention', 'participations', 'planned', 'committed', 'paid'] as const) {
        const v = line[k];
        if (v !== null) expect(t).toContain(plainSpaces(formatEuros(centsFromDecimalString(v)!)));
      }
    }
    // Grand totals, computed here from the check's own lines.
    const total = (k: 'planned' | 'committed' | 'paid') => result.totals.reduce((s, l) => s + centsFromDecimalString(l[k]!)!, 0);
    expect(t).toContain(plainSpaces(formatEuros(total('planned'))));
    expect(t).toContain(plainSpaces(formatEuros(total('committed'))));
    expect(t).toContain(plainSpaces(formatEuros(total('paid'))));
    expect(t).toContain(plainSpaces(formatRate('98.7')));
  });

  withPoppler('A4 landscape, at most 3 pages, each with the contract, the as-of date and "Page n / N"', async () => {
    const { file, pdf } = await examplePdf();
    expect(pdf.pages).toBeLessThanOrEqual(3);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Pages:\\s+${pdf.pages}\\b`));
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const pages = text(file).split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(pdf.pages);
    pages.forEach((p, i) => {
      expect(p).toContain('Contrat économique sectoriel Économie sociale et solidaire 2014-2016');
      expect(p).toContain('Situation au 31/12/2016');
      expect(p).toContain(`Page ${i + 1} / ${pdf.pages}`);
    });
  });

  withPoppler('fonts are embedded (no standard, non-embedded font)', async () => {
    const { file } = await examplePdf();
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/DejaVuSans.*\byes\s+yes\s+yes\b/);
  });

  withPoppler('charts are drawn: their titles, axis titles, categories and legends are in the text', async () => {
    const { file } = await examplePdf();
    const t = plainSpaces(text(file, '-layout'));
    expect(t).toContain('Participations par axe et par financeur (2014-2016)');
    expect(t).toContain('Exécution par financeur (2014-2016)');
    expect(t).toContain('Montant (€)');
    expect(t).toMatch(/2 000 000 €/);
    expect(t).toContain('Animation du contrat');
  });

  withPoppler('in English too', async () => {
    const { file } = await examplePdf('en');
    const t = plainSpaces(text(file));
    expect(t).toContain('€2,387,500.00');
    expect(t).toContain('Position at 2016-12-31');
  });

  withPoppler('a freshly initialised workbook (nothing planned yet) still gives a readable PDF', async () => {
    const { summarise } = await import('../../src/core/summary');
    const { blankSnapshot, AS_OF } = await import('../helpers/workbook');
    const { summary } = summarise(blankSnapshot(), { asOf: AS_OF });
    const pdf = await summaryPdf(summary, pdfFonts());
    const file = join(tmp('ess-pdf-'), 'vide.pdf');
    writeFileSync(file, pdf.bytes);
    const t = plainSpaces(text(file));
    expect(t).toContain('non fixé');
    expect(t).toContain('1 000 000,00 €');
    expect(t).not.toMatch(/NaN|Infinity|undefined/);
  });
});
