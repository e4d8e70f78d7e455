/**
 * Closing or reopening a year in a workbook file (the file host's writeClosure): the rows the core
 * planned (core/versions/closing.ts) appended to the add-in's Clotures table, the Journal line to the
 * Journal, both rewritten whole as the add-in's own sheets (patch.ts) through the one safe write
 * (safeWrite.ts: beside, verified, renamed). As in Excel (hosts/office/closeYear.ts), a "Clôtures"
 * sheet that is the user's stops everything; a Journal sheet that is not ours alone is left alone and
 * the closing is recorded without its line (ClosureWritten.journal false: the CLI says so).
 */
import { journalTable, type Lang } from '../../core/contract';
import { messages } from '../../core/i18n';
import { isDate, type CellValue, type WorkbookSnapshot } from '../../core/snapshot';
import { isoDate, matchKey } from '../../core/text';
import { CLOSURE_COLUMNS, CLOSURE_SHEET, CLOSURE_TABLE, recordCells, type RecordRow } from '../../core/versions/closure';
import type { JournalLine } from '../../core/versions/closing';
import type { ClosureWritten } from '../host';
import { fitWidths, type OwnTable } from './patch';
import { NotOwnSheetError } from './writeErrors';
import { writeOwnTablesSafely } from './safeWrite';

type Cell = string | number | null;

/** What an own table already holds, as the cells to write back. */
function existingRows(snapshot: WorkbookSnapshot, name: string): { sheet: string; headers: string[]; rows: Cell[][] } | null {
  const t = snapshot.tables.find((x) => matchKey(x.name) === matchKey(name));
  if (!t) return null;
  const cell = (v: CellValue): Cell => (v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : isDate(v) ? isoDate(v) : typeof v === 'boolean' ? String(v) : 'error' in v ? v.error : v.uncalculated);
  return { sheet: t.sheet, headers: t.headers, rows: t.rows.filter((r) => r.some((v) => v !== null && v !== '')).map((r) => r.map(cell)) };
}

function closureTable(snapshot: WorkbookSnapshot, added: RecordRow[], lang: Lang): OwnTable {
  const m = messages[lang].versions.close;
  const old = existingRows(snapshot, CLOSURE_TABLE);
  const rows = [...(old?.rows ?? []), ...recordCells(added)];
  const headers = [...CLOSURE_COLUMNS];
  return { sheet: old?.sheet ?? CLOSURE_SHEET, table: CLOSURE_TABLE, title: m.title, note: m.note, headers, rows, widths: fitWidths(headers, rows, 40) };
}

function journalOf(snapshot: WorkbookSnapshot, line: JournalLine, lang: Lang): OwnTable {
  const old = existingRows(snapshot, journalTable.name);
  const headers = old?.headers.length ? old.headers : journalTable.columns.map((c) => c.header[lang]);
  const rows = [...(old?.rows ?? []), line];
  return { sheet: old?.sheet ?? journalTable.sheet[lang], table: journalTable.name, title: journalTable.sheet[lang], headers, rows, widths: fitWidths(headers, rows) };
}

/**
 * Writes the record, then the Journal, into the .xlsx at `file` whose bytes (`original`) the
 * snapshot was read from. NotOwnSheetError (nothing written) when the record's sheet is the user's;
 * WriteFailure (the file as it was) for anything else.
 */
export async function writeClosureFile(file: string, original: Uint8Array, snapshot: WorkbookSnapshot, rows: RecordRow[], line: JournalLine, lang: Lang): Promise<ClosureWritten> {
  const record = closureTable(snapshot, rows, lang);
  const log = journalOf(snapshot, line, lang);
  try {
    await writeOwnTablesSafely(file, original, [record, log]);
    return { journal: true, journalSheet: log.sheet };
  } catch (e) {
    if (!(e instanceof NotOwnSheetError) || matchKey(e.sheet) !== matchKey(log.sheet) || matchKey(e.sheet) === matchKey(record.sheet)) throw e;
  }
  await writeOwnTablesSafely(file, original, [record]);
  return { journal: false, journalSheet: log.sheet };
}
