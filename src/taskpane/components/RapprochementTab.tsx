/**
 * Rapprochement: a ledger file (CSV or XLSX) the user picks, read in the browser, reconciled by the
 * core with the workbook's Financements; the counts and the findings, a column picker when the
 * headers are not recognised (or on request), and in Excel the Rapprochement sheet. The picker uses
 * native selects (Fluent's Select): Fluent's Dropdown did not open on a mouse click inside the pane.
 */
import { writeRapprochementSheet } from '../../app/sheets';
import { Button, Field, makeStyles, mergeClasses, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../core/contract';
import type { Finding } from '../../core/findings';
import { profile as builtIn, profileOf, type Profile } from '../../core/profile';
import type { Messages } from '../../core/i18n/types';
import { LEDGER_FIELDS } from '../../core/reconcile/ledger';
import { qualifiedAddress } from '../../core/snapshot';
import type { SelectedRange, WorkbookHost } from '../../hosts/host';
import type { LedgerRun } from '../lazy/ledgerFile';
import { duplicateFields, initialMapping, mapOption, mappingUsable, type ColumnMapping } from '../tools';
import { fileReason, paneErrorText } from '../view';
import { useFilePicker } from './FilePicker';
import { useTabStyles } from './tabStyles';
import { FindingsList } from './FindingsList';
import { BusyLine } from './BusyLine';
import { NoteBar, type Note } from './NoteBar';
import { reconAmounts } from '../view';
import { Amount } from './Amount';

export interface TabProps {
  host: WorkbookHost;
  m: Messages;
  lang: Lang;
  asOf: string;
}

const useStyles = makeStyles({
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  picker: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  counts: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, padding: `${tokens.spacingVerticalXXS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  td: { textAlign: 'right', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', paddingLeft: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  gap: { color: tokens.colorPaletteRedForeground1 },
});

/** A ledger: CSV (or a .txt export of one) or XLSX. */
const LEDGER_ACCEPT = '.csv,.txt,.xlsx,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet';

type Busy = null | 'read' | 'write';
/** Where the ledger comes from: a file picked, or cells selected in the workbook (Excel only). */
type Source = { kind: 'file'; file: File } | { kind: 'range'; range: SelectedRange };

export function RapprochementTab({ host, m, lang }: TabProps) {
  const styles = { ...useTabStyles(), ...useStyles() };
  const ui = m.ui.ledger;
  const [source, setSource] = useState<Source | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [run, setRun] = useState<Extract<LedgerRun, { ok: true }> | null>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [headers, setHeaders] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [picking, setPicking] = useState(false);
  const [current, setCurrent] = useState<Finding | null>(null);
  // The workbook's convention, read with the findings: their titles are in its words.
  const [convention, setConvention] = useState<Profile>(builtIn);

  // The columns the last reconciliation was asked with: a language switch runs it again, in the new words.
  const lastMap = useRef<ColumnMapping | undefined>(undefined);
  const reconcileWith = async (src: Source, map?: ColumnMapping) => {
    lastMap.current = map;
    setBusy('read');
    setNote(null);
    setCurrent(null);
    try {
      if (await host.isEmpty()) {
        setRun(null);
        setNote({ intent: 'error', text: (w) => w.ui.ledger.noWorkbook });
        return;
      }
      const snapshot = await host.readSnapshot();
      const { reconcileFile, reconcileRange } = await import(/* webpackChunkName: "ledger" */ '../lazy/ledgerFile');
      const options = { lang, map: map ? mapOption(map) : undefined, title: m.ui.contractTitle };
      const f = src.kind === 'file' ? src.file : null;
      const r = f ? await reconcileFile({ name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) }, snapshot, options) : await reconcileRange((src as Extract<Source, { kind: 'range' }>).range, snapshot, options);
      setSheets(snapshot.sheets);
      setConvention(profileOf(snapshot));
      if (!r.ok) {
        setRun(null);
        const message = r.message;
        setNote({ intent: 'error', text: () => message });
        if (r.headers && r.headers.length) {
          setHeaders(r.headers);
          setMapping(initialMapping(map ?? null, r.headers));
          setPicking(true);
        }
        return;
      }
      setRun(r);
      setHeaders(r.ledger.headers.filter((h) => h !== ''));
      setMapping(initialMapping(r.ledger.columns, r.ledger.headers));
      setPicking(false);
      const skipped = r.ledger.skipped;
      if (skipped > 0) setNote({ intent: 'warning', text: (w) => w.ui.ledger.skipped(skipped) });
    } catch (e) {
      setRun(null);
      setNote({ intent: 'error', text: (w) => w.ui.ledger.unreadable(sourceName(src), fileReason(e, w)) });
    } finally {
      setBusy(null);
    }
  };

  const start = (src: Source) => {
    setSource(src);
    setHeaders(null);
    setMapping(null);
    setPicking(false);
    void reconcileWith(src);
  };
  const picker = useFilePicker({ id: 'ledger-file', accept: LEDGER_ACCEPT, onFile: (file) => start({ kind: 'file', file }) });

  const fromSelection = async () => {
    if (!host.capabilities.readSelection) return;
    setBusy('read');
    setNote(null);
    let range: SelectedRange | null;
    try {
      range = await host.readSelection();
    } catch (e) {
      setNote({ intent: 'error', text: (w) => paneErrorText(e, w.ui.ledger.failed, w) });
      setBusy(null);
      return;
    }
    setBusy(null);
    if (!range) setNote({ intent: 'error', text: (w) => w.ui.ledger.emptySelection });
    else start({ kind: 'range', range });
  };

  const write = async () => {
    if (!run || !host.capabilities.writeSheets) return;
    setBusy('write');
    setNote(null);
    try {
      const { sheet } = await writeRapprochementSheet(host, run.sheet);
      setNote({ intent: 'success', text: (w) => w.ui.ledger.written(sheet), sheet });
    } catch (e) {
      setNote({ intent: 'error', text: (w) => paneErrorText(e, w.ui.ledger.failed, w) });
    } finally {
      setBusy(null);
    }
  };

  const select = async (f: Finding) => {
    setCurrent(f);
    // A ledger line has no cell in the workbook to go to: its finding names it, and that is all.
    if (!sheets.includes(f.sheet)) return;
    try {
      await host.select(f.sheet, f.cell);
    } catch {
      setNote({ intent: 'error', text: (w) => w.ui.errors.select(f.sheet, f.cell) });
    }
  };

  // In another language, the findings and the ledger's words are the core's: reconcile again (the file is still there).
  const firstLang = useRef(lang);
  useEffect(() => {
    if (lang === firstLang.current) return;
    firstLang.current = lang;
    if (source && run) void reconcileWith(source, lastMap.current);
  }, [lang]);

  const dupes = mapping ? duplicateFields(mapping) : [];
  const canApply = mapping !== null && mappingUsable(mapping) && dupes.length === 0;

  return (
    <section aria-labelledby="reconciliation-title" className={styles.section}>
      <h2 id="reconciliation-title" className={styles.title}>
        {ui.title}
      </h2>
      <Text>{ui.intro}</Text>
      {picker.input}
      <div className={styles.buttons}>
        <Button appearance={run ? 'secondary' : 'primary'} disabledFocusable={busy !== null} onClick={picker.open}>
          {ui.pick}
        </Button>
        {host.capabilities.readSelection ? (
          <Button disabledFocusable={busy !== null} onClick={() => void fromSelection()}>
            {ui.useSelection}
          </Button>
        ) : null}
        {source && headers && headers.length && !picking ? (
          <Button disabledFocusable={busy !== null} onClick={() => setPicking(true)}>
            {ui.changeMapping}
          </Button>
        ) : null}
      </div>
      {host.capabilities.readSelection && !source ? (
        <Text size={200} className={styles.hint}>
          {ui.selectionHint}
        </Text>
      ) : null}
      {source ? (
        <Text size={200} className={styles.file} data-testid="ledger-source">
          {source.kind === 'file' ? ui.file(source.file.name) : ui.range(sourceName(source))}
        </Text>
      ) : null}
      {busy ? <BusyLine label={busy === 'read' ? ui.reading : ui.writing} /> : null}
      {note ? <NoteBar note={note} m={m} testId="ledger-note" onDismiss={() => setNote(null)} onShowSheet={(sheet) => void host.select(sheet, 'A1').catch(() => undefined)} /> : null}

      {picking && source && headers && mapping ? (
        <fieldset className={styles.picker} data-testid="column-picker">
          <legend className={styles.legend}>{ui.mapping}</legend>
          <Text size={200} className={styles.hint}>
            {ui.mappingHint}
          </Text>
          {LEDGER_FIELDS.map((field) => (
            <Field key={field} label={ui.fields[field]} validationState={dupes.includes(field) ? 'error' : 'none'}>
              <Select value={mapping[field] ?? ''} onChange={(_, d) => setMapping({ ...mapping, [field]: d.value ? d.value : null })}>
                <option value="">{ui.unmapped}</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          <div className={styles.buttons}>
            <Button appearance="primary" disabledFocusable={busy !== null || !canApply} onClick={() => void reconcileWith(source, mapping)}>
              {ui.apply}
            </Button>
          </div>
        </fieldset>
      ) : null}

      {run ? (
        <>
          <table className={styles.counts} data-testid="ledger-counts">
            <caption className={styles.caption}>{ui.counts}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col" className={styles.td}>
                  {m.pane.ledgerAmounts.lines}
                </th>
                <th scope="col" className={styles.td}>
                  {m.pane.ledgerAmounts.committed}
                </th>
                <th scope="col" className={styles.td}>
                  {m.pane.ledgerAmounts.gap}
                </th>
              </tr>
            </thead>
            <tbody>
              {reconAmounts(run.result).map(({ status, count, amount, gap }) => (
                <tr key={status} data-status={status} data-count={count}>
                  <th scope="row" className={styles.th}>
                    {ui.count[status]}
                  </th>
                  <td className={mergeClasses(styles.td, status !== 'matched' && status !== 'netted-out' && count > 0 && styles.gap)}>{count}</td>
                  <td className={styles.td} data-testid={`ledger-amount-${status}`}>
                    <Amount cents={amount} lang={lang} />
                  </td>
                  <td className={styles.td}>{gap === null ? '' : <Amount cents={gap} lang={lang} signed />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {host.capabilities.writeSheets ? (
            <div className={styles.buttons}>
              <Button appearance="primary" disabledFocusable={busy !== null} onClick={() => void write()}>
                {ui.write}
              </Button>
            </div>
          ) : null}
          <FindingsList
            m={m}
            lang={lang}
            profile={convention}
            findings={run.findings}
            current={current}
            onSelect={(f) => void select(f)}
            // A CSV ledger's lines are "ligne 80", not cells: "grand-livre.csv, ligne 80".
            where={(f) => (/^\$?[A-Z]{1,3}\$?\d/.test(f.cell) ? m.ui.findings.at(f.sheet, f.cell) : `${f.sheet}, ${f.cell}`)}
          />
        </>
      ) : null}
    </section>
  );
}

function sourceName(src: Source): string {
  return src.kind === 'file' ? src.file.name : qualifiedAddress(src.range.sheet, src.range.address);
}
