/**
 * `init --profile FILE`: the convention's JSON file, read once, here, and checked as `profile
 * validate` checks it (core/profileCheck.ts: the schema, then its references): a profile that
 * `validate` refuses is never written into a workbook. Each problem is one line naming its JSON
 * path, exit status 2. Loaded by main.ts only when --profile is given (ajv costs the others nothing).
 */
import { readFileSync } from 'fs';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import type { Profile, ProfileDocument } from '../core/profile';
import { readProfileDocument } from '../core/profileCheck';

/** The profile file's document and profile, or the lines that say why it cannot be used. */
export function loadProfileFile(path: string, lang: Lang): { doc: ProfileDocument; profile: Profile } | { lines: string[] } {
  const p = messages[lang].profileStore;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { lines: [code === 'ENOENT' ? messages[lang].cli.fileMissing(path) : p.badFile(path, code ?? String(e))] };
  }
  const read = readProfileDocument(text, lang);
  if (!read.ok) return { lines: read.problems.map((problem) => `${path} ${problem}`) };
  return { doc: read.document, profile: read.profile };
}
