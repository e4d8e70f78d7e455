/**
 * The money at stake, at the top of the Contrôles tab: per funder and year, what the convention
 * sets and what is planned, committed and paid (the analysis' own totals, as the PDF prints them),
 * with a total line, and « n.d. » said in words under the table.
 */
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { FunderYearCents } from '../../core/check';
import type { Lang } from '../../core/contract';
import type { Messages } from '../../core/i18n/types';
import type { Cents } from '../../core/money';
import { funderName } from '../../core/rules/context';
import { Amount } from './Amount';

const useStyles = makeStyles({
  sub: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  label: { width: '6.2em' },
  th: { textAlign: 'right', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, overflowWrap: 'anywhere' },
  rowHead: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, whiteSpace: 'nowrap' },
  td: { textAlign: 'right', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  hint: { color: tokens.colorNeutralForeground2 },
  // Below 480 px three amounts fit a row, four do not: the convention's stays in the conformity detail.
  wide: { '@media (max-width: 479px)': { display: 'none' } },
});

type Column = 'convention' | 'planned' | 'committed' | 'paid';
const COLUMNS: Column[] = ['convention', 'planned', 'committed', 'paid'];

export function Synthese({ m, lang, totals }: { m: Messages; lang: Lang; totals: FunderYearCents[] }) {
  const styles = useStyles();
  const s = m.pane.synthese;
  const titleId = useId();
  // An execution amount n.d. (a cell unreadable, a column absent) is n.d. on its line and in the total: its partial sum is no figure.
  const why = (t: FunderYearCents, k: Column): string | null => {
    if (k === 'convention') return t.convention === null ? (t.unknown ? m.summary.unknown[t.unknown] : '') : null;
    const u = t.executionUnknown.find((x) => x.field === k);
    return u ? (u.reason === 'no-column' ? m.summary.noColumn : m.summary.unknown['unreadable-amount']) : null;
  };
  const value = (t: FunderYearCents, k: Column): Cents | null => (why(t, k) === null ? t[k] : null);
  const sum = (k: Column): Cents | null => (totals.some((t) => why(t, k) !== null) ? null : totals.reduce((n, t) => n + (t[k] ?? 0), 0));
  const sumWhy = (k: Column): string | null => totals.map((t) => why(t, k)).find((w) => w) ?? null;
  const cell = (v: Cents | null, why: string | null) =>
    v === null ? (
      <abbr title={why ?? undefined} data-na="true">
        {m.ui.dashboard.notAvailable}
      </abbr>
    ) : (
      <Amount cents={v} lang={lang} />
    );
  const anyUnknown = totals.some((t) => t.convention === null || t.executionUnknown.length > 0);
  return (
    <section aria-labelledby={titleId} data-testid="synthese">
      <h3 id={titleId} className={styles.sub}>
        {s.title}
      </h3>
      <Text size={200} className={styles.hint} block>
        {s.intro}
      </Text>
      <table className={styles.table} aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.th, styles.label, styles.rowHead)}>
              {m.ui.dashboard.funder}
            </th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={mergeClasses(styles.th, c === 'convention' && styles.wide)}>
                {s[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {totals.map((t) => (
            <tr key={`${t.funderKey}|${t.year}`} data-testid={`synthese-${t.funderKey}|${t.year}`}>
              <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>{`${funderName(t.funderKey, lang)} ${t.year}`}</th>
              {COLUMNS.map((c) => (
                <td key={c} className={mergeClasses(styles.td, c === 'convention' && styles.wide)}>
                  {cell(value(t, c), why(t, c))}
                </td>
              ))}
            </tr>
          ))}
          <tr data-testid="synthese-total">
            <th scope="row" className={mergeClasses(styles.td, styles.total, styles.rowHead)}>
              {s.total}
            </th>
            {COLUMNS.map((c) => (
              <td key={c} className={mergeClasses(styles.td, styles.total, c === 'convention' && styles.wide)}>
                {cell(sum(c), sumWhy(c))}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {anyUnknown ? (
        <Text size={200} className={styles.hint} block data-testid="na-explained">
          {s.notAvailable}
        </Text>
      ) : null}
    </section>
  );
}
