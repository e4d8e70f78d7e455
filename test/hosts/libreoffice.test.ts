/**
 * An independent check of the files `init` writes: LibreOffice opens and recalculates the workbook
 * (headless conversion), and its own formulas must show the totals and gaps the engine computes.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/workbook';
import { exampleWorkbook, tmp, toBuffer, writeWorkbook } from '../helpers/files';
import { AS_OF } from '../helpers/workbook';
import { needs } from '../helpers/tools';

const test = needs('soffice');

function recalculateWithLibreOffice(file: string, outDir: string): string {
  // A profile of its own, so that parallel runs do not share LibreOffice's lock.
  execFileSync('soffice', [`-env:UserInstallation=file://${outDir}/profile`, '--headless', '--calc', '--convert-to', 'xlsx', '--outdir', join(outDir, 'lo'), file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return join(outDir, 'lo', file.split('/').pop()!);
}

const euros = (c: ExcelJS.Cell) => {
  const m = c.model as unknown as { result?: number };
  return m.result === undefined ? null : Math.round(m.result * 100);
};

test('LibreOffice recalculates the Convention sheet to the engine’s participations and gaps', async () => {
  const dir = tmp('ess-lo-');
  const wb = exampleWorkbook();
  // Two gaps to find: +1 € for Région 2014, -250,50 € for CDC 2016.
  const p14 = wb.getWorksheet('Participations 2014')!.getCell('B5');
  p14.value = (p14.value as number) + 1;
  const p16 = wb.getWorksheet('Participations 2016')!.getCell('D7');
  p16.value = (p16.value as number) - 250.5;
  const file = await writeWorkbook(wb, dir, 'controle.xlsx');

  const engine = checkWorkbook((await readWorkbookBuffer(await toBuffer(wb))).snapshot, { asOf: AS_OF });
  const recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.readFile(recalculateWithLibreOffice(file, dir));
  const conv = recalculated.getWorksheet('Convention')!;

  const seen: string[] = [];
  for (let r = 5; r <= 13; r++) {
    const funder = conv.getCell(r, 1).value as string;
    const year = conv.getCell(r, 2).value as number;
    const t = engine.totals.find((x) => x.funder === funder && x.year === year)!;
    expect(euros(conv.getCell(r, 8))).toBe(Math.round(Number(t.participations) * 100));
    expect(euros(conv.getCell(r, 9))).toBe(Math.round(Number(t.gap) * 100));
    if (t.gap !== '0.00') seen.push(`${funder} ${year} ${t.gap}`);
  }
  expect(seen).toEqual(['Région 2014 1.00', 'CDC 2016 -250.50']);
  // The totals row of each participation table (structured references) also recalculates.
  const total = recalculated.getWorksheet('Participations 2014')!.getCell('B9');
  expect(euros(total)).toBe(238750100);
}, 180_000);
