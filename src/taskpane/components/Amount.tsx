/**
 * An amount in a narrow cell: compact (« 1,0 M€ ») where the exact figure would not fit, the exact
 * one in a Fluent Tooltip on hover and on keyboard focus. A figure is never cut by an ellipsis.
 */
import { makeStyles, Tooltip } from '@fluentui/react-components';
import type { Cents } from '../../core/money';
import type { Lang } from '../../core/contract';
import { messages } from '../../core/i18n';
import { compactEuros } from '../view';

const useStyles = makeStyles({
  amount: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', display: 'inline-block', maxWidth: '100%' },
});

/** `tip`: what the tooltip says instead of the bare exact amount (it must contain it). */
export function Amount({ cents, lang, signed = false, className, tip }: { cents: Cents; lang: Lang; signed?: boolean; className?: string; tip?: string }) {
  const styles = useStyles();
  const a = compactEuros(cents, lang, signed);
  const cls = className ? `${styles.amount} ${className}` : styles.amount;
  if (!a.compact)
    return (
      <span className={cls} data-amount={a.exact}>
        {a.text}
      </span>
    );
  return (
    <Tooltip content={tip ?? messages[lang].pane.exact(a.exact)} relationship="description" withArrow>
      {/* Focusable so that the keyboard reaches the exact amount too. */}
      <span className={cls} tabIndex={0} data-amount={a.exact} data-compact="true">
        {a.text}
      </span>
    </Tooltip>
  );
}
