/**
 * An analysis put in words: the check's result as the CLI prints it (text and JSON, product.md's
 * CLI contract) and the pane shows it. The only place findings get their message and totals their
 * decimal strings; a language switch calls it again on the same analysis.
 */
import type { Analysis, UnknownReason } from './analysis';
import { statusLabel, type Lang } from './contract';
import { RULES, type Finding, type RawFinding, type RawFindingOf, type RuleId } from './findings';
import { messages } from './i18n';
import type { LegalStatusId } from './legalStatus';
import { centsToDecimalString, type Cents } from './money';
import type { FunderKey } from './model';
import type { TableRead } from './readReport';
import { amountsOf, articleOf } from './ruleParams';
import { ruleArticle } from './ruleArticles';
import { profile as builtIn, type Profile } from './profile';
import { funderName } from './rules/context';
import { clip, isoDate } from './text';

/** A funder and year as the JSON output gives it: amounts as strings with two decimals. */
export interface FunderYearTotal {
  funder: string;
  funderKey: FunderKey;
  year: number;
  /** null where the Convention table holds no amount (CDC 2015-2016 before their decision) or an unreadable one. */
  convention: string | null;
  status: string | null;
  /** The amount's standing in the convention's terms (legalStatus.ts): fixe, previsionnel, reconduit, decide, non-fixe, avenant, avenant-sans-effet (named but not in force at the as-of date), sans-avenant, illisible, hors-convention. */
  legalStatus: LegalStatusId;
  /** Why convention or gap is null: 'no-amount', 'unreadable-amount', 'unreadable-participation'. */
  unknown: UnknownReason | null;
  participations: string;
  gap: string | null;
  /** null when not known (n.d.): `executionUnknown` says why. */
  planned: string | null;
  committed: string | null;
  paid: string | null;
  /** Which execution amounts are n.d. and why: 'unreadable-amount' (a cell of a line), 'no-column'. */
  executionUnknown?: { field: 'planned' | 'committed' | 'paid'; reason: 'unreadable-amount' | 'no-column' }[];
}

/** What was read of a contract table, and the same said in the result's language (the pane shows `text`). */
export interface TableReadResult extends TableRead {
  text: string;
}

export interface CheckResult {
  asOf: string;
  summary: { errors: number; warnings: number; infos: number };
  findings: Finding[];
  totals: FunderYearTotal[];
  /** Per contract table found: sheet, range, lines read, what was left out and why (issue 19). */
  read: TableReadResult[];
}

/** One finding in words: its message in `lang`, its amounts as decimal strings, its article from the workbook's profile. */
export function renderFinding(raw: RawFinding, lang: Lang, profile: Profile = builtIn): Finding {
  const def = RULES[raw.rule];
  const f: Finding = {
    rule: raw.rule,
    severity: def.severity,
    article: articleOf(raw.params) ?? ruleArticle(raw.rule, profile),
    message: word(raw, lang),
    sheet: raw.sheet,
    cell: raw.cell,
  };
  const { funder, year, expected, actual, gap } = amountsOf(raw.params);
  if (funder !== undefined) f.funder = funder;
  if (year !== undefined) f.year = year;
  if (expected !== undefined) f.expected = centsToDecimalString(expected);
  if (actual !== undefined) f.actual = centsToDecimalString(actual);
  if (gap !== undefined) f.gap = centsToDecimalString(gap);
  return f;
}

/** A finding's message: its rule's own words for its own parameters (one generic R ties the two together). */
function word<R extends RuleId>(raw: RawFindingOf<R>, lang: Lang): string {
  return messages[lang].rules[raw.rule](clipped(raw.params));
}

/** What a user typed (text) and codes, cut to a line: a pasted paragraph stays out of a message. */
function clipped<P extends object>(p: P): P {
  let q = p;
  if ('text' in q && typeof q.text === 'string') q = { ...q, text: clip(q.text) };
  if ('code' in q && typeof q.code === 'string') q = { ...q, code: clip(q.code) };
  return q;
}

const decimal = (c: Cents | null) => (c === null ? null : centsToDecimalString(c));

/**
 * The check's result in `lang`. The totals' funder and status labels stay French whatever the
 * language: the JSON contract has always given them so (the pane and the summary word their own).
 */
export function present(analysis: Analysis, lang: Lang): CheckResult {
  const { counts } = analysis;
  const { profile } = analysis.model;
  const result: CheckResult = {
    asOf: isoDate(analysis.asOf),
    summary: { errors: counts.error, warnings: counts.warning, infos: counts.info },
    findings: analysis.findings.map((f) => renderFinding(f, lang, profile)),
    totals: analysis.totals.map((t) => ({
      funder: funderName(t.funderKey, 'fr', profile),
      funderKey: t.funderKey,
      year: t.year,
      convention: decimal(t.convention),
      status: t.statusId ? statusLabel(t.statusId, 'fr', profile) : null,
      legalStatus: t.legalStatus,
      unknown: t.unknown,
      participations: centsToDecimalString(t.participations),
      gap: decimal(t.gap),
      planned: t.executionUnknown.some((u) => u.field === 'planned') ? null : centsToDecimalString(t.planned),
      committed: t.executionUnknown.some((u) => u.field === 'committed') ? null : centsToDecimalString(t.committed),
      paid: t.executionUnknown.some((u) => u.field === 'paid') ? null : centsToDecimalString(t.paid),
      ...(t.executionUnknown.length ? { executionUnknown: t.executionUnknown } : {}),
    })),
    read: analysis.model.read.map((r) => ({ ...r, text: messages[lang].cli.read(r) })),
  };
  return result;
}
