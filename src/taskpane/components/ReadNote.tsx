/**
 * What was read, under the counts where a user checking « 0 erreur » looks (issue 19): one line of
 * tables and lines, the tables read otherwise than as their Excel table in sight (each in the words
 * `check` prints), every table on demand. Native <details>: no extra weight in the first download.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { TableReadResult } from '../../core/present';
import type { Messages } from '../../core/i18n/types';
import { readToNote } from '../view';

const useStyles = makeStyles({
  root: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  line: { margin: 0 },
  list: { margin: `${tokens.spacingVerticalXXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  noted: { color: tokens.colorNeutralForeground1 },
  summary: { cursor: 'pointer', width: 'fit-content' },
});

export function ReadNote({ m, read }: { m: Messages; read: TableReadResult[] }) {
  const styles = useStyles();
  if (read.length === 0) return null;
  const noted = read.filter(readToNote);
  const lines = read.reduce((n, r) => n + r.lines, 0);
  return (
    <div className={styles.root} data-testid="read-note">
      <p className={styles.line}>{m.pane.read.summary(read.length, lines, noted.length)}</p>
      {noted.length ? (
        <ul className={`${styles.list} ${styles.noted}`} data-testid="read-noted">
          {noted.map((r) => (
            <li key={r.table}>{r.text}</li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary className={styles.summary}>{m.pane.read.details}</summary>
        <ul className={styles.list} data-testid="read-all">
          {read.map((r) => (
            <li key={r.table}>{r.text}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
