'use strict';
/**
 * Runs the CLI's bundle from V8's code cache when the build made one for it: the bundle's 720 KB are
 * neither parsed nor compiled at each start, and the functions a check calls come already compiled
 * to bytecode. The cache is made by `npm run build:cli` (scripts/build-cli.mjs), from a check of the
 * example run once with ESS_CODE_CACHE=train: 40 ms less on a check of the example (0.89 of the time,
 * 15 pairs), 4 % less at 100 000 lines (issue 22). Node 20 has no compile cache of its own
 * (module.enableCompileCache is Node 22's).
 *
 * Without a cache, or with one made for another bundle, Node or set of V8 flags, the bundle is
 * compiled as usual: V8 refuses data made by another version or under other flags, and checks of
 * the source only its length; the SHA-256 of the source (and of Node's version) written before
 * V8's data makes sure a cache is never used for another build.
 */
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');
const v8 = require('v8');
const vm = require('vm');

// The flags the reader sets as it reads (src/hosts/xlsx/nodeRead.ts, zipNode.ts), set before compiling:
// the training run ends with them set, and V8 refuses a cache made under other flags.
v8.setFlagsFromString('--semi-space-growth-factor=1');
v8.setFlagsFromString('--expose-gc');

const HASH_BYTES = 32;

/** Runs `bundle` as the CommonJS module it is; `cacheFile`: where its code cache is read, or written when `train`. */
function runBundle(bundle, cacheFile, train) {
  const source = fs.readFileSync(bundle, 'utf8');
  // The bundle and the Node that runs it (scripts/build-cli.mjs makes the same digest to know whether to train again).
  const hash = crypto.createHash('sha256').update(source).update(process.version).digest();
  let cachedData;
  let state = train ? 'à faire' : 'absent';
  if (!train) {
    try {
      const cache = fs.readFileSync(cacheFile);
      if (cache.length > HASH_BYTES && cache.subarray(0, HASH_BYTES).equals(hash)) cachedData = cache.subarray(HASH_BYTES);
      else state = 'fait pour une autre construction';
    } catch {
      // No cache (a build without one): compiled as usual.
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cachedData) state = script.cachedDataRejected ? 'refusé par V8 (autre version de Node ou autres drapeaux)' : 'utilisé';
  if (process.env.ESS_DEBUG) process.stderr.write(`ess-budget : cache de code ${state}\n`);
  if (train) {
    // At the end of the run: the data then holds the functions the run compiled, not only the top level.
    process.once('beforeExit', () => {
      // Written beside, then renamed: a command starting meanwhile (builds run side by side in the tests) reads the old cache or the new, never half of one.
      const beside = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(beside, Buffer.concat([hash, script.createCachedData()]));
      fs.renameSync(beside, cacheFile);
    });
  }
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.loaded = true;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
}

module.exports = { runBundle };
