#!/usr/bin/env node
'use strict';
// The CLI is bundled into dist/ by `npm ci` (the prepare script) or `npm run build:cli`.
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'ess-budget.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('ess-budget : le programme n’est pas construit ; lancez « npm run build:cli » (ou « npm ci »).\n');
  process.exit(2);
}
require('./run-bundle').runBundle(bundle, path.join(__dirname, '..', 'dist', 'cli', 'ess-budget.cache'), process.env.ESS_CODE_CACHE === 'train');
