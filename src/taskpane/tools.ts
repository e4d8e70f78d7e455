/**
 * The Export COPIL and Rapprochement tabs' view logic: file names, the column picker's choices and
 * the counts a user reads. Formatting and choices only; the judgement is the core's.
 */
import { SUMMARY_FORMATS, type SummaryFormat } from '../app/formats';
import type { LedgerField } from '../core/reconcile/ledger';
import { LEDGER_FIELDS } from '../core/reconcile/ledger';
import type { LineStatus, ReconcileResult } from '../core/reconcile/match';

export type ExportKind = SummaryFormat;
export const EXPORT_KINDS = Object.keys(SUMMARY_FORMATS) as ExportKind[];
export const EXPORT_TYPES: Record<ExportKind, string> = SUMMARY_FORMATS;

/** "synthese-copil-2016-12-31.pdf": ASCII only, so that every mail client and file system keeps it as is. */
export function exportFileName(kind: ExportKind, asOfIso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(asOfIso) ? asOfIso : 'sans-date';
  return `synthese-copil-${date}.${kind}`;
}

/** The statuses in the order a user works through them: what disagrees first. */
export const COUNT_ORDER: readonly LineStatus[] = ['different', 'missing-in-ledger', 'missing-in-workbook', 'matched', 'netted-out'];

export function reconCounts(result: Pick<ReconcileResult, 'counts'>): { status: LineStatus; count: number }[] {
  return COUNT_ORDER.map((status) => ({ status, count: result.counts[status] }));
}

/** The picker's mapping: field → ledger header, or null for "no such column". */
export type ColumnMapping = Record<LedgerField, string | null>;

/**
 * The mapping the picker starts from: what the parse recognised, or nothing when it recognised no
 * header. A header the ledger no longer has (another file picked) is dropped.
 */
export function initialMapping(columns: Partial<Record<LedgerField, string | null>> | null, headers: string[]): ColumnMapping {
  const out = {} as ColumnMapping;
  for (const f of LEDGER_FIELDS) {
    const h = columns?.[f] ?? null;
    out[f] = h !== null && headers.includes(h) ? h : null;
  }
  return out;
}

/** The parse option `map` for a picker's mapping: only the fields given a column. */
export function mapOption(mapping: ColumnMapping): Partial<Record<LedgerField, string>> {
  const map: Partial<Record<LedgerField, string>> = {};
  for (const f of LEDGER_FIELDS) {
    const h = mapping[f];
    if (h !== null) map[f] = h;
  }
  return map;
}

/** The core needs an amount and a way to pair lines (a reference or an action code): the picker says so before parsing. */
export function mappingUsable(mapping: ColumnMapping): boolean {
  return (mapping.committed !== null || mapping.paid !== null) && (mapping.reference !== null || mapping.action !== null);
}

/** The same header chosen for two fields is a slip: the fields that share one. */
export function duplicateFields(mapping: ColumnMapping): LedgerField[] {
  const seen = new Map<string, LedgerField[]>();
  for (const f of LEDGER_FIELDS) {
    const h = mapping[f];
    if (h === null) continue;
    seen.set(h, [...(seen.get(h) ?? []), f]);
  }
  return [...seen.values()].filter((fs) => fs.length > 1).flat();
}
