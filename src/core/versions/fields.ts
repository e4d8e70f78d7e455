/** The words of a diff that the message catalogues name: kinds of change, totals compared. */
export type ChangeKind = 'changed' | 'added' | 'removed';

export const TOTAL_FIELDS = ['convention', 'participations', 'planned', 'committed', 'paid'] as const;
export type TotalField = (typeof TOTAL_FIELDS)[number];
