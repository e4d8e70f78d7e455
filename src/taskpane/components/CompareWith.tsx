/**
 * Export COPIL: "Comparer avec la version précédente". The user picks the last COPIL's workbook;
 * the files then carry an "Évolutions depuis le …" section. Renders state only: the reading is
 * lazy/previousXlsx.ts, the comparison the core's (versions/evolutions.ts).
 */
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Messages } from '../../core/i18n';
import { PREVIEW_MAX_BYTES } from '../../hosts/preview';
import type { PreviousVersion } from '../lazy/previousXlsx';
import { fileReason } from '../view';
import { useFilePicker, XLSX_ACCEPT } from './FilePicker';
import { useTabStyles } from './tabStyles';

export function CompareWith({ m, value, onChange, disabled }: { m: Messages; value: PreviousVersion | null; onChange: (v: PreviousVersion | null) => void; disabled: boolean }) {
  const styles = useTabStyles();
  const ui = m.versions.pane;
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = async (f: File) => {
    setError(null);
    if (f.size > PREVIEW_MAX_BYTES) {
      setError(m.ui.errors.tooLarge(f.name, `${PREVIEW_MAX_BYTES / 1024 / 1024} Mo`));
      return;
    }
    setReading(true);
    try {
      const { readPrevious } = await import(/* webpackChunkName: "previous-xlsx" */ '../lazy/previousXlsx');
      onChange(await readPrevious(f));
    } catch (e) {
      setError(ui.unreadable(f.name, fileReason(e, m)));
    } finally {
      setReading(false);
    }
  };
  const picker = useFilePicker({ id: 'compare-file', accept: XLSX_ACCEPT, onFile: (f) => void pick(f) });

  return (
    <>
      <h3 className={styles.subtitle}>{ui.title}</h3>
      {picker.input}
      <div className={styles.buttons}>
        <Button disabled={disabled || reading} onClick={picker.open}>
          {reading ? ui.reading : ui.pick}
        </Button>
        {value ? (
          <Button disabled={disabled || reading} onClick={() => onChange(null)}>
            {ui.clear}
          </Button>
        ) : null}
      </div>
      {value ? (
        <Text weight="semibold" data-testid="compare-with">
          {ui.comparing(value.file, value.date)}
        </Text>
      ) : (
        <Text size={200} className={styles.hint}>
          {ui.hint}
        </Text>
      )}
      {error ? (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="compare-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
