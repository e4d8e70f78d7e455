/**
 * Every command over the producer-traits corpus: our example as Open XML SDK, openpyxl, LibreOffice,
 * Numbers, Excel for Mac, streaming writers… would write it must give exactly the example's answers
 * (check's findings and totals, report's CSV, reconcile's lines), and the example ledger likewise.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { exampleLedgerCsv } from '../../src/core/reconcile';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/workbook';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { baseLedger, baseWorkbook, traits, withTrait, type Trait } from './traits';

let dir: string;
const AS_OF = ['--as-of', '2026-11-29'];

/** What a user sees from the three commands on a workbook (and a ledger), file names left out. */
async function answers(workbook: string, ledger: string) {
  const check = await cli('check', workbook, '--format', 'json', ...AS_OF);
  const csv = join(dir, `${workbook.split('/').pop()}.csv`);
  const report = await cli('report', workbook, '--out', csv, '--force', ...AS_OF);
  const reconcile = await cli('reconcile', workbook, ledger, '--format', 'json');
  const strip = (s: string) => s.split(workbook).join('<classeur>').split(ledger).join('<relevé>').split(csv).join('<rapport>');
  return {
    check: { code: check.code, err: check.err, out: JSON.parse(strip(check.out)) as unknown },
    report: { code: report.code, err: report.err, csv: report.code === 2 ? '' : readFileSync(csv, 'utf8') },
    reconcile: { code: reconcile.code, err: reconcile.err, out: JSON.parse(strip(reconcile.out)) as unknown },
  };
}

let base: Awaited<ReturnType<typeof answers>>;
let baseFile: string;
let csvLedger: string;
let baseLedgerAnswer: { code: number; out: unknown };

beforeAll(async () => {
  dir = tmp('ess-traits-');
  baseFile = join(dir, 'base.xlsx');
  writeFileSync(baseFile, await withTrait(baseWorkbook(), null));
  csvLedger = join(dir, 'releve.csv');
  writeFileSync(csvLedger, exampleLedgerCsv());
  base = await answers(baseFile, csvLedger);
  const ledgerFile = join(dir, 'releve-base.xlsx');
  writeFileSync(ledgerFile, await withTrait(baseLedger(), null));
  const r = await cli('reconcile', baseFile, ledgerFile, '--format', 'json');
  baseLedgerAnswer = { code: r.code, out: JSON.parse(r.out.split(ledgerFile).join('<relevé>')) };
}, 60_000);

test('the base workbook has findings of several kinds to keep, formula errors named as Excel shows them', () => {
  const out = base.check.out as { findings: { rule: string; cell: string; message: string }[] };
  expect(base.check.code).toBe(1);
  expect(out.findings.length).toBeGreaterThanOrEqual(5);
  const messages = out.findings.map((f) => f.message).join('\n');
  expect(messages).toMatch(/#N\/A/);
  expect(messages).toMatch(/#NAME\?/);
  expect(messages).toMatch(/#DIV\/0!/);
  expect(messages).not.toMatch(/Invalid Date|Invalid time/);
  expect(base.report.code).toBe(1);
  expect(base.reconcile.code).toBe(1);
  expect(baseLedgerAnswer.code).toBe(1);
});

describe.each(traits.map((t) => [t.name, t] as [string, Trait]))('%s', (_name, trait) => {
  test('check, report and reconcile give the example’s answers', async () => {
    const file = join(dir, `${traits.indexOf(trait)}.xlsx`);
    const bytes = await withTrait(baseWorkbook(), trait);
    writeFileSync(file, bytes);
    // The snapshot itself is the same: same tables, headers, rows and values.
    expect((await readWorkbookBuffer(bytes)).snapshot).toEqual((await readWorkbookBuffer(readFileSync(baseFile))).snapshot);
    const got = await answers(file, csvLedger);
    expect(got.check).toEqual(base.check);
    expect(got.report).toEqual({ ...base.report, csv: got.report.csv === '' ? 'rapport absent' : base.report.csv });
    expect(got.reconcile).toEqual(base.reconcile);
  }, 60_000);

});

// The traits an export of a finance system can have, on the example ledger as .xlsx.
describe.each(traits.filter((t) => t.ledger).map((t) => [t.name, t] as [string, Trait]))('%s', (_name, trait) => {
  test('as an .xlsx ledger, reconcile gives the example ledger’s answer', async () => {
    const ledger = join(dir, `releve-${traits.indexOf(trait)}.xlsx`);
    writeFileSync(ledger, await withTrait(baseLedger(), trait));
    const r = await cli('reconcile', baseFile, ledger, '--format', 'json');
    expect({ code: r.code, err: r.err }).toEqual({ code: baseLedgerAnswer.code, err: '' });
    expect(JSON.parse(r.out.split(ledger).join('<relevé>'))).toEqual(baseLedgerAnswer.out);
  }, 60_000);
});
