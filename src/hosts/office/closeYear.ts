/**
 * Closing or reopening a year inside Excel: the rows the core planned (versions/closing.ts) are
 * added to the add-in's Clotures table — its sheet "Clôtures" and the table created the first
 * time — and the Journal line to the Journal table, created (as a sync creates it) when the
 * workbook has none: the pane says « inscrit au Journal » only because it is. One sync to look,
 * one to write; a user's sheet named "Clôtures" without the table is never written into.
 */
import type { Lang } from '../../core/contract';
import { journalTable } from '../../core/contract';
import { messages } from '../../core/i18n';
import { cellAddress } from '../../core/cells';
import { CLOSURE_COLUMNS, CLOSURE_SHEET, CLOSURE_TABLE, recordCells, type RecordRow } from '../../core/versions/closure';
import type { JournalLine } from '../../core/versions/closing';
import type { ClosureWritten } from '../host';
import { cellText, journalPlace, queueJournalLine } from './write';

export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A sheet named "Clôtures" that is the user's (no Clotures table on it). */
export class ClosureSheetTakenError extends Error {
  constructor(lang: Lang) {
    super(messages[lang].versions.close.noOwnSheet(CLOSURE_SHEET));
    this.name = 'OfficeHostError';
  }
}

/**
 * The record's cells as Excel must receive them: text behind Excel's text prefix (an address
 * 'Participations 2014'!A5 would otherwise lose its leading quote to the prefix rule, and an ISO
 * date or a count would become a date or a number), the year a number.
 */
const excelCells = (rows: RecordRow[]) => recordCells(rows).map((r) => r.map((v) => (typeof v === 'string' ? cellText(v) : v)));

export async function writeClosureRows(run: Run, rows: RecordRow[], journal: JournalLine, lang: Lang): Promise<ClosureWritten> {
  const m = messages[lang].versions.close;
  return run(async (ctx) => {
    const table = ctx.workbook.tables.getItemOrNullObject(CLOSURE_TABLE);
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(CLOSURE_SHEET);
    const log = ctx.workbook.tables.getItemOrNullObject(journalTable.name);
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    // Where a new Journal goes: its sheet when the user has one (below what it holds), else a new one.
    const logSheet = log.isNullObject ? sheets.items.find((s) => [journalTable.sheet.fr, journalTable.sheet.en].some((n) => n.toLowerCase() === s.name.toLowerCase())) : undefined;
    const logUsed = logSheet ? logSheet.getUsedRangeOrNullObject(true).load('address') : null;
    if (logUsed) await ctx.sync();
    if (!table.isNullObject) {
      table.rows.add(undefined, excelCells(rows));
    } else {
      if (!sheet.isNullObject) throw new ClosureSheetTakenError(lang);
      const ws = ctx.workbook.worksheets.add(CLOSURE_SHEET);
      ws.getRange('A1:A2').values = [[cellText(m.title)], [cellText(m.note)]];
      const box = `A4:${cellAddress(4 + rows.length, CLOSURE_COLUMNS.length)}`;
      const range = ws.getRange(box);
      // Text stays text: the record's JSON and fingerprints must not be read as numbers or dates.
      range.numberFormat = [[...CLOSURE_COLUMNS], ...rows].map((r) => r.map((_, i) => (i === 0 ? '0' : '@')));
      range.values = [CLOSURE_COLUMNS.map(cellText), ...excelCells(rows)];
      const created = ws.tables.add(range, true);
      created.name = CLOSURE_TABLE;
    }
    const used = logUsed && !logUsed.isNullObject ? logUsed.address.slice(logUsed.address.lastIndexOf('!') + 1) : null;
    const place = journalPlace(!log.isNullObject, [...sheets.items.map((s) => s.name), CLOSURE_SHEET], used, lang);
    queueJournalLine(ctx, place, journal.map((v) => v ?? ''), lang);
    await ctx.sync();
    return { journal: true, journalSheet: place.sheet };
  });
}
