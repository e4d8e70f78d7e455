/**
 * ess-budget close <classeur.xlsx> <année> [--by NOM] [--force] [--as-of AAAA-MM-JJ] [--lang fr|en]
 * ess-budget reopen <classeur.xlsx> <année> --reason "…" [--by NOM] [--lang fr|en]
 * Records in the workbook (sheet Clôtures, and a Journal line) that a year is closed, or reopened
 * and why: the application layer decides (src/app/versions.ts), the file host writes (src/hosts/xlsx/
 * fileHost.ts): only the add-in's own sheets and the package's part list change, written beside the
 * file, verified, then renamed over it. Exit
 * status: 0 done; 1 closing refused because the year has errors (without --force); 2 bad arguments,
 * an unusable file, a year already closed / not closed, or a write that did not happen (the file as it was).
 */
import { inputMessage, notWrittenMessage, type Io } from './io';
import { userInfo } from 'os';
import { asOfOption, parseCommand } from './args';
import { closeYearIn, reopenYearIn, type Closing } from '../app/versions';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { qualifiedAddress } from '../core/snapshot';
import type { ClosureWritten } from '../hosts/host';
import { FileHost, InputError, NotOwnSheetError, WriteFailure } from '../hosts/xlsx';

/** The file as a host, or null once told why it cannot take a closing (unusable, or an .ods: read, never written). */
async function open(file: string, lang: Lang, io: Io): Promise<FileHost | null> {
  const host = new FileHost(file, { lang });
  try {
    if ((await host.load()).format === 'ods') {
      io.err(messages[lang].cli.odsReadOnly(file));
      return null;
    }
    return host;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(inputMessage(lang, file, e));
      return null;
    }
    throw e;
  }
}

/**
 * Runs the closing or reopening whose write the host does (beside, verified, renamed): 2 and one line
 * when the record's sheet is the user's or nothing was written; a Journal sheet not ours alone is
 * said on stderr, the record written all the same.
 */
async function recorded<T>(run: () => Promise<T>, written: (t: T) => ClosureWritten | null, file: string, io: Io, lang: Lang): Promise<T | 2> {
  const m = messages[lang];
  try {
    const outcome = await run();
    const w = written(outcome);
    if (w && !w.journal) io.err(`${file} : ${m.versions.close.noOwnSheet(w.journalSheet)}`);
    return outcome;
  } catch (e) {
    if (e instanceof NotOwnSheetError) {
      io.err(`${file} : ${m.versions.close.noOwnSheet(e.sheet)}`);
      return 2;
    }
    if (!(e instanceof WriteFailure)) throw e;
    io.err(notWrittenMessage(lang, file, e));
    return 2;
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
  // A year of the workbook's convention: the app layer decides, once the workbook is read (planClosing).
  if (!/^\d{4}$/.test(yearText)) {
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
  const host = await open(file, lang, io);
  if (!host) return 2;
  const by = whoAmI(values.by, lang);
  const plan = await recorded(
    () => closeYearIn(host, { year, by, force: !!values.force, reason: values.reason, asOf, lang, now: new Date() }),
    (c: Closing) => (c.ok ? c.written : null),
    file,
    io,
    lang,
  );
  if (plan === 2) return 2;
  if (!plan.ok && plan.why === 'not-a-year') {
    io.err(v.badYear(String(year), ...plan.years));
    return 2;
  }
  if (!plan.ok && plan.why === 'closed') {
    io.err(v.alreadyClosed(year, plan.date, plan.by));
    return 2;
  }
  if (!plan.ok && plan.why === 'not-ended') {
    io.err(v.notEnded(year, plan.end, plan.reasonMissing, plan.article));
    return 2;
  }
  if (!plan.ok) {
    io.err(v.refused(file, year, plan.errors.length));
    for (const f of plan.errors.slice(0, 10)) io.err(`${qualifiedAddress(f.sheet, f.cell)}: ${m.severity[f.severity]} [${f.rule}] ${f.message}`);
    return 1;
  }
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
  const host = await open(file, lang, io);
  if (!host) return 2;
  const done = await recorded(() => reopenYearIn(host, { year, by: whoAmI(values.by, lang), reason, lang, now: new Date() }), (r) => (r.ok ? r.written : null), file, io, lang);
  if (done === 2) return 2;
  if (!done.ok) {
    io.err(done.why === 'not-a-year' ? v.badYear(String(year), ...done.years) : v.notClosed(year));
    return 2;
  }
  io.out(v.reopened(file, year));
  return 0;
}
