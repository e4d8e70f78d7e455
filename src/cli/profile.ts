/**
 * `ess-budget profile validate FILE` and `ess-budget profile show [WORKBOOK]` (issue 23): a convention
 * described as data, checked (src/core/profileCheck.ts) or shown in words (./profileText.ts).
 * Loaded by main.ts on demand: the validator (ajv) costs nothing to the other commands.
 */
import { readFileSync, statSync } from 'fs';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { profile as builtIn } from '../core/profile';
import { readProfileDocument } from '../core/profileCheck';
import { FileHost, InputError } from '../hosts/xlsx';
import { closeSpelling, parseCommand } from './args';
import { inputMessage, type Io } from './io';
import { profileText } from './profileText';

const SUBCOMMANDS = ['validate', 'show'];
/** The CES ESS profile is 20 kB; a file of megabytes is something else, refused before it is read. */
const MAX_BYTES = 5 * 1024 * 1024;

/** The profile file's text, or the one line that says why it cannot be read (told on stderr). */
function readText(file: string, lang: Lang, io: Io): string | null {
  const m = messages[lang];
  try {
    if (statSync(file).size > MAX_BYTES) {
      io.err(m.profile.cli.tooLarge(file, lang === 'fr' ? '5 Mo' : '5 MB'));
      return null;
    }
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    io.err(code === 'ENOENT' ? m.cli.fileMissing(file) : m.profile.cli.unreadable(file, code));
    return null;
  }
}

function validate(file: string, format: string, lang: Lang, io: Io): number {
  const text = readText(file, lang, io);
  if (text === null) return 2;
  const reading = readProfileDocument(text, lang);
  if (format === 'json') {
    io.out(JSON.stringify(reading.ok ? { file, valid: true, id: reading.document.id, problems: [] } : { file, valid: false, problems: reading.problems }, null, 2));
    return reading.ok ? 0 : 2;
  }
  if (!reading.ok) {
    for (const p of reading.problems) io.err(`${file} ${p}`);
    return 2;
  }
  const doc = reading.document;
  const years = doc.period.years;
  io.out(messages[lang].profile.cli.valid(doc.title, doc.id, years[0], years[years.length - 1], doc.funders.length, doc.axes.length));
  return 0;
}

async function show(file: string | undefined, format: string, lang: Lang, io: Io): Promise<number> {
  const s = messages[lang].profile.show;
  let origin = s.builtIn;
  let doc = builtIn.document;
  if (file !== undefined) {
    try {
      const stored = (await new FileHost(file).readSnapshot()).profile;
      origin = stored ? s.fromWorkbook(file) : s.noneInWorkbook(file);
      doc = (stored ?? builtIn).document;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.err(inputMessage(lang, file, e));
      return 2;
    }
  }
  // JSON: the profile itself, amounts as strings; `profile validate` takes it back as it is.
  io.out(format === 'json' ? JSON.stringify(doc, null, 2) : profileText(doc, origin, lang));
  return 0;
}

export async function profileCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand('profile', args, { format: { type: 'string', choices: ['text', 'json'] }, lang: { type: 'string', choices: ['fr', 'en'] } }, io);
  if (typeof parsed === 'number') return parsed;
  const { positionals, lang } = parsed;
  const m = messages[lang];
  const format = (parsed.values.format as string | undefined) ?? 'text';
  const [sub, ...files] = positionals;
  if (!SUBCOMMANDS.includes(sub)) {
    io.err(m.profile.cli.subcommand(sub, sub === undefined ? undefined : closeSpelling(sub, SUBCOMMANDS)));
    return 2;
  }
  if (sub === 'validate') {
    if (files.length !== 1) {
      io.err(m.cli.badArgs(m.profile.cli.validateArgs, 'profile'));
      return 2;
    }
    return validate(files[0], format, lang, io);
  }
  if (files.length > 1) {
    io.err(m.cli.badArgs(m.profile.cli.showArgs, 'profile'));
    return 2;
  }
  return show(files[0], format, lang, io);
}
