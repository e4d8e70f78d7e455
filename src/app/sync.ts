/**
 * A sync, the same in Excel and in the preview: the host reads the workbook, the core checks it,
 * the results become a plan (Contrôles, highlights, a Journal line: core/sheets/controls.ts) that
 * the host writes. In Excel that is two round trips, one read and one write (the host retries a
 * refused one on a fresh read).
 */
import { analyse, present, type Analysis } from '../core/check';
import type { Lang } from '../core/contract';
import { profileOf, type Profile } from '../core/profile';
import { fingerprint } from './fingerprint';
import { messages } from '../core/i18n';
import { resultsPlan } from '../core/sheets/controls';
import { journalStamp } from '../core/sheets/journal';
import { formatDate } from '../core/text';
import type { SyncOutcome, WorkbookHost } from '../hosts/host';

export interface SyncOptions {
  asOf: Date;
  lang: Lang;
  /** The Journal's clock. */
  now?: () => Date;
  /** False for a live update after an edit: Contrôles and highlights refreshed, no Journal line. */
  journal?: boolean;
}

/** The sync's outcome, with the analysis behind its words: the pane re-words it on a language switch. */
export interface SyncedWorkbook extends SyncOutcome {
  analysis: Analysis;
  /** The convention the workbook read carries (issue 23), undefined for the built-in CES ESS. */
  profile?: Profile;
}

export async function syncWorkbook(host: WorkbookHost, o: SyncOptions): Promise<SyncedWorkbook> {
  const now = o.now ?? (() => new Date());
  let analysis: Analysis | undefined;
  let profile: Profile | undefined;
  const outcome = await host.applyResults(async (snapshot) => {
    profile = snapshot.profile;
    // The host may read twice (a retry on a fresh read): the analysis kept is the last one's.
    analysis = analyse(snapshot, o.asOf);
    const result = present(analysis, o.lang);
    const line = o.journal === false ? null : [journalStamp(now()), messages[o.lang].office.journal.sync(formatDate(o.asOf, o.lang)), result.summary.errors, result.summary.warnings, await fingerprint(snapshot)];
    return { result, plan: resultsPlan(result, snapshot.sheets, line, o.lang, profileOf(snapshot)) };
  });
  return { ...outcome, analysis: analysis!, ...(profile ? { profile } : {}) };
}
