/**
 * What an amount of the Convention table is, in the convention's own terms (Art. 3, 4, 5, 7):
 * fixed by the text, forecast, renewed subject to the budget, decided since, not fixed, changed by an
 * avenant, or outside the convention (a co-funder). The summary labels every amount with it.
 */
import type { ConventionFields, FunderKey, Row } from './model';
import { signedAmount, type FunderId } from './profile';

export type LegalStatusId = 'fixe' | 'previsionnel' | 'reconduit' | 'decide' | 'non-fixe' | 'avenant' | 'sans-avenant' | 'hors-convention';

/** `changeCovered`: whether an avenant of the right kind covers a changed amount (rules/convention.ts, changeProblem). */
export function legalStatus(funder: FunderKey, year: number, row: Row<ConventionFields> | undefined, changeCovered: boolean): LegalStatusId {
  if (funder.startsWith('co:')) return 'hors-convention';
  const signed = signedAmount(funder as FunderId, year);
  if (!signed) return 'hors-convention';
  const amount = row?.v.amount;
  if (amount === undefined) return 'non-fixe';
  if (signed.amount !== null && amount !== signed.amount) return changeCovered ? 'avenant' : 'sans-avenant';
  if (signed.status === 'fixe') return 'fixe';
  if (row?.v.decision) return 'decide';
  if (signed.status === 'previsionnel') return 'previsionnel';
  if (signed.status === 'sous-reserve') return 'reconduit';
  return 'non-fixe';
}
