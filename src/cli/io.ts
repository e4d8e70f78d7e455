/** What every ess-budget command shares: where it writes, and how an unusable input is told. */
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import type { InputError } from '../hosts/xlsx';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The one line a user reads when a file cannot be used (exit status 2). */
export function inputMessage(lang: Lang, file: string, e: InputError): string {
  const m = messages[lang].cli;
  switch (e.kind) {
    case 'missing':
      return m.fileMissing(file);
    case 'not-xlsx':
      return e.detail.startsWith('pas une') ? m.notXlsx(file) : m.corrupt(file, e.detail);
    case 'too-large':
      return m.tooLarge(file, e.detail);
    case 'encrypted':
      return m.encrypted(file);
    default:
      return m.corrupt(file, e.detail);
  }
}

export const firstLine = (s: string) => s.split('\n')[0].slice(0, 200);
