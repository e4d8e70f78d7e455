/**
 * The rest of the Office host's contract: first run and initialisation, restoring lost tables,
 * selecting a finding's cell, live re-checks, and what the user reads when Excel refuses.
 */
import { checkWorkbook } from '../../../src/core/check';
import { buildWorkbookPlan } from '../../../src/core/template';
import { snapshotOf, renderPlan } from '../../../src/hosts/xlsx/workbook';
import { OfficeHostError } from '../../../src/hosts/office';
import { emptyEmulator, emulatorFromPlan } from '../../support/excel-emulator';
import { officeJsHost } from '../../helpers/officeJs';
import { AS_OF, errorsEmulator, errorsPlan, examplePlan, tableValues, userCells } from './fixtures';
import { syncWorkbook } from '../../../src/app/sync';
import { writeCopilSheet } from '../../../src/app/sheets';
import { restoreWorkbook } from '../../../src/app/initialize';

const fr = { asOf: AS_OF, lang: 'fr' as const };

describe('first run', () => {
  test('an empty workbook is empty; initialising it builds the same tables as `init`, and checks like it', async () => {
    const emu = emptyEmulator();
    const host = officeJsHost(emu);
    expect(await host.isEmpty()).toBe(true);
    const report = await host.initialize(examplePlan());
    expect(await host.isEmpty()).toBe(false);
    expect(report.skipped).toEqual([]);
    expect(report.created).toHaveLength(11);
    expect(emu.model.tables.map((t) => `${t.sheet.name}/${t.name}`)).toEqual([
      ...renderPlan(examplePlan()).worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables).map((n) => `${ws.name}/${n}`)),
      'Journal/Journal',
    ]);
    expect(tableValues(emu, 'Journal')).toEqual([[expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/), 'Initialisation du classeur', '', '', '']]);
    const out = await syncWorkbook(host, fr);
    const cli = checkWorkbook(snapshotOf(renderPlan(examplePlan())), fr);
    expect(out.result.summary).toEqual(cli.summary);
    expect(out.result.totals).toEqual(cli.totals);
    expect(out.result.summary.errors).toBe(0);
  });

  test('what init writes is typed right: euro and date formats, dropdowns, totals, text kept as text', async () => {
    const emu = emptyEmulator();
    await officeJsHost(emu).initialize(examplePlan());
    const m = emu.model;
    const conv = m.sheet('Convention')!;
    expect(m.cell(conv, 5, 3)?.numberFormat).toBe('#,##0.00\\ "€"');
    expect(m.value(conv, 5, 8)).toBe(2387500);
    expect(m.formula(conv, 5, 9)).toBe('=IF(C5="","",H5-C5)');
    expect(conv.validations.some((v) => JSON.stringify(v.rule).includes('Sous réserve'))).toBe(true);
    const av = m.table('Avenants')!;
    expect(m.cell(av.sheet, 5, 2)?.numberFormat).toBe('dd/mm/yyyy');
    const fin = m.table('Financements')!;
    expect(fin.showTotals).toBe(true);
    expect(m.value(fin.sheet, fin.box.bottom, 1)).toBe('Total');
    // Codes such as "I_1.1" or years typed as text in the plan are not turned into numbers or dates.
    const actions = tableValues(emu, 'Actions');
    expect(actions.every((r) => typeof r[0] === 'string')).toBe(true);
  });

  test('initialising again overwrites nothing: every table is reported as already there', async () => {
    const emu = emulatorFromPlan(errorsPlan());
    const before = userCells(emu);
    const report = await officeJsHost(emu).initialize(examplePlan());
    expect(report.created).toEqual([]);
    expect(report.skipped.every((s) => s.reason === 'exists')).toBe(true);
    expect(userCells(emu)).toEqual(before);
  });

  test('a table whose place holds the user’s data is not created there', async () => {
    const emu = emptyEmulator();
    emu.model.addSheet('Actions');
    emu.userEdit('Actions!B6', [['ma note']]);
    const report = await officeJsHost(emu).initialize(buildWorkbookPlan({ example: false, lang: 'fr' }));
    expect(report.skipped).toEqual([{ table: 'Actions', reason: 'occupied' }]);
    expect(emu.model.value(emu.model.sheet('Actions')!, 6, 2)).toBe('ma note');
    expect(emu.model.table('Actions')).toBeUndefined();
  });
});

describe('restoring missing tables', () => {
  test('a contract table left as a plain range becomes a table again, its values untouched', async () => {
    const emu = errorsEmulator();
    const host = officeJsHost(emu);
    const before = userCells(emu);
    const report = await restoreWorkbook(host, 'fr');
    expect(report.converted).toEqual(['Avenants']);
    expect(emu.model.table('Avenants')?.sheet.name).toBe('Avenants');
    expect(userCells(emu)).toEqual(before);
    const out = await syncWorkbook(host, fr);
    expect(out.result.findings.some((f) => f.rule === 'workbook.table-missing')).toBe(false);
  });

  test('a table gone altogether is recreated, empty, on its sheet', async () => {
    const emu = emulatorFromPlan(examplePlan());
    const inst = emu.model.table('Instances')!;
    emu.model.deleteTable(inst);
    const host = officeJsHost(emu);
    expect((await syncWorkbook(host, fr)).result.findings).toContainEqual(expect.objectContaining({ rule: 'workbook.table-missing', sheet: 'Instances' }));
    const report = await restoreWorkbook(host, 'fr');
    expect(report.created).toEqual(['Instances']);
    expect(tableValues(emu, 'Journal').map((r) => r[1])).toEqual(['Synchronisation (contrôle au 29/11/2026)', 'Restauration des tableaux']);
    expect(emu.model.headers(emu.model.table('Instances')!)).toEqual(['Instance', 'Date', 'Objet']);
    expect((await syncWorkbook(host, fr)).result.findings.some((f) => f.rule === 'workbook.table-missing')).toBe(false);
  });
});

describe('select', () => {
  test("a finding's select activates its sheet and selects its cell", async () => {
    const emu = errorsEmulator();
    const host = officeJsHost(emu);
    const out = await syncWorkbook(host, fr);
    const f = out.result.findings.find((x) => x.sheet === 'Financements' && x.rule === 'cell.unknown-funder')!;
    await host.select(f.sheet, f.cell);
    expect(emu.model.activeSheet?.name).toBe('Financements');
    const sel = await emu.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange().load('address');
      await ctx.sync();
      return r.address;
    });
    expect(sel).toBe('Financements!C5');
    await host.select("Participations 2014", 'B5:B8');
    expect(emu.model.selection && emu.model.address(emu.model.selection.sheet, emu.model.selection.box)).toBe("'Participations 2014'!B5:B8");
  });

  test('a sheet that no longer exists gives a message that says what to do', async () => {
    const host = officeJsHost(emulatorFromPlan(examplePlan()));
    await expect(host.select('Disparue', 'A1')).rejects.toMatchObject({ code: 'ItemNotFound', message: expect.stringContaining('relancez la synchronisation') });
  });
});

describe('live re-check', () => {
  /** Excel delivers change events after the request that made them has been answered. */
  const delivered = (emu: { eventDelayMs: number }) => new Promise((r) => setTimeout(r, emu.eventDelayMs + 10));

  test('a user’s or a coauthor’s edit of a contract table calls back; the add-in’s own writes do not', async () => {
    const emu = emulatorFromPlan(examplePlan());
    const host = officeJsHost(emu);
    let calls = 0;
    const stop = await host.onUserEdit(() => calls++);
    await syncWorkbook(host, fr);
    await syncWorkbook(host, fr);
    await delivered(emu);
    expect(calls).toBe(0);
    emu.userEdit('Financements!D5', [[1000]]);
    // Not at once: Excel's events come later.
    expect(calls).toBe(0);
    await delivered(emu);
    expect(calls).toBe(1);
    emu.userEdit("'Participations 2015'!B6", [[1]], { source: 'Remote' });
    await delivered(emu);
    expect(calls).toBe(2);
    // Typing into the add-in's Contrôles table is not a reason to re-check.
    emu.userEdit('Contrôles!A2', [['x']]);
    await delivered(emu);
    expect(calls).toBe(2);
    stop();
    await delivered(emu);
    emu.userEdit('Financements!D5', [[2000]]);
    await delivered(emu);
    expect(calls).toBe(2);
    expect(emu.handlerCount).toBe(0);
  });

  test('initialising the workbook does not count as a user edit, its events arriving within the grace period', async () => {
    const emu = emptyEmulator();
    emu.eventDelayMs = 40;
    const host = officeJsHost(emu, { ownWriteGraceMs: 200 });
    let calls = 0;
    await host.onUserEdit(() => calls++);
    await host.initialize(examplePlan());
    await delivered(emu);
    expect(calls).toBe(0);
  });

  test('subscribed to edits, writing the Synthèse COPIL sheet costs its 2 round trips: the events of its tables come within the grace period', async () => {
    const emu = emulatorFromPlan(examplePlan());
    emu.eventDelayMs = 20;
    const host = officeJsHost(emu, { ownWriteGraceMs: 300 });
    let calls = 0;
    await host.onUserEdit(() => calls++);
    for (let i = 0; i < 2; i++) {
      emu.resetCounters();
      await writeCopilSheet(host, fr);
      await delivered(emu);
      expect(emu.roundTrips).toBe(2);
    }
    expect(calls).toBe(0);
  });

  test('events of the add-in’s own write that Excel delivers after the grace period are taken for edits (the pane debounces them into one re-check)', async () => {
    const emu = emptyEmulator();
    emu.eventDelayMs = 120;
    const host = officeJsHost(emu, { ownWriteGraceMs: 20 });
    let calls = 0;
    await host.onUserEdit(() => calls++);
    await host.initialize(examplePlan());
    await delivered(emu);
    // Taken for a user's edit: Excel's table events do not say which add-in made a change. The
    // pane debounces these calls into one sync, which writes no user cell.
    expect(calls).toBeGreaterThan(0);
  });
});

describe('when Excel refuses', () => {
  test.each([
    ['InvalidOperationInCellEditMode', 'Entrée'],
    ['RequestPayloadSizeLimitExceeded', 'Excel pour ordinateur'],
    ['ItemNotFound', 'relancez la synchronisation'],
    ['GeneralException', 'GeneralException'],
  ])('%s: the sync fails with a French sentence saying what to do, and nothing is half-written', async (code, words) => {
    const emu = emulatorFromPlan(examplePlan());
    const before = userCells(emu);
    // Each of these is tried a second time (a read over the size limit, in blocks): it takes the
    // second try failing too.
    emu.failNextSync(code);
    emu.failNextSync(code);
    const err = await syncWorkbook(officeJsHost(emu), fr).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OfficeHostError);
    expect(err).toMatchObject({ code, message: expect.stringContaining(words) });
    expect(emu.model.table('Controles')).toBeUndefined();
    expect(userCells(emu)).toEqual(before);
  });

  test('a failure of the write leaves the previous results in place and the user’s cells intact', async () => {
    const emu = errorsEmulator();
    const host = officeJsHost(emu);
    await syncWorkbook(host, fr);
    const controls = tableValues(emu, 'Controles');
    const before = userCells(emu);
    // The read goes through; the write is refused.
    let requests = 0;
    const failing = officeJsHost(emu);
    // Every write (the third request of each try: read, read of the plain range, write) is refused.
    emu.beforeRequest = () => ++requests % 3 === 0 && emu.failNextSync('GeneralException');
    await expect(syncWorkbook(failing, fr)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(tableValues(emu, 'Controles')).toEqual(controls);
    expect(userCells(emu)).toEqual(before);
  });
});

test('readSnapshot reads what the .xlsx host reads from the same workbook (dates as dates, formulas calculated)', async () => {
  const plan = errorsPlan();
  const snap = await officeJsHost(emulatorFromPlan(plan)).readSnapshot();
  const xlsx = snapshotOf(renderPlan(plan));
  expect(snap.sheets).toEqual(xlsx.sheets);
  for (const t of xlsx.tables) {
    const mine = snap.tables.find((x) => x.name === t.name)!;
    expect({ sheet: mine.sheet, headerRow: mine.headerRow, firstColumn: mine.firstColumn, headers: mine.headers }).toEqual({ sheet: t.sheet, headerRow: t.headerRow, firstColumn: t.firstColumn, headers: t.headers });
    t.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const m = mine.rows[r][c];
        if (v !== null && typeof v === 'object' && 'uncalculated' in v) expect(m === null || typeof m === 'number' || typeof m === 'string' || 'error' in (m as object)).toBe(true);
        // Excel holds no empty string: a blank cell reads as nothing in both hosts' terms.
        else expect([t.name, r, c, m]).toEqual([t.name, r, c, v === '' ? null : v]);
      }),
    );
  }
  // The formula 1/0 reads as Excel's error value.
  expect(snap.tables.find((t) => t.name === 'Participations2014')!.rows[2][3]).toEqual({ error: '#DIV/0!' });
});

describe('Synthèse COPIL in the workbook', () => {
  test('the summary sheet gets native tables and charts in 2 round trips; refreshing replaces it; user cells untouched', async () => {
    const emu = emulatorFromPlan(examplePlan());
    const before = userCells(emu);
    const host = officeJsHost(emu);
    emu.resetCounters();
    const out = await writeCopilSheet(host, fr);
    expect(out).toEqual({ sheet: 'Synthèse COPIL', roundTrips: 2 });
    expect(emu.roundTrips).toBe(2);
    const ws = emu.model.sheet('Synthèse COPIL')!;
    expect(ws.charts.map((c) => ({ type: c.type, seriesBy: c.seriesBy, source: c.source.startsWith("'Synthèse COPIL'!") }))).toEqual([
      { type: 'ColumnClustered', seriesBy: 'Columns', source: true },
      { type: 'ColumnClustered', seriesBy: 'Columns', source: true },
    ]);
    expect(ws.charts.every((c) => c.title !== '')).toBe(true);
    expect(ws.pageLayout.orientation).toBe('Landscape');
    const summaryTables = emu.model.tables.filter((t) => t.sheet === ws);
    expect(summaryTables.length).toBeGreaterThan(2);
    // Totals formulas calculate to the amounts the core computed.
    for (const t of summaryTables.filter((x) => x.showTotals)) {
      for (let c = t.box.left + 1; c <= t.box.right; c++) expect(String(emu.model.value(ws, t.box.bottom, c))).not.toMatch(/^#/);
    }
    await writeCopilSheet(host, fr);
    expect(emu.model.sheets.filter((s) => s.name === 'Synthèse COPIL')).toHaveLength(1);
    expect(emu.model.sheet('Synthèse COPIL')!.charts).toHaveLength(2);
    expect(userCells(emu)).toEqual(before);
  });
});
