import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { UiMessages } from '../../core/i18n/types';
import { errorText, type PaneError } from '../view';

/** The one place errors show: what failed, and what to do next. */
export function ErrorBar({ error, ui, onDismiss }: { error: PaneError; ui: UiMessages; onDismiss: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{ui.errors.title}</MessageBarTitle>
        {errorText(error, ui)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {ui.errors.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
