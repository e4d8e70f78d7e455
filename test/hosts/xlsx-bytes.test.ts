/**
 * The pane's reader (hosts/xlsx/bytesRead.ts: the archive in memory, fflate's inflate) against the
 * CLI's (zipNode.ts: yauzl and zlib): on the workbook of every producer trait, the same snapshot;
 * on bombs and damaged files, the same refusal. The browser build itself is tested in
 * test/browser/reader.test.ts.
 */
import { readBookBytes, eachSheetGridBytes } from '../../src/hosts/xlsx/bytesRead';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/workbook';
import { InputError } from '../../src/hosts/xlsx/guard';
import { eachSheetGrid } from '../../src/hosts/xlsx/nodeRead';
import type { SheetGrid } from '../../src/hosts/xlsx/reader';
import { baseLedger, baseWorkbook, traits, withTrait } from '../hardening/traits';
import { declareSize, entityBomb, toBuffer, zipBomb } from '../helpers/files';

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    // yauzl's own words in parentheses (in English) are the one difference allowed.
    (e: unknown) => (e instanceof InputError ? `${e.kind}: ${e.detail.replace(/ \(.*\)$/, '')}` : `not an InputError: ${String(e)}`),
  );

test.each([null, ...traits].map((t) => [t?.name ?? 'tel qu’écrit par ExcelJS', t] as const))('%s: the pane reads the snapshot the CLI reads', async (_name, trait) => {
  const bytes = await withTrait(baseWorkbook(), trait);
  const cli = (await readWorkbookBuffer(bytes)).snapshot;
  const pane = (await readBookBytes(new Uint8Array(bytes))).snapshot;
  expect(pane.tables.length).toBeGreaterThan(8);
  expect(pane).toEqual(cli);
}, 60_000);

test('a ledger: the same sheets, cell for cell', async () => {
  const bytes = await toBuffer(baseLedger());
  const grids = async (each: (use: (s: SheetGrid) => boolean) => Promise<void>) => {
    const out: SheetGrid[] = [];
    await each((s) => {
      out.push(s);
      return false;
    });
    return out;
  };
  const cli = await grids((use) => eachSheetGrid(bytes, use));
  expect(cli.map((s) => s.name)).toEqual(['Notes', 'Export']);
  expect(await grids((use) => eachSheetGridBytes(new Uint8Array(bytes), use))).toEqual(cli);
});

test('the saved date is the one the document properties record', async () => {
  const wb = baseWorkbook();
  wb.modified = new Date(Date.UTC(2016, 5, 30, 12));
  const { savedOn, format } = await readBookBytes(new Uint8Array(await toBuffer(wb)));
  expect({ savedOn, format }).toEqual({ savedOn: '2016-06-30', format: 'xlsx' });
});

test('bombs and damaged files: refused as the CLI refuses them', async () => {
  const cases: Buffer[] = [
    declareSize(await zipBomb(1), 'xl/worksheets/sheet1.xml', 0xfffffff0),
    await zipBomb(40),
    await entityBomb(),
    Buffer.from('ceci n’est pas un classeur'),
    (await toBuffer(baseWorkbook())).subarray(0, 20_000),
  ];
  for (const bytes of cases) {
    const cli = await refusal(readWorkbookBuffer(bytes));
    expect(cli).not.toBeNull();
    expect(await refusal(readBookBytes(new Uint8Array(bytes)))).toBe(cli);
  }
});

test('a directory that misstates a part\'s size (smaller, larger): the part is read for what it holds, as the CLI reads it', async () => {
  const bytes = await toBuffer(baseWorkbook());
  const honest = (await readWorkbookBuffer(bytes)).snapshot;
  for (const size of [10, 1 << 19]) {
    const lying = declareSize(bytes, 'xl/worksheets/sheet1.xml', size);
    const cli = (await readWorkbookBuffer(lying)).snapshot;
    // Both readers inflate a small part in one call: declared too small, it overflows and is streamed; too large, it is cut to what it holds.
    expect(cli).toEqual(honest);
    expect((await readBookBytes(new Uint8Array(lying))).snapshot).toEqual(cli);
  }
  // A highly compressed part declared small: inflated in one call it overflows its buffer, and is read the streaming way.
  const packed = declareSize(await zipBomb(1), 'xl/worksheets/sheet1.xml', 1000);
  const cli = await readWorkbookBuffer(packed).then((r) => r.snapshot, (e: unknown) => String(e));
  expect(await readBookBytes(new Uint8Array(packed)).then((r) => r.snapshot, (e: unknown) => String(e))).toEqual(cli);
});
