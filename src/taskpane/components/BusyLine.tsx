import { Field, ProgressBar } from '@fluentui/react-components';

/** A wait the user can read: the bar, and under it what is being done (« Préparation du fichier… »). */
export function BusyLine({ label }: { label: string }) {
  return (
    <Field validationMessage={label} validationState="none" role="status" data-testid="busy">
      <ProgressBar thickness="large" aria-label={label} />
    </Field>
  );
}
