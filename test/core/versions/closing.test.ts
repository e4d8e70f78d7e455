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
});
