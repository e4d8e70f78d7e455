/** The hidden copy of the previous "Synthèse COPIL" sheet while it is rewritten in place (see ownSheet.ts). */
export const SUMMARY_ASIDE = 'SuiviCES-synthese-prec';
