/**
 * npm run bench: performance measured side by side on this machine, never asserted in tests.
 * Writes bench/results.json and prints a table. BENCH_SIZE=small runs every group at a small size
 * (what CI does, so the script cannot rot).
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { bench as rulePassBench } from './rulePass';
import { bench as checkBench } from './check';
import { bench as anchorsBench } from './anchors';
import { bench as reconcileBench } from './reconcile';
import { bench as roundTripsBench } from './roundtrips';
import { bench as bundleBench } from './bundle';
import { bench as previewOpenBench } from './previewOpen';

const small = process.env.BENCH_SIZE === 'small';
// Bundled into dist/bench/: the project is two levels up.
const root = join(__dirname, '../..');
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, small };

const rows: [string, string, string][] = [];

async function main() {
  // The rule pass, check against LibreOffice (alternating), check against the inflate floor, SheetJS and ExcelJS (alternating), reconciliation, round trips in the emulated Excel, the task pane's weight and first paint, the preview's opening times (on the build the task pane group made).
  for (const group of [rulePassBench, checkBench, anchorsBench, reconcileBench, roundTripsBench, bundleBench, previewOpenBench]) {
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
