/**
 * Issue 19, write safety: `close` then `reopen` on a workbook from every producer users save with —
 * our own init, ExcelJS, LibreOffice, openpyxl (xmlns:r declared on each <sheet>: the file `close`
 * used to leave unreadable), XlsxWriter, two packages saved by Excel — and on every trait of the
 * producer-traits corpus (prefixed namespaces, Strict, UTF-16 parts, the workbook part elsewhere…):
 * exit 0, every part the add-in does not own byte for byte, the same findings; and the file still
 * opens in LibreOffice and openpyxl, with the record and the Journal in it.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { parts } from '../helpers/chart';
import { exampleWorkbook, tmp } from '../helpers/files';
import { producers, python, soffice } from '../helpers/producers';
import { needs } from '../helpers/tools';
import { plain } from '../helpers/typography';
import { traits, withTrait } from '../hardening/traits';
import { readWorkbookFile } from '../../src/hosts/xlsx/workbook';

const AS_OF = ['--as-of', '2026-11-29'];

/** What a user reads from check, the file name left out. */
async function findings(file: string) {
  const r = await cli('check', file, '--format', 'json', ...AS_OF);
  return { code: r.code, err: r.err, findings: (JSON.parse(r.out) as { findings: unknown[] }).findings };
}

/** Every part of `before` is in `after`, byte for byte (uncompressed), but the part list, its relationships and the content types. */
function expectKept(before: Map<string, Buffer>, after: Map<string, Buffer>, workbookPart = 'xl/workbook.xml'): void {
  const mayChange = new Set([workbookPart, workbookPart.replace(/([^/]+)$/, '_rels/$1.rels'), '[Content_Types].xml']);
  const differ = [...before].filter(([name, bytes]) => !after.has(name) || (!mayChange.has(name) && Buffer.compare(after.get(name)!, bytes) !== 0)).map(([name]) => name);
  expect(differ).toEqual([]);
}

/** close 2014, then reopen it: both said on stdout, exit 0, nothing else in the package touched, the same findings throughout. */
async function closeThenReopen(file: string, contract: boolean, workbookPart?: string): Promise<{ closed: string; reopened: string }> {
  const before = await parts(file);
  const was = await findings(file);
  const closed = await cli('close', file, '2014', '--by', 'Marie Curie', ...AS_OF);
  expect({ code: closed.code, err: closed.err }).toEqual({ code: 0, err: '' });
  expect(closed.out).toMatch(contract ? /année 2014 clôturée par Marie Curie \(\d{2,} lignes enregistrées\)/ : /année 2014 clôturée par Marie Curie/);
  expectKept(before, await parts(file), workbookPart);
  expect(await findings(file)).toEqual(was);
  const closedCopy = file.replace(/\.xlsx$/, '-clos.xlsx');
  copyFileSync(file, closedCopy);

  const reopened = await cli('reopen', file, '2014', '--reason', 'Erreur de saisie', '--by', 'Marie Curie');
  expect({ code: reopened.code, err: reopened.err }).toEqual({ code: 0, err: '' });
  expectKept(before, await parts(file), workbookPart);
  expect(await findings(file)).toEqual(was);
  const reopenedCopy = file.replace(/\.xlsx$/, '-rouvert.xlsx');
  copyFileSync(file, reopenedCopy);
  return { closed: closedCopy, reopened: reopenedCopy };
}

/** The record and the Journal as the project's reader finds them in a file. */
async function recordOf(file: string) {
  const { snapshot } = await readWorkbookFile(file);
  const rows = (name: string) => snapshot.tables.find((t) => t.name === name)?.rows.length ?? -1;
  const journal = snapshot.tables.find((t) => t.name === 'Journal');
  return { sheets: snapshot.sheets.slice(-2), record: rows('Clotures') > 0, journal: journal?.rows.map((r) => plain(String(r[1])).replace(/ — .*$/, '')) };
}

const OPENPYXL = `
import json, sys, openpyxl
out = []
for f in sys.argv[1:]:
    wb = openpyxl.load_workbook(f)
    out.append({'sheets': wb.sheetnames[-2:], 'tables': sorted(wb['Clôtures'].tables.keys()) + sorted(wb['Journal'].tables.keys()), 'journal': [str(r[1]) for r in wb['Journal'].iter_rows(min_row=5, values_only=True)]})
print(json.dumps(out, ensure_ascii=False))
`;

const expectedJournal = [["Clôture de l'année 2014"], ["Clôture de l'année 2014", "Réouverture de l'année 2014 : Erreur de saisie"]];

describe.each(producers)('$name', (p) => {
  let dir: string;
  let files: { closed: string; reopened: string } | undefined;

  needs(...p.tools)(
    'close 2014 then reopen: exit 0, every part not owned byte for byte, the same findings',
    async () => {
      dir = tmp('ess-producer-');
      files = await closeThenReopen(await p.make(dir), p.contract);
      expect(await recordOf(files.closed)).toEqual({ sheets: ['Clôtures', 'Journal'], record: true, journal: expectedJournal[0] });
      expect(await recordOf(files.reopened)).toEqual({ sheets: ['Clôtures', 'Journal'], record: true, journal: expectedJournal[1] });
    },
    240_000,
  );

  needs('soffice', 'openpyxl', ...p.tools)(
    'after close and after reopen, LibreOffice and openpyxl open the file and find the record and the Journal',
    async () => {
      expect(files).toBeDefined();
      const { closed, reopened } = files!;
      const opened = JSON.parse(execFileSync(python('openpyxl'), ['-c', OPENPYXL, closed, reopened], { encoding: 'utf8' })) as { sheets: string[]; tables: string[]; journal: string[] }[];
      expect(opened.map((o) => ({ ...o, journal: o.journal.map((j) => plain(j).replace(/ — .*$/, '')) }))).toEqual(
        expectedJournal.map((journal) => ({ sheets: ['Clôtures', 'Journal'], tables: ['Clotures', 'Journal'], journal })),
      );
      // LibreOffice loads each (a file it cannot load is not converted) and saves what it read.
      soffice(dir, 'xlsx', join(dir, 'lo-after'), closed, reopened);
      for (const [i, f] of [closed, reopened].entries()) {
        expect(await recordOf(join(dir, 'lo-after', f.split('/').pop()!))).toEqual({ sheets: ['Clôtures', 'Journal'], record: true, journal: expectedJournal[i] });
      }
    },
    240_000,
  );
});

describe('the producer-traits corpus (built by code, runs everywhere)', () => {
  test.each(traits.map((t) => [t.name, t] as const))('%s: close then reopen keep every other part and the findings', async (_name, trait) => {
    const dir = tmp('ess-trait-close-');
    const file = join(dir, 'classeur.xlsx');
    writeFileSync(file, await withTrait(exampleWorkbook(), trait));
    const workbookPart = trait.name.startsWith('partie classeur ailleurs') ? 'xl/classeur.xml' : 'xl/workbook.xml';
    const { reopened } = await closeThenReopen(file, true, workbookPart);
    expect((await recordOf(reopened)).journal).toEqual(expectedJournal[1]);
  }, 120_000);
});
