/**
 * Excel's refusals (OfficeExtension.Error codes) turned into a sentence that says what to do next.
 */
import type { Lang } from '../../core/contract';
import { messages } from '../../core/i18n';
import { PROFILE_SHEET, problemText, ProfileUnreadableError } from '../../core/profileWords';

export class OfficeHostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'OfficeHostError';
  }
}

export function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return undefined;
}

export function toHostError(e: unknown, lang: Lang): OfficeHostError {
  if (e instanceof OfficeHostError) return e;
  // The workbook's convention cannot be trusted (core/profileStore.ts): said as such, never as Excel's refusal.
  if (e instanceof ProfileUnreadableError) {
    const p = messages[lang].profileStore;
    return new OfficeHostError('ProfileUnreadable', p.unreadableHere(PROFILE_SHEET, problemText(p.why, e.problem)), e);
  }
  const code = errorCode(e) ?? 'GeneralException';
  const m = messages[lang].office.errors;
  const limits = messages[lang].hostLimits;
  const text =
    code === 'InvalidOperationInCellEditMode'
      ? m.cellEdit
      : code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded'
        ? m.payload
        : code === 'ItemNotFound'
          ? m.notFound
          : code === 'InvalidSelection'
            ? limits.invalidSelection
            : code === 'RangeExceedsLimit'
              ? limits.rangeTooLarge
              : m.general(code);
  return new OfficeHostError(code, text, e);
}
