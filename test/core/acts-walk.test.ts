/**
 * Issue 20: at every situation date from the convention's signature (« signée le 15 novembre 2014 »,
 * L137-L138) to 31/12/2017, monthly, the example gives 0 errors and its COPIL summary's page 1 names
 * no act dated after that date. Page 1 is drawn from the summary model (conclusion, references,
 * method note, the Convention table's statuses, the findings by rule and the main errors): the walk
 * reads that model in-process for all 38 months; test/cli/acts.test.ts reads real PDFs.
 */
import { summarise } from '../../src/core/summary';
import { exampleSnapshot, table, col } from '../helpers/workbook';
import { execFileSync } from 'child_process';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp, writeWorkbook, exampleWorkbook } from '../helpers/files';
import { needs } from '../helpers/tools';

const months: Date[] = [new Date(Date.UTC(2014, 10, 15))];
for (let y = 2014, m = 10; y < 2018; m === 11 ? ((m = 0), (y += 1)) : (m += 1)) months.push(new Date(Date.UTC(y, m + 1, 0)));
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Every dd/mm/yyyy a text gives, as a date. */
const datesIn = (s: string): Date[] => [...s.matchAll(/(\d{2})\/(\d{2})\/(\d{4})/g)].map((m) => new Date(Date.UTC(+m[3], +m[2] - 1, +m[1])));

const snapshot = exampleSnapshot();
/** The example's decisions and their dates, read here independently of the tool (« … du 10/03/2015 », « voté le 16/12/2014 »). */
const conv = table(snapshot, 'Convention');
const decisions = conv.rows
  .map((r) => ({ funder: String(r[col(conv, 'Financeur')]), year: Number(r[col(conv, 'Année')]), date: datesIn(String(r[col(conv, 'Décision')] ?? ''))[0] }))
  .filter((d) => d.date);

test('the walk covers 15/11/2014 and every month end to 31/12/2017', () => {
  expect(months).toHaveLength(39);
  expect(iso(months[0])).toBe('2014-11-15');
  expect(iso(months[months.length - 1])).toBe('2017-12-31');
  expect(decisions.length).toBe(7);
});

test.each(months.map((d) => [iso(d), d] as const))('%s: 0 errors, and page 1 names no act dated after the situation date', (_, asOf) => {
  const { summary } = summarise(snapshot, { asOf, lang: 'fr' });
  expect(summary.findings.counts.error).toBe(0);
  const page1 = [
    summary.conclusion,
    summary.references,
    summary.method,
    ...summary.funderYears.map((l) => `${l.funder} ${l.year} ${l.status}`),
    ...summary.findings.groups.map((g) => `${g.title} ${g.example}`),
    ...summary.findings.topErrors.map((f) => f.message),
  ].join('\n');
  for (const d of datesIn(page1)) expect(`${iso(d)} ≤ ${iso(asOf)}: ${d.getTime() <= asOf.getTime()}`).toBe(`${iso(d)} ≤ ${iso(asOf)}: true`);
  // Avenant n°1, signed 15/02/2016 in the example, is not cited before it exists.
  if (asOf.getTime() < Date.UTC(2016, 1, 15)) expect(summary.references).not.toMatch(/Avenant n°1/);
  else expect(summary.references).toMatch(/Avenant n°1 \(adhésion de partenaires\) signé le 15\/02\/2016/);
  // « décidé » only once the decision is dated by the situation date (Art. 3, 4, 5).
  for (const dec of decisions) {
    const line = summary.funderYears.find((l) => l.funder === dec.funder && l.year === dec.year)!;
    expect(`${dec.funder} ${dec.year} ${line.status}`).toBe(`${dec.funder} ${dec.year} ${dec.date.getTime() <= asOf.getTime() ? 'décidé' : dec.funder === 'CDC' ? 'non fixé' : dec.year === 2014 ? 'prévisionnel' : 'reconduit sous réserve'}`);
  }
});

const withPoppler = needs('pdftotext');
withPoppler('real PDFs at 31/12/2014, 01/09/2015 and 31/01/2016: page 1 cites no Avenant n°1 signed 15/02/2016, and no date after the situation', async () => {
  const dir = tmp('ess-walk-');
  const file = await writeWorkbook(exampleWorkbook(), dir, 'exemple.xlsx');
  for (const asOf of ['2014-12-31', '2015-09-01', '2016-01-31']) {
    const out = join(dir, `synthese-${asOf}.pdf`);
    expect((await cli('report', file, '--out', out, '--as-of', asOf)).code).toBe(0);
    const page1 = execFileSync('pdftotext', ['-l', '1', '-layout', out, '-'], { encoding: 'utf8' });
    expect(page1).not.toMatch(/Avenant n°1/);
    expect(page1).not.toContain('15/02/2016');
    const limit = new Date(`${asOf}T00:00:00Z`).getTime();
    for (const d of datesIn(page1)) expect([asOf, iso(d), d.getTime() <= limit]).toEqual([asOf, iso(d), true]);
  }
});
