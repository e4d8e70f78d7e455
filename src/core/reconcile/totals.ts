/** The reconciliation's totals per funder and year, for the funders in scope (match.ts). */
import type { Lang } from '../contract';
import type { Cents } from '../money';
import type { FunderKey, Model } from '../model';
import type { Profile } from '../profile';
import { funderDisplay } from './keys';
import type { ReconTotal } from './types';

export interface TotalsInput {
  fin: Model['financing'];
  /** 1 where a workbook line was paired. */
  wbUsed: Uint8Array;
  inScope: (f: FunderKey | null | undefined) => boolean;
  /** The ledger's sums per funder and year, in the order met. */
  ledTotal: readonly { funder: FunderKey | null; year: number | null; c: Cents; p: Cents }[];
  everything: boolean;
  scope: ReadonlySet<FunderKey>;
  lang: Lang;
  /** The workbook's convention: its funders' order and names. */
  profile: Profile;
}

export function reconTotals({ fin, wbUsed, inScope, ledTotal, everything, scope, lang, profile }: TotalsInput): { totals: ReconTotal[]; funders: string[] } {
  const nw = fin.length;
  const wbCommitted = (i: number) => fin[i].v.committed ?? 0;
  const wbPaid = (i: number) => fin[i].v.paid ?? 0;
  const totals = new Map<FunderKey | null, Map<number | null, ReconTotal>>();
  const totalFor = (f: FunderKey | null, y: number | null): ReconTotal => {
    let byYear = totals.get(f);
    if (!byYear) totals.set(f, (byYear = new Map()));
    let t = byYear.get(y);
    if (!t) {
      t = { funder: funderDisplay(f, lang, profile) ?? '?', year: y, workbookCommitted: 0, ledgerCommitted: 0, gapCommitted: 0, workbookPaid: 0, ledgerPaid: 0, gapPaid: 0 };
      byYear.set(y, t);
    }
    return t;
  };
  let t: ReconTotal | undefined;
  let tf: FunderKey | null = null;
  let ty: number | null = null;
  for (let i = 0; i < nw; i++) {
    const w = fin[i];
    if (!inScope(w.v.funder) && !wbUsed[i]) continue;
    const f = w.v.funder ?? null;
    const y = w.v.year ?? null;
    if (t === undefined || tf !== f || ty !== y) {
      t = totalFor(f, y);
      tf = f;
      ty = y;
    }
    t.workbookCommitted += wbCommitted(i);
    t.workbookPaid += wbPaid(i);
  }
  for (const v of ledTotal) {
    const t = totalFor(v.funder, v.year);
    t.ledgerCommitted += v.c;
    t.ledgerPaid += v.p;
  }
  const funderOrder = (name: string) => {
    const i = profile.funders.findIndex((f) => f.label[lang] === name);
    return i < 0 ? profile.funders.length : i;
  };
  const totalList = [...totals.values()]
    .flatMap((byYear) => [...byYear.values()])
    .map((t) => ({ ...t, gapCommitted: t.ledgerCommitted - t.workbookCommitted, gapPaid: t.ledgerPaid - t.workbookPaid }))
    .sort((a, b) => funderOrder(a.funder) - funderOrder(b.funder) || a.funder.localeCompare(b.funder) || (a.year ?? 0) - (b.year ?? 0));

  const funders = everything ? [...new Set(totalList.map((t) => t.funder))] : [...scope].map((f) => funderDisplay(f, lang, profile)!);
  return { totals: totalList, funders };
}
