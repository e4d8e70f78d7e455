/**
 * Issue 19, messages: a workbook in another spreadsheet format is refused in one French line that
 * names the format and says how to convert it (exit 2); a ledger whose headers hold line breaks is
 * refused in one line too. Files built by code run everywhere; the ones LibreOffice writes need it.
 */
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { copyFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { cli } from '../helpers/cli';
import { tmp, writeBytes } from '../helpers/files';
import { soffice } from '../helpers/producers';
import { needs } from '../helpers/tools';
import { plain } from '../helpers/typography';
import { writeVersion } from '../helpers/versions';

const HOW = 'ouvrez-le dans Excel, Fichier > Enregistrer sous > Classeur Excel (.xlsx)';
const expected = {
  xls: (f: string) => `${f} : classeur Excel 97-2003 (.xls), un format que ess-budget ne lit pas : ${HOW}, puis relancez sur le .xlsx.`,
  xlsb: (f: string) => `${f} : classeur binaire Excel (.xlsb), un format que ess-budget ne lit pas : ${HOW}, puis relancez sur le .xlsx.`,
};

/** What every command that reads a workbook answers: exit 2 and the one line. */
async function refusals(file: string) {
  const out = [];
  for (const argv of [['check', file], ['report', file, '--out', `${file}.pdf`], ['close', file, '2014'], ['diff', file, file]]) {
    const r = await cli(...argv);
    out.push({ code: r.code, out: r.out, err: plain(r.err) });
  }
  return out;
}

/** An OLE compound file's header: what every .xls starts with (and an encrypted .xlsx, told apart by its EncryptionInfo stream). */
const oleFile = () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]);

/** A package whose workbook part is binary, as Excel saves an .xlsb. */
async function xlsbFile(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>');
  zip.file('xl/workbook.bin', Buffer.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('another spreadsheet format: named, with the way to convert it (built by code)', () => {
  test.each([
    ['xls', 'budget.xls', async () => oleFile()],
    ['xlsb', 'budget.xlsb', xlsbFile],
    // An .ods is read (issue 22: test/hosts/ods.test.ts), no longer refused.
  ] as const)('%s', async (format, name, bytes) => {
    const file = writeBytes(tmp('ess-format-'), name, await bytes());
    for (const r of await refusals(file)) expect(r).toEqual({ code: 2, out: '', err: expected[format](file) });
  });

  test('the format is told by the content, not the name: an .xls renamed .xlsx is still an .xls', async () => {
    const file = writeBytes(tmp('ess-format-'), 'budget.xlsx', oleFile());
    expect(plain((await cli('check', file)).err)).toBe(expected.xls(file));
  });
});

needs('soffice')(
  'the .xls LibreOffice saves: the same lines (its .ods is read: test/hosts/ods.test.ts)',
  async () => {
    const dir = tmp('ess-format-lo-');
    const xlsx = await writeVersion(dir, 'budget.xlsx');
    soffice(dir, 'xls', dir, xlsx);
    for (const format of ['xls'] as const) {
      const file = join(dir, `budget.${format}`);
      expect(await refusals(file)).toEqual(Array(4).fill({ code: 2, out: '', err: expected[format](file) }));
    }
  },
  180_000,
);

test('reconcile: a ledger whose headers hold line breaks (Alt+Entrée) is refused in one line, the headers on it', async () => {
  const dir = tmp('ess-ledger-breaks-');
  const workbook = await writeVersion(dir, 'budget.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Export');
  ws.addRow(['N°\npièce', 'Libellé\r\nde l’opération', 'Montant\n  AE']);
  ws.addRow(['P-1', 'Subvention', 1000]);
  const ledger = join(dir, 'releve.xlsx');
  writeFileSync(ledger, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const csv = join(dir, 'releve.csv');
  writeFileSync(csv, '"N°\npièce";"Libellé\r\nde l’opération";"Montant\n  AE"\nP-1;Subvention;1000\n');
  for (const f of [ledger, csv]) {
    const r = await cli('reconcile', workbook, f);
    expect(r.code).toBe(2);
    expect(r.err.split(/[\r\n]/)).toHaveLength(1);
    expect(plain(r.err)).toContain('en-têtes trouvés : « N° pièce », « Libellé de l\'opération », « Montant AE ».');
  }
  const mapped = await cli('reconcile', workbook, csv, '--map', 'engage=Montant\nHT');
  expect(mapped.code).toBe(2);
  expect(mapped.err.split(/[\r\n]/)).toHaveLength(1);
  expect(plain(mapped.err)).toContain('--map engage="Montant HT" : aucune colonne « Montant HT »');
});

test('an .xlsx that is not one of these and not a zip: the same line as before', async () => {
  const dir = tmp('ess-format-');
  const file = join(dir, 'budget.xlsx');
  copyFileSync(writeBytes(dir, 'x.txt', 'pas un classeur'), file);
  expect(plain((await cli('check', file)).err)).toBe(`${file} : ce n'est pas un classeur .xlsx (zip illisible).`);
});
