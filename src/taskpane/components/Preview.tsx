/**
 * The browser preview's own controls: pick an .xlsx or load the embedded example, and show the
 * cell a finding points to (there is no Excel grid to select in).
 */
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { Lang } from '../../core/contract';
import type { UiMessages } from '../../core/i18n/types';
import { buildWorkbookPlan } from '../../core/template';
import { PreviewFileError, type PreviewHost } from '../../hosts/preview';
import type { Taskpane } from '../useTaskpane';
import { fileReason } from '../view';
import { messages } from '../../core/i18n';
import { useFilePicker, XLSX_ACCEPT } from './FilePicker';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grid: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0`, tableLayout: 'fixed', width: '100%' },
  th: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '1px 2px', width: '2.2em' },
  td: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '1px 3px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  sel: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  caption: { textAlign: 'left', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

function usePreviewState(preview: PreviewHost) {
  return useSyncExternalStore(preview.subscribe, () => preview.getState());
}

export function PreviewBar({ ui, preview, pane }: { ui: UiMessages; preview: PreviewHost; pane: Taskpane }) {
  const styles = useStyles();
  const { source } = usePreviewState(preview);
  const busy = pane.state.busy !== null;

  const open = async (file: File) => {
    pane.setBusy('open');
    try {
      await preview.openFile(file.name, await file.arrayBuffer());
    } catch (e) {
      const m = messages[pane.state.lang];
      if (e instanceof PreviewFileError && e.kind === 'too-large') pane.fail({ kind: 'too-large', file: e.file, detail: e.detail });
      else pane.fail({ kind: 'open', file: file.name, detail: fileReason(e, m) });
      return;
    }
    pane.setBusy(null);
    await pane.reloaded();
  };
  const picker = useFilePicker({ id: 'xlsx-file', accept: XLSX_ACCEPT, onFile: (f) => void open(f) });

  const example = async () => {
    await preview.loadPlan(buildWorkbookPlan({ example: true, lang: pane.state.lang }));
    await pane.reloaded();
  };

  return (
    <div className={styles.bar}>
      <Text size={200}>{ui.preview.banner}</Text>
      <div className={styles.buttons}>
        {picker.input}
        <Button disabled={busy} onClick={picker.open}>
          {ui.preview.open}
        </Button>
        <Button disabled={busy} onClick={() => void example()}>
          {ui.preview.example}
        </Button>
      </div>
      {source.kind !== 'none' ? (
        <Text size={200} weight="semibold" data-testid="preview-source">
          {ui.preview.source(source.kind === 'file' && source.name ? source.name : ui.preview.exampleName)}
        </Text>
      ) : null}
    </div>
  );
}

/** The cells around the one a finding points to, the selected one outlined. */
export function GridView({ ui, preview, lang }: { ui: UiMessages; preview: PreviewHost; lang: Lang }) {
  const styles = useStyles();
  usePreviewState(preview);
  const grid = preview.grid(lang);
  if (!grid) return null;
  return (
    <table className={styles.grid} data-testid="preview-grid">
      <caption className={styles.caption}>{ui.preview.gridLabel(grid.sheet, grid.cell)}</caption>
      <thead>
        <tr>
          <td className={styles.th} />
          {grid.columns.map((c) => (
            <th key={c} scope="col" className={styles.th}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((r) => (
          <tr key={r.row}>
            <th scope="row" className={styles.th}>
              {r.row}
            </th>
            {r.cells.map((c) => (
              <td key={c.address} className={mergeClasses(styles.td, c.selected && styles.sel)} title={c.text} aria-current={c.selected ? 'true' : undefined} data-address={c.address}>
                {c.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Says which cell was selected, for screen readers (a live region that is always there). */
export function SelectionAnnouncer({ ui, preview, lang, className }: { ui: UiMessages; preview: PreviewHost; lang: Lang; className: string }) {
  usePreviewState(preview);
  const grid = preview.grid(lang);
  return (
    <div className={className} aria-live="polite" role="status" data-testid="selection-status">
      {grid ? ui.preview.selected(grid.sheet, grid.cell, grid.value) : ''}
    </div>
  );
}
