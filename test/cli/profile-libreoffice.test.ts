/**
 * Issue 23 with issue 19's producers: a workbook of another convention (init --profile, typed by
 * openpyxl) saved by LibreOffice itself, as .xlsx and as .ods. Its stored convention survives the
 * round trip (LibreOffice keeps the very hidden sheet and its cells), so `check` says exactly what it
 * says on the file before, `profile show` still names that convention, and `diff` sees no change.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp } from '../helpers/files';
import { fillTables } from '../helpers/fillTables';
import { soffice } from '../helpers/producers';
import { SECOND_AS_OF as AS_OF, SECOND_PROFILE as PROFILE, secondTyping } from '../helpers/secondConvention';
import { needs } from '../helpers/tools';

const withLibreOffice = needs('openpyxl', 'soffice');

withLibreOffice('another convention’s workbook saved by LibreOffice (.xlsx and .ods): the same findings, its convention kept, no change', async () => {
  const dir = tmp('ess-profile-lo-');
  const blank = join(dir, 'transition.xlsx');
  expect((await cli('init', blank, '--profile', PROFILE)).code).toBe(0);
  const typed = fillTables(blank, join(dir, 'saisi.xlsx'), secondTyping);
  soffice(dir, 'xlsx', join(dir, 'lo'), typed);
  soffice(dir, 'ods', join(dir, 'lo'), typed);
  const saved = join(dir, 'lo', 'saisi.xlsx');
  const ods = join(dir, 'lo', 'saisi.ods');
  expect(readFileSync(saved).equals(readFileSync(typed))).toBe(false);

  const before = await cli('check', typed, '--as-of', AS_OF);
  expect(before.code).toBe(1); // the planted errors (ADEME 2021, the avenant approved after its signature)
  expect(before.out).toContain('[avenant.irregular] (Art. 10)');
  for (const file of [saved, ods]) {
    const after = await cli('check', file, '--as-of', AS_OF);
    expect({ code: after.code, out: after.out, err: after.err }).toEqual({ code: before.code, out: before.out, err: before.err });
    expect((await cli('profile', 'show', file)).out).toContain(`Convention écrite dans le classeur ${file}.`);
    const diff = await cli('diff', typed, file);
    expect({ code: diff.code, out: diff.out.trim() }).toEqual({ code: 0, out: 'Aucun changement dans les tableaux du contrat.' });
  }
});
