/**
 * Reconcile a ledger with the workbook: `ess-budget reconcile` and the pane's Rapprochement tab.
 * The workbook's snapshot and the ledger already parsed in (each caller reads its files), the
 * matching and its findings, worded and in order, out. Printing, sheets and files stay with the caller.
 */
import { renderFinding } from '../core/check';
import type { Lang } from '../core/contract';
import { RULES, SEVERITY_ORDER, type Finding, type RawFinding } from '../core/findings';
import { readModel, type Model } from '../core/model';
import { ledgerFindingsUnder, type LedgerParsed } from '../core/reconcile/ledger';
import { reconcile, type ReconcileOptions, type ReconcileResult } from '../core/reconcile/match';
import type { WorkbookSnapshot } from '../core/snapshot';

/** The workbook's model, or null when it has no Financements table to reconcile against. */
export function reconcilableModel(snapshot: WorkbookSnapshot): Model | null {
  const model = readModel(snapshot, []);
  return model.located.financements ? model : null;
}

export interface ReconcileCounts {
  errors: number;
  warnings: number;
  infos: number;
  matched: number;
  different: number;
  missingInLedger: number;
  missingInWorkbook: number;
  nettedOut: number;
  ledgerLines: number;
  skippedLines: number;
}

export interface Reconciled {
  result: ReconcileResult;
  /** The ledger's findings and the matching's, worded, errors first (otherwise in their order). */
  findings: Finding[];
  counts: ReconcileCounts;
}

const severityRank = (f: RawFinding) => SEVERITY_ORDER[RULES[f.rule].severity];

export function reconcileLedger(model: Model, ledger: LedgerParsed, options: ReconcileOptions & { lang: Lang }): Reconciled {
  const result = reconcile(model, ledger.lines, options);
  // Sorted before wording (a stable sort on the severity alone: the same order in every language).
  const raw = [...ledgerFindingsUnder(ledger.findings, model.profile), ...result.findings].sort((a, b) => severityRank(a) - severityRank(b));
  const findings = raw.map((r) => renderFinding(r, options.lang, model.profile));
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    result,
    findings,
    counts: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      matched: result.counts.matched,
      different: result.counts.different,
      missingInLedger: result.counts['missing-in-ledger'],
      missingInWorkbook: result.counts['missing-in-workbook'],
      nettedOut: result.counts['netted-out'],
      ledgerLines: ledger.lines.length,
      skippedLines: ledger.skipped,
    },
  };
}
