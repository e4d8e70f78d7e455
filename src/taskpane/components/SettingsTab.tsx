import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/contract';
import type { UiMessages } from '../../core/i18n/types';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '320px' } });

export function SettingsTab(props: { ui: UiMessages; lang: Lang; asOf: string; onLang: (l: Lang) => void; onAsOf: (iso: string) => void }) {
  const { ui, lang, asOf, onLang, onAsOf } = props;
  const styles = useStyles();
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
      <Field label={ui.settings.asOf} hint={ui.settings.asOfHint}>
        <Input type="date" value={asOf} onChange={(_, d) => d.value && onAsOf(d.value)} />
      </Field>
    </div>
  );
}
