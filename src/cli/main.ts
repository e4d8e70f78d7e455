/**
 * ess-budget: argument parsing and output only; the work is the core's and the .xlsx host's.
 * Exit status: 0 no error-level finding, 1 at least one, 2 the input could not be used.
 */
import { firstLine, inputMessage, type Io } from './io';
import { existsSync } from 'fs';
import { checkSnapshot, exitStatus } from '../app/check';
import type { CheckResult } from '../core/check';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { qualifiedAddress } from '../core/snapshot';
import { buildWorkbookPlan } from '../core/template';
import { FileHost, InputError } from '../hosts/xlsx';
import { version } from '../../package.json';
import { asOfOption, closeSpelling, guessLang, parseCommand } from './args';
import { profileSheetPlan } from '../core/profileStore';
import { reconcileCommand } from './reconcile';
import { reportCommand } from './report';
import { versionCommands } from './versions';

/** A usage problem: one line on stderr, status 2. */
class UsageError extends Error {}

const LANGS = ['fr', 'en'] as const;
const COMMANDS = ['init', 'check', 'report', 'reconcile', 'diff', 'close', 'reopen', 'profile'];

export function formatText(result: CheckResult, lang: Lang): string {
  const m = messages[lang];
  const lines = result.findings.map((f) => `${qualifiedAddress(f.sheet, f.cell)}: ${m.severity[f.severity]} [${f.rule}]${f.article ? ` (${f.article})` : ''} ${f.message}`);
  // What was read, table by table, before the count: "0 erreur" is worth what was read.
  for (const r of result.read ?? []) lines.push(`${m.cli.readPrefix}${r.text}`);
  lines.push(m.cli.summary(result.summary.errors, result.summary.warnings, result.summary.infos));
  return lines.join('\n');
}

async function init(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand('init', args, { example: { type: 'boolean' }, profile: { type: 'string' }, lang: { type: 'string', choices: LANGS }, force: { type: 'boolean' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const lang = parsed.lang;
  if (positionals.length !== 1) throw new UsageError(lang === 'fr' ? 'init attend un fichier de sortie' : 'init takes one output file');
  const out = positionals[0];
  if (!/\.xlsx$/i.test(out)) throw new UsageError(lang === 'fr' ? `${out} doit se terminer par .xlsx` : `${out} must end in .xlsx`);
  // The example is the CES ESS 2014-2016's: it fits no other convention.
  if (values.example && values.profile !== undefined) {
    io.err(messages[lang].profileStore.exampleWithProfile);
    return 2;
  }
  const loaded = typeof values.profile === 'string' ? (await import('./profileFile')).loadProfileFile(values.profile, lang) : null;
  if (loaded && 'lines' in loaded) {
    for (const line of loaded.lines) io.err(line);
    return 2;
  }
  // Never overwrite a workbook someone may have typed into.
  if (existsSync(out) && !values.force) {
    io.err(lang === 'fr' ? `${out} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer.` : `${out} already exists: pick another name, or add --force to replace it.`);
    return 2;
  }
  try {
    // The convention's own sheet goes with the tables (core/profileStore.ts): every later command reads it.
    await new FileHost(out).initialize(buildWorkbookPlan({ example: !!values.example, lang, profile: loaded?.profile }), loaded ? { ownSheets: [profileSheetPlan(loaded.doc)] } : {});
  } catch (e) {
    io.err(messages[lang].cli.cannotWrite(out, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    return 2;
  }
  io.out(loaded ? messages[lang].profileStore.written(out, loaded.doc.title) : messages[lang].cli.written(out, !!values.example));
  return 0;
}

async function check(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand('check', args, { format: { type: 'string', choices: ['text', 'json'] }, 'as-of': { type: 'string' }, lang: { type: 'string', choices: LANGS } }, io);
  if (typeof parsed === 'number') return parsed;
  const { positionals, lang } = parsed;
  const values = parsed.values as { format?: string; 'as-of'?: string };
  if (positionals.length !== 1) throw new UsageError(lang === 'fr' ? 'check attend un classeur' : 'check takes one workbook');
  const format = values.format ?? 'text';
  const asOf = asOfOption(values['as-of'], lang, io);
  if (!asOf) return 2;
  const file = positionals[0];
  const { result } = checkSnapshot(await new FileHost(file).readSnapshot(), { asOf, lang });
  if (format === 'json') io.out(JSON.stringify({ file, ...result }, null, 2));
  else io.out(formatText(result, lang));
  return exitStatus(result.summary);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const lang: Lang = guessLang(argv);
  const m = messages[lang].cli;
  try {
    if (command && Object.hasOwn(versionCommands, command)) return await versionCommands[command](rest, io);
    switch (command) {
      case 'init':
        return await init(rest, io);
      case 'check':
        return await check(rest, io);
      case 'reconcile':
        return await reconcileCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'profile':
        // Loaded when asked for: its validator (ajv) is nothing the other commands need at start.
        return await (await import('./profile')).profileCommand(rest, io);
      case '--version':
      case '-V':
      case 'version':
        io.out(m.version(version));
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(m.usage);
        return command === undefined ? 2 : 0;
      default:
        io.err(m.unknownCommand(command, closeSpelling(command, COMMANDS)));
        return 2;
    }
  } catch (e) {
    if (e instanceof InputError) {
      const file = rest.find((a) => !a.startsWith('-')) ?? '';
      io.err(inputMessage(lang, file, e));
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(m.badArgs(e instanceof UsageError ? e.message : firstLine((e as Error).message), COMMANDS.includes(command) ? command : undefined));
      return 2;
    }
    // Anything else is our bug: still one line for the user, the details only on demand.
    io.err(`ess-budget : erreur interne (${firstLine((e as Error).message)}). Relancez avec ESS_DEBUG=1 pour le détail.`);
    if (process.env.ESS_DEBUG) io.err(String((e as Error).stack));
    return 2;
  }
}

