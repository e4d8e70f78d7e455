/**
 * The emulated Excel must hold the add-in to Office.js's rules, or the Office host's tests prove
 * nothing: these are the rules, one by one.
 */
import { buildWorkbookPlan } from '../../src/core/template';
import { renderPlan } from '../../src/hosts/xlsx/workbook';
import { emptyEmulator, emulatorFromPlan, emulatorFromSnapshot, ExcelEmulator, type RequestContext } from './excel-emulator';
import { emulatorFromExcelJS } from './excel-emulator/exceljs';

const run = <T>(emu: ExcelEmulator, f: (ctx: RequestContext) => Promise<T>) => emu.run(f);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

async function rejectionCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('load and sync', () => {
  test('reading a property before load + sync throws PropertyNotLoaded, as Office.js does', async () => {
    const emu = emptyEmulator();
    await run(emu, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Feuil1').getRange('A1:B2');
      expect(codeOf(() => r.values)).toBe('PropertyNotLoaded');
      r.load('values');
      // Queued, not yet answered.
      expect(codeOf(() => r.values)).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(r.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      // Only what was loaded is readable.
      expect(codeOf(() => r.address)).toBe('PropertyNotLoaded');
      const sheets = ctx.workbook.worksheets;
      expect(codeOf(() => sheets.items)).toBe('PropertyNotLoaded');
    });
  });

  test('load() without arguments (or "*") is refused: name the properties', async () => {
    const emu = emptyEmulator();
    await run(emu, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Feuil1').getRange('A1');
      expect(codeOf(() => r.load())).toBe('LoadWithoutArguments');
      expect(codeOf(() => r.load('*'))).toBe('LoadWithoutArguments');
      expect(codeOf(() => r.load({ $all: true }))).toBe('LoadWithoutArguments');
    });
  });

  test('writes are queued and applied at sync, each sync with work counted as a round trip', async () => {
    const emu = emptyEmulator();
    await run(emu, async (ctx) => {
      const s = emu.model.sheets[0];
      ctx.workbook.worksheets.getItem('Feuil1').getRange('A1:B1').values = [[1, 'deux']];
      expect(emu.model.value(s, 1, 1)).toBe('');
      expect(emu.roundTrips).toBe(0);
      await ctx.sync();
      expect(emu.model.value(s, 1, 1)).toBe(1);
      expect(emu.model.value(s, 1, 2)).toBe('deux');
      expect(emu.roundTrips).toBe(1);
      await ctx.sync(); // nothing queued: no trip to Excel
      expect(emu.roundTrips).toBe(1);
      expect(emu.syncCalls).toBe(2);
    });
  });

  test('Excel.run syncs what the batch left queued', async () => {
    const emu = emptyEmulator();
    await run(emu, async (ctx) => {
      ctx.workbook.worksheets.getItem('Feuil1').getRange('C3').values = [[7]];
    });
    expect(emu.model.value(emu.model.sheets[0], 3, 3)).toBe(7);
    expect(emu.roundTrips).toBe(1);
  });

  test('a range of the wrong size is refused', async () => {
    const emu = emptyEmulator();
    const code = await rejectionCode(
      run(emu, async (ctx) => {
        ctx.workbook.worksheets.getItem('Feuil1').getRange('A1:B2').values = [[1, 2, 3]];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });
});

describe('null objects and missing items', () => {
  test('getItemOrNullObject answers isNullObject after sync; children of a null object are null too', async () => {
    const emu = emptyEmulator();
    await run(emu, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Absente');
      const present = ctx.workbook.worksheets.getItemOrNullObject('Feuil1');
      const table = ctx.workbook.tables.getItemOrNullObject('Convention');
      const body = table.getDataBodyRange().load('values');
      expect(codeOf(() => missing.isNullObject)).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(table.isNullObject).toBe(true);
      expect(body.isNullObject).toBe(true);
    });
  });

  test('getItem on a missing sheet fails the sync with ItemNotFound; requests before it stay applied', async () => {
    const emu = emptyEmulator();
    const code = await rejectionCode(
      run(emu, async (ctx) => {
        ctx.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [['avant']];
        ctx.workbook.worksheets.getItem('Absente').getRange('A1').values = [['x']];
        ctx.workbook.worksheets.getItem('Feuil1').getRange('A2').values = [['après']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
    const s = emu.model.sheets[0];
    expect(emu.model.value(s, 1, 1)).toBe('avant');
    expect(emu.model.value(s, 2, 1)).toBe('');
  });
});

describe('what Excel makes of written values', () => {
  test('a string starting with = becomes a formula; an apostrophe keeps text as text; numeric text becomes a number', async () => {
    const emu = emptyEmulator();
    const out = await run(emu, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Feuil1');
      ws.getRange('A1:A2').values = [[2], [3]];
      ws.getRange('B1:B7').values = [['=A1+A2'], ["'=A1+A2"], ['+A1'], ['-x'], ['2014'], ["'2014"], ['@SUM(A1:A2)']];
      const r = ws.getRange('B1:B7').load('values,formulas,valueTypes');
      await ctx.sync();
      return r;
    });
    expect(out.formulas.map((r) => r[0])).toEqual(['=A1+A2', '=A1+A2', '=+A1', '=-x', 2014, '2014', '=SUM(A1:A2)']);
    expect(out.values.map((r) => r[0])).toEqual([5, '=A1+A2', 2, '#NAME?', 2014, '2014', 5]);
    expect(out.valueTypes.map((r) => r[0])).toEqual(['Double', 'String', 'Double', 'Error', 'Double', 'String', 'Double']);
  });

  test('a French date or a percentage typed as text becomes a number, unless an apostrophe keeps it text', async () => {
    const emu = emptyEmulator();
    const out = await run(emu, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Feuil1').getRange('A1:A4');
      r.values = [['31/12/2015'], ["'31/12/2015"], ['29/11/2026 14:05'], ['12%']];
      r.load('values,numberFormat');
      await ctx.sync();
      return r;
    });
    expect(out.values.map((x) => x[0])).toEqual([42369, '31/12/2015', 46355 + (14 * 60 + 5) / 1440, 0.12]);
    expect(out.numberFormat[0][0]).toBe('dd/mm/yyyy');
  });

  test('formulas of the workbook plan calculate: SUM over another sheet, IF, SUBTOTAL over a table column', async () => {
    const emu = emulatorFromPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
    const out = await run(emu, async (ctx) => {
      const conv = ctx.workbook.worksheets.getItem('Convention').getRange('H5:I5').load('values');
      const total = ctx.workbook.tables.getItem('Participations2014').getTotalRowRange().load('values');
      await ctx.sync();
      return { conv: conv.values, total: total.values };
    });
    // Région 2014: the participations add up to the convention amount, so the gap is 0.
    expect(out.conv).toEqual([[2387500, 0]]);
    expect(out.total[0][0]).toBe('Total');
    expect(out.total[0][1]).toBe(2387500);
  });
});

describe('sheets, tables, ranges', () => {
  test('addresses name the sheet as Excel does, quoted when needed', async () => {
    const emu = emulatorFromPlan(buildWorkbookPlan({ example: false, lang: 'fr' }));
    const [a, b] = await run(emu, async (ctx) => {
      const a = ctx.workbook.worksheets.getItem('Participations 2014').getRange('a1:c3').load('address');
      const b = ctx.workbook.tables.getItem('Convention').getHeaderRowRange().load('address');
      await ctx.sync();
      return [a.address, b.address];
    });
    expect(a).toBe("'Participations 2014'!A1:C3");
    expect(b).toBe('Convention!A4:I4');
  });

  test('worksheets add, activate, delete; tables add, name, rows.add pushes the cells below down', async () => {
    const emu = emptyEmulator();
    await run(emu, async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Feuil2');
      ws.getRange('A1:B2').values = [
        ['Nom', 'Montant'],
        ['a', 1],
      ];
      ws.getRange('A4').values = [['sous le tableau']];
      const t = ws.tables.add('Feuil2!A1:B2', true);
      t.name = 'Essai';
      t.rows.add(undefined, [['b', 2]]);
      ws.activate();
      const body = t.getDataBodyRange().load('values,address');
      const perSheet = ws.tables.load('items/name');
      const all = ctx.workbook.tables.load('items/name');
      await ctx.sync();
      expect(body.values).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
      expect(body.address).toBe('Feuil2!A2:B3');
      expect(perSheet.items.map((x) => x.name)).toEqual(['Essai']);
      expect(all.items.map((x) => x.name)).toEqual(['Essai']);
      ctx.workbook.worksheets.getItem('Feuil1').delete();
      await ctx.sync();
    });
    const s = emu.model.sheet('Feuil2')!;
    expect(emu.model.value(s, 5, 1)).toBe('sous le tableau');
    expect(emu.model.activeSheet?.name).toBe('Feuil2');
    expect(emu.model.sheet('Feuil1')).toBeUndefined();
  });

  test('a table cannot overlap another, and two tables cannot share a name', async () => {
    const emu = emulatorFromPlan(buildWorkbookPlan({ example: false, lang: 'fr' }));
    expect(
      await rejectionCode(
        run(emu, async (ctx) => {
          ctx.workbook.worksheets.getItem('Convention').tables.add('B3:C6', true);
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidOperation');
    expect(
      await rejectionCode(
        run(emu, async (ctx) => {
          ctx.workbook.worksheets.getItem('Convention').tables.add('A30:B31', true).name = 'Actions';
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });

  test('select and getSelectedRange; conditional formats; data validation; charts', async () => {
    const emu = emulatorFromPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
    await run(emu, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Actions');
      ws.activate();
      ws.getRange('B7').select();
      const cf = ws.getRange('C5:C6').conditionalFormats.add('Custom' as Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = '#FFC7CE';
      const sel = ctx.workbook.getSelectedRange().load('address');
      const cfs = ws.getRange().conditionalFormats.load('items/type,items/custom/rule/formula');
      const dv = ws.getRange('B5').dataValidation.load('type,rule');
      const chart = ctx.workbook.worksheets.getItem('Financements').charts.add('ColumnClustered', ctx.workbook.worksheets.getItem('Financements').getRange('C4:F10'), 'Columns');
      chart.title.text = 'Exécution';
      await ctx.sync();
      expect(sel.address).toBe('Actions!B7');
      expect(cfs.items.map((c) => c.custom.rule.formula)).toEqual(['=TRUE']);
      expect(dv.type).toBe('List');
      ws.getRange('C5').conditionalFormats.clearAll();
      await ctx.sync();
    });
    expect(emu.model.conditionalFormats.filter((c) => c.sheet.name === 'Actions')).toHaveLength(0);
    // The init's own rule on the Convention sheet is still there.
    expect(emu.model.conditionalFormats.filter((c) => c.sheet.name === 'Convention')).toHaveLength(1);
    expect(emu.model.sheet('Financements')!.charts[0]).toMatchObject({ type: 'ColumnClustered', source: 'Financements!C4:F10', seriesBy: 'Columns', title: 'Exécution' });
  });
});

describe('events', () => {
  test('onChanged reports a user edit and a coauthor edit (source Remote) with the table and address', async () => {
    const emu = emulatorFromPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
    const seen: { source: string; address: string; tableId: string }[] = [];
    const sheetSeen: string[] = [];
    await run(emu, async (ctx) => {
      ctx.workbook.tables.getItem('Financements').onChanged.add(async (e: Excel.TableChangedEventArgs) => {
        seen.push({ source: e.source, address: e.address, tableId: e.tableId });
      });
      ctx.workbook.worksheets.getItem('Actions').onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
        sheetSeen.push(e.address);
      });
      await ctx.sync();
    });
    emu.userEdit('Financements!D5', [[1234]]);
    emu.userEdit('Financements!E6', [[10]], { source: 'Remote' });
    emu.userEdit('Actions!Z99', [['hors tableau']]);
    // Delivered as Excel does, after the edit, not inside it.
    expect(seen).toEqual([]);
    await new Promise((r) => setTimeout(r, emu.eventDelayMs + 10));
    const id = emu.model.table('Financements')!.id;
    expect(seen).toEqual([
      { source: 'Local', address: 'D5', tableId: id },
      { source: 'Remote', address: 'E6', tableId: id },
    ]);
    expect(sheetSeen).toEqual(['Z99']);
  });
});

describe('faults', () => {
  test.each(['InvalidOperationInCellEditMode', 'RequestPayloadSizeLimitExceeded', 'ItemNotFound', 'GeneralException'])('failNextSync(%s) fails the next sync with that code and applies nothing', async (code) => {
    const emu = emptyEmulator();
    emu.failNextSync(code);
    const err = await run(emu, async (ctx) => {
      ctx.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [[1]];
      try {
        await ctx.sync();
      } catch (e) {
        return e as { code: string; name: string; debugInfo: { code: string } };
      }
      return null;
    });
    expect(err).toMatchObject({ code, name: 'RichApi.Error', debugInfo: { code } });
    expect(emu.model.value(emu.model.sheets[0], 1, 1)).toBe('');
  });

  test('a request over the payload limit is refused', async () => {
    const emu = emptyEmulator();
    emu.payloadLimit = 10_000;
    const code = await rejectionCode(
      run(emu, async (ctx) => {
        ctx.workbook.worksheets.getItem('Feuil1').getRange('A1:A1000').values = Array.from({ length: 1000 }, () => ['une ligne de texte assez longue']);
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
  });

  test('while the user edits a cell, a batch fails, unless it asked for delayForCellEdit: then it waits', async () => {
    const emu = emptyEmulator();
    emu.enterCellEdit();
    expect(await rejectionCode(run(emu, async (ctx) => void (ctx.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [[1]])))).toBe('InvalidOperationInCellEditMode');
    let done = false;
    const p = emu
      .run({ delayForCellEdit: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [[2]];
        await ctx.sync();
      })
      .then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    emu.exitCellEdit();
    await p;
    expect(emu.model.value(emu.model.sheets[0], 1, 1)).toBe(2);
  });
});

test('an ExcelJS workbook (what `ess-budget init` writes) loads with its tables and formulas', async () => {
  const emu = emulatorFromExcelJS(renderPlan(buildWorkbookPlan({ example: true, lang: 'fr' })));
  const out = await run(emu, async (ctx) => {
    const t = ctx.workbook.tables.load('items/name');
    const h = ctx.workbook.worksheets.getItem('Convention').getRange('H5:I5').load('values');
    await ctx.sync();
    return { names: t.items.map((x) => x.name), h: h.values };
  });
  expect(out.names).toEqual(expect.arrayContaining(['Convention', 'Participations2014', 'Financements', 'Jalons']));
  expect(out.h).toEqual([[2387500, 0]]);
});

test('format.fill.color, table columns and a workbook built from a snapshot', async () => {
  const emu = emulatorFromSnapshot({
    sheets: ['Feuil1'],
    tables: [{ name: 'Essai', sheet: 'Feuil1', headerRow: 2, firstColumn: 2, headers: ['Nom', 'Date', 'Formule'], rows: [['=pas une formule', new Date(Date.UTC(2015, 11, 31)), { uncalculated: '=1+1' }]], isTable: true }],
  });
  const out = await run(emu, async (ctx) => {
    const t = ctx.workbook.tables.getItem('Essai');
    const cols = t.columns.load('items/name');
    const body = t.getDataBodyRange().load('values,valueTypes,numberFormat,address');
    ctx.workbook.worksheets.getItem('Feuil1').getRange('B3').format.fill.color = '#FFFF00';
    const fill = ctx.workbook.worksheets.getItem('Feuil1').getRange('B3').format.fill.load('color');
    const col = t.columns.getItem('Date').getDataBodyRange().load('address');
    await ctx.sync();
    return { cols: cols.items.map((c) => c.name), body, fill: fill.color, col: col.address };
  });
  expect(out.cols).toEqual(['Nom', 'Date', 'Formule']);
  // Text loaded from a file stays text, even when it starts with "=".
  expect(out.body.values).toEqual([['=pas une formule', 42369, 2]]);
  expect(out.body.numberFormat[0][1]).toBe('dd/mm/yyyy');
  expect(out.body.address).toBe('Feuil1!B3:D3');
  expect(out.fill).toBe('#FFFF00');
  expect(out.col).toBe('Feuil1!C3');
});

test('the emulator and the Office host bundle for a browser page (no Node module in reach)', async () => {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: ['test/support/excel-emulator/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
  expect(out.errors).toEqual([]);
  const code = out.outputFiles[0].text;
  expect(code).not.toMatch(/require\(["'](fs|path|crypto|os|child_process)["']\)/);
  expect(code).not.toMatch(/exceljs/i);
});
