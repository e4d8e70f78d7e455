import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../../core/contract';
import type { Messages } from '../../core/i18n/types';
import { asOfProblem, AS_OF_YEARS } from '../view';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '320px' } });

/**
 * Language and situation date. A date that cannot be used (22015, half typed) stays in the field
 * with its error under it; the pane keeps checking at the last good date until it is corrected.
 */
export function SettingsTab(props: { m: Messages; lang: Lang; asOf: string; onLang: (l: Lang) => void; onAsOf: (iso: string) => void }) {
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
    </div>
  );
}
