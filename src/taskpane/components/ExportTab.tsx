/**
 * Export COPIL: the "Synthèse COPIL" sheet written into Excel (when the host can), and the PDF,
 * XLSX and CSV files made in the browser from the same summary. The file code (pdfkit, ExcelJS)
 * comes by import() on the first click, not with the pane.
 */
import { writeCopilSheet } from '../../app/sheets';
import { Button, MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDate, parseDateText } from '../../core/text';
import { downloadBytes } from '../download';
import { EXPORT_KINDS, EXPORT_TYPES, exportFileName, type ExportKind } from '../tools';
import { paneErrorText } from '../view';
import type { TabProps } from './RapprochementTab';
import { useTabStyles } from './tabStyles';
import { CompareWith } from './CompareWith';
import { CloseYearPanel } from './CloseYearPanel';
import type { PreviousVersion } from '../lazy/previousXlsx';


type Busy = null | 'sheet' | ExportKind;
type Note = { intent: 'success' | 'error'; text: string } | null;

export function ExportTab({ host, m, lang, asOf }: TabProps) {
  const styles = useTabStyles();
  const ui = m.ui.copil;
  const [busy, setBusy] = useState<Busy>(null);
  const [note, setNote] = useState<Note>(null);
  const [previous, setPrevious] = useState<PreviousVersion | null>(null); // issue 15: compare with an earlier file
  const asOfDate = parseDateText(asOf);

  /** The pane's as-of date, or a message when the settings hold none that reads. */
  const date = (): Date | null => {
    const d = parseDateText(asOf);
    if (!d) setNote({ intent: 'error', text: m.ui.errors.badDate });
    return d;
  };

  const failed = (e: unknown) => setNote({ intent: 'error', text: paneErrorText(e, ui.failed, m) });

  const writeSheet = async () => {
    const d = date();
    if (!d || !host.capabilities.writeSheets) return;
    setBusy('sheet');
    setNote(null);
    try {
      const { sheet } = await writeCopilSheet(host, { asOf: d, lang });
      setNote({ intent: 'success', text: ui.written(sheet) });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  const download = async (kind: ExportKind) => {
    const d = date();
    if (!d) return;
    setBusy(kind);
    setNote(null);
    try {
      if (await host.isEmpty()) {
        setNote({ intent: 'error', text: ui.noWorkbook });
        return;
      }
      const snapshot = await host.readSnapshot();
      const { makeSummaryFile } = await import(/* webpackChunkName: "export-files" */ '../lazy/exportFiles');
      const file = await makeSummaryFile(kind, snapshot, { asOf: d, lang }, previous);
      const name = exportFileName(kind, file.asOf);
      downloadBytes(file.bytes, name, EXPORT_TYPES[kind]);
      setNote({ intent: 'success', text: ui.downloaded(name) });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="export-title" className={styles.section}>
      <h2 id="export-title" className={styles.title}>
        {ui.title}
      </h2>
      <Text>{ui.intro}</Text>
      {asOfDate ? (
        <Text weight="semibold" data-testid="export-as-of">
          {m.ui.dashboard.asOf(formatDate(asOfDate, lang))}
        </Text>
      ) : null}
      {busy ? <ProgressBar thickness="large" aria-label={busy === 'sheet' ? ui.writing : ui.preparing} /> : null}
      {note ? (
        <MessageBar intent={note.intent} layout="multiline" role={note.intent === 'error' ? 'alert' : 'status'} data-testid="export-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {host.capabilities.writeSheets ? (
        <>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void writeSheet()}>
              {ui.writeSheet}
            </Button>
          </div>
          <Text size={200} className={styles.hint}>
            {ui.writeHint}
          </Text>
        </>
      ) : null}
      <h3 className={styles.subtitle}>{ui.filesTitle}</h3>
      <div className={styles.buttons}>
        {EXPORT_KINDS.map((k) => (
          <Button key={k} appearance={host.capabilities.writeSheets ? 'secondary' : k === 'pdf' ? 'primary' : 'secondary'} disabled={busy !== null} onClick={() => void download(k)}>
            {ui.download[k]}
          </Button>
        ))}
      </div>
      <Text size={200} className={styles.hint}>
        {ui.filesHint}
      </Text>
      <CompareWith m={m} value={previous} onChange={setPrevious} disabled={busy !== null} />
      <CloseYearPanel host={host} m={m} lang={lang} asOf={asOf} />
    </section>
  );
}
