/**
 * `init --profile FILE`: the convention's JSON file, read once, here. Its text goes through the
 * core's one reader of profiles (core/profileStore.ts readProfileText, where the schema's validator
 * plugs in); any problem is one French (or English) line, exit status 2.
 */
import { readFileSync } from 'fs';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import type { ProfileDocument } from '../core/profile';
import { problemText, readProfileText } from '../core/profileStore';

/** The profile file's document, or the line that says why it cannot be used. */
export function loadProfileFile(path: string, lang: Lang): { doc: ProfileDocument } | { line: string } {
  const p = messages[lang].profileStore;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { line: code === 'ENOENT' ? messages[lang].cli.fileMissing(path) : p.badFile(path, code ?? String(e)) };
  }
  const read = readProfileText(text);
  if ('problem' in read) return { line: p.badFile(path, problemText(p.why, read.problem)) };
  return { doc: read.doc };
}
