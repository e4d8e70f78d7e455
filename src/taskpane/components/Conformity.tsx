import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { FunderYearCents } from '../../core/check';
import type { Lang } from '../../core/contract';
import type { Messages } from '../../core/i18n/types';
import { Amount } from './Amount';
import { compactEuros, conformityGrid, conformityRows, type ConformityRow } from '../view';

const NARROW = '@media (max-width: 479px)';

const useStyles = makeStyles({
  sub: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // The funder × year grid: three funders by three years, a mark and the gap, on a 360 px pane's first screen.
  grid: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontVariantNumeric: 'tabular-nums' },
  corner: { width: '4.6em' },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` },
  year: { textAlign: 'right' },
  td: {
    textAlign: 'right',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // The mark and the figure may stack in a narrow cell: the figure itself is never cut.
    overflowWrap: 'normal',
  },
  tdGap: { backgroundColor: tokens.colorPaletteRedBackground1 },
  mark: { display: 'inline-block', width: '1.1em', textAlign: 'center', fontWeight: tokens.fontWeightSemibold },
  zero: { color: tokens.colorNeutralForeground2 },
  details: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
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

const MARK = { conform: '✓', gap: '✗', 'no-amount': '–', unreadable: '?' } as const;

/** The funder × year conformity: a compact grid (mark and gap), the amounts behind a collapsed detail. */
export function Conformity(props: { m: Messages; lang: Lang; totals: FunderYearCents[] }) {
  const { m, lang, totals } = props;
  const ui = m.ui;
  const styles = useStyles();
  const rows = conformityRows(totals, lang);
  const grid = conformityGrid(rows);
  const stateText = (r: ConformityRow) => (r.state === 'conform' ? ui.dashboard.conform : r.state === 'gap' ? ui.dashboard.notConform : r.state === 'unreadable' ? (r.reason ?? ui.dashboard.noAmount) : ui.dashboard.noAmount);
  const describe = (r: ConformityRow) => ui.dashboard.cell({ funder: r.funder, year: r.year, state: stateText(r), convention: r.convention, participations: r.participations, gap: r.gap });
  const markClass = (r: ConformityRow) => (r.state === 'conform' ? styles.ok : r.state === 'gap' || r.state === 'unreadable' ? styles.bad : styles.none);
  // An amount in the detail: its label shows only when the row stacks on a narrow pane.
  const amountCell = (area: string, label: string, value: string) => (
    <TableCell className={mergeClasses(area, styles.num)}>
      <span className={styles.label} aria-hidden="true">
        {label}
      </span>
      {value}
    </TableCell>
  );
  return (
    <section aria-labelledby="conformity-title">
      <h3 className={styles.sub} id="conformity-title">
        {ui.dashboard.conformity}
      </h3>
      <table className={styles.grid} aria-labelledby="conformity-title" data-testid="conformity-grid">
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.th, styles.corner)}>
              {ui.dashboard.funder}
            </th>
            {grid.years.map((y) => (
              <th key={y} scope="col" className={mergeClasses(styles.th, styles.year)}>
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.funders.map(({ funder, cells }) => (
            <tr key={funder}>
              <th scope="row" className={styles.th}>
                {funder}
              </th>
              {cells.map((r, i) =>
                r === null ? (
                  <td key={i} className={styles.td} />
                ) : (
                  <td
                    key={r.key}
                    className={mergeClasses(styles.td, r.state === 'gap' && styles.tdGap)}
                    data-testid={`conformity-${r.key}`}
                    data-state={r.state}
                    title={r.gapCents !== null && compactEuros(r.gapCents, lang, true).compact ? undefined : describe(r)}
                  >
                    <span className={mergeClasses(styles.mark, markClass(r))} role="img" aria-label={stateText(r)}>
                      {MARK[r.state]}
                    </span>
                    {r.gapCents === null ? <span>{r.gap}</span> : <Amount cents={r.gapCents} lang={lang} signed tip={describe(r)} className={r.state === 'conform' ? styles.zero : undefined} />}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <Accordion collapsible className={styles.details}>
        <AccordionItem value="amounts">
          <AccordionHeader as="h4" size="small">
            {ui.dashboard.amounts}
          </AccordionHeader>
          <AccordionPanel>
      <Table noNativeElements size="extra-small" aria-label={ui.dashboard.amounts}>
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
          {rows.map((r) => (
            <TableRow key={r.key} className={styles.row} data-testid={`amounts-${r.key}`} data-state={r.state}>
              <TableCell className={styles.funder}>{`${r.funder} ${r.year}`}</TableCell>
              {amountCell(styles.conv, ui.dashboard.convention, r.convention)}
              {amountCell(styles.part, ui.dashboard.participations, r.participations)}
              {amountCell(styles.gap, `${ui.dashboard.gap}\u00a0`, r.gap)}
              <TableCell className={styles.status}>
                <span className={markClass(r)} role="img" aria-label={stateText(r)} title={stateText(r)}>
                  {MARK[r.state]}
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
