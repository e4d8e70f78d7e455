/**
 * Rapprochement (reconciliation with the CDC ledger): the engineer who builds it replaces this
 * placeholder. It gets the host and the pane's settings, like the other tabs.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/contract';
import type { Messages } from '../../core/i18n/types';
import type { WorkbookHost } from '../../hosts/host';

export interface TabProps {
  host: WorkbookHost;
  m: Messages;
  lang: Lang;
  asOf: string;
}

const useStyles = makeStyles({
  title: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function RapprochementTab({ m }: TabProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby="reconciliation-title">
      <h2 id="reconciliation-title" className={styles.title}>
        {m.ui.soon.title}
      </h2>
      <Text>{m.ui.soon.reconciliation}</Text>
    </section>
  );
}
