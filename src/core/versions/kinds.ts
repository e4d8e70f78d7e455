/** The kinds of change and of total a comparison names; a leaf, so messages can name them without importing the comparison. */
export type ChangeKind = 'changed' | 'added' | 'removed';

export const TOTAL_FIELDS = ['convention', 'participations', 'planned', 'committed', 'paid'] as const;
export type TotalField = (typeof TOTAL_FIELDS)[number];
