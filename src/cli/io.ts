/** What every ess-budget command shares: where it writes, and how an unusable input is told. */
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { PROFILE_SHEET, problemText, type ProfileProblem } from '../core/profileStore';
import type { InputError, OtherFormat, WriteFailure } from '../hosts/xlsx';

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
    case 'format':
      return m.otherFormat(file, e.detail as OtherFormat);
    case 'profile': {
      // The workbook's convention cannot be trusted (hosts/xlsx/profileSheet.ts): worded in the command's language.
      const problem = (e as { problem?: ProfileProblem }).problem;
      const p = messages[lang].profileStore;
      return p.unreadable(file, PROFILE_SHEET, problem ? problemText(p.why, problem) : e.detail);
    }
    default:
      return m.corrupt(file, e.detail);
  }
}

/** The one line a user reads when a write into the workbook did not happen (exit status 2): the file is as it was. */
export function notWrittenMessage(lang: Lang, file: string, e: WriteFailure): string {
  const m = messages[lang].cli;
  const w = m.writeFailure;
  const r = e.reason;
  const why = (() => {
    switch (r.kind) {
      case 'unreadable':
        return w.unreadable(r.part, r.detail);
      case 'readonly':
        return w.readonly;
      case 'temp':
        return w.temp(r.code);
      case 'lost':
        return w.lost(r.part);
      case 'changed':
        return w.changed(r.part);
      case 'xml':
        return w.xml(r.part, r.detail);
      case 'table':
        return w.table(r.table);
      case 'own':
        return w.own(r.table);
      case 'reread':
        return w.reread(r.detail);
      case 'moved':
        return w.moved;
      case 'replace':
        return w.replace(r.code);
    }
  })();
  return m.notWritten(file, why);
}

export const firstLine = (s: string) => s.split('\n')[0].slice(0, 200);
