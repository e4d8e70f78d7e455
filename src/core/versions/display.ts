/** Canonical values of the versions (lines.ts) as a reader sees them: 1 500,00 €, 31/12/2015, Région. */
import { axisLabel, funderLabel, instanceLabel, statusLabel, type ColumnKind, type Lang } from '../contract';
import { centsFromDecimalString, formatEuros, formatGap, type Cents } from '../money';
import { profile as builtIn, type Profile } from '../profile';
import { formatDate, parseDateText } from '../text';
import { messages } from '../i18n';

/** `profile`: the convention whose ids the value holds (the built-in CES ESS for a caller that has no workbook). */
export function showValue(kind: ColumnKind | null, value: string | null, lang: Lang, profile: Profile = builtIn): string {
  if (value === null || value === '') return messages[lang].versions.blank;
  switch (kind) {
    case 'amount': {
      const c = centsFromDecimalString(value);
      return c === null ? value : formatEuros(c, lang);
    }
    case 'date': {
      const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDateText(value) : null;
      return d ? formatDate(d, lang) : value;
    }
    case 'funder':
      return value.startsWith('co:') ? value.slice(3) : funderLabel(value, lang, profile);
    case 'axis':
      return profile.axes.some((a) => a.id === value) ? axisLabel(value, lang, profile) : value;
    case 'status':
      return profile.statuses.some((s) => s.id === value) ? statusLabel(value as Profile['statuses'][number]['id'], lang, profile) : value;
    case 'instance':
      return profile.governance.some((g) => g.id === value) ? instanceLabel(value, lang, profile) : value;
    default:
      return value;
  }
}

/** The signed difference of two amounts, "+500,00 €"; null when either is not an amount. */
export function amountDelta(kind: ColumnKind | null, before: string | null, after: string | null, lang: Lang): string | null {
  if (kind !== 'amount') return null;
  const b = before ? centsFromDecimalString(before) : 0;
  const a = after ? centsFromDecimalString(after) : 0;
  return a === null || b === null ? null : formatGap(a - b, lang);
}

export const showCents = (c: Cents | null, lang: Lang) => (c === null ? messages[lang].versions.blank : formatEuros(c, lang));
