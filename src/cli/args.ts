/**
 * The arguments of one ess-budget command: `--help` answered with the command's usage, and every
 * mistake (unknown option, missing value, value where none is taken, value out of its list) told in
 * one line in the user's language, with the right spelling when one is close. Node's parseArgs
 * reads the arguments; its own (English) errors are never shown.
 */
import leven from 'leven';
import { parseArgs } from 'util';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import type { CliCommand } from '../core/i18n/types';
import type { Io } from './io';
import { today } from '../core/check';
import { parseDateText } from '../core/text';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The values allowed, when they are a closed list (--format text|json). */
  choices?: readonly string[];
}

export type Values = Record<string, string | boolean | string[] | undefined>;

/** The nearest of `candidates` to `word` when it is a likely typo (a couple of letters off), else undefined. */
export function closeSpelling(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = leven(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // "--forma" → "--format", "--as_of" → "--as-of", "chek" → "check"; not "--x" → "--out".
  return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(best.length / 3))) ? best : undefined;
}

/**
 * The language of every message of a run, the one place it is decided: the last `--lang fr|en` or
 * `--lang=fr|en` before `--`, French otherwise. Read before the arguments are understood, so that
 * even the mistakes in them are told in the user's language.
 */
export function guessLang(args: readonly string[]): Lang {
  const end = args.indexOf('--');
  let lang: Lang = 'fr';
  for (let i = 0; i < (end < 0 ? args.length : end); i++) {
    const v = args[i] === '--lang' ? args[i + 1] : args[i].startsWith('--lang=') ? args[i].slice(7) : undefined;
    if (v === 'fr' || v === 'en') lang = v;
  }
  return lang;
}

/**
 * The command's options and positionals; or the exit status when the command should stop here
 * (0: its help was printed; 2: a mistake was told on stderr).
 */
export function parseCommand(command: CliCommand, args: string[], options: Record<string, OptionSpec>, io: Io): { values: Values; positionals: string[]; lang: Lang } | number {
  const lang = guessLang(args);
  const m = () => messages[lang].cli;
  const endOfOptions = args.indexOf('--');
  const optionArgs = endOfOptions < 0 ? args : args.slice(0, endOfOptions);
  if (optionArgs.includes('--help') || optionArgs.includes('-h')) {
    io.out(m().help[command]);
    return 0;
  }
  const fail = (line: string) => {
    io.err(line);
    return 2;
  };
  // parseArgs refuses a key present but undefined: only what is set.
  const config = Object.fromEntries(Object.entries(options).map(([k, { choices: _choices, ...o }]) => [k, o]));
  const names = Object.keys(options).map((k) => `--${k}`);
  // Non-strict first, to see every token and name what is wrong in our words.
  const { tokens } = parseArgs({ args, options: config, allowPositionals: true, strict: false, tokens: true });
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) {
      const written = token.rawName.startsWith('--') ? `--${token.name}` : token.rawName;
      return fail(m().unknownOption(command, written, closeSpelling(written, names)));
    }
    const written = `--${token.name}`;
    if (spec.type === 'boolean' && token.inlineValue) return fail(m().takesNoValue(command, written));
    if (spec.type === 'string') {
      // parseArgs takes "--out --force" as --out = "--force": an option name is never a value here.
      const next = token.inlineValue ? undefined : args[token.index + 1];
      if (token.value === undefined || (!token.inlineValue && next !== undefined && next.startsWith('--') && next.length > 2)) return fail(m().missingValue(command, written));
      if (spec.choices && !spec.choices.includes(token.value)) return fail(m().badValue(command, written, token.value, spec.choices.join(', ')));
    }
  }
  try {
    const { values, positionals } = parseArgs({ args, options: config, allowPositionals: true, strict: true });
    return { values: values as Values, positionals, lang };
  } catch (e) {
    // What the walk above did not foresee: still one line, ours.
    return fail(m().badArgs(String((e as Error).message).split('\n')[0], command));
  }
}

/** --as-of AAAA-MM-JJ, today by default; null once an invalid date was told on stderr. */
export function asOfOption(value: string | undefined, lang: Lang, io: Io): Date | null {
  if (value === undefined) return today();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDateText(value) : null;
  if (!d) io.err(messages[lang].cli.badDate(value));
  return d;
}
