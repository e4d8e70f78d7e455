import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Messages } from '../../core/i18n/types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The preview's first screen: one thing to do (open the workbook), the example and a blank workbook as the alternatives. */
export function FirstRun({ m, busy, onOpen, onExample, onBlank }: { m: Messages; busy: boolean; onOpen: () => void; onExample: () => void; onBlank: () => void }) {
  const styles = useStyles();
  const f = m.pane.firstRun;
  return (
    <section className={styles.root} aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title" className={styles.title}>
        {f.title}
      </h2>
      <Text>{f.intro}</Text>
      <Button appearance="primary" disabledFocusable={busy} onClick={onOpen}>
        {f.open}
      </Button>
      <Text size={200} className={styles.hint}>
        {f.blankHint}
      </Text>
      <div className={styles.buttons}>
        <Button disabledFocusable={busy} onClick={onExample}>
          {f.example}
        </Button>
        <Button appearance="subtle" disabledFocusable={busy} onClick={onBlank}>
          {f.blank}
        </Button>
      </div>
    </section>
  );
}
