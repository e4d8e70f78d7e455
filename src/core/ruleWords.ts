/**
 * Each rule's title and « Que faire » hint under the workbook's convention: the catalogues word them
 * (i18n `ruleTitles`, `pane.whatToDo`) from the facts read here, once per profile. Every screen and
 * export asks these two accessors, never the catalogue directly, so none can show the CES ESS's
 * words (its period, its CDC, its COPIL) over another convention's findings.
 */
import type { Lang } from './contract';
import type { RuleId } from './findings';
import { messages } from './i18n';
import type { ConventionText, RuleWords } from './i18n/ruleWordsTypes';
import { actionsAddedBody, awaitsDecision, perProfile, type Profile } from './profile';

/** « resserré autour d’une vingtaine d’actions » → « vingtaine »: the round number the text gives, if it gives one. */
const approx = (words: string | undefined): string | null => /\bune (\p{L}+aine) d[’']actions/u.exec(words ?? '')?.[1] ?? null;

/** The facts the titles and hints word, read from the profile once. */
export const ruleWordsOf = perProfile((p): RuleWords => {
  const copil = p.governance.find((g) => g.rule === 'governance.copil');
  return {
    years: p.years,
    avenantArticle: p.articles.avenants,
    funders: p.funders.map((f) => f.label.fr),
    undecided: p.funders.filter((f) => awaitsDecision(p, f.id)).map((f) => f.label),
    // The name narrow places use, the profile's (axes[].short, else the label up to its dash): « Axe 1 », « Animation ».
    axes: p.axes.map((a) => a.short.fr),
    addedBy: actionsAddedBody(p)?.label ?? { fr: p.actionsAddedBy, en: p.actionsAddedBy },
    actionsApprox: approx(p.maxActionsWords),
    maxActions: p.maxActions,
    copil: copil ? { label: copil.label, min: copil.min, max: copil.max } : null,
  };
});

const worded = (t: ConventionText, p: Profile): string => (typeof t === 'string' ? t : t(ruleWordsOf(p)));

/** A rule's title in `lang`, in the words of the workbook's convention. */
export const ruleTitle = (rule: RuleId, lang: Lang, p: Profile): string => worded(messages[lang].ruleTitles[rule], p);

/** What the user does next about a rule's findings, in the convention's words; undefined for a rule without a hint. */
export function ruleHint(rule: RuleId, lang: Lang, p: Profile): string | undefined {
  const hint = messages[lang].pane.whatToDo[rule];
  return hint === undefined ? undefined : worded(hint, p);
}
