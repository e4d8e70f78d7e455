import { run } from './main';

run(process.argv.slice(2), { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`ess-budget : erreur interne (${String((e as Error)?.message ?? e).split('\n')[0]}).\n`);
    process.exitCode = 2;
  },
);
