import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { UiMessages } from '../../core/i18n/types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** First run on a workbook without the contract's tables. */
/** `busy`: any work under way (the button waits, focusable); `initializing`: this one, which its label says. */
export function InitPanel({ ui, busy, initializing, onInitialize }: { ui: UiMessages; busy: boolean; initializing: boolean; onInitialize: (example: boolean) => void }) {
  const styles = useStyles();
  const [example, setExample] = useState(false);
  return (
    <section className={styles.root} aria-labelledby="init-title">
      <h2 id="init-title" className={styles.title}>
        {ui.init.title}
      </h2>
      <Text>{ui.init.intro}</Text>
      <Checkbox checked={example} onChange={(_, d) => setExample(d.checked === true)} label={ui.init.example} />
      <Button appearance="primary" disabledFocusable={busy} onClick={() => onInitialize(example)}>
        {initializing ? ui.init.busy : ui.init.button}
      </Button>
    </section>
  );
}
