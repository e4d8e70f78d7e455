/** scripts/bench-check.mjs: the check group (or, with --rule-pass, the rule pass; with --anchors, check against the floor, SheetJS and ExcelJS) alone, its entry of bench/results.json updated in place. */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { bench as checkBench } from './check';
import { bench as rulePassBench } from './rulePass';
import { bench as anchorsBench } from './anchors';

const small = process.env.BENCH_SIZE === 'small';
const root = join(__dirname, '../..');

const bench = process.argv.includes('--rule-pass') ? rulePassBench : process.argv.includes('--anchors') ? anchorsBench : checkBench;

bench({ small, root }).then(
  (r) => {
    const out = join(root, 'bench', small ? 'results.small.json' : 'results.json');
    const results = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
    results[r.key] = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, ...(r.value as object) };
    writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    const w = Math.max(...r.rows.map((x) => x[0].length));
    for (const [a, b, c] of r.rows) console.log(`${a.padEnd(w)}  ${b.padStart(22)}  ${c}`);
    console.log(`→ ${out}`);
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
