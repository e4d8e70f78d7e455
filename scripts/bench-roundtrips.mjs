// Bundles bench/roundtrips.ts (esbuild, to a temp file) and prints the round trips and the largest
// request serialised by Microsoft's Office.js client, per workbook size.
// Usage: [EXCEL_API=1.8] node scripts/bench-roundtrips.mjs [lines…]   (default 10 1000 10000 50000)
import { build } from 'esbuild';
import { createRequire } from 'module';
import { resolve } from 'path';

const sizes = process.argv.slice(2).map(Number);
// Inside the project (dist/), so that Microsoft's library is found in node_modules.
const outfile = resolve('dist/bench/roundtrips.cjs');
await build({ entryPoints: ['bench/roundtrips.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'error' });
const { measureRoundTrips } = createRequire(import.meta.url)(outfile);
{
  console.log('lines\tfindings\tsync trips (1st/2nd)\tlargest sync request\texport trips\tlargest export request');
  for (const n of sizes.length ? sizes : [10, 1000, 10_000, 50_000]) {
    const f = await measureRoundTrips(n, process.env.EXCEL_API);
    console.log(`${n}\t${f.findings}\t${f.syncRoundTrips}/${f.secondSyncRoundTrips}\t${f.largestSyncRequestBytes} B\t${f.exportRoundTrips}\t${f.largestExportRequestBytes} B`);
  }
}
