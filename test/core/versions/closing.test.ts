/**
 * Closing and reopening decide whether the year is one of the workbook's convention (issue 23): the
 * CES ESS's 2014-2016 without a profile, the profile's years with one; refused with those years, in
 * the plan every host reads (the CLI, the pane), before anything else is looked at.
 */
import { profileFromDocument, type ProfileDocument } from '../../../src/core/profile';
import { snapshotFromPlan } from '../../../src/core/planSnapshot';
import { buildWorkbookPlan } from '../../../src/core/template';
import { planClosing, planReopening } from '../../../src/core/versions/closing';
import fixture from '../../fixtures/profiles/transition-2021-2024.json';
import { closeYear, raisePlanned } from '../../helpers/closure';
import { exampleSnapshot } from '../../helpers/workbook';
import { messages } from '../../../src/core/i18n';
import { plain } from '../../helpers/typography';

const second = profileFromDocument(fixture as ProfileDocument);
const now = new Date('2026-12-07T08:00:00Z');
const asOf = new Date('2027-06-30T00:00:00Z');
const closing = (year: number) => ({ year, by: 'Test', force: true, reason: 'essai', asOf, lang: 'fr' as const, now });
const reopening = (year: number) => ({ year, by: 'Test', reason: 'essai', lang: 'fr' as const, now });

function secondSnapshot() {
  const s = snapshotFromPlan(buildWorkbookPlan({ example: false, lang: 'fr', profile: second }));
  s.profile = second;
  return s;
}

describe('a year of the workbook’s convention', () => {
  test('the CES ESS workbook refuses 2021 for closing and reopening, naming 2014, 2015 and 2016', () => {
    const s = exampleSnapshot();
    expect(planClosing(s, closing(2021))).toEqual({ ok: false, why: 'not-a-year', years: [2014, 2015, 2016] });
    expect(planReopening(s, reopening(2021))).toEqual({ ok: false, why: 'not-a-year', years: [2014, 2015, 2016] });
  });

  test('a workbook of another convention takes its own years and refuses the CES ESS’s', () => {
    const s = secondSnapshot();
    expect(planClosing(s, closing(2016))).toEqual({ ok: false, why: 'not-a-year', years: [2021, 2022, 2023, 2024] });
    expect(planReopening(s, reopening(2016))).toEqual({ ok: false, why: 'not-a-year', years: [2021, 2022, 2023, 2024] });
    const plan = planClosing(s, closing(2024));
    expect(plan.ok).toBe(true);
    // Not closed yet: reopening 2024 is refused as not closed, not as outside the convention.
    expect(planReopening(s, reopening(2024))).toEqual({ ok: false, why: 'not-closed' });
  });

  test('the year is judged before the rest: a closed year outside the convention is still « not a year »', () => {
    const s = exampleSnapshot();
    closeYear(s, 2014);
    raisePlanned(s, 2014);
    expect(planClosing(s, closing(2014))).toMatchObject({ ok: false, why: 'closed' });
    expect(planReopening(s, reopening(2014)).ok).toBe(true);
    expect(planReopening(s, reopening(2013))).toMatchObject({ why: 'not-a-year' });
  });

  test('a year still running cites the article that closes the convention’s period; the pane offers no command-line flag', () => {
    const running = { year: 2016, by: 'Test', force: false, asOf: new Date('2016-06-30T00:00:00Z'), lang: 'fr' as const, now };
    const ces = planClosing(exampleSnapshot(), running);
    expect(ces).toMatchObject({ ok: false, why: 'not-ended', end: '2016-12-31', article: 'Art. 8' });
    if (ces.ok || ces.why !== 'not-ended') throw new Error('not-ended expected');
    const { close, pane } = messages.fr.versions;
    // The CES ESS's sentence, as before profiles.
    expect(plain(close.notEnded(2016, ces.end, false, ces.article))).toBe(
      "L'année 2016 n'est pas terminée (elle court jusqu'au 31/12/2016) : l'article 8 couvre les engagements décidés pendant toute l'année ; clôturez-la après le 31/12/2016, ou ajoutez --force --reason \"…\" (le motif est inscrit au Journal).",
    );
    expect(plain(pane.notEnded(2016, ces.end, ces.article))).toBe("L'année 2016 n'est pas terminée (elle court jusqu'au 31/12/2016) : l'article 8 couvre les engagements décidés pendant toute l'année ; clôturez-la après le 31/12/2016.");
    const other = planClosing(secondSnapshot(), { ...running, year: 2022, asOf: new Date('2022-06-30T00:00:00Z') });
    expect(other).toMatchObject({ why: 'not-ended', article: 'Art. 2' });
    if (other.ok || other.why !== 'not-ended') throw new Error('not-ended expected');
    expect(plain(pane.notEnded(2022, other.end, other.article))).toBe("L'année 2022 n'est pas terminée (elle court jusqu'au 31/12/2022) : l'article 2 couvre les engagements décidés pendant toute l'année ; clôturez-la après le 31/12/2022.");
    expect(messages.en.versions.pane.notEnded(2022, other.end, other.article)).toBe('Year 2022 has not ended (it runs until 2022-12-31): Article 2 covers the commitments decided during the whole year; close it after 2022-12-31.');
  });
});
