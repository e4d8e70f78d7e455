/**
 * What a rule's title and its « Que faire » hint need of the workbook's convention (core/ruleWords.ts
 * reads them from the profile once): the catalogues word them, the CES ESS's words coming out as
 * they always were. Types only, so that the catalogues and the core need nothing of each other.
 */

/** A label in both languages, as the profile gives it. */
export interface Labels {
  fr: string;
  en: string;
}

export interface RuleWords {
  /** The convention's years, in order. */
  years: readonly number[];
  /** The article on avenants as the profile writes it (the CES's "Art. 7"). */
  avenantArticle: string;
  /** Every funder's name as a Financeur cell takes it (the French label: the workbook's words). */
  funders: readonly string[];
  /** The funders whose amount the convention leaves to a later decision (no amount in it: the CES's CDC). */
  undecided: readonly Labels[];
  /** The axes' short names as an Axe cell takes them (« Axe 1 », « Animation »). */
  axes: readonly string[];
  /** The body that adds actions (the CES's COPIL). */
  addedBy: Labels;
  /** The text's maximum in round words, its « -aine » (« vingtaine » of « une vingtaine d’actions »), else null. */
  actionsApprox: string | null;
  /** The maximum as a number (the profile's actions.max). */
  maxActions: number;
  /** The body governance.copil counts, when the profile has one: its label and its meetings a year. */
  copil: { label: Labels; min: number; max: number | null } | null;
}

/** A title or a hint: one text, or words of the workbook's convention. */
export type ConventionText = string | ((w: RuleWords) => string);
