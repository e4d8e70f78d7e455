/**
 * Group 3: `ess-budget check` against the yardsticks of issue 22 on the same workbook: the inflate
 * floor (every part of the package inflated and its bytes counted, nothing parsed: `unzip -p FILE |
 * wc -c`, and the same in Node), and what a Node user would read it with instead (SheetJS's
 * readFile, ExcelJS's streaming reader; dev dependencies of the bench only). Paired run by run
 * (check, anchor, check, anchor…, after one warm-up of each): the figure is the median of the
 * pairwise ratios, wall and CPU. check also runs every rule; the anchors only read.
 * An anchor that is not installed here (unzip, xlsx) is said and skipped, never a failure.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeBigWorkbook } from './bigWorkbook';
import { median, timed, type Run } from './check';
import type { BenchGroup } from './types';

interface Anchor {
  key: string;
  label: string;
  /** Why it cannot run here, or null. */
  missing: string | null;
  run: (file: string) => Run;
  /** check / anchor targets of the issue, for the printed table. */
  target?: string;
}

export interface AnchorPoint {
  key: string;
  label: string;
  anchor: { medianMs: number; medianCpuMs: number; peakMiB: number; inProcessMs?: number } | null;
  check: { medianMs: number; medianCpuMs: number; peakMiB: number } | null;
  ratios: number[] | null;
  cpuRatios: number[] | null;
  medianRatio: number | null;
  medianCpuRatio: number | null;
  skipped?: string;
}

const installed = (root: string, pkg: string) => {
  try {
    require.resolve(pkg, { paths: [root] });
    return true;
  } catch {
    return false;
  }
};

const round = (x: number) => Math.round(x);
const ratio = (a: number, b: number) => Number((a / b).toFixed(3));

export async function bench({ small, root }: { small: boolean; root: string }): Promise<BenchGroup> {
  // The small pass (CI) keeps it short: a 10 000-line workbook, two pairs per anchor.
  const lines = small ? 10_000 : 100_000;
  const pairs = small ? 2 : 5;
  const node = process.execPath;
  const reader = (name: string) => join(root, 'bench/readers', name);
  const hasUnzip = spawnSync('sh', ['-c', 'command -v unzip']).status === 0;
  const anchors: Anchor[] = [
    {
      key: 'unzipFloor',
      label: 'inflate floor: unzip -p FILE | wc -c',
      missing: hasUnzip ? null : 'unzip absent',
      run: (f) => timed('sh', ['-c', 'unzip -p "$1" | wc -c', 'sh', f]),
      target: 'check ≤ 4× (wall)',
    },
    { key: 'nodeFloor', label: 'inflate floor in Node (zlib, every part)', missing: null, run: (f) => timed(node, [reader('inflate-floor.mjs'), f]) },
    {
      key: 'sheetjs',
      label: 'SheetJS readFile (xlsx 0.18.5)',
      missing: installed(root, 'xlsx') ? null : 'xlsx not installed (npm install)',
      run: (f) => timed(node, [reader('sheetjs.mjs'), f]),
      target: 'check ≤ 0,5×',
    },
    { key: 'exceljsStream', label: 'ExcelJS streaming reader', missing: installed(root, 'exceljs') ? null : 'exceljs not installed', run: (f) => timed(node, [reader('exceljs-stream.mjs'), f]) },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'ess-bench-anchors-'));
  const file = join(dir, `financements-${lines}.xlsx`);
  const points: AnchorPoint[] = [];
  const rows: [string, string, string][] = [];
  try {
    await writeBigWorkbook(lines, file);
    const check = () => timed(node, [join(root, 'bin/ess-budget.js'), 'check', file, '--format', 'json']);
    const loadAvg = () => spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout?.split(' ')[0] ?? '?';
    rows.push([`check against the anchors, ${lines.toLocaleString('fr-FR')} lines (${statSync(file).size} bytes), ${pairs} pairs each`, `load ${loadAvg()} at start`, '']);
    for (const a of anchors) {
      if (a.missing) {
        points.push({ key: a.key, label: a.label, anchor: null, check: null, ratios: null, cpuRatios: null, medianRatio: null, medianCpuRatio: null, skipped: a.missing });
        rows.push([`  ${a.label}`, 'skipped', a.missing]);
        continue;
      }
      check();
      a.run(file);
      const cs: Run[] = [];
      const as: Run[] = [];
      for (let i = 0; i < pairs; i++) {
        cs.push(check());
        as.push(a.run(file));
      }
      if (cs.some((r) => r.status === 2 || r.status === null)) throw new Error(`ess-budget check could not read the ${lines}-line workbook`);
      if (as.some((r) => r.status !== 0)) throw new Error(`${a.label} failed on the ${lines}-line workbook`);
      const inProcess = a.key === 'nodeFloor' ? median(as.map((r) => Number(r.stdout.trim().split(' ')[1]))) : undefined;
      const ratios = cs.map((c, i) => ratio(c.ms, as[i].ms));
      const cpuRatios = cs.map((c, i) => ratio(c.cpuMs, as[i].cpuMs));
      const p: AnchorPoint = {
        key: a.key,
        label: a.label,
        anchor: { medianMs: round(median(as.map((r) => r.ms))), medianCpuMs: round(median(as.map((r) => r.cpuMs))), peakMiB: round(Math.max(...as.map((r) => r.peakMiB))), ...(inProcess !== undefined ? { inProcessMs: round(inProcess) } : {}) },
        check: { medianMs: round(median(cs.map((r) => r.ms))), medianCpuMs: round(median(cs.map((r) => r.cpuMs))), peakMiB: round(Math.max(...cs.map((r) => r.peakMiB))) },
        ratios,
        cpuRatios,
        medianRatio: median(ratios),
        medianCpuRatio: median(cpuRatios),
      };
      points.push(p);
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      rows.push([
        `  ${a.label}`,
        `${s(p.anchor!.medianMs)} (CPU ${s(p.anchor!.medianCpuMs)}), ${p.anchor!.peakMiB} MiB`,
        `check ${s(p.check!.medianMs)} (CPU ${s(p.check!.medianCpuMs)}), ${p.check!.peakMiB} MiB; median ratio ${p.medianRatio!.toFixed(2)} (CPU ${p.medianCpuRatio!.toFixed(2)})${inProcess !== undefined ? `; in-process ${round(inProcess)} ms` : ''}${a.target ? `; target ${a.target}` : ''}`,
      ]);
    }
    rows.push(['  load at the end', loadAvg(), '']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    key: 'checkVsReaders',
    value: {
      lines,
      pairs,
      points,
      note: 'whole commands, start-up included; check and each anchor run alternately, ratio = median of the pairwise check/anchor ratios (wall and CPU); peak = max RSS of the runs (/usr/bin/time); the Node floor also prints its in-process time (start-up excluded)',
    },
    rows,
  };
}
