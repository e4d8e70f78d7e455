/**
 * Group 2: `ess-budget check` against LibreOffice on the same workbook, run ALTERNATELY (check,
 * LibreOffice, check, LibreOffice…): on a shared machine the speed drifts, so each pair gives a ratio
 * and the median of the ratios is the figure. Peak memory is each run's max RSS (/usr/bin/time).
 * At 1 000 000 lines LibreOffice is not run (minutes a run); check's time there gives the slope.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeBigWorkbook } from './bigWorkbook';
import type { BenchGroup } from './types';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export interface Run {
  ms: number;
  /** user + system CPU time of the process and the children it waited for. */
  cpuMs: number;
  peakMiB: number;
  status: number | null;
  stdout: string;
}

export function timed(cmd: string, args: string[]): Run {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const t = process.hrtime.bigint();
  const r = timeBin ? spawnSync(timeBin, ['-f', '%M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const [kb, user, sys] = timeBin ? r.stderr.trim().split('\n').pop()!.split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, cpuMs: (user + sys) * 1000, peakMiB: kb / 1024, status: r.status, stdout: r.stdout };
}

export interface CheckPoint {
  lines: number;
  fileBytes: number;
  check: { medianMs: number; medianCpuMs: number; peakMiB: number; runs: number };
  libreoffice: { medianMs: number; medianCpuMs: number; peakMiB: number } | null;
  /** check / LibreOffice wall time, pair by pair (the figure), and the same for CPU time (steadier on a loaded machine). */
  ratios: number[] | null;
  medianRatio: number | null;
  cpuRatios: number[] | null;
  medianCpuRatio: number | null;
}

/** Least-squares slope and intercept of check's median time (wall or CPU) against the number of lines. */
function fit(points: CheckPoint[], y: (p: CheckPoint) => number): { msPer100k: number; interceptMs: number } {
  const xs = points.map((p) => p.lines);
  const ys = points.map(y);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return { msPer100k: slope * 100_000, interceptMs: my - slope * mx };
}

export async function bench({ small, root }: { small: boolean; root: string }): Promise<BenchGroup> {
  const sizes = small ? [2_000, 20_000] : [10_000, 100_000, 1_000_000];
  const pairs = small ? 2 : 5;
  const hasLo = spawnSync('which', ['soffice']).status === 0;
  const dir = mkdtempSync(join(tmpdir(), 'ess-bench-check-'));
  const points: CheckPoint[] = [];
  const rows: [string, string, string][] = [];
  try {
    for (const n of sizes) {
      const file = join(dir, `financements-${n}.xlsx`);
      await writeBigWorkbook(n, file);
      const check = () => timed(process.execPath, [join(root, 'bin/ess-budget.js'), 'check', file, '--format', 'json']);
      const lo = () => timed('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--calc', '--convert-to', 'csv', '--outdir', join(dir, 'csv'), file]);
      const withLo = hasLo && n <= 100_000;
      // One warm-up of each (disk cache, LibreOffice's first-start profile), not counted.
      check();
      if (withLo) lo();
      const checks: Run[] = [];
      const los: Run[] = [];
      for (let i = 0; i < (withLo ? pairs : 3); i++) {
        checks.push(check());
        if (withLo) los.push(lo());
      }
      if (checks.some((r) => r.status === 2 || r.status === null)) throw new Error(`ess-budget check could not read the ${n}-line workbook`);
      const ratios = withLo ? checks.map((c, i) => Number((c.ms / los[i].ms).toFixed(3))) : null;
      const cpuRatios = withLo ? checks.map((c, i) => Number((c.cpuMs / los[i].cpuMs).toFixed(3))) : null;
      const p: CheckPoint = {
        lines: n,
        fileBytes: statSync(file).size,
        check: { medianMs: Math.round(median(checks.map((r) => r.ms))), medianCpuMs: Math.round(median(checks.map((r) => r.cpuMs))), peakMiB: Math.round(Math.max(...checks.map((r) => r.peakMiB))), runs: checks.length },
        libreoffice: withLo ? { medianMs: Math.round(median(los.map((r) => r.ms))), medianCpuMs: Math.round(median(los.map((r) => r.cpuMs))), peakMiB: Math.round(Math.max(...los.map((r) => r.peakMiB))) } : null,
        ratios,
        medianRatio: ratios ? median(ratios) : null,
        cpuRatios,
        medianCpuRatio: cpuRatios ? median(cpuRatios) : null,
      };
      points.push(p);
      const label = `check, ${n.toLocaleString('fr-FR')} lines`;
      const target = n === 100_000 ? 'ratio ≤ 0,5, < 150 MiB' : n === 1_000_000 ? '< 300 MiB' : '';
      rows.push([label, `${(p.check.medianMs / 1000).toFixed(2)} s (CPU ${(p.check.medianCpuMs / 1000).toFixed(2)} s), ${p.check.peakMiB} MiB`, target]);
      if (p.libreoffice) {
        rows.push([
          `  LibreOffice, same file (${pairs} alternating pairs)`,
          `${(p.libreoffice.medianMs / 1000).toFixed(2)} s (CPU ${(p.libreoffice.medianCpuMs / 1000).toFixed(2)} s), ${p.libreoffice.peakMiB} MiB`,
          `median ratio ${p.medianRatio!.toFixed(2)} (CPU ${p.medianCpuRatio!.toFixed(2)})`,
        ]);
      }
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const slope = fit(points, (p) => p.check.medianMs);
  const cpuSlope = fit(points, (p) => p.check.medianCpuMs);
  // Linear time: each tenfold in lines costs about ten times the time above the start-up cost.
  const growth = points.slice(1).map((p, i) => `×${(p.lines / points[i].lines).toFixed(0)} lines: ×${(p.check.medianCpuMs / points[i].check.medianCpuMs).toFixed(1)} CPU, ×${(p.check.medianMs / points[i].check.medianMs).toFixed(1)} wall`);
  rows.push(['check time against lines (least squares)', `${(slope.msPer100k / 1000).toFixed(2)} s per 100 000 lines`, `CPU ${(cpuSlope.msPer100k / 1000).toFixed(2)} s per 100 000 lines, intercept ${(cpuSlope.interceptMs / 1000).toFixed(2)} s`]);
  for (const g of growth) rows.push(['  growth', g, '']);
  return {
    key: 'checkVsLibreOffice',
    value: {
      points,
      slope: { msPer100kLines: Math.round(slope.msPer100k), interceptMs: Math.round(slope.interceptMs), cpuMsPer100kLines: Math.round(cpuSlope.msPer100k), cpuInterceptMs: Math.round(cpuSlope.interceptMs), growth },
      note: 'whole command, wall time; check and LibreOffice (soffice --headless --convert-to csv: open, recalculate, write) run alternately, ratio = median of the pairwise ratios; peak = max RSS of the runs (/usr/bin/time)',
    },
    rows,
  };
}
