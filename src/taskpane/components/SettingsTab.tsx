import { Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../../core/contract';
import type { Messages } from '../../core/i18n/types';
import { profile as builtIn, type Profile } from '../../core/profile';
import { PROFILE_SHEET } from '../../core/profileWords';
import { formatDate, parseDateText } from '../../core/text';
import { asOfProblem, AS_OF_YEARS } from '../view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '320px' },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

/**
 * Which convention the workbook follows (issue 23): the one it carries (its SuiviCES-convention
 * sheet), else the built-in CES ESS 2014-2016: its title, period, funders and the situation date.
 */
function ConventionFacts(props: { m: Messages; lang: Lang; asOf: string; convention: Profile | null }) {
  const { m, lang, asOf, convention } = props;
  const styles = useStyles();
  const w = m.profileStore.settings;
  const p = convention ?? builtIn;
  const years = p.years;
  const date = parseDateText(asOf);
  const facts: [string, string][] = [
    [w.title, p.title],
    [w.period, years.length ? `${years[0]}-${years[years.length - 1]}` : ''],
    [w.funders, p.funders.map((f) => f.label[lang]).join(', ')],
    [w.asOf, date ? formatDate(date, lang) : asOf],
  ];
  return (
    <section aria-labelledby="convention-heading" data-testid="convention">
      <Text as="h2" id="convention-heading" weight="semibold" size={400} block>
        {w.heading}
      </Text>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <Text size={200} block>
        {convention ? w.stored(PROFILE_SHEET, convention.id) : w.builtIn}
      </Text>
    </section>
  );
}

/**
 * Language and situation date. A date that cannot be used (22015, half typed) stays in the field
 * with its error under it; the pane keeps checking at the last good date until it is corrected.
 */
export function SettingsTab(props: { m: Messages; lang: Lang; asOf: string; convention: Profile | null; onLang: (l: Lang) => void; onAsOf: (iso: string) => void }) {
  const { m, lang, asOf, onLang, onAsOf } = props;
  const ui = m.ui;
  const styles = useStyles();
  const [draft, setDraft] = useState<string | null>(null);
  const problem = draft === null ? null : draft === '' ? 'invalid' : asOfProblem(draft);
  const message = problem === 'range' ? m.pane.asOfRange(AS_OF_YEARS.min, AS_OF_YEARS.max) : problem === 'invalid' ? m.pane.asOfInvalid : undefined;
  return (
    <div className={styles.root}>
      <Field label={ui.settings.language}>
        <Select value={lang} onChange={(_, d) => onLang(d.value === 'en' ? 'en' : 'fr')}>
          <option value="fr" lang="fr">
            {ui.settings.languageNames.fr}
          </option>
          <option value="en" lang="en">
            {ui.settings.languageNames.en}
          </option>
        </Select>
      </Field>
      <Field label={ui.settings.asOf} hint={ui.settings.asOfHint} validationState={message ? 'error' : 'none'} validationMessage={message}>
        <Input
          type="date"
          min={`${AS_OF_YEARS.min}-01-01`}
          max={`${AS_OF_YEARS.max}-12-31`}
          value={draft ?? asOf}
          onChange={(_, d) => {
            setDraft(d.value);
            if (d.value && asOfProblem(d.value) === null) {
              setDraft(null);
              onAsOf(d.value);
            }
          }}
        />
      </Field>
      <ConventionFacts m={m} lang={lang} asOf={asOf} convention={props.convention} />
    </div>
  );
}
