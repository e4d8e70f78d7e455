/** Each damaged workbook or ledger of the corpus gets its expected answer, never a crash. */
import { join } from 'path';
import { cli } from '../helpers/cli';
import { plain } from '../helpers/typography';
import { exampleWorkbook, tmp, writeWorkbook } from '../helpers/files';
import { corpus, ledgerCases, workbookCases, type CorpusCase } from './corpus';

let dir: string;
let exampleFile: string;

beforeAll(async () => {
  dir = tmp('ess-corpus-');
  exampleFile = await writeWorkbook(exampleWorkbook(), dir, 'exemple.xlsx');
});

test('the corpus holds at least 40 damaged inputs, workbooks and ledgers', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(40);
  expect(workbookCases.length).toBeGreaterThan(30);
  expect(ledgerCases.length).toBeGreaterThanOrEqual(8);
});

describe.each(corpus.map((c) => [c.name, c] as [string, CorpusCase]))('%s', (_name, c) => {
  test('gets its answer', async () => {
    const file = await c.build(join(dir));
    const argv = c.kind === 'workbook' ? ['check', file, '--format', 'json', '--as-of', '2026-11-29'] : ['reconcile', exampleFile, file, '--format', 'json'];
    const r = await cli(...argv);
    expect({ code: r.code, err: r.err.slice(0, 300) }).toMatchObject({ code: c.expect.exit });
    if (c.expect.exit === 2) {
      expect(r.err.split('\n')).toHaveLength(1);
      expect(plain(r.err)).toMatch(c.expect.message);
      expect(r.err).not.toMatch(/\bat .+:\d+:\d+/);
      return;
    }
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as { findings: { rule: string; sheet: string; cell: string; message: string }[] };
    const e = c.expect;
    if (e.rule) {
      const f = json.findings.find((x) => x.rule === e.rule && (!e.sheet || x.sheet === e.sheet) && (!e.cell || x.cell === e.cell));
      expect({ found: !!f, rules: f ? [] : json.findings.slice(0, 8).map((x) => `${x.rule} ${x.sheet}!${x.cell}`) }).toEqual({ found: true, rules: [] });
      if (e.message) expect(f!.message).toMatch(e.message);
    }
    if (e.noRule) expect(json.findings.filter((x) => x.rule === e.noRule)).toEqual([]);
  });
});
