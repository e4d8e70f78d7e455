/**
 * The model's lines read the same whether the host kept the table by column (the .xlsx reader) or
 * as arrays of rows (every other host): values, unreadable columns, cell references and findings.
 */
import { analyse } from '../../src/core/check';
import { financingTable } from '../../src/core/contract';
import { linesOf as byColumns, readModel, type FinancingFields, type Lines, type Model, type Row } from '../../src/core/model';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { tableGrid } from '../../src/core/tableGrid';
import { buildWorkbookPlan, type PlanTable, type WorkbookPlan } from '../../src/core/template';
import { readWorkbookBuffer, renderPlan } from '../../src/hosts/xlsx/workbook';
import { toBuffer } from '../helpers/files';
import { AS_OF } from '../helpers/workbook';

function planTable(plan: WorkbookPlan, name: string): PlanTable {
  return plan.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
}

/** The example with financing lines a tired user typed: text amounts, sub-cent and negative ones, errors, blanks, stray spaces. */
function oddPlan(): WorkbookPlan {
  const plan = buildWorkbookPlan({ example: true, lang: 'fr' });
  const fin = planTable(plan, 'Financements');
  const odd: unknown[][] = [
    ['  I_1.1  ', 2014, 'Région', '1 000,00 €', 10.005, -3, ' REF-1 ', '  '],
    ['I_1.2', '2015', 'Etat', 1234.5600000000001, { formula: '1/0' }, null, 12, null],
    ['I_1.1', 2019, 'Régoin', 0, 0, 0, null, 'commentaire'],
    [null, null, null, null, null, null, null, null],
    ['I_2.1', 2016, 'CDC', 1e20, 5, 4, new Date(Date.UTC(2015, 2, 1)), true],
  ];
  fin.rows.splice(2, 0, ...(odd as PlanTable['rows']));
  return plan;
}

/** Every value of every line, by the table's column keys (those its references name). */
function linesOf(model: Model) {
  const line = (r: Row<object>) => ({ index: r.index, v: Object.keys(r.ref).map((k) => [k, (r.v as Record<string, unknown>)[k]]), bad: r.bad ? [...r.bad] : null, ref: r.ref });
  return {
    financing: model.financing.map((r) => line(r as Row<object>)),
    convention: model.convention.map((r) => line(r as Row<object>)),
    actions: model.actions.map((r) => line(r as Row<object>)),
    avenants: model.avenants.map((r) => line(r as Row<object>)),
    instances: model.instances.map((r) => line(r as Row<object>)),
    bilans: model.bilans.map((r) => line(r as Row<object>)),
    participations: model.participations,
  };
}

/** The odd workbook read from its file: tables kept by column. */
async function readOdd(): Promise<WorkbookSnapshot> {
  return (await readWorkbookBuffer(await toBuffer(renderPlan(oddPlan())))).snapshot;
}

test('a table kept by column and the same table as arrays give the same model and the same findings', async () => {
  const snapshot = await readOdd();
  // Reading a table's rows (here by cloning it) turns it into arrays: another read of the file stays by column.
  const arrays: WorkbookSnapshot = structuredClone(await readOdd());
  expect(arrays.tables.every((t) => !tableGrid(t).fixed)).toBe(true);

  const compactOut: unknown[] = [];
  const arraysOut: unknown[] = [];
  const compact = readModel(snapshot, compactOut as never);
  const plain = readModel(arrays, arraysOut as never);
  expect(linesOf(compact)).toEqual(linesOf(plain));
  expect(compactOut).toEqual(arraysOut);
  expect(analyse(snapshot, AS_OF).findings).toEqual(analyse(arrays, AS_OF).findings);
  // The check itself never made arrays of rows.
  expect(snapshot.tables.every((t) => tableGrid(t).fixed)).toBe(true);

  // What a user sees on the odd lines: trimmed texts, cents, and the unreadable columns named.
  const byRef = (ref: string) => compact.financing.find((f) => f.v.reference === ref)!;
  const first = byRef('REF-1');
  expect([first.v.code, first.v.year, first.v.funder, first.v.planned, first.v.committed, first.v.paid, first.v.comment]).toEqual(['I_1.1', 2014, 'region', undefined, undefined, undefined, undefined]);
  expect([...first.bad!]).toEqual(['planned', 'committed', 'paid']);
  const second = compact.financing.find((f) => f.v.code === 'I_1.2' && f.v.reference === '12')!;
  expect([second.v.year, second.v.planned, second.v.committed, second.v.paid]).toEqual([2015, 123456, undefined, undefined]);
  expect(second.ref.committed.cell).toBe(`E${second.index + 5}`);
  // The blank line is no line; the rows after it keep their place in the sheet.
  expect(compact.financing.some((f) => f.v.code === undefined && f.v.year === undefined)).toBe(false);
});

test('a funder, a year or an axis typed the same on several lines is named on each of them, not once', async () => {
  const plan = buildWorkbookPlan({ example: true, lang: 'fr' });
  const fin = planTable(plan, 'Financements');
  const at = fin.rows.length;
  const twice = [
    ['I_1.1', 2019, 'Régoin', 10, 10, 10, 'TWICE-1', null],
    ['I_1.1', 2019, 'Régoin', 10, 10, 10, 'TWICE-2', null],
    ['I_1.1', '2015', 'Région', 10, 10, 10, 'TWICE-3', null],
    ['I_1.1', '2015', 'Région', 10, 10, 10, 'TWICE-4', null],
  ];
  fin.rows.push(...(twice as PlanTable['rows']));
  const snapshot = (await readWorkbookBuffer(await toBuffer(renderPlan(plan)))).snapshot;
  const raw: { rule: string; cell: string }[] = [];
  const model = readModel(snapshot, raw as never);
  const rows = [0, 1, 2, 3].map((k) => model.financing.find((f) => f.v.reference === `TWICE-${k + 1}`)!);
  // The first two: each line's funder and year named (the second line's words are the first's, met again).
  for (const line of rows.slice(0, 2)) {
    expect(raw.filter((f) => f.cell === line.ref.funder.cell).map((f) => f.rule)).toEqual(['cell.unknown-funder']);
    expect(raw.filter((f) => f.cell === line.ref.year.cell).map((f) => f.rule)).toEqual(['period.outside']);
    expect([...line.bad!].sort()).toEqual(['funder', 'year']);
  }
  // The last two: read, both, the same (a year typed as text read as the year).
  for (const line of rows.slice(2)) expect([line.v.year, line.v.funder, line.bad]).toEqual([2015, 'region', undefined]);
  expect(rows.map((l) => l.index)).toEqual([at, at + 1, at + 2, at + 3]);
});

test('checking twice, and checking the other kind of table after, reads the same lines (one shape per table, whatever the model)', async () => {
  const snapshot = await readOdd();
  const once = linesOf(readModel(snapshot, []));
  const arrays = linesOf(readModel(structuredClone(await readOdd()), []));
  expect(linesOf(readModel(snapshot, []))).toEqual(once);
  expect(arrays).toEqual(once);
});

test('the rules read the lines column by column as the rows say them, and a check makes no row of them', async () => {
  const keys = financingTable.columns.map((c) => c.key as keyof FinancingFields);
  const cells = (l: Lines<FinancingFields>) => Array.from({ length: l.length }, (_, i) => keys.map((k) => [k, l.column(k)(i), l.unreadable(k)(i), l.ref(i, k)]));
  for (const snapshot of [await readOdd(), structuredClone(await readOdd())]) {
    const model = readModel(snapshot, []);
    // Before the rows are made: from the lines as read (a blank line skipped among them).
    const read = cells(byColumns(model, 'financing'));
    const rows = model.financing;
    expect(rows.map((r) => keys.map((k) => [k, r.v[k], r.bad?.has(k) ?? false, r.ref[k]]))).toEqual(read);
    // Made once, then read from them (a caller may edit them).
    expect(model.financing).toBe(rows);
    expect(cells(byColumns(model, 'financing'))).toEqual(read);
    rows.pop();
    expect(byColumns(model, 'financing').length).toBe(read.length - 1);
  }
  const analysis = analyse(await readOdd(), AS_OF);
  expect(Object.getOwnPropertyDescriptor(analysis.model, 'financing')?.get).toBeDefined();
  expect(byColumns(readModel(await readOdd(), []), 'financing').length).toBe(analysis.model.financing.length);
});
