/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Jest reporter: after the run, one line per missing program naming what was skipped for want of
 * it and how to install it (the tags test/helpers/tools.ts puts on the tests it skips).
 */
const { relative } = require('path');

class SkippedReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    /** tag → { tests, files } */
    const byTag = new Map();
    for (const file of results.testResults) {
      for (const a of file.testResults) {
        const m = a.status === 'pending' && / (\[sans [^\]]+\])$/.exec(a.title);
        if (!m) continue;
        const entry = byTag.get(m[1]) ?? { tests: 0, files: new Set() };
        entry.tests += 1;
        entry.files.add(relative(this.root, file.testFilePath));
        byTag.set(m[1], entry);
      }
    }
    for (const [tag, { tests, files }] of byTag) {
      const [what, install] = tag.slice(6, -1).split(' — ');
      const n = `${tests} test${tests > 1 ? 's' : ''} ignoré${tests > 1 ? 's' : ''}`;
      process.stderr.write(`${n} sans ${what} (${[...files].sort().join(', ')}) ; pour les lancer : ${install}\n`);
    }
  }
}

module.exports = SkippedReporter;
