/**
 * ess-budget close <classeur.xlsx> <année> [--by NOM] [--force] [--as-of AAAA-MM-JJ] [--lang fr|en]
 * ess-budget reopen <classeur.xlsx> <année> --reason "…" [--by NOM] [--lang fr|en]
 * Records in the workbook (sheet Clôtures, and a Journal line) that a year is closed, or reopened
 * and why. Only the add-in's own sheets and the package's part list change (src/hosts/xlsx/patch.ts),
 * written beside the file, verified, then renamed over it (src/hosts/xlsx/safeWrite.ts). Exit
 * status: 0 done; 1 closing refused because the year has errors (without --force); 2 bad arguments,
 * an unusable file, a year already closed / not closed, or a write that did not happen (the file as it was).
 */
import { inputMessage, notWrittenMessage, type Io } from './io';
import { promises as fs } from 'fs';
import { userInfo } from 'os';
import { asOfOption, parseCommand } from './args';
import { closeYear, reopenYear, type RecordTables } from '../app/versions';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { qualifiedAddress, type WorkbookSnapshot } from '../core/snapshot';
import { isContractYear } from '../core/versions/closure';
import { matchKey } from '../core/text';
import { FileHost, InputError, NotOwnSheetError, WriteFailure, writeOwnTablesSafely, type OwnTable } from '../hosts/xlsx';

/**
 * Writes the record, then the Journal, through the one safe write (beside, verified, renamed); a
 * Journal sheet that is not ours alone is left alone (said on stderr), a record sheet that is not
 * ours stops everything.
 */
async function patch(file: string, bytes: Uint8Array, { record, journal: log }: RecordTables, io: Io, lang: Lang): Promise<number> {
  const m = messages[lang];
  const write = async (tables: OwnTable[]): Promise<number> => {
    try {
      await writeOwnTablesSafely(file, bytes, tables);
      return 0;
    } catch (e) {
      if (e instanceof NotOwnSheetError) {
        io.err(`${file} : ${m.versions.close.noOwnSheet(e.sheet)}`);
        return tables.length > 1 && matchKey(e.sheet) === matchKey(log.sheet) ? write([record]) : 2;
      }
      if (!(e instanceof WriteFailure)) throw e;
      io.err(notWrittenMessage(lang, file, e));
      return 2;
    }
  };
  return write([record, log]);
}

async function load(file: string, lang: Lang, io: Io): Promise<{ snapshot: WorkbookSnapshot; bytes: Uint8Array } | null> {
  try {
    const { snapshot, format } = await new FileHost(file).load();
    if (format === 'ods') {
      io.err(messages[lang].cli.odsReadOnly(file));
      return null;
    }
    return { snapshot, bytes: await fs.readFile(file) };
  } catch (e) {
    if (e instanceof InputError) {
      io.err(inputMessage(lang, file, e));
      return null;
    }
    throw e;
  }
}

function whoAmI(by: string | undefined, lang: Lang): string {
  if (by && by.trim()) return by.trim();
  try {
    return userInfo().username || messages[lang].versions.close.unknownUser;
  } catch {
    return messages[lang].versions.close.unknownUser;
  }
}

/** The options of close and reopen (reopen also takes --reason); --help prints the command's usage. */
function parse(args: string[], reopen: boolean, io: Io) {
  return parseCommand(
    reopen ? 'reopen' : 'close',
    args,
    // close takes --reason too: the motive of an early closing (--force before the year's end), kept in the Journal.
    { by: { type: 'string' }, force: { type: 'boolean' }, 'as-of': { type: 'string' }, lang: { type: 'string', choices: ['fr', 'en'] }, reason: { type: 'string' } },
    io,
  );
}

/** <classeur.xlsx> <année>: the two positionals of close and reopen, or null once the mistake was told. */
function fileAndYear(positionals: string[], command: 'close' | 'reopen', lang: Lang, io: Io): { file: string; year: number } | null {
  const m = messages[lang];
  const v = m.versions.close;
  if (positionals.length !== 2) {
    io.err(m.cli.badArgs(command === 'close' ? v.args : v.reopenArgs, command));
    return null;
  }
  const [file, yearText] = positionals;
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || !isContractYear(year)) {
    io.err(v.badYear(yearText));
    return null;
  }
  return { file, year };
}

export async function closeCommand(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, false, io);
  if (typeof parsed === 'number') return parsed;
  const { positionals, lang } = parsed;
  const values = parsed.values as { by?: string; force?: boolean; 'as-of'?: string; reason?: string };
  const m = messages[lang];
  const v = m.versions.close;
  const target = fileAndYear(positionals, 'close', lang, io);
  if (!target) return 2;
  const { file, year } = target;
  const asOf = asOfOption(values['as-of'], lang, io);
  if (!asOf) return 2;
  const loaded = await load(file, lang, io);
  if (!loaded) return 2;
  const { snapshot, bytes } = loaded;
  const by = whoAmI(values.by, lang);
  const plan = closeYear(snapshot, { year, by, force: !!values.force, reason: values.reason, asOf, lang, now: new Date() });
  if (!plan.ok && plan.why === 'closed') {
    io.err(v.alreadyClosed(year, plan.date, plan.by));
    return 2;
  }
  if (!plan.ok && plan.why === 'not-ended') {
    io.err(v.notEnded(year, plan.end, plan.reasonMissing));
    return 2;
  }
  if (!plan.ok) {
    io.err(v.refused(file, year, plan.errors.length));
    for (const f of plan.errors.slice(0, 10)) io.err(`${qualifiedAddress(f.sheet, f.cell)}: ${m.severity[f.severity]} [${f.rule}] ${f.message}`);
    return 1;
  }
  const code = await patch(file, bytes, plan.tables, io, lang);
  if (code) return code;
  io.out(v.closed(file, year, plan.lines, by));
  if (plan.forced) io.out(v.forced(plan.forced));
  return 0;
}

export async function reopenCommand(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, true, io);
  if (typeof parsed === 'number') return parsed;
  const { positionals, lang } = parsed;
  const values = parsed.values as { by?: string; force?: boolean; 'as-of'?: string; reason?: string };
  const m = messages[lang];
  const v = m.versions.close;
  const target = fileAndYear(positionals, 'reopen', lang, io);
  if (!target) return 2;
  const { file, year } = target;
  const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
  if (!reason) {
    io.err(m.cli.badArgs(v.reasonRequired));
    return 2;
  }
  const loaded = await load(file, lang, io);
  if (!loaded) return 2;
  const { snapshot, bytes } = loaded;
  const tables = reopenYear(snapshot, { year, by: whoAmI(values.by, lang), reason, lang, now: new Date() });
  if (!tables) {
    io.err(v.notClosed(year));
    return 2;
  }
  const code = await patch(file, bytes, tables, io, lang);
  if (code) return code;
  io.out(v.reopened(file, year));
  return 0;
}
