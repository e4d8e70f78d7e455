/**
 * What a finding's message lists or quotes of the workbook's convention (issue 23): its funders,
 * axes and bodies, the body that integrates new actions, the text's words on the final bilan. Read
 * from the profile once per profile (the findings of one workbook share them); the catalogues
 * (i18n/fr.ts, en.ts) word them, and the CES ESS 2014-2016's come out as they always have.
 */
import { actionsAddedBody, perProfile, type Profile } from './profile';
import { ruleArticle } from './ruleArticles';

/** The funders a funder cell may name (cell.unknown-funder), as the profile labels them. */
export const funderNames = perProfile((p) => p.funders.map((f) => f.label));

/**
 * The axes a line may name (axis.unknown): their French labels (what the reader accepts), how many
 * are numbered (a transversal line such as the CES's animation is not an axis the text counts), and
 * the article that sets them, where the profile gives one.
 */
export const axisChoices = perProfile((p) => {
  const article = ruleArticle('axis.unknown', p);
  return { axes: p.axes.map((a) => a.label.fr), numbered: p.axes.filter((a) => a.number > 0).length, ...(article ? { article } : {}) };
});

/** The bodies a meeting may name (governance.unknown-body), in the profile's order and French labels. */
export const bodyNames = perProfile((p) => p.governance.map((g) => g.label.fr));

/**
 * The body that integrates new actions (the CES's COPIL, action.added-without-copil and
 * actions.too-many): its French label (the CES's messages name it in both languages), its
 * article and the text's words on it ('' where the profile has none).
 */
export const actionsBody = perProfile((p) => {
  const body = actionsAddedBody(p);
  const article = ruleArticle('action.added-without-copil', p);
  return { body: body?.label.fr ?? p.actionsAddedBy, words: p.actionsAddedWords, ...(article ? { article } : {}) };
});

/** The last year's bilan (reporting.final-bilan-scope): the bilans' article and the text's words, if the profile quotes them. */
export const finalBilan = (p: Profile) => ({ article: p.articles.bilans, words: p.finalBilanWords });
