/**
 * Closing or reopening a year inside Excel: the rows the core planned (versions/closing.ts) are
 * added to the add-in's Clotures table — its sheet "Clôtures" and the table created the first
 * time — and the Journal line to the Journal table when there is one. Plain Excel.run calls, one
 * sync to look, one to write; a user's sheet named "Clôtures" without the table is never written into.
 */
import type { Lang } from '../../core/contract';
import { messages } from '../../core/i18n';
import { cellAddress } from '../../core/cells';
import { CLOSURE_COLUMNS, CLOSURE_SHEET, CLOSURE_TABLE, type RecordRow } from '../../core/versions/closure';
import type { JournalLine } from '../../core/versions/closing';

export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A sheet named "Clôtures" that is the user's (no Clotures table on it). */
export class ClosureSheetTakenError extends Error {
  constructor(lang: Lang) {
    super(messages[lang].versions.close.noOwnSheet(CLOSURE_SHEET));
    this.name = 'OfficeHostError';
  }
}

const cells = (rows: RecordRow[]) => rows.map((r) => r.map((v, i) => (i === 0 ? Number(v) : v)));

export async function writeClosureRows(run: Run, rows: RecordRow[], journal: JournalLine, lang: Lang): Promise<void> {
  const m = messages[lang].versions.close;
  await run(async (ctx) => {
    const table = ctx.workbook.tables.getItemOrNullObject(CLOSURE_TABLE);
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(CLOSURE_SHEET);
    const log = ctx.workbook.tables.getItemOrNullObject('Journal');
    await ctx.sync();
    if (!table.isNullObject) {
      table.rows.add(undefined, cells(rows));
    } else {
      if (!sheet.isNullObject) throw new ClosureSheetTakenError(lang);
      const ws = ctx.workbook.worksheets.add(CLOSURE_SHEET);
      ws.getRange('A1:A2').values = [[m.title], [m.note]];
      const box = `A4:${cellAddress(4 + rows.length, CLOSURE_COLUMNS.length)}`;
      const range = ws.getRange(box);
      // Text stays text: the record's JSON and fingerprints must not be read as numbers or dates.
      range.numberFormat = [[...CLOSURE_COLUMNS], ...rows].map((r) => r.map((_, i) => (i === 0 ? '0' : '@')));
      range.values = [[...CLOSURE_COLUMNS], ...cells(rows)];
      const created = ws.tables.add(range, true);
      created.name = CLOSURE_TABLE;
    }
    if (!log.isNullObject) log.rows.add(undefined, [journal.map((v) => v ?? '')]);
    await ctx.sync();
  });
}
