/**
 * npm run bench: performance measured side by side on this machine, never asserted in tests.
 * Writes bench/results.json and prints a table. BENCH_SIZE=small runs every group at a small size
 * (what CI does, so the script cannot rot).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync, existsSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyse } from '../src/core/check';
import { renderPlan, writeWorkbookFile } from '../src/hosts/xlsx/workbook';
import { bigPlan, bigSnapshot } from './generate';
import { bench as reconcileBench } from './reconcile';
import { bench as roundTripsBench } from './roundtrips';
import { bench as bundleBench } from './bundle';

const small = process.env.BENCH_SIZE === 'small';
// Bundled into dist/bench/: the project is two levels up.
const root = join(__dirname, '../..');
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, small };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(fn: () => T): [number, T] {
  const t = process.hrtime.bigint();
  const r = fn();
  return [Number(process.hrtime.bigint() - t) / 1e6, r];
}

/** Median of 5 runs after one warm-up, in ms. */
function measure(fn: () => unknown): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(time(fn)[0]);
  return median(runs);
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const rows: [string, string, string][] = [];

async function main() {
  // 1. The rule pass (read the snapshot against the contract + every rule).
  const sizes = small ? [1000] : [1000, 10_000, 100_000];
  const rulePass: Record<string, number> = {};
  for (const n of sizes) {
    const snap = bigSnapshot(n);
    const asOf = new Date(Date.UTC(2026, 10, 29));
    rulePass[n] = measure(() => analyse(snap, asOf));
    rows.push([`rule pass, ${n.toLocaleString('fr-FR')} lines`, ms(rulePass[n]), n === 100_000 ? 'target < 200 ms' : '']);
  }
  results.rulePass = { unit: 'ms (median of 5)', ...rulePass };

  // 2. ess-budget check on a generated workbook, against LibreOffice opening and recalculating it.
  const n = small ? 2000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'ess-bench-'));
  const file = join(dir, `financements-${n}.xlsx`);
  await writeWorkbookFile(renderPlan(bigPlan(n)), file);
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const runTimed = (cmd: string, args: string[]) => {
    const t = process.hrtime.bigint();
    const r = timeBin ? spawnSync(timeBin, ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = Number(process.hrtime.bigint() - t) / 1e6;
    const rssKb = timeBin ? Number(r.stderr.trim().split('\n').pop()) : NaN;
    return { wall, rssMb: rssKb / 1024, status: r.status };
  };
  const checkRuns = [0, 1, 2].map(() => runTimed(process.execPath, [join(root, 'bin/ess-budget.js'), 'check', file, '--format', 'json']));
  if (checkRuns.some((r) => r.status === 2)) throw new Error('ess-budget check could not read the generated workbook');
  const check = { ms: median(checkRuns.map((r) => r.wall)), peakMb: Math.max(...checkRuns.map((r) => r.rssMb)), status: checkRuns[0].status };
  let lo: { ms: number; peakMb: number } | null = null;
  if (spawnSync('which', ['soffice']).status === 0) {
    const loRuns = [0, 1, 2].map(() =>
      runTimed('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--calc', '--convert-to', 'csv', '--outdir', join(dir, 'csv'), file]),
    );
    lo = { ms: median(loRuns.map((r) => r.wall)), peakMb: Math.max(...loRuns.map((r) => r.rssMb)) };
  }
  results.checkVsLibreOffice = {
    lines: n,
    fileBytes: statSync(file).size,
    check,
    libreoffice: lo,
    ratio: lo ? Number((check.ms / lo.ms).toFixed(2)) : null,
    note: 'wall time of the whole command, median of 3; peak RSS from /usr/bin/time',
  };
  rows.push([`ess-budget check, ${n.toLocaleString('fr-FR')} lines`, `${ms(check.ms)}, ${check.peakMb.toFixed(0)} Mo`, 'target ≤ LibreOffice, < 500 Mo']);
  if (lo) rows.push([`LibreOffice open + recalculate`, `${ms(lo.ms)}, ${lo.peakMb.toFixed(0)} Mo`, `ratio ${(check.ms / lo.ms).toFixed(2)}`]);

  // 3-5. Reconciliation, round trips in the emulated Excel, the task pane's weight and first paint.
  for (const group of [reconcileBench, roundTripsBench, bundleBench]) {
    const r = await group({ small, root });
    results[r.key] = r.value;
    rows.push(...r.rows);
  }

  const out = join(root, 'bench', small ? 'results.small.json' : 'results.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${b.padStart(22)}  ${c}`);
  console.log(`→ ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
