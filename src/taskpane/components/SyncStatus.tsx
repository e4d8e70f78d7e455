/**
 * The line under Synchroniser once results are written: « Contrôlé à 14:32 · feuille Contrôles à
 * jour », the second half a link that activates that sheet. In the preview (nothing is written)
 * only the time of the check.
 */
import { Link, Text } from '@fluentui/react-components';
import type { UiMessages } from '../../core/i18n/types';

const time = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

export function SyncStatus({ ui, at, sheet, onShow }: { ui: UiMessages; at: Date; sheet: string | null; onShow: (sheet: string) => void }) {
  const s = ui.acts.syncStatus;
  return (
    <Text size={200} role="status" data-testid="sync-status">
      {s.checkedAt(time(at))}
      {sheet ? (
        <>
          {' · '}
          <Link as="button" onClick={() => onShow(sheet)}>
            {s.upToDate(sheet)}
          </Link>
        </>
      ) : null}
    </Text>
  );
}
