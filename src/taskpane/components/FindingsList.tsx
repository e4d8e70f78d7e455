import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { Finding } from '../../core/findings';
import type { Lang } from '../../core/contract';
import type { Messages } from '../../core/i18n/types';
import type { Profile } from '../../core/profile';
import { ruleHint, ruleTitle } from '../../core/ruleWords';
import { groupByPlace, groupFindings } from '../view';

const useStyles = makeStyles({
  title: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  rule: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  article: { display: 'block', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  todo: { display: 'block', margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  todoLabel: { fontWeight: tokens.fontWeightSemibold },
  other: { display: 'list-item', listStyleType: 'disc', marginLeft: tokens.spacingHorizontalL },
  count: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  current: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  where: { display: 'block', fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});

/** Findings by severity (accordion) and rule; each one a button that takes the user to its cell. */
export function FindingsList(props: {
  m: Messages;
  lang: Lang;
  /** The convention the findings were judged by: the titles and hints are in its words. */
  profile: Profile;
  findings: Finding[];
  current: Finding | null;
  onSelect: (f: Finding) => void;
  renderCurrent?: () => ReactNode;
  /** Where a finding points, when it is not a workbook cell (a ledger's "ligne 12"). */
  where?: (f: Finding) => string;
}) {
  const { m, lang, profile, findings, current, onSelect, renderCurrent, where } = props;
  const ui = m.ui;
  const styles = useStyles();
  const groups = groupFindings(findings);
  // Two lists on the page (Contrôles, Rapprochement): each its own heading id.
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.title}>
        {ui.findings.title}
      </h2>
      {groups.length === 0 ? (
        <Text data-testid="no-findings">{ui.findings.none}</Text>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.severity)}>
          {groups.map((g) => (
            <AccordionItem key={g.severity} value={g.severity}>
              <AccordionHeader as="h3" size="small">{`${g.count} ${g.count > 1 ? m.severityPlural[g.severity] : m.severity[g.severity]}`}</AccordionHeader>
              <AccordionPanel>
                {g.rules.map((r) => {
                  const hint = ruleHint(r.rule, lang, profile);
                  return (
                    <div key={r.rule} data-rule={r.rule}>
                      {/* The rule id stays available (the CLI, the exports and the README name it), as a tooltip, not under every title. */}
                      <h4 className={styles.rule} title={m.pane.ruleDetails(r.rule, r.article)}>
                        {ruleTitle(r.rule, lang, profile)}
                        {r.article ? <span className={styles.article}>{ui.findings.article(r.article)}</span> : null}
                      </h4>
                      {hint ? (
                        <Text className={styles.todo} data-testid="what-to-do">
                          <span className={styles.todoLabel}>{`${m.pane.whatToDoLabel} `}</span>
                          {hint}
                        </Text>
                      ) : null}
                      <ul className={styles.list}>
                        {groupByPlace(r.findings).map(({ key, findings: same }) => {
                          const f = same[0];
                          const isCurrent = same.includes(current as Finding);
                          return (
                            <li key={key}>
                              <button
                                type="button"
                                className={mergeClasses(styles.item, isCurrent && styles.current)}
                                aria-current={isCurrent ? 'true' : undefined}
                                data-finding={key}
                                data-count={same.length}
                                onClick={() => onSelect(f)}
                              >
                                <span className={styles.where}>{where ? where(f) : ui.findings.at(f.sheet, f.cell)}</span>
                                {same.length > 1 ? (
                                  <>
                                    <span className={styles.count}>{m.pane.samePlace(same.length)}</span>
                                    {/* Phrasing content only inside a button: one line per finding, as spans. */}
                                    {same.map((x, i) => (
                                      <span key={i} className={styles.other}>
                                        {x.message}
                                      </span>
                                    ))}
                                  </>
                                ) : (
                                  f.message
                                )}
                              </button>
                              {isCurrent && renderCurrent ? renderCurrent() : null}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  );
                })}
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}
