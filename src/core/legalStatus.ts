/**
 * What an amount of the Convention table is at the situation date, in the convention's own terms
 * (Art. 3, 4, 5, 7): fixed by the text, forecast, renewed subject to the budget, decided since (a
 * decision recorded and dated by then: acts.ts), not fixed, changed by an avenant in force, changed
 * with an avenant that has no effect yet, changed without one, unreadable, or outside the convention
 * (a co-funder). The summary labels every amount with it; a typed « Confirmé » is not a decision.
 */
import { decisionOf } from './acts';
import type { ConventionFields, FunderKey, Row } from './model';
import { signedAmount, type Profile } from './profile';

export type LegalStatusId =
  | 'fixe'
  | 'previsionnel'
  | 'reconduit'
  | 'decide'
  | 'non-fixe'
  | 'avenant'
  | 'avenant-sans-effet'
  | 'sans-avenant'
  | 'illisible'
  | 'hors-convention';

/**
 * `change`: for a changed amount, whether an avenant of the right kind covers it at the situation
 * date ('covered'), names it but has no effect yet (undated, not yet signed, not approved: 'pending'),
 * or there is none ('none'); rules/avenants.ts, changeProblem.
 */
export function legalStatus(profile: Profile, funder: FunderKey, year: number, row: Row<ConventionFields> | undefined, asOf: Date, change: 'covered' | 'pending' | 'none'): LegalStatusId {
  if (funder.startsWith('co:')) return 'hors-convention';
  const signed = signedAmount(profile, funder, year);
  if (!signed) return 'hors-convention';
  if (row?.bad?.has('amount')) return 'illisible';
  const amount = row?.v.amount;
  if (amount === undefined) return 'non-fixe';
  if (signed.amount !== null && amount !== signed.amount) return change === 'covered' ? 'avenant' : change === 'pending' ? 'avenant-sans-effet' : 'sans-avenant';
  if (signed.status === 'fixe') return 'fixe';
  if (decisionOf(row, asOf)?.state === 'in-force') return 'decide';
  if (signed.status === 'previsionnel') return 'previsionnel';
  if (signed.status === 'sous-reserve') return 'reconduit';
  return 'non-fixe';
}
