/**
 * The .xlsx host on the bad inputs of issue 2: each gets a finding naming its cell, or an
 * InputError (a one-line message, exit status 2 in the CLI).
 */
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import type { RuleId } from '../../src/core/findings';
import { InputError, readWorkbookBuffer } from '../../src/hosts/xlsx/workbook';
import { declareSize, entityBomb, exampleWorkbook, toBuffer, zipBomb } from '../helpers/files';
import { AS_OF } from '../helpers/workbook';
import { referencedBomb } from '../hardening/corpus';

async function checkEdited(edit: (wb: ExcelJS.Workbook) => void) {
  const wb = exampleWorkbook();
  edit(wb);
  const { snapshot } = await readWorkbookBuffer(await toBuffer(wb));
  return checkWorkbook(snapshot, { asOf: AS_OF });
}

const ws = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!;

async function expectFinding(edit: (wb: ExcelJS.Workbook) => void, rule: RuleId, sheet: string, cell: string, message?: RegExp) {
  const r = await checkEdited(edit);
  const f = r.findings.find((x) => x.rule === rule && x.sheet === sheet && x.cell === cell);
  expect({ found: !!f, all: f ? [] : r.findings.map((x) => `${x.rule} ${x.sheet}!${x.cell}`) }).toEqual({ found: true, all: [] });
  if (message) expect(f!.message).toMatch(message);
  return r;
}

describe('the streaming reader', () => {
  test('the example read back from its file is clean', async () => {
    const r = await checkEdited(() => undefined);
    expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  describe('bad cell values', () => {
    test('an amount typed as French text', async () => {
      await expectFinding((wb) => (ws(wb, 'Participations 2014').getCell('B5').value = '537 500,00 €'), 'cell.not-a-number', 'Participations 2014', 'B5', /537500/);
    });
    test('an amount in words', async () => {
      await expectFinding((wb) => (ws(wb, 'Convention').getCell('C5').value = 'deux millions'), 'cell.not-a-number', 'Convention', 'C5', /deux millions/);
    });
    test('#REF! and #DIV/0! values', async () => {
      const r = await expectFinding((wb) => (ws(wb, 'Financements').getCell('D5').value = { error: '#REF!' } as ExcelJS.CellErrorValue), 'cell.not-a-number', 'Financements', 'D5', /#REF!/);
      expect(r.summary.errors).toBeGreaterThan(0);
      await expectFinding(
        (wb) => (ws(wb, 'Financements').getCell('E6').value = { formula: 'D6/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue),
        'cell.not-a-number',
        'Financements',
        'E6',
        // The error is named as Excel shows it.
        /#DIV\/0!/,
      );
    });
    test('a formula result with float noise is read at 15 digits and accepted', async () => {
      const r = await checkEdited((wb) => (ws(wb, 'Participations 2014').getCell('B5').value = { formula: '537499.9+0.1', result: 537500.0000000001 } as ExcelJS.CellFormulaValue));
      expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    });
    test('a formula worth 0 is a zero, not a missing result', async () => {
      const r = await checkEdited((wb) => (ws(wb, 'Participations 2014').getCell('D8').value = { formula: 'B8-B8', result: 0 } as ExcelJS.CellFormulaValue));
      expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    });
    test('a formula never calculated', async () => {
      await expectFinding((wb) => (ws(wb, 'Participations 2014').getCell('B5').value = { formula: 'SUM(X1:X2)' } as ExcelJS.CellFormulaValue), 'cell.not-a-number', 'Participations 2014', 'B5', /recalculez/);
    });
    test('negative and sub-cent amounts', async () => {
      await expectFinding((wb) => (ws(wb, 'Financements').getCell('F5').value = -10), 'cell.negative', 'Financements', 'F5');
      await expectFinding((wb) => (ws(wb, 'Financements').getCell('F5').value = 0.001), 'cell.sub-cent', 'Financements', 'F5');
    });
    test('unknown funders and typos', async () => {
      await expectFinding((wb) => (ws(wb, 'Financements').getCell('C5').value = 'Regoin'), 'cell.unknown-funder', 'Financements', 'C5', /Région/);
      await expectFinding((wb) => (ws(wb, 'Participations 2015').getCell('C4').value = 'Etaat'), 'cell.unknown-funder', 'Participations 2015', 'C4', /État/);
    });
    test('years such as 2017 or 14', async () => {
      await expectFinding((wb) => (ws(wb, 'Financements').getCell('B5').value = 2017), 'period.outside', 'Financements', 'B5');
      await expectFinding((wb) => (ws(wb, 'Financements').getCell('B6').value = 14), 'period.outside', 'Financements', 'B6', /2014\u202f\?/);
      await expectFinding((wb) => (ws(wb, 'Financements').getCell('B7').value = 'deux mille quinze'), 'cell.bad-year', 'Financements', 'B7');
    });
    test('a date where an amount belongs', async () => {
      await expectFinding(
        (wb) => {
          const c = ws(wb, 'Financements').getCell('D5');
          c.value = new Date(Date.UTC(2015, 0, 1));
          c.numFmt = 'dd/mm/yyyy';
        },
        'cell.not-a-number',
        'Financements',
        'D5',
        /date/,
      );
    });
  });

  describe('structure', () => {
    test('headers in other case and without accents are matched', async () => {
      const r = await checkEdited((wb) => {
        const s = ws(wb, 'Financements');
        s.getCell('B4').value = 'ANNEE';
        s.getCell('D4').value = 'prevu';
        // ExcelJS keeps the table's column names apart from the cells: rename them the same way.
        const t = s.getTable('Financements') as unknown as { table: { columns: { name: string }[] } };
        t.table.columns[1].name = 'ANNEE';
        t.table.columns[3].name = 'prevu';
      });
      expect(r.summary.errors).toBe(0);
    });
    test('a missing table is named, with how to restore it', async () => {
      await expectFinding((wb) => wb.removeWorksheet(ws(wb, 'Avenants').id), 'workbook.table-missing', 'Avenants', 'A1', /Restaurer/);
    });
    test('data that lost its Excel table is still read, and the table reported missing', async () => {
      const r = await expectFinding(
        (wb) => {
          const s = ws(wb, 'Instances');
          (s as unknown as { removeTable(n: string): void }).removeTable('Instances');
        },
        'workbook.table-missing',
        'Instances',
        'A4:C4',
        /Insertion > Tableau/,
      );
      expect(r.findings.filter((f) => f.rule.startsWith('governance.'))).toEqual([]);
    });
    test('a missing column', async () => {
      await expectFinding(
        (wb) => {
          const s = ws(wb, 'Convention');
          s.getCell('D4').value = 'Etat du montant';
          (s.getTable('Convention') as unknown as { table: { columns: { name: string }[] } }).table.columns[3].name = 'Etat du montant';
        },
        'workbook.column-missing',
        'Convention',
        'A4:I4',
        /Statut/,
      );
    });
    test('merged cells inside a table read as blank, named on the covered cell', async () => {
      await expectFinding((wb) => ws(wb, 'Financements').mergeCells('C5:C6'), 'cell.required', 'Financements', 'C6', /fusionnée/);
    });
    test('an empty row inside a table is skipped without a finding', async () => {
      const r = await checkEdited((wb) => {
        const s = ws(wb, 'Actions');
        for (let c = 1; c <= 6; c++) s.getCell(20, c).value = null;
        // The row held II_3.2, entering 2015: its financing lines now name an unknown action.
      });
      expect(r.findings.every((f) => f.rule === 'action.unknown' || f.rule === 'reporting.missing-bilan' || f.rule.startsWith('allocation'))).toBe(true);
      expect(r.findings.some((f) => f.sheet === 'Actions')).toBe(false);
    });
  });
});

describe('files that cannot be used', () => {
  test('a file that is not an .xlsx', async () => {
    await expect(readWorkbookBuffer(Buffer.from('Financeur;Année\nRégion;2014\n'))).rejects.toMatchObject({ kind: 'not-xlsx' });
  });
  test('a truncated .xlsx', async () => {
    const buf = await toBuffer(exampleWorkbook());
    await expect(readWorkbookBuffer(buf.subarray(0, Math.floor(buf.length / 2)))).rejects.toBeInstanceOf(InputError);
  });
  test('a zip bomb that declares its size (4 GB) is refused before it is inflated', async () => {
    const bomb = declareSize(await zipBomb(1), 'xl/worksheets/sheet1.xml', 0xfffffff0);
    await expect(readWorkbookBuffer(bomb)).rejects.toMatchObject({ kind: 'too-large', detail: expect.stringMatching(/décompressée/) });
  });
  test('a zip bomb that lies about its size is stopped while inflating', async () => {
    // Its worksheet is one the workbook names, so the reader inflates it: the real ratio stops it.
    const liar = declareSize(await referencedBomb(8), 'xl/worksheets/sheet1.xml', 1000);
    await expect(readWorkbookBuffer(liar)).rejects.toMatchObject({ kind: 'too-large', detail: expect.stringMatching(/compression/) });
  });
  test('a lying bomb no relationship names is never inflated', async () => {
    const liar = declareSize(await zipBomb(8), 'xl/worksheets/sheet1.xml', 1000);
    const { snapshot } = await readWorkbookBuffer(liar);
    expect(snapshot).toEqual({ sheets: [], tables: [] });
  });
  test('a high-ratio entry under the size cap is refused as a bomb', async () => {
    await expect(readWorkbookBuffer(await zipBomb(40))).rejects.toMatchObject({ kind: 'too-large', detail: expect.stringMatching(/compression/) });
  });
  test('an XML entity bomb is refused', async () => {
    await expect(readWorkbookBuffer(await entityBomb())).rejects.toMatchObject({ kind: 'corrupt', detail: expect.stringMatching(/DTD/) });
  });
  test('a zip that holds no workbook', async () => {
    const JSZip = (await import('jszip')).default;
    const z = new JSZip();
    z.file('hello.txt', 'bonjour');
    await expect(readWorkbookBuffer(await z.generateAsync({ type: 'nodebuffer' }))).rejects.toMatchObject({ kind: 'not-xlsx' });
  });
});
