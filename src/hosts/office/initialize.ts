/**
 * `init` inside Excel: the plan's sheets (core/sheets/init.ts) drawn by the Office.js renderer,
 * table by table. A table that already exists is never touched, and a table is only placed where
 * every cell it would cover is blank and outside any table: a user's value is never overwritten.
 * A sheet the add-in creates gets its title, note, widths, frozen header and print set-up.
 */
import { parseRange, splitQualified, type Box } from '../../core/cells';
import { journalTable, type Lang } from '../../core/contract';
import { initSheets } from '../../core/sheets/init';
import type { SheetPlan } from '../../core/sheets/types';
import type { WorkbookPlan } from '../../core/template';
import type { InitializeReport } from '../host';
import type { ExcelFeatures } from './features';
import { queueConditionalFormats, queueSheetSettings, queueTable, queueValidations, tableAddress } from './renderPlan';
import { journalPlace, queueJournalLine, type Row } from './write';

export interface InitializeOptions {
  lang: Lang;
  features: ExcelFeatures;
  /** The Journal's line (stamp, action) when something was written. */
  journalLine: Row;
  /** Only these tables (restore). */
  only?: Set<string>;
  /** Tables already put back before (restore): the Journal says so even if nothing else is written. */
  alreadyDone?: number;
}

function boxOf(address: string): { sheet: string } & Box {
  const { sheet, local } = splitQualified(address);
  return { sheet, ...parseRange(local)! };
}

/** Two round trips (what is there; the writes), the Journal's table id on return. */
export async function renderInitPlan(ctx: Excel.RequestContext, plan: WorkbookPlan, o: InitializeOptions): Promise<{ report: InitializeReport; journal: Excel.Table | null }> {
  const report: InitializeReport = { created: [], skipped: [], sheetsAdded: [], withoutValidation: [] };
  const sheetPlans: SheetPlan[] = initSheets(plan, o.lang);
  const sheets = ctx.workbook.worksheets.load('items/name');
  const tables = ctx.workbook.tables.load('items/name');
  await ctx.sync();
  const sheetNames = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));

  // Every cell a new table would cover on an existing sheet must be blank and outside any table.
  const todo: { sheet: SheetPlan; t: SheetPlan['tables'][number]; area?: Excel.Range }[] = [];
  const existingTables = tables.items.map((t) => ({ t, range: t.getRange().load('address') }));
  const journalExists = tableNames.has(journalTable.name.toLowerCase());
  const journalSheet = sheets.items.find((s) => [journalTable.sheet.fr, journalTable.sheet.en].some((n) => n.toLowerCase() === s.name.toLowerCase()));
  const journalUsed = !journalExists && journalSheet ? journalSheet.getUsedRangeOrNullObject(true).load('address') : null;
  for (const s of sheetPlans) {
    for (const t of s.tables) {
      if (o.only && !o.only.has(t.name)) continue;
      if (tableNames.has(t.name.toLowerCase())) {
        report.skipped.push({ table: t.name, reason: 'exists' });
        continue;
      }
      const area = sheetNames.has(s.name.toLowerCase()) ? ctx.workbook.worksheets.getItem(s.name).getRange(tableAddress(t)).load('values,address') : undefined;
      todo.push({ sheet: s, t, area });
    }
  }
  await ctx.sync();
  const occupied = (area: Excel.Range) => {
    if (area.values.some((r) => r.some((v) => v !== '' && v !== null))) return true;
    const a = boxOf(area.address);
    return existingTables.some(({ range }) => {
      const b = boxOf(range.address);
      return a.sheet.toLowerCase() === b.sheet.toLowerCase() && a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
    });
  };
  const newSheets = new Set<string>();
  for (const { sheet, t, area } of todo) {
    if (area && occupied(area)) {
      report.skipped.push({ table: t.name, reason: 'occupied' });
      continue;
    }
    if (!sheetNames.has(sheet.name.toLowerCase()) && !newSheets.has(sheet.name)) {
      ctx.workbook.worksheets.add(sheet.name);
      newSheets.add(sheet.name);
      report.sheetsAdded.push(sheet.name);
      queueSheetSettings(ctx.workbook.worksheets.getItem(sheet.name), sheet, o.features);
    }
    const ws = ctx.workbook.worksheets.getItem(sheet.name);
    queueTable(ws, t);
    if (queueValidations(ws, sheet.validations.filter((v) => v.table === t.name), o.features)) report.withoutValidation!.push(t.name);
    queueConditionalFormats(ws, sheet.conditionalFormats.filter((f) => f.table === t.name));
    report.created.push(t.name);
  }
  if (newSheets.size) ctx.workbook.worksheets.getItem([...newSheets][0]).activate();
  if (report.created.length + (o.alreadyDone ?? 0) === 0) {
    await ctx.sync();
    return { report, journal: null };
  }
  const used = journalUsed && !journalUsed.isNullObject ? journalUsed.address.slice(journalUsed.address.lastIndexOf('!') + 1) : null;
  const journal = queueJournalLine(ctx, journalPlace(journalExists, [...sheets.items.map((s) => s.name), ...newSheets], used, o.lang), o.journalLine, o.lang);
  await ctx.sync();
  return { report, journal };
}
