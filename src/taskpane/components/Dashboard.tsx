import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { CheckResult } from '../../core/check';
import type { Lang } from '../../core/contract';
import type { Messages } from '../../core/i18n/types';
import { formatDate, parseDateText } from '../../core/text';
import { severityCounts, tablesMissing } from '../view';
import { ReadNote } from './ReadNote';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  // Balanced lines keep "2014-2016" together on narrow panes instead of breaking at the hyphen.
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400, ...({ textWrap: 'balance' } as object) },
  sub: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0 },
});

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/** The contract, the as-of date, Synchroniser and the counts by severity; the grid and the findings follow (App). */
/** title: the convention the workbook follows, when it is not the built-in CES ESS (issue 23). */
export function Dashboard(props: { m: Messages; lang: Lang; asOf: string; title?: string; result: CheckResult | null; syncing: boolean; onSync: () => void; onRestore: () => void }) {
  const { m, lang, asOf, title, result, syncing, onSync, onRestore } = props;
  const ui = m.ui;
  const styles = useStyles();
  const date = parseDateText(asOf);
  return (
    <section className={styles.root} aria-labelledby="dashboard-title">
      <div className={styles.head}>
        <div>
          <h2 id="dashboard-title" className={styles.title}>
            {title ?? ui.contractTitle}
          </h2>
          <Text size={200}>{ui.dashboard.asOf(date ? formatDate(date, lang) : asOf)}</Text>
        </div>
        <Button appearance="primary" onClick={onSync} disabledFocusable={syncing}>
          {syncing ? ui.dashboard.syncing : ui.dashboard.sync}
        </Button>
      </div>
      {result && tablesMissing(result) ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{ui.dashboard.restoreHint}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabledFocusable={syncing} onClick={onRestore}>
              {ui.dashboard.restore}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {!result ? (
        <Text>{ui.dashboard.notSynced}</Text>
      ) : (
        <>
          <h3 className={styles.sub} id="counts-title">
            {ui.dashboard.counts}
          </h3>
          <ul className={styles.badges} aria-labelledby="counts-title" data-testid="severity-counts">
            {severityCounts(result).map(({ severity, count }) => (
              <li key={severity}>
                <Badge size="large" appearance={count > 0 ? 'filled' : 'tint'} color={count > 0 ? BADGE_COLOR[severity] : 'success'} data-severity={severity} data-count={count}>
                  {`${count} ${count > 1 ? m.severityPlural[severity] : m.severity[severity]}`}
                </Badge>
              </li>
            ))}
          </ul>
          <ReadNote m={m} read={result.read} />
        </>
      )}
    </section>
  );
}
