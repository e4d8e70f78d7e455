/**
 * The sheets the add-in owns as a whole (Synthèse COPIL, Rapprochement) are rewritten IN PLACE:
 * the same sheet, at the same position, under the same name, so that a user's formula, name or
 * hyperlink pointing at it (`='Synthèse COPIL'!B5`) survives, and the tabs never move. Deleting
 * and re-adding the sheet would turn those into #REF! for good.
 *
 * Never half-written: the same request first copies the sheet (Worksheet.copy, ExcelApi 1.7) to a
 * hidden sheet, then empties the original (its charts, its tables, every cell) and writes the new
 * content, and deletes the copy last. Excel stops a request at its first failing action, the
 * earlier ones applied: after such a stop, restoreOwnSheet puts the copy back in the sheet's
 * place (the previous content whole; only in that case do references to the sheet break).
 */

/** The hidden copy of an own sheet while it is rewritten (the names are the add-in's: tests and users may meet them). */
export const asideName = (id: string): string => `SuiviCES-${id}-prec`;

export interface OwnSheetPlaces {
  sheet: Excel.Worksheet;
  tables: Excel.TableCollection;
  charts: Excel.ChartCollection;
  /** A copy left by an interrupted write. */
  aside: Excel.Worksheet;
}

/** Queued with the read: the sheet (its position, tables, charts) and a leftover copy. */
export function queueOwnSheetPlaces(ctx: Excel.RequestContext, name: string, aside: string): OwnSheetPlaces {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(name).load('name,position');
  return {
    sheet,
    tables: sheet.tables.load('items/name'),
    charts: sheet.charts.load('items/name'),
    aside: ctx.workbook.worksheets.getItemOrNullObject(aside),
  };
}

/** What restoreOwnSheet needs after a failed rewrite. */
export interface OwnSheetUndo {
  name: string;
  aside: string;
  existed: boolean;
  position: number;
  tableNames: string[];
}

/**
 * Queues the rewrite: `write` fills the (emptied or new) sheet. A new sheet goes at the end, as
 * Excel adds it; an existing one keeps its place.
 */
export function queueOwnSheetRewrite(ctx: Excel.RequestContext, name: string, aside: string, places: OwnSheetPlaces, write: (ws: Excel.Worksheet) => void): OwnSheetUndo {
  const wb = ctx.workbook;
  if (!places.aside.isNullObject) wb.worksheets.getItem(aside).delete();
  if (places.sheet.isNullObject) {
    write(wb.worksheets.add(name));
    return { name, aside, existed: false, position: -1, tableNames: [] };
  }
  const ws = wb.worksheets.getItem(name);
  const copy = ws.copy('End' as Excel.WorksheetPositionType.end);
  copy.visibility = 'Hidden' as Excel.SheetVisibility.hidden;
  copy.name = aside;
  for (const c of places.charts.items) ws.charts.getItem(c.name).delete();
  const tableNames = places.tables.items.map((t) => t.name);
  for (const t of tableNames) wb.tables.getItem(t).delete();
  ws.getRange().clear('All' as Excel.ClearApplyTo.all);
  write(ws);
  wb.worksheets.getItem(aside).delete();
  return { name, aside, existed: true, position: places.sheet.position, tableNames };
}

/**
 * After a rewrite that stopped half-way: the copy, when there is one, takes the sheet's place
 * again (name, position, table names); a new sheet half-written is removed. Two round trips, only
 * after a failure.
 */
export async function restoreOwnSheet(ctx: Excel.RequestContext, undo: OwnSheetUndo): Promise<void> {
  const wb = ctx.workbook;
  const copy = wb.worksheets.getItemOrNullObject(undo.aside);
  const copyTables = copy.tables.load('items/name');
  const half = wb.worksheets.getItemOrNullObject(undo.name);
  await ctx.sync();
  if (copy.isNullObject) {
    // Nothing of the rewrite ran past the copy: an existing sheet is as it was; a new one may be half-written.
    if (!undo.existed && !half.isNullObject) {
      half.delete();
      await ctx.sync();
    }
    return;
  }
  const back = wb.worksheets.getItem(undo.aside);
  // Visible before the half-written sheet goes: Excel keeps at least one sheet visible.
  back.visibility = 'Visible' as Excel.SheetVisibility.visible;
  if (!half.isNullObject) half.delete();
  copyTables.items.forEach((t, i) => {
    if (undo.tableNames[i]) wb.tables.getItem(t.name).name = undo.tableNames[i];
  });
  back.name = undo.name;
  if (undo.position >= 0) wb.worksheets.getItem(undo.name).position = undo.position;
  await ctx.sync();
}
