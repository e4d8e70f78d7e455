import {
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { CheckResult } from '../../core/check';
import type { Lang } from '../../core/contract';
import type { Messages } from '../../core/i18n/types';
import { formatDate, parseDateText } from '../../core/text';
import { conformityRows, severityCounts, tablesMissing } from '../view';

const NARROW = '@media (max-width: 479px)';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  // Balanced lines keep "2014-2016" together on narrow panes instead of breaking at the hyphen.
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400, ...({ textWrap: 'balance' } as object) },
  sub: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0 },
  // Explicit ARIA roles (noNativeElements) keep the table's semantics when narrow panes stack each
  // row on two lines: funder, gap and status, then the two amounts, each with its label.
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6.5em, 1.1fr) 1fr 1fr 1fr 1.75em',
    gridTemplateAreas: '"funder conv part gap status"',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    [NARROW]: { gridTemplateColumns: '1fr auto 1.75em', gridTemplateAreas: '"funder gap status" "conv conv conv" "part part part"', paddingBottom: tokens.spacingVerticalXS },
  },
  headRow: {
    [NARROW]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  },
  funder: { gridArea: 'funder', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  conv: { gridArea: 'conv' },
  part: { gridArea: 'part' },
  gap: { gridArea: 'gap' },
  status: { gridArea: 'status', justifyContent: 'center' },
  num: {
    justifyContent: 'flex-end',
    textAlign: 'right',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
    [NARROW]: { justifyContent: 'space-between', minHeight: 'auto', paddingTop: 0, paddingBottom: 0 },
  },
  label: { display: 'none', color: tokens.colorNeutralForeground2, [NARROW]: { display: 'inline' } },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  none: { color: tokens.colorNeutralForeground2 },
});

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function Dashboard(props: { m: Messages; lang: Lang; asOf: string; result: CheckResult | null; syncing: boolean; onSync: () => void; onRestore: () => void }) {
  const { m, lang, asOf, result, syncing, onSync, onRestore } = props;
  const ui = m.ui;
  const styles = useStyles();
  const date = parseDateText(asOf);
  return (
    <section className={styles.root} aria-labelledby="dashboard-title">
      <div className={styles.head}>
        <div>
          <h2 id="dashboard-title" className={styles.title}>
            {ui.contractTitle}
          </h2>
          <Text size={200}>{ui.dashboard.asOf(date ? formatDate(date, lang) : asOf)}</Text>
        </div>
        <Button appearance="primary" onClick={onSync} disabled={syncing}>
          {syncing ? ui.dashboard.syncing : ui.dashboard.sync}
        </Button>
      </div>
      {result && tablesMissing(result) ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{ui.dashboard.restoreHint}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={syncing} onClick={onRestore}>
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
          <h3 className={styles.sub} id="conformity-title">
            {ui.dashboard.conformity}
          </h3>
          <Table noNativeElements size="extra-small" aria-labelledby="conformity-title">
            <TableHeader>
              <TableRow className={mergeClasses(styles.row, styles.headRow)}>
                <TableHeaderCell className={styles.funder}>{ui.dashboard.funder}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.conv, styles.num)}>{ui.dashboard.convention}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.part, styles.num)}>{ui.dashboard.participations}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.gap, styles.num)}>{ui.dashboard.gap}</TableHeaderCell>
                <TableHeaderCell className={styles.status}>
                  <span aria-label={ui.dashboard.status}>{'✓'}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {conformityRows(result.totals, lang).map((r) => (
                <TableRow key={r.key} className={styles.row} data-testid={`conformity-${r.key}`} data-state={r.state}>
                  <TableCell className={styles.funder}>{`${r.funder} ${r.year}`}</TableCell>
                  <TableCell className={mergeClasses(styles.conv, styles.num)}>
                    <span className={styles.label} aria-hidden="true">
                      {ui.dashboard.convention}
                    </span>
                    {r.convention}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.part, styles.num)}>
                    <span className={styles.label} aria-hidden="true">
                      {ui.dashboard.participations}
                    </span>
                    {r.participations}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.gap, styles.num)}>
                    <span className={styles.label} aria-hidden="true">
                      {`${ui.dashboard.gap}\u00a0`}
                    </span>
                    {r.gap}
                  </TableCell>
                  <TableCell className={styles.status}>
                    {r.state === 'conform' ? (
                      <span className={styles.ok} role="img" aria-label={ui.dashboard.conform} title={ui.dashboard.conform}>
                        ✓
                      </span>
                    ) : r.state === 'gap' ? (
                      <span className={styles.bad} role="img" aria-label={ui.dashboard.notConform} title={ui.dashboard.notConform}>
                        ✗
                      </span>
                    ) : (
                      <span className={styles.none} role="img" aria-label={ui.dashboard.noAmount} title={ui.dashboard.noAmount}>
                        –
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
