/**
 * Failures of Excel in the middle of the add-in's work, injected into the emulated Excel's answers
 * to Microsoft's Office.js client (emu.beforeRequest, emu.failNextSync): what the user reads, and
 * what the workbook holds afterwards. Every user cell is unchanged, and the
 * add-in's own sheets (Contrôles, Journal, highlights, Synthèse COPIL) hold either the previous
 * results whole or the new ones whole, never half of each.
 */
import { messages } from '../../../src/core/i18n';
import { OfficeHostError } from '../../../src/hosts/office';
import { emulatorFromPlan, EmulatorError, type ExcelEmulator } from '../../support/excel-emulator';
import { officeJsHost } from '../../helpers/officeJs';
import { AS_OF, errorsPlan, examplePlan, OWN_SHEETS, ownHighlights, planTable, tableValues, userCells } from './fixtures';
import { syncWorkbook } from '../../../src/app/sync';
import { writeCopilSheet } from '../../../src/app/sheets';

const fr = { asOf: AS_OF, lang: 'fr' as const };
const m = messages.fr.office.errors;
const now = () => new Date(2026, 10, 29, 14, 5);
/** The sheets an interrupted write may leave hidden; the next write deletes them. */
const ASIDE = ['SuiviCES-ecriture', 'SuiviCES-synthese-prec'];

/** A workbook full of errors (so there are highlights to replace), every table an Excel table: 2 trips a sync. */
const errorsWorkbook = () => emulatorFromPlan(errorsPlan());

/** The errors workbook with 1 000 more financing lines, each naming an unknown funder: 1 000 more findings. */
function bigErrorsWorkbook(): ExcelEmulator {
  const plan = errorsPlan();
  planTable(plan, 'Financements').rows = Array.from({ length: 1000 }, (_, i) => ['I_1.1', 2014, 'Régoin', 1, 1, 0, `R-${i}`, '']);
  return emulatorFromPlan(plan);
}

/** Calls `before(n)` before every round trip (a request of Office.js reaching the workbook). */
function beforeEachTrip(emu: ExcelEmulator, before: (n: number) => void): void {
  let n = 0;
  emu.beforeRequest = () => before(++n);
}

/**
 * A workbook synced once, with a twin synced the same way without faults (what "the new results
 * whole" looks like). `arm(f)` calls f(n) before the n-th round trip from now on.
 */
async function synced(make: () => ExcelEmulator = errorsWorkbook, options: { payloadBudget?: number } = {}) {
  const emu = make();
  let hook: (n: number) => void = () => undefined;
  beforeEachTrip(emu, (n) => hook(n));
  const host = officeJsHost(emu, { now, ...options });
  await syncWorkbook(host, fr);
  const twin = make();
  const twinHost = officeJsHost(twin, { now, ...options });
  await syncWorkbook(twinHost, fr);
  const arm = (f: (n: number) => void) => {
    let n = 0;
    hook = () => f(++n);
  };
  return { emu, host, twin, twinHost, arm, disarm: () => (hook = () => undefined) };
}

/** Everything of the add-in's that a user can see: its visible sheets' cells and tables, its highlights. */
function addinState(emu: ExcelEmulator) {
  const md = emu.model;
  const own = md.sheets.filter((s) => OWN_SHEETS.includes(s.name) && s.visibility === 'Visible');
  const cells: Record<string, unknown> = {};
  for (const s of own) for (const k of [...s.cells.keys()].sort()) cells[`${s.name}!${k}`] = md.value(s, ...(k.split(':').map(Number) as [number, number]));
  // The Journal's clock (minutes): two runs a few seconds apart may straddle a minute; the time is not what is compared.
  for (const k of Object.keys(cells)) if (/^Journal!\d+:1$/.test(k) && typeof cells[k] === 'string') cells[k] = (cells[k] as string).replace(/\d\d:\d\d$/, 'hh:mm');
  return {
    visibleSheets: md.sheets
      .filter((s) => s.visibility === 'Visible')
      .map((s) => s.name)
      .sort(),
    tables: md.tables
      .filter((t) => own.includes(t.sheet))
      .map((t) => ({ name: t.name, sheet: t.sheet.name, box: t.box, headers: md.headers(t) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    charts: own.flatMap((s) => s.charts.map((c) => `${s.name}: ${c.type} ${c.title} ${c.source}`)),
    cells,
    highlights: ownHighlights(emu)
      .map((c) => `${c.sheet.name}!${c.box.top}:${c.box.left}:${c.box.bottom}:${c.box.right} ${c.fill}`)
      .sort(),
  };
}

async function failureOf(p: Promise<unknown>): Promise<OfficeHostError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(OfficeHostError);
  return e as OfficeHostError;
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the user is typing in a cell (InvalidOperationInCellEditMode)', () => {
  test('refused at the write: the sync waits for the edit to end, tries again, and writes everything once', async () => {
    const { emu, host, twin, twinHost, arm } = await synced();
    const before = userCells(emu);
    const previous = addinState(emu);
    let typing!: () => void;
    const startedTyping = new Promise<void>((r) => (typing = r));
    arm((n) => {
      if (n === 2) {
        emu.enterCellEdit();
        emu.failNextSync('InvalidOperationInCellEditMode');
        typing();
      }
    });
    let done = false;
    const running = syncWorkbook(host, fr).then((o) => ((done = true), o));
    await startedTyping;
    for (let i = 0; i < 5; i++) await tick();
    // While the user types, nothing of the add-in's has moved.
    expect(done).toBe(false);
    expect(addinState(emu)).toEqual(previous);
    emu.exitCellEdit();
    const out = await running;
    await syncWorkbook(twinHost, fr);
    expect(out.roundTrips).toBe(4);
    expect(addinState(emu)).toEqual(addinState(twin));
    expect(tableValues(emu, 'Journal')).toHaveLength(2);
    expect(userCells(emu)).toEqual(before);
  });

  test('refused on both tries: the message says to validate or cancel the cell; the previous results stay whole', async () => {
    const { emu, host, arm } = await synced();
    const before = userCells(emu);
    const previous = addinState(emu);
    arm((n) => n % 2 === 0 && emu.failNextSync('InvalidOperationInCellEditMode'));
    const e = await failureOf(syncWorkbook(host, fr));
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    expect(e.message).toBe(m.cellEdit);
    expect(e.message).toBe('Excel est en train de modifier une cellule\u00a0: validez-la (Entrée) ou annulez (Échap), puis relancez.');
    expect(addinState(emu)).toEqual(previous);
    expect(userCells(emu)).toEqual(before);
  });
});

describe.each([
  ['ItemNotFound', m.notFound],
  ['GeneralException', m.general('GeneralException')],
])('Excel refuses the write with %s', (code, sentence) => {
  test('once, between the read and the write: the sync runs again and writes everything once', async () => {
    const { emu, host, twin, twinHost, arm } = await synced();
    const before = userCells(emu);
    arm((n) => n === 2 && emu.failNextSync(code));
    const out = await syncWorkbook(host, fr);
    await syncWorkbook(twinHost, fr);
    expect(out.roundTrips).toBe(4);
    expect(addinState(emu)).toEqual(addinState(twin));
    expect(tableValues(emu, 'Journal')).toHaveLength(2);
    expect(userCells(emu)).toEqual(before);
  });

  test('on both tries: the message says what to do; the previous results stay whole', async () => {
    const { emu, host, arm } = await synced();
    const before = userCells(emu);
    const previous = addinState(emu);
    arm((n) => n % 2 === 0 && emu.failNextSync(code));
    const e = await failureOf(syncWorkbook(host, fr));
    expect(e.code).toBe(code);
    expect(e.message).toBe(sentence);
    expect(addinState(emu)).toEqual(previous);
    expect(userCells(emu)).toEqual(before);
  });
});

describe('a request over Excel’s size limit at the write (RequestPayloadSizeLimitExceeded)', () => {
  test('Excel refuses a write the add-in took for small enough: smaller blocks, until the whole result is written', async () => {
    const { emu, host, twin, twinHost } = await synced(bigErrorsWorkbook);
    const before = userCells(emu);
    // This Excel takes far less than the 4 MB the add-in plans for.
    emu.payloadLimit = 200_000;
    emu.resetCounters();
    const out = await syncWorkbook(host, fr);
    await syncWorkbook(twinHost, fr);
    expect(out.result.findings.length).toBeGreaterThan(1000);
    expect(tableValues(emu, 'Controles')).toHaveLength(out.result.findings.length);
    expect(out.roundTrips).toBeGreaterThan(3);
    expect(emu.roundTrips).toBe(out.roundTrips);
    expect(addinState(emu)).toEqual(addinState(twin));
    expect(emu.model.sheets.map((s) => s.name).filter((n) => ASIDE.includes(n))).toEqual([]);
    expect(userCells(emu)).toEqual(before);
  });

  test('a write in several requests that stops half-way leaves the previous results whole; the next sync writes everything', async () => {
    const { emu, host, twin, twinHost, arm, disarm } = await synced(bigErrorsWorkbook, { payloadBudget: 100_000 });
    const before = userCells(emu);
    const previous = addinState(emu);
    // The read and the first block go through; everything after is refused.
    arm((n) => n >= 3 && emu.failNextSync('GeneralException'));
    const e = await failureOf(syncWorkbook(host, fr));
    expect(e.message).toBe(m.general('GeneralException'));
    expect(addinState(emu)).toEqual(previous);
    expect(userCells(emu)).toEqual(before);
    // What was staged sits on a hidden sheet, which the next write removes.
    expect(emu.model.sheet('SuiviCES-ecriture')?.visibility).toBe('Hidden');
    disarm();
    await syncWorkbook(host, fr);
    await syncWorkbook(twinHost, fr);
    expect(emu.model.sheet('SuiviCES-ecriture')).toBeUndefined();
    expect(addinState(emu)).toEqual(addinState(twin));
    expect(userCells(emu)).toEqual(before);
  });
});

describe('a coauthor changes the workbook between the read and the write', () => {
  test('deleting a contract table: the sync runs again, and its results say the table is missing', async () => {
    const { emu, host, arm } = await synced();
    const before = userCells(emu);
    const inst = emu.model.table('Instances')!;
    const box = { ...inst.box };
    arm((n) => {
      if (n !== 2) return;
      emu.model.deleteTable(emu.model.table('Instances')!);
      // Excel tells the add-in of the coauthor's change (source Remote), as for any other edit.
      emu.userEdit(`Instances!A${box.top}`, [['']], { source: 'Remote' });
    });
    const out = await syncWorkbook(host, fr);
    // Read, write; read again (and a look at the sheet for a header-shaped range), write again.
    expect(out.roundTrips).toBe(5);
    expect(out.result.findings).toContainEqual(expect.objectContaining({ rule: 'workbook.table-missing', sheet: 'Instances' }));
    expect(tableValues(emu, 'Controles')).toHaveLength(out.result.findings.length);
    // The Journal's last line is the check of the workbook as it now is.
    const journal = tableValues(emu, 'Journal');
    expect(journal[journal.length - 1].slice(2, 4)).toEqual([out.result.summary.errors, out.result.summary.warnings]);
    // Every user cell outside the table the coauthor deleted is as it was.
    const inside = (k: string) => {
      const [sheet, rc] = k.split('!');
      const [r, c] = rc.split(':').map(Number);
      return sheet === 'Instances' && r >= box.top && r <= box.bottom && c >= box.left && c <= box.right;
    };
    const after = userCells(emu);
    for (const k of Object.keys(before).filter((x) => !inside(x))) expect([k, after[k]]).toEqual([k, before[k]]);
  });

  test('deleting a sheet the highlights are on: the write stops half-way, the sync runs again, and everything is written once', async () => {
    const { emu, host, twin, twinHost, arm } = await synced();
    expect(ownHighlights(emu).some((c) => c.sheet.name === 'Participations 2014')).toBe(true);
    arm((n) => n === 2 && emu.model.deleteSheet(emu.model.sheet('Participations 2014')!));
    const out = await syncWorkbook(host, fr);
    expect(out.result.findings).toContainEqual(expect.objectContaining({ rule: 'workbook.table-missing' }));
    twin.model.deleteSheet(twin.model.sheet('Participations 2014')!);
    await syncWorkbook(twinHost, fr);
    expect(addinState(emu)).toEqual(addinState(twin));
    expect(userCells(emu)).toEqual(userCells(twin));
  });
});

describe('writing the Synthèse COPIL sheet', () => {
  /** Charts are added last but one: failing there stops the write with most of the new sheet written. */
  function failChartsOf(emu: ExcelEmulator, times: number): void {
    const id = emu.model.id.bind(emu.model);
    let left = times;
    emu.model.id = (prefix: string) => {
      if (prefix === 'C' && left > 0) {
        left--;
        throw new EmulatorError('GeneralException', 'An internal error has occurred.');
      }
      return id(prefix);
    };
  }

  test('a write that stops half-way, twice: the message says what to do, and the previous sheet is back as it was', async () => {
    const { emu, host } = await synced(() => emulatorFromPlan(examplePlan()));
    await writeCopilSheet(host, fr);
    const before = userCells(emu);
    const previous = addinState(emu);
    expect(previous.charts).toHaveLength(2);
    failChartsOf(emu, 2);
    const e = await failureOf(writeCopilSheet(host, fr));
    expect(e.message).toBe(m.general('GeneralException'));
    expect(addinState(emu)).toEqual(previous);
    expect(emu.model.sheets.map((s) => s.name).filter((n) => ASIDE.includes(n))).toEqual([]);
    expect(emu.model.sheets.filter((s) => s.name === 'Synthèse COPIL')).toHaveLength(1);
    expect(userCells(emu)).toEqual(before);
  });

  test('a write that stops half-way once: tried again, the new sheet is written whole', async () => {
    const { emu, host, twin, twinHost } = await synced(() => emulatorFromPlan(examplePlan()));
    await writeCopilSheet(host, fr);
    await writeCopilSheet(twinHost, fr);
    const before = userCells(emu);
    failChartsOf(emu, 1);
    const out = await writeCopilSheet(host, fr);
    await writeCopilSheet(twinHost, fr);
    expect(out.sheet).toBe('Synthèse COPIL');
    expect(addinState(emu)).toEqual(addinState(twin));
    expect(emu.model.sheet('Synthèse COPIL')!.charts).toHaveLength(2);
    expect(userCells(emu)).toEqual(before);
  });

  test('refused at the write on both tries: the previous sheet is untouched', async () => {
    const { emu, host, arm } = await synced(() => emulatorFromPlan(examplePlan()));
    await writeCopilSheet(host, fr);
    const previous = addinState(emu);
    arm((n) => n % 2 === 0 && emu.failNextSync('ItemNotFound'));
    const e = await failureOf(writeCopilSheet(host, fr));
    expect(e.message).toBe(m.notFound);
    expect(addinState(emu)).toEqual(previous);
  });
});

describe('the task pane listening to edits', () => {
  test.each([
    ['the example', () => emulatorFromPlan(examplePlan())],
    ['a workbook full of errors', errorsWorkbook],
  ])('subscribed to edits, a sync still costs 2 round trips in all, the first and the next: %s', async (_name, make) => {
    const emu = make();
    const host = officeJsHost(emu);
    let calls = 0;
    await host.onUserEdit(() => calls++);
    for (const _ of [1, 2]) {
      emu.resetCounters();
      await syncWorkbook(host, fr);
      for (let i = 0; i < 5; i++) await tick();
      expect(emu.roundTrips).toBe(2);
    }
    expect(calls).toBe(0);
    // A user's edit still calls back, at no round trip.
    emu.resetCounters();
    emu.userEdit('Financements!D5', [[1000]]);
    await new Promise((r) => setTimeout(r, emu.eventDelayMs + 10));
    expect(calls).toBe(1);
    expect(emu.roundTrips).toBe(0);
  });
});
