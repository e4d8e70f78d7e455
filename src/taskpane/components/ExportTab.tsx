/**
 * Export COPIL (summary sheet, PDF, XLSX, CSV): the engineer who builds it replaces this
 * placeholder; its heavy code (PDF) must stay behind a dynamic import().
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TabProps } from './RapprochementTab';

const useStyles = makeStyles({
  title: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function ExportTab({ m }: TabProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title" className={styles.title}>
        {m.ui.soon.title}
      </h2>
      <Text>{m.ui.soon.export}</Text>
    </section>
  );
}
