/**
 * Issue 19, through the CLI as a user meets it: a Clôtures sheet deleted (openpyxl, as a script or a
 * colleague would) no longer lifts a closed year's protection silently; two financing lines sharing
 * one Référence are said by `check` (not only by `reconcile`); two lines with the same action, year
 * and funder and no reference, merely swapped, are no change for `diff`.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { python } from '../helpers/producers';
import { needs } from '../helpers/tools';
import { plain } from '../helpers/typography';
import { column, planTable, writeVersion } from '../helpers/versions';
import type { WorkbookPlan } from '../../src/core/template';

const AS_OF = ['--as-of', '2026-11-29'];

interface JsonFinding {
  rule: string;
  severity: string;
  article: string | null;
  sheet: string;
  cell: string;
  year?: number;
  message: string;
}

async function check(file: string) {
  const r = await cli('check', file, '--format', 'json', ...AS_OF);
  return { code: r.code, err: r.err, findings: (JSON.parse(r.out) as { findings: JsonFinding[] }).findings };
}

needs('openpyxl')(
  'period.closure-record-missing: 2014 closed, the Clôtures sheet deleted with openpyxl → an error on the Journal line; closing again repairs it',
  async () => {
    const dir = tmp('ess-record-gone-');
    const file = await writeVersion(dir, 'budget.xlsx');
    expect((await cli('close', file, '2014', '--by', 'Marie Curie', ...AS_OF)).code).toBe(0);
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    // As a user's script would: delete the sheet, save.
    const edited = join(dir, 'sans-clotures.xlsx');
    execFileSync(python('openpyxl'), ['-c', "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); del wb['Clôtures']; wb.save(sys.argv[2])", file, edited]);

    const c = await check(edited);
    expect(c.code).toBe(1);
    const gone = c.findings.filter((f) => f.rule === 'period.closure-record-missing');
    expect(gone).toEqual([
      expect.objectContaining({ severity: 'error', article: 'Art. 8', sheet: 'Journal', cell: 'B5', year: 2014 }),
    ]);
    expect(plain(gone[0].message)).toBe(
      `le Journal enregistre la clôture de l'année 2014 le ${today}, mais son enregistrement (feuille Clôtures) a disparu : les montants de cette année ne sont plus contrôlés contre la clôture. Rétablissez la feuille Clôtures depuis une version antérieure du classeur, ou clôturez de nouveau l'année (ess-budget close) après avoir vérifié ses montants.`,
    );
    // The text output: the compiler-style line with sheet and cell.
    const text = await cli('check', edited, ...AS_OF);
    expect(plain(text.out).split('\n')).toContain(`Journal!B5: erreur [period.closure-record-missing] (Art. 8) ${plain(gone[0].message)}`);

    // Closing again is the repair the message names: not refused by the finding itself.
    const again = await cli('close', edited, '2014', '--by', 'Marie Curie', ...AS_OF);
    expect({ code: again.code, err: again.err }).toEqual({ code: 0, err: '' });
    expect((await check(edited)).findings.filter((f) => f.rule.startsWith('period.'))).toEqual([]);
  },
  120_000,
);

test('a closing reopened, then the Clôtures sheet gone: nothing is closed, nothing said', async () => {
  const dir = tmp('ess-record-gone-');
  const file = await writeVersion(dir, 'budget.xlsx');
  expect((await cli('close', file, '2014', ...AS_OF)).code).toBe(0);
  expect((await cli('reopen', file, '2014', '--reason', 'Erreur'))).toMatchObject({ code: 0 });
  const { snapshot } = await (await import('../../src/hosts/xlsx/workbook')).readWorkbookFile(file);
  const { checkSnapshot } = await import('../../src/app/check');
  const without = { ...snapshot, tables: snapshot.tables.filter((t) => t.name !== 'Clotures') };
  expect(checkSnapshot(without, { asOf: new Date(Date.UTC(2026, 10, 29)), lang: 'fr' }).result.findings.filter((f) => f.rule.startsWith('period.'))).toEqual([]);
});

/** Financing line i gets the reference of line j. */
const shareReference = (i: number, j: number) => (p: WorkbookPlan) => {
  const t = planTable(p, 'Financements');
  t.rows[i][column(t, 'Référence')] = t.rows[j][column(t, 'Référence')];
};

test('financing.duplicate-reference: check says two lines share one Référence, on the second, naming the first (a warning: exit 0)', async () => {
  const dir = tmp('ess-dup-ref-');
  const file = await writeVersion(dir, 'budget.xlsx', shareReference(1, 0));
  const c = await check(file);
  expect(c.code).toBe(0);
  const dup = c.findings.filter((f) => f.rule === 'financing.duplicate-reference');
  expect(dup).toEqual([expect.objectContaining({ severity: 'warning', article: null, sheet: 'Financements', cell: 'G6' })]);
  expect(plain(dup[0].message)).toBe(
    'Référence EX-2014-REGION-001 déjà portée par la cellule G5 du tableau Financements : une référence d’engagement désigne un seul engagement. Si les deux lignes sont le même engagement, réunissez-les ; sinon corrigez l’une des deux références (un rapprochement les additionnerait).'.replace(/’/g, "'"),
  );
  // reconcile reads the same pair (one place): its own warning on the same cell.
  const ledger = join(__dirname, '../../examples/grand-livre-cdc.csv');
  const r = await cli('reconcile', file, ledger, '--format', 'json');
  const recon = (JSON.parse(r.out) as { findings: JsonFinding[] }).findings.filter((f) => f.rule === 'reconciliation.duplicate-reference');
  expect(recon.map((f) => [f.sheet, f.cell])).toEqual([['Financements', 'G6']]);
});

test('financing.duplicate-reference: one reference typed two ways (case, dashes, spaces around it), each in one cell, is still one reference', async () => {
  // Each text is used once, so the reader keeps it as bytes and check hashes it from them: the pair must still be found.
  const dir = tmp('ess-dup-ref-typed-');
  const file = await writeVersion(dir, 'budget.xlsx', (p) => {
    const t = planTable(p, 'Financements');
    t.rows[1][column(t, 'Référence')] = '  ex 2014 region 001 ';
  });
  const dup = (await check(file)).findings.filter((f) => f.rule === 'financing.duplicate-reference');
  expect(dup.map((f) => [f.cell, plain(f.message).split(' : ')[0]])).toEqual([['G6', 'Référence ex 2014 region 001 déjà portée par la cellule G5 du tableau Financements']]);
});

/** Two lines of one action, year and funder, no reference, different amounts, at rows `at` and `at + 1`. */
const twins = (swap: boolean) => (p: WorkbookPlan) => {
  const t = planTable(p, 'Financements');
  const c = (h: string) => column(t, h);
  const line = (planned: number) => {
    const r = t.columns.map(() => null as string | number | null);
    r[c('Code action')] = 'I_1.1.1';
    r[c('Année')] = 2016;
    r[c('Financeur')] = 'CDC';
    r[c('Prévu (€)')] = planned;
    r[c('Engagé (€)')] = planned;
    return r;
  };
  const pair = [line(1000), line(2500)];
  t.rows.push(...(swap ? pair.reverse() : pair));
};

test('diff: two lines with equal keys and no reference, swapped, are no change (exit 0); one of them then edited is one change, on its cell', async () => {
  const dir = tmp('ess-diff-twins-');
  const a = await writeVersion(dir, 'a.xlsx', twins(false));
  const b = await writeVersion(dir, 'b.xlsx', twins(true));
  const r = await cli('diff', a, b);
  expect({ code: r.code, out: r.out, err: r.err }).toEqual({ code: 0, out: 'Aucun changement dans les tableaux du contrat.', err: '' });

  // The second line of b (first of a) edited in place: one change, on b's cell.
  const c = await writeVersion(dir, 'c.xlsx', (p) => {
    twins(true)(p);
    const t = planTable(p, 'Financements');
    t.rows[t.rows.length - 1][column(t, 'Engagé (€)')] = 900;
  });
  const n = planTable((await import('../../src/core/template')).buildWorkbookPlan({ example: true, lang: 'fr' }), 'Financements').rows.length + 2;
  const j = await cli('diff', a, c, '--format', 'json');
  expect(j.code).toBe(1);
  const changes = (JSON.parse(j.out) as { changes: { kind: string; cell: string; before: string; after: string }[] }).changes;
  expect(changes.map((x) => [x.kind, x.cell, x.before, x.after])).toEqual([['changed', `E${4 + n}`, '1000.00', '900.00']]);
});
