import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Messages } from '../../core/i18n/types';
import type { WorkbookHost } from '../../hosts/host';

/**
 * Said once, where the Excel lacks ExcelApi 1.8 (Office 2019 before its updates, Mac 16.9–16.16):
 * the add-in's tables come without drop-down lists there. The host tells (capabilities).
 */
export function ExcelVersionNote({ host, m }: { host: WorkbookHost; m: Messages }) {
  const [seen, setSeen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  if (seen || host.kind !== 'excel' || host.capabilities.validationLists) return null;
  return (
    <MessageBar ref={ref} intent="info" layout="multiline" role="status" data-testid="excel-version-note">
      <MessageBarBody>{m.hostLimits.noDropDowns}</MessageBarBody>
      <MessageBarActions>
        <Button
          size="small"
          onClick={() => {
            // The button goes with the note: the focus goes to the pane's title, not to the page.
            const title = ref.current?.closest('main')?.querySelector<HTMLElement>('h1');
            setSeen(true);
            setTimeout(() => title?.focus());
          }}
        >
          {m.ui.errors.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
