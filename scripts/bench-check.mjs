// Runs one group of the benchmark and updates its entry in bench/results.json (npm run bench runs them all).
import { bundleAndRun } from './bench-bundle.mjs';

const HELP = `node scripts/bench-check.mjs [--rule-pass | --anchors] [--help]

  (no option)   ess-budget check against LibreOffice (bench/check.ts): 10 000 and 100 000 financing
                lines in 5 alternating pairs after a warm-up (median of the pairwise ratios), then
                1 000 000 lines without LibreOffice (3 runs: minutes a LibreOffice run); peak memory
                of each run (/usr/bin/time), and the slope of check's time against the lines.
  --rule-pass   the rule pass alone (bench/rulePass.ts): 1 000, 10 000 and 100 000 lines, median of 5.
  --anchors     check against the inflate floor (unzip -p | wc -c, and zlib in Node), SheetJS's readFile
                and ExcelJS's streaming reader (bench/anchors.ts): 100 000 lines, 5 alternating pairs
                each (BENCH_SIZE=small: 10 000 lines, 2 pairs), median of the pairwise ratios (wall and
                CPU); an anchor not installed here is skipped and said.
  BENCH_SIZE=small  a quick pass at small sizes (written to bench/results.small.json).
`;

if (process.argv.includes('--help')) {
  process.stdout.write(HELP);
  process.exit(0);
}

await bundleAndRun('bench/check-only.ts', 'dist/bench/check-only.js');
