/** Ledger files: encodings, separators, XLSX, size cap and bad files, as the CLI reads them. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EXAMPLE_LEDGER_HEADERS, exampleLedgerCsv, exampleLedgerRows } from '../../../src/core/reconcile/example';
import { ledgerProblemMessage, type LedgerParseResult, type LedgerParsed } from '../../../src/core/reconcile/ledger';
import { decodeLedgerBytes, detectDelimiter, parseLedgerBytes } from '../../../src/hosts/ledger/csv';
import { readLedgerFile } from '../../../src/hosts/ledger/file';
import { InputError } from '../../../src/hosts/xlsx/guard';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

function ok(r: LedgerParseResult): LedgerParsed {
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r;
}

const SAMPLE = 'Référence;Code action;Exercice;Financeur;Bénéficiaire;Montant engagé;Montant mandaté\r\nEX-1;I_1.2;2014;CDC;Coopérative Éole;1 234,56;-10,00\r\n';

/** An .xlsx ledger written by ExcelJS, as an export from a finance system would be. */
async function xlsxLedger(name: string, rows: ExcelJS.CellValue[][], sheet = 'Export'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 'Export du grand livre';
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  const p = join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

describe('CSV encodings and separators', () => {
  test('UTF-8 with BOM, UTF-8 without, and Windows-1252 read the same accents', () => {
    const utf8 = Buffer.from(SAMPLE, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const cp1252 = iconv.encode(SAMPLE, 'windows-1252');
    expect(cp1252.includes(0xe9)).toBe(true);
    const results = [bom, utf8, cp1252].map((b) => parseLedgerBytes(new Uint8Array(b), { sheet: 'r.csv' }));
    expect(results.map((r) => r.encoding)).toEqual(['utf-8', 'utf-8', 'windows-1252']);
    for (const r of results) {
      const p = ok(r);
      expect(p.columns.beneficiary).toBe('Bénéficiaire');
      expect(p.lines[0]).toMatchObject({ reference: 'EX-1', beneficiary: 'Coopérative Éole', committed: 123456, paid: -1000 });
    }
  });

  test('strict UTF-8 decoding decides the encoding', () => {
    expect(decodeLedgerBytes(new Uint8Array([0x63, 0x61, 0x66, 0xc3, 0xa9]))).toEqual({ text: 'café', encoding: 'utf-8' });
    expect(decodeLedgerBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ text: 'café', encoding: 'windows-1252' });
  });

  test('"," separator with decimal points and quoted thousands', () => {
    const text = 'Reference,Action code,Year,Funder,Committed,Paid\n"EX-1",I_1.2,2014,CDC,"1,234.50",1000\n';
    expect(detectDelimiter(text)).toBe(',');
    const r = ok(parseLedgerBytes(new Uint8Array(Buffer.from(text)), { sheet: 'r.csv' }));
    expect(r.lines[0]).toMatchObject({ committed: 123450, paid: 100000, ref: { cell: 'ligne 2' } });
  });

  test('a ";" file whose amounts hold commas is still read as ";"', () => {
    expect(detectDelimiter('Référence;Montant engagé\nA;1,00\nB;2,50\n')).toBe(';');
  });

  test('a quoted label over two lines keeps the file’s line numbers', () => {
    const text = 'Référence;Libellé;Montant engagé\nA;"deux\nlignes";1,00\nB;x;abc\n';
    const r = ok(parseLedgerBytes(new Uint8Array(Buffer.from(text)), { sheet: 'r.csv' }));
    expect(r.findings.map((f) => f.cell)).toEqual(['ligne 4']);
  });
});

describe('ledger files', () => {
  test('the committed example is what the generator writes', () => {
    expect(readFileSync(join(__dirname, '../../../examples/grand-livre-cdc.csv'), 'utf8')).toBe(exampleLedgerCsv());
  });

  test('the example CSV reads as French: ";", decimal comma, U+00A0 thousands, negative cancellation', async () => {
    const r = await readLedgerFile(join(__dirname, '../../../examples/grand-livre-cdc.csv'));
    const p = ok(r);
    expect([r.format, r.encoding, r.delimiter, p.sheet]).toEqual(['csv', 'utf-8', ';', 'grand-livre-cdc.csv']);
    expect(p.lines).toHaveLength(exampleLedgerRows().length);
    expect(p.lines.some((l) => l.committed! < 0)).toBe(true);
    expect(p.findings).toEqual([]);
  });

  test('an XLSX ledger: the first sheet that reads as a ledger, cells named by address', async () => {
    const rows = exampleLedgerRows().map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] === null ? null : r[7] / 100, r[8] === null ? null : r[8] / 100]);
    const p = await xlsxLedger('grand-livre.xlsx', [EXAMPLE_LEDGER_HEADERS, ...rows]);
    const r = await readLedgerFile(p);
    const led = ok(r);
    expect([r.format, led.sheet, led.lines.length]).toEqual(['xlsx', 'Export', rows.length]);
    expect(led.lines[0]).toMatchObject({ reference: 'EX-2014-CDC-033', committed: 3750000, ref: { sheet: 'Export', cell: 'A2' } });
  });

  test('an XLSX ledger with text and blank amounts: findings on their cells', async () => {
    const p = await xlsxLedger('bad.xlsx', [
      ['Référence', 'Code action', 'Année', 'Financeur', 'Montant engagé'],
      ['A-1', 'I_1.2', 2014, 'CDC', 'à voir'],
      ['A-2', 'I_1.2', 2014, 'CDC', null],
      ['A-3', 'I_1.2', 2014, 'CDC', 12.5],
    ]);
    const led = ok(await readLedgerFile(p));
    expect(led.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['cell.not-a-number', 'Export', 'E2'],
      ['cell.required', 'Export', 'E3'],
    ]);
    expect(led.lines.map((l) => l.committed)).toEqual([1250]);
  });

  test('an XLSX ledger without a recognisable header says which headers it saw', async () => {
    const p = await xlsxLedger('noheader.xlsx', [['Compte', 'Débit', 'Crédit'], ['512', 10, 0]]);
    const r = await readLedgerFile(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(ledgerProblemMessage('noheader.xlsx', r.problem)).toMatch(/^noheader\.xlsx\u00a0: aucune ligne d’en-têtes reconnue .*«\u00a0Compte\u00a0», «\u00a0Débit\u00a0», «\u00a0Crédit\u00a0».*--map/);
  });

  test('XLSX: an empty workbook, a header without lines, a 200 MB file', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Feuil1');
    const p = join(dir, 'vide.xlsx');
    await empty.xlsx.writeFile(p);
    expect(await readLedgerFile(p)).toMatchObject({ ok: false, problem: { kind: 'empty' }, format: 'xlsx' });
    expect(await readLedgerFile(await xlsxLedger('entete.xlsx', [['Référence', 'Montant engagé']]))).toMatchObject({ ok: false, problem: { kind: 'no-lines' } });
    const big = file('enorme.xlsx', '');
    truncateSync(big, 200 * 1024 * 1024);
    expect(await readLedgerFile(big)).toMatchObject({ ok: false, problem: { kind: 'too-large' } });
  });

  test('a 200 MB file is refused before it is read', async () => {
    const p = file('enorme.csv', '');
    truncateSync(p, 200 * 1024 * 1024); // sparse: no disk used, the size is what is judged
    const r = await readLedgerFile(p);
    expect(r).toMatchObject({ ok: false, problem: { kind: 'too-large', bytes: 200 * 1024 * 1024 } });
    if (!r.ok) expect(ledgerProblemMessage('enorme.csv', r.problem)).toBe('enorme.csv\u00a0: relevé refusé, 200\u00a0Mo au-delà de la limite de 100\u00a0Mo\u202f; exportez une période ou un financeur à la fois.');
  });

  test('empty files, binary files and missing files', async () => {
    expect(await readLedgerFile(file('vide.csv', ''))).toMatchObject({ ok: false, problem: { kind: 'empty' } });
    expect(await readLedgerFile(file('blanc.csv', '\ufeff \r\n;;\r\n'))).toMatchObject({ ok: false, problem: { kind: 'empty' } });
    expect(await readLedgerFile(file('vieux.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])))).toMatchObject({ ok: false, problem: { kind: 'unsupported' } });
    expect(await readLedgerFile(file('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])))).toMatchObject({ ok: false, problem: { kind: 'unsupported' } });
    await expect(readLedgerFile(join(dir, 'absent.csv'))).rejects.toEqual(new InputError('missing', 'fichier introuvable'));
  });

  test('a truncated XLSX is an InputError, not a crash', async () => {
    const p = await xlsxLedger('ok.xlsx', [['Référence', 'Montant engagé'], ['A', 1]]);
    const cut = file('tronque.xlsx', readFileSync(p).subarray(0, 300));
    await expect(readLedgerFile(cut)).rejects.toBeInstanceOf(InputError);
  });
});
