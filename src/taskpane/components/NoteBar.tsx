/**
 * A tab's result line (success, warning, error), worded at render time so that a language switch
 * re-words it; Escape dismisses it, and the focus, when it was inside, goes to `fallback`. An
 * optional action: « Afficher la feuille » after a sheet was written.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Messages } from '../../core/i18n/types';

export interface Note {
  intent: 'success' | 'error' | 'warning';
  text: (m: Messages) => string;
  /** A sheet just written: offer to show it. */
  sheet?: string;
}

export function NoteBar({ note, m, testId, onDismiss, onShowSheet }: { note: Note; m: Messages; testId: string; onDismiss: () => void; onShowSheet?: (sheet: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const inside = ref.current?.contains(document.activeElement) ?? false;
      onDismiss();
      // The bar goes with the focus in it: hand it to the tab's heading rather than to the page.
      if (inside) ref.current?.closest('section')?.querySelector<HTMLElement>('h2')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onDismiss]);
  return (
    <MessageBar ref={ref} intent={note.intent} layout="multiline" role={note.intent === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <MessageBarBody>{note.text(m)}</MessageBarBody>
      {note.sheet && onShowSheet ? (
        <MessageBarActions>
          <Button size="small" onClick={() => onShowSheet(note.sheet!)}>
            {m.pane.showSheet}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
