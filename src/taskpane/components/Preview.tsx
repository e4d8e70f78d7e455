/**
 * The browser preview's own controls: pick an .xlsx or load the embedded example, and show the
 * cell a finding points to (there is no Excel grid to select in).
 */
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { Lang } from '../../core/contract';
import type { UiMessages } from '../../core/i18n/types';
import { PreviewFileError, type PreviewHost } from '../../hosts/preview';
import type { Taskpane } from '../useTaskpane';
import { conventionProblem, fileReason } from '../view';
import { messages } from '../../core/i18n';
import { useFilePicker, XLSX_ACCEPT } from './FilePicker';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  grid: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0`, tableLayout: 'fixed', width: '100%' },
  th: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '1px 2px' },
  // Only the row numbers' column is narrow: the three cell columns share the rest.
  corner: { width: '2.2em' },
  // A value is never cut: a long text wraps; three columns leave a figure its width at 320 px.
  td: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '1px 3px', overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  // A figure keeps its digits together; only text wraps.
  figure: { whiteSpace: 'nowrap', textAlign: 'right' },
  sel: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  caption: { textAlign: 'left', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** Columns either side of the selection: three columns in all, so that figures fit a 320 px pane. */
const GRID_RADIUS = 1;
const FIGURE = /^[-+]?[\d\s\u00a0\u202f.,]+$/;

function usePreviewState(preview: PreviewHost) {
  return useSyncExternalStore(preview.subscribe, () => preview.getState());
}

/** Open a file or load the example: the preview's two ways in, shared by its bar and its first-run panel. */
export function usePreviewActions(preview: PreviewHost, pane: Taskpane) {
  const open = async (file: File) => {
    pane.setBusy('open');
    try {
      await preview.openFile(file.name, await file.arrayBuffer());
    } catch (e) {
      const m = messages[pane.state.lang];
      const convention = conventionProblem(e, m);
      if (e instanceof PreviewFileError && e.kind === 'too-large') pane.fail({ kind: 'too-large', file: e.file, detail: e.detail });
      else if (convention) pane.fail({ kind: 'host', detail: convention });
      else pane.fail({ kind: 'open', file: file.name, detail: fileReason(e, m) });
      return;
    }
    pane.setBusy(null);
    await pane.reloaded();
  };
  const picker = useFilePicker({ id: 'xlsx-file', accept: XLSX_ACCEPT, onFile: (f) => void open(f) });
  const example = async () => {
    pane.setBusy('example');
    // The example's plan is loaded on this click, not in the pane's first download.
    const { buildWorkbookPlan } = await import('../../core/template');
    await preview.loadPlan(buildWorkbookPlan({ example: true, lang: pane.state.lang }));
    pane.setBusy(null);
    await pane.reloaded();
  };
  return { input: picker.input, open: picker.open, example: () => void example() };
}

export type PreviewActions = ReturnType<typeof usePreviewActions>;

/**
 * The preview's bar: what it is, and (once a workbook is there) open another or the example. Before
 * that, the first-run panel holds the choice, so that there is one place to start. Buttons stay
 * focusable while busy (disabledFocusable): the keyboard focus is never dropped to the page.
 */
export function PreviewBar({ ui, preview, pane, actions, empty, blank, templateName }: { ui: UiMessages; preview: PreviewHost; pane: Taskpane; actions: PreviewActions; empty: boolean; blank: boolean; templateName: string }) {
  const styles = useStyles();
  const { source } = usePreviewState(preview);
  const busy = pane.state.busy !== null;
  return (
    <div className={styles.bar}>
      <Text size={200}>{ui.preview.banner}</Text>
      {actions.input}
      {empty ? null : (
        <div className={styles.buttons}>
          <Button disabledFocusable={busy} onClick={actions.open}>
            {ui.preview.open}
          </Button>
          <Button disabledFocusable={busy} onClick={actions.example}>
            {ui.preview.example}
          </Button>
        </div>
      )}
      {source.kind !== 'none' ? (
        <Text size={200} weight="semibold" data-testid="preview-source">
          {ui.preview.source(source.kind === 'file' && source.name ? source.name : blank ? templateName : ui.preview.exampleName)}
        </Text>
      ) : null}
    </div>
  );
}

/** The cells around the one a finding points to, the selected one outlined. */
export function GridView({ ui, preview, lang }: { ui: UiMessages; preview: PreviewHost; lang: Lang }) {
  const styles = useStyles();
  usePreviewState(preview);
  const grid = preview.grid(lang, GRID_RADIUS);
  if (!grid) return null;
  return (
    <table className={styles.grid} data-testid="preview-grid">
      <caption className={styles.caption}>{ui.preview.gridLabel(grid.sheet, grid.cell)}</caption>
      <thead>
        <tr>
          <td className={mergeClasses(styles.th, styles.corner)} />
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
              <td key={c.address} className={mergeClasses(styles.td, FIGURE.test(c.text) && styles.figure, c.selected && styles.sel)} title={c.text} aria-current={c.selected ? 'true' : undefined} data-address={c.address}>
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
