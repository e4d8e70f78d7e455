/**
 * Export COPIL: "Clôturer une année" (issue 15). Once the COPIL has approved a year, the financial
 * officer closes it: the core plans the record (versions/closing.ts), the host writes it — Excel
 * through hosts/office/closeYear.ts, the browser preview into its in-memory workbook. A year with
 * errors is closed only when the user ticks "malgré les erreurs"; reopening needs a reason.
 */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { profile } from '../../core/profile';
import { planClosing, planReopening, type JournalLine } from '../../core/versions/closing';
import { readClosures, type RecordRow, type YearState } from '../../core/versions/closure';
import { parseDateText } from '../../core/text';
import { reason } from '../view';
import type { TabProps } from './RapprochementTab';
import { useTabStyles } from './tabStyles';

type Note = { intent: 'success' | 'error'; text: string } | null;

export function CloseYearPanel({ host, m, lang, asOf }: TabProps) {
  const styles = useTabStyles();
  const ui = m.versions.pane;
  const [year, setYear] = useState<number>(profile.years[0]);
  const [by, setBy] = useState('');
  const [force, setForce] = useState(false);
  const [offerForce, setOfferForce] = useState(false);
  const [why, setWhy] = useState('');
  // Busy until the closed years are known: a closed year's button must not offer to close it.
  const [busy, setBusy] = useState(true);
  const [note, setNote] = useState<Note>(null);
  const [states, setStates] = useState<YearState[]>([]);

  /** The workbook with its Clotures record: every host reads the record with the contract's tables. */
  const snapshotOf = () => host.readSnapshot();
  const refresh = async () => setStates([...readClosures(await snapshotOf()).values()].filter((s) => s.closed));
  useEffect(() => {
    setBusy(true);
    void refresh()
      .catch(() => setStates([]))
      .finally(() => setBusy(false));
  }, [host]);

  const write = (rows: RecordRow[], journal: JournalLine) => host.writeClosure(rows, journal);

  const act = async (what: 'close' | 'reopen') => {
    setBusy(true);
    setNote(null);
    try {
      const snapshot = await snapshotOf();
      const now = new Date();
      if (what === 'close') {
        const plan = planClosing(snapshot, { year, by: by.trim() || m.versions.close.unknownUser, force, asOf: parseDateText(asOf) ?? now, lang, now });
        if (!plan.ok && plan.why === 'closed') setNote({ intent: 'error', text: m.versions.close.alreadyClosed(year, plan.date, plan.by) });
        else if (!plan.ok && plan.why === 'not-ended') setNote({ intent: 'error', text: m.versions.close.notEnded(year, plan.end, plan.reasonMissing) });
        else if (!plan.ok) {
          setOfferForce(true);
          setNote({ intent: 'error', text: ui.refused(year, plan.errors.length) });
        } else {
          await write(plan.rows, plan.journal);
          setForce(false);
          setOfferForce(false);
          setNote({ intent: 'success', text: ui.closed(year, plan.lines) + (plan.forced ? ` ${m.versions.close.forced(plan.forced)}` : '') });
        }
      } else {
        const plan = planReopening(snapshot, { year, by: by.trim() || m.versions.close.unknownUser, reason: why.trim(), lang, now });
        if (!plan.ok) setNote({ intent: 'error', text: m.versions.close.notClosed(year) });
        else {
          await write(plan.rows, plan.journal);
          setWhy('');
          setNote({ intent: 'success', text: ui.reopened(year) });
        }
      }
      await refresh();
    } catch (e) {
      setNote({ intent: 'error', text: e instanceof Error && e.name === 'OfficeHostError' ? e.message : ui.failed(reason(e)) });
    } finally {
      setBusy(false);
    }
  };

  const closed = states.some((s) => s.year === year);
  return (
    <>
      <h3 className={styles.subtitle}>{ui.closeTitle}</h3>
      <Text size={200} className={styles.hint}>
        {ui.closeIntro}
      </Text>
      {states.length ? (
        <ul data-testid="closed-years">
          {states.map((s) => (
            <li key={s.year}>{ui.status(s.year, s.date, s.by)}</li>
          ))}
        </ul>
      ) : null}
      <Field label={ui.year}>
        <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
          {profile.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={ui.by}>
        <Input value={by} onChange={(_, d) => setBy(d.value)} />
      </Field>
      {offerForce ? <Checkbox checked={force} onChange={(_, d) => setForce(!!d.checked)} label={ui.force} /> : null}
      {note ? (
        <MessageBar intent={note.intent} layout="multiline" role={note.intent === 'error' ? 'alert' : 'status'} data-testid="close-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.buttons}>
        <Button disabled={busy || closed} onClick={() => void act('close')}>
          {ui.close}
        </Button>
      </div>
      {closed ? (
        <>
          <Field label={ui.reason} required>
            <Input value={why} onChange={(_, d) => setWhy(d.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button disabled={busy || !why.trim()} onClick={() => void act('reopen')}>
              {ui.reopen}
            </Button>
          </div>
        </>
      ) : null}
    </>
  );
}
