/**
 * Export COPIL: the "Synthèse COPIL" sheet written into Excel (when the host can), and the PDF,
 * XLSX and CSV files made in the browser from the same summary. The file code (pdfkit, ExcelJS)
 * comes by import() on the first click, not with the pane.
 */
import { writeCopilSheet } from '../../app/sheets';
import { Button, Text } from '@fluentui/react-components';
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
import { BusyLine } from './BusyLine';
import { NoteBar, type Note } from './NoteBar';

type Busy = null | 'sheet' | ExportKind;

export function ExportTab({ host, m, lang, asOf }: TabProps) {
  const styles = useTabStyles();
  const ui = m.ui.copil;
  const [busy, setBusy] = useState<Busy>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [previous, setPrevious] = useState<PreviousVersion | null>(null); // issue 15: compare with an earlier file
  const asOfDate = parseDateText(asOf);

  /** The pane's as-of date, or a message when the settings hold none that reads. */
  const date = (): Date | null => {
    const d = parseDateText(asOf);
    if (!d) setNote({ intent: 'error', text: (w) => w.ui.errors.badDate });
    return d;
  };

  const failed = (e: unknown) => setNote({ intent: 'error', text: (w) => paneErrorText(e, w.ui.copil.failed, w) });

  const writeSheet = async () => {
    const d = date();
    if (!d || !host.capabilities.writeSheets) return;
    setBusy('sheet');
    setNote(null);
    try {
      const { sheet } = await writeCopilSheet(host, { asOf: d, lang });
      setNote({ intent: 'success', text: (w) => w.ui.copil.written(sheet), sheet });
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
        setNote({ intent: 'error', text: (w) => w.ui.copil.noWorkbook });
        return;
      }
      const snapshot = await host.readSnapshot();
      const { makeSummaryFile } = await import(/* webpackChunkName: "export-files" */ '../lazy/exportFiles');
      const file = await makeSummaryFile(kind, snapshot, { asOf: d, lang }, previous);
      const name = exportFileName(kind, file.asOf);
      downloadBytes(file.bytes, name, EXPORT_TYPES[kind]);
      setNote({ intent: 'success', text: (w) => w.ui.copil.downloaded(name) });
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
      {busy ? <BusyLine label={busy === 'sheet' ? ui.writing : ui.preparing} /> : null}
      {note ? <NoteBar note={note} m={m} testId="export-note" onDismiss={() => setNote(null)} onShowSheet={(sheet) => void host.select(sheet, 'A1').catch(() => undefined)} /> : null}
      {/* What changes the files comes before them: the comparison they include, the years closed. */}
      <CompareWith m={m} value={previous} onChange={setPrevious} disabled={busy !== null} />
      <CloseYearPanel host={host} m={m} lang={lang} asOf={asOf} />
      {host.capabilities.writeSheets ? (
        <>
          <h3 className={styles.subtitle}>{m.pane.sheetTitle}</h3>
          <div className={styles.buttons}>
            <Button appearance="primary" disabledFocusable={busy !== null} onClick={() => void writeSheet()}>
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
        {/* Focusable while busy: the focus stays on the button pressed, not dropped to the page. */}
        {EXPORT_KINDS.map((k) => (
          <Button key={k} appearance={host.capabilities.writeSheets ? 'secondary' : k === 'pdf' ? 'primary' : 'secondary'} disabledFocusable={busy !== null} onClick={() => void download(k)}>
            {ui.download[k]}
          </Button>
        ))}
      </div>
      <Text size={200} className={styles.hint}>
        {ui.filesHint}
      </Text>
    </section>
  );
}
