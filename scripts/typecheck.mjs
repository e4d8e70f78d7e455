// Type-checks each layer under its own tsconfig (src/core with no Node, DOM or Office.js globals;
// Office.js types only under src/hosts/office…), then everything (tests, scripts) under the root one.
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const layers = [];
const walk = (dir) => {
  if (existsSync(join(dir, 'tsconfig.json'))) layers.push(dir);
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(join(dir, e.name));
};
walk('src');
let failed = 0;
for (const p of [...layers, '.']) {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', p], { stdio: 'inherit' });
    console.log(`tsc ${p}: ok`);
  } catch {
    failed++;
    console.error(`tsc ${p}: errors above`);
  }
}
process.exit(failed ? 1 : 0);
