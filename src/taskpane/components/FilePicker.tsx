/**
 * Picking a file from the pane: a visually hidden <input type="file"> (kept out of the tab order and
 * the accessibility tree) opened by one of the caller's Buttons, which says what is picked. The
 * input is emptied after each pick, so that picking the same file again is seen.
 */
import { makeStyles } from '@fluentui/react-components';
import { useRef, type ReactElement } from 'react';

/** An .xlsx workbook, by extension and by media type. */
export const XLSX_ACCEPT = '.xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet';

const useStyles = makeStyles({
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface FilePicker {
  /** The hidden input, to render where the caller's controls are. */
  input: ReactElement;
  /** Opens the browser's file dialog (a Button's onClick). */
  open: () => void;
}

export function useFilePicker({ id, accept, onFile }: { id: string; accept: string; onFile: (f: File) => void }): FilePicker {
  const styles = useStyles();
  const ref = useRef<HTMLInputElement>(null);
  const input = (
    <input
      ref={ref}
      id={id}
      className={styles.hidden}
      type="file"
      accept={accept}
      tabIndex={-1}
      aria-hidden="true"
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) onFile(f);
      }}
    />
  );
  return { input, open: () => ref.current?.click() };
}
