import { buildWorkbookPlan } from '../../../src/core/template';
import { PREVIEW_MAX_BYTES, PreviewFileError, PreviewHost } from '../../../src/hosts/preview';
import { renderPlan } from '../../../src/hosts/xlsx/workbook';
import { AS_OF } from '../../helpers/workbook';
import { syncWorkbook } from '../../../src/app/sync';

async function xlsx(edit?: (wb: ReturnType<typeof renderPlan>) => void): Promise<ArrayBuffer> {
  const wb = renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
  edit?.(wb);
  const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

test('a new preview is empty; initialising it builds the contract tables, and never overwrites one', async () => {
  const host = new PreviewHost();
  expect(await host.isEmpty()).toBe(true);
  await host.initialize(buildWorkbookPlan({ example: true, lang: 'fr' }));
  expect(await host.isEmpty()).toBe(false);
  const before = JSON.stringify(await host.readSnapshot());
  await host.initialize(buildWorkbookPlan({ example: false, lang: 'fr' }));
  expect(JSON.stringify(await host.readSnapshot())).toBe(before);
  const { result, roundTrips } = await syncWorkbook(host, { asOf: AS_OF, lang: 'fr' });
  expect(result.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  expect(roundTrips).toBe(0);
});

test('an .xlsx the user picks is checked through the same core as the CLI', async () => {
  const host = new PreviewHost();
  await host.openFile('budget.xlsx', await xlsx((wb) => (wb.getWorksheet('Participations 2014')!.getCell('B5').value = 537501)));
  expect(host.getState().source).toEqual({ kind: 'file', name: 'budget.xlsx' });
  const { result } = await syncWorkbook(host, { asOf: AS_OF, lang: 'fr' });
  expect(result.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.sheet, f.cell, f.gap])).toEqual([['convention.total-mismatch', 'Participations 2014', 'B5:B8', '1.00']]);
});

test('select shows the cells around the range pointed to, the whole range marked, formulas as figures', async () => {
  const host = new PreviewHost();
  await host.openFile('budget.xlsx', await xlsx());
  await host.select('Participations 2014', 'B5:B8');
  const grid = host.grid('fr')!;
  expect(grid.columns).toEqual(['A', 'B', 'C', 'D', 'E']);
  // Every row of the range, and one after it.
  expect(grid.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  const sel = grid.rows.flatMap((r) => r.cells).filter((c) => c.selected);
  expect(sel.map((c) => c.address)).toEqual(['B5', 'B6', 'B7', 'B8']);
  expect(sel[0]).toEqual({ address: 'B5', text: '537\u202f500', selected: true });
  expect(grid.value).toBe('537\u202f500');
  expect(grid.rows[1].cells.map((c) => c.text)).toEqual(['Axe', 'Région', 'État', 'CDC', 'Total']);
  // The Total column's SUM, a figure (issue 21: « =SUM(… » was shown, cut).
  expect(grid.rows[2].cells[4].text).toMatch(/^\d[\d\u202f]*$/);
  await expect(host.select('Feuille inconnue', 'A1')).rejects.toThrow();
});

test('files the preview cannot use are refused with a reason, the workbook in memory kept', async () => {
  const host = new PreviewHost();
  await host.openFile('ok.xlsx', await xlsx());
  await expect(host.openFile('notes.xlsx', new TextEncoder().encode('pas un zip').buffer as ArrayBuffer)).rejects.toMatchObject({ kind: 'not-xlsx', file: 'notes.xlsx' });
  await expect(host.openFile('huge.xlsx', new ArrayBuffer(PREVIEW_MAX_BYTES + 1))).rejects.toBeInstanceOf(PreviewFileError);
  expect(host.getState().source.name).toBe('ok.xlsx');
  expect(await host.isEmpty()).toBe(false);
});
