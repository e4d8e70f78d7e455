/**
 * The Office host's whole output on the example (golden-dump.ts). With GOLDEN_DUMP=path the dump is
 * written there, to compare a refactoring's before and after (`diff`); the test itself checks that
 * the output is deterministic and that every sheet the add-in writes is in it.
 */
import { writeFileSync } from 'fs';
import { goldenDump } from './golden-dump';

test('initialise, sync, Synthèse COPIL, Rapprochement, sync: the same workbook every time, every own sheet written', async () => {
  const a = await goldenDump();
  const b = await goldenDump();
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  if (process.env.GOLDEN_DUMP) writeFileSync(process.env.GOLDEN_DUMP, JSON.stringify(a, null, 1));
  const names = (k: string) => (a[k] as { sheets: { name: string }[] }).sheets.map((s) => s.name);
  expect(names('1.9-fr')).toEqual(expect.arrayContaining(['Convention', 'Contrôles', 'Journal', 'Synthèse COPIL', 'Rapprochement']));
});
