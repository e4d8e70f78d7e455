/**
 * Our workbook after the real producers, where they run here: LibreOffice (saved as .xlsx, and
 * through .ods back to .xlsx, which drops the tables' totals-row flag) and openpyxl (load and save,
 * no edit: absolute table targets). Each must give exactly the workbook's own findings and totals.
 * The traits these producers write are also built by code in test/hardening/traits.ts, which runs
 * everywhere; this file skips what is not installed (and says so), except in CI.
 */
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { baseWorkbook, withTrait } from '../hardening/traits';
import { needs } from '../helpers/tools';

const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0);
const withSoffice = needs('soffice');
if (!python && !process.env.CI) console.warn('python3-openpyxl is missing: the openpyxl round trip is skipped (its traits are covered by test/hardening/traits.test.ts).');

let dir: string;
let base: string;
let expected: unknown;

async function findings(file: string) {
  const r = await cli('check', file, '--format', 'json', '--as-of', '2026-11-29');
  expect(r.err).toBe('');
  const { file: _f, ...rest } = JSON.parse(r.out) as { file: string; findings: unknown[] };
  return { code: r.code, ...rest };
}

beforeAll(async () => {
  dir = tmp('ess-producers-');
  base = join(dir, 'classeur.xlsx');
  writeFileSync(base, await withTrait(baseWorkbook(), null));
  expected = await findings(base);
});

function soffice(file: string, to: string, out: string): string {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--calc', '--convert-to', to, '--outdir', out, file], { encoding: 'utf8', timeout: 170_000 });
  if (r.status !== 0) throw new Error(`soffice: ${r.stderr}`);
  return join(out, file.split('/').pop()!.replace(/\.\w+$/, `.${to}`));
}

withSoffice(
  'after LibreOffice (.xlsx, and .ods then .xlsx): the same findings and totals',
  async () => {
    const saved = soffice(base, 'xlsx', join(dir, 'lo'));
    expect(await findings(saved)).toEqual(expected);
    const ods = soffice(base, 'ods', join(dir, 'ods'));
    const back = soffice(ods, 'xlsx', join(dir, 'ods-xlsx'));
    expect(await findings(back)).toEqual(expected);
  },
  600_000,
);

(python || process.env.CI ? test : test.skip)(
  'after openpyxl (load and save, no edit): the same findings and totals',
  async () => {
    // openpyxl keeps formulas but drops their cached results: the workbook it saves has no formula errors to keep.
    const plain = join(dir, 'sans-formules.xlsx');
    writeFileSync(plain, await withTrait(baseWorkbook({ formulaErrors: false }), null));
    const out = join(dir, 'openpyxl.xlsx');
    const r = spawnSync(python ?? 'python3', ['-c', 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', plain, out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const want = await findings(plain);
    expect(want.findings.length).toBeGreaterThan(3);
    expect(await findings(out)).toEqual(want);
  },
  120_000,
);
