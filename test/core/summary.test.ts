/** The COPIL summary model: the same figures as the check, per funder, year, axis and action. */
import { centsFromDecimalString, formatEuros } from '../../src/core/money';
import { profile } from '../../src/core/profile';
import { TOP_ERRORS } from '../../src/core/summary';
import { messages } from '../../src/core/i18n';
import { set } from '../helpers/workbook';
import { exampleSummary } from '../exports/summaryFixture';

const cents = (s: string | null) => (s === null ? null : centsFromDecimalString(s));

describe('summary of the example workbook', () => {
  test('per funder and year: the check totals, to the cent', async () => {
    const { summary, result } = await exampleSummary();
    expect(result.summary.errors).toBe(0);
    expect(summary.funderYears).toHaveLength(result.totals.length);
    result.totals.forEach((t, i) => {
      const l = summary.funderYears[i];
      expect([l.funder, l.year]).toEqual([t.funder, t.year]);
      expect(l.convention).toBe(cents(t.convention));
      expect(l.participations).toBe(cents(t.participations));
      expect(l.gap).toBe(cents(t.gap));
      expect(l.planned).toBe(cents(t.planned));
      expect(l.committed).toBe(cents(t.committed));
      expect(l.paid).toBe(cents(t.paid));
      expect(l.status).toBe(messages.fr.summary.legalStatus[t.legalStatus]);
    });
    const r2014 = summary.funderYears.filter((l) => l.year === 2014).map((l) => [l.funder, formatEuros(l.convention!)]);
    expect(r2014).toEqual([
      ['Région', '2\u00a0387\u00a0500,00\u00a0€'],
      ['État', '1\u00a0000\u00a0000,00\u00a0€'],
      ['CDC', '1\u00a0085\u00a0200,00\u00a0€'],
    ]);
  });

  test('each year’s axis × funder matrix adds up to that year’s participations', async () => {
    const { summary, result } = await exampleSummary();
    expect(summary.matrices.map((m) => m.year)).toEqual([...profile.years]);
    for (const mx of summary.matrices) {
      expect(mx.rows.map((r) => r.axis)).toEqual(profile.axes.map((a) => a.id));
      summary.funders.forEach((f, i) => {
        const t = result.totals.find((x) => x.funderKey === f.key && x.year === mx.year)!;
        expect(mx.totals[i]).toBe(cents(t.participations));
      });
      expect(mx.total).toBe(mx.rows.reduce((s, r) => s + r.total, 0));
    }
    summary.funders.forEach((_, i) => expect(summary.allYears.totals[i]).toBe(summary.matrices.reduce((s, m) => s + m.totals[i], 0)));
  });

  test('execution per funder, per action and overall agree with the financing totals', async () => {
    const { summary, result } = await exampleSummary();
    const sum = (k: 'planned' | 'committed' | 'paid') => result.totals.reduce((s, t) => s + cents(t[k])!, 0);
    for (const k of ['planned', 'committed', 'paid'] as const) {
      expect(summary.funderYearsTotal[k]).toBe(sum(k));
      expect(summary.byFunderTotal[k]).toBe(sum(k));
      expect(summary.actionsTotal[k]).toBe(sum(k));
    }
    const region = summary.byFunder.find((f) => f.funderKey === 'region')!;
    expect(region.planned).toBe(result.totals.filter((t) => t.funderKey === 'region').reduce((s, t) => s + cents(t.planned)!, 0));
    // Rates are exact to one decimal: 2016 Région committed 2 291 400 of 2 387 500 → 96.0 %.
    const r2016 = summary.funderYears.find((l) => l.funderKey === 'region' && l.year === 2016)!;
    expect(r2016.commitmentRate).toBe('96.0');
    expect(r2016.paymentRate).toBe('70.0');
    expect(summary.actions.map((a) => a.code)).toContain('ANIM');
    expect(summary.findings.topErrors).toEqual([]);
    expect(summary.findings.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  test('English labels, same amounts', async () => {
    const fr = (await exampleSummary('fr')).summary;
    const en = (await exampleSummary('en')).summary;
    expect(en.funderYears.map((l) => l.convention)).toEqual(fr.funderYears.map((l) => l.convention));
    expect(en.allYears.rows[0].label).toBe('Axis 1 – Promotion');
    expect(en.funderYears[0].status).toBe('fixed');
  });
});

describe('summary of a workbook with errors', () => {
  test('main errors: at most ten, amounts against the convention first, the rest counted', async () => {
    const { summary, result } = await exampleSummary('fr', (s) => {
      // Eleven amounts the convention does not allow: ten financing lines committed over plan, one participation changed.
      const fin = s.tables.find((t) => t.name === 'Financements')!;
      const planned = fin.headers.indexOf('Prévu (€)');
      const committed = fin.headers.indexOf('Engagé (€)');
      for (let i = 0; i < 11; i++) fin.rows[i][committed] = (fin.rows[i][planned] as number) + 1;
      set(s, 'Participations2016', 0, 'Région', 537_600);
    });
    expect(result.summary.errors).toBeGreaterThan(TOP_ERRORS);
    expect(summary.findings.topErrors).toHaveLength(TOP_ERRORS);
    expect(summary.findings.moreErrors).toBe(result.summary.errors - TOP_ERRORS);
    expect(summary.findings.topErrors.every((f) => f.severity === 'error')).toBe(true);
    expect(summary.findings.topErrors[0].rule).toBe('convention.total-mismatch');
    expect(summary.findings.topErrors[0].gap).toBe('100.00');
    const byRule = Object.fromEntries(summary.findings.byRule.map((r) => [r.rule, r.count]));
    expect(byRule['execution.commitment-over-plan']).toBe(11);
    // The gap shows in the funder-year line too.
    expect(summary.funderYears.find((l) => l.funderKey === 'region' && l.year === 2016)!.gap).toBe(10_000);
  });
});

describe('summary of a freshly initialised workbook (no example)', () => {
  test('CDC 2015-2016 have no convention amount; nothing planned gives no rate, not a division by zero', async () => {
    const { summarise } = await import('../../src/core/summary');
    const { blankSnapshot, AS_OF } = await import('../helpers/workbook');
    const { buildSummarySheet } = await import('../../src/core/summarySheet');
    const { summary, result } = summarise(blankSnapshot(), { asOf: AS_OF });
    const cdc2015 = summary.funderYears.find((l) => l.funderKey === 'cdc' && l.year === 2015)!;
    expect(cdc2015).toMatchObject({ convention: null, gap: null, status: 'non fixé', planned: 0, commitmentRate: null, paymentRate: null });
    expect(summary.actionsTotal.planned).toBe(0);
    expect(summary.findings.counts.error).toBe(result.summary.errors);
    const plan = buildSummarySheet(summary);
    const conv = plan.tables.find((t) => t.id === 'convention')!;
    const row = conv.rows[summary.funderYears.indexOf(cdc2015)];
    expect(row.slice(3)).toEqual([null, 0, null]);
    const exec = plan.tables.find((t) => t.id === 'execution')!;
    expect(exec.totals![5]).toMatchObject({ result: '' });
  });
});

describe('issue 11 in the summary object every export renders', () => {
  test('item 1: the example is marked fictitious; a real workbook saying "par exemple" in a comment is not', async () => {
    expect((await exampleSummary()).summary.example).toBe(true);
    const { summarise } = await import('../../src/core/summary');
    const { blankSnapshot, AS_OF, addRow } = await import('../helpers/workbook');
    const s = blankSnapshot();
    addRow(s, 'Financements', { 'Code action': 'I_1.2', Année: 2014, Financeur: 'Région', 'Prévu (€)': 10, Commentaire: 'par exemple un acompte' });
    expect(summarise(s, { asOf: AS_OF }).summary.example).toBe(false);
  });
  test('item 3: a total over a line whose amount is not fixed is null with its reason, and the sheet plan says n.d.', async () => {
    const { summarise } = await import('../../src/core/summary');
    const { blankSnapshot, AS_OF } = await import('../helpers/workbook');
    const { buildSummarySheet } = await import('../../src/core/summarySheet');
    const { summary } = summarise(blankSnapshot(), { asOf: AS_OF });
    expect(summary.funderYearsTotal).toMatchObject({ convention: null, gap: null, unknown: 'CDC 2015 non fixé, CDC 2016 non fixé' });
    const conv = buildSummarySheet(summary).tables.find((t) => t.id === 'convention')!;
    expect(conv.totals![3]).toBe('n.d. (CDC 2015 non fixé, CDC 2016 non fixé)');
  });
  test('item 2: every warning is in a group with its count, article and first cells; the conclusion claims no compliance', async () => {
    const { summary } = await exampleSummary('fr', (s) => {
      set(s, 'Convention', { Financeur: 'CDC', Année: 2016 }, 'Décision', null);
      set(s, 'Jalons', 0, 'Réalisé le', null);
    });
    expect(summary.findings.groups.map((g) => [g.rule, g.severity, g.count, g.article])).toEqual([
      ['convention.cdc-undecided', 'warning', 1, 'Art. 5'],
      ['evaluation.missing', 'warning', 1, 'Art. 2 §5'],
    ]);
    expect(summary.findings.groups[0]).toMatchObject({ title: 'Montant CDC non décidé', cells: ['Convention!G13'] });
    expect(summary.conclusion).toMatch(/^Aucune erreur, mais 2 avertissements à examiner/);
    expect(summary.conclusion).not.toMatch(/respecte/);
  });
});
