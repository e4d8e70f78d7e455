/**
 * Export COPIL: "Clôturer une année" (issues 15, 21). Once the COPIL has approved a year, the
 * financial officer closes it: the core plans the record (versions/closing.ts), the host writes it —
 * Excel through hosts/office/closeYear.ts, the browser preview into its in-memory workbook. Nothing
 * is written before the user has confirmed, in a dialog, what will be frozen (the year, its lines,
 * the tables); a year with errors is closed only after "malgré les erreurs" and a warning dialog,
 * and its outcome is a warning, never a success. The name is required (it goes into the record and
 * the Journal); reopening needs a reason. After the act, focus goes to its outcome.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { profile as builtIn, profileOf } from '../../core/profile';
import { planClosing, planReopening, type ClosingPlan } from '../../core/versions/closing';
import { readClosures, type YearState } from '../../core/versions/closure';
import { parseDateText } from '../../core/text';
import { paneErrorText } from '../view';
import type { TabProps } from './RapprochementTab';
import { useTabStyles } from './tabStyles';

type Note = { intent: 'success' | 'warning' | 'error'; text: string } | null;
type Planned = Extract<ClosingPlan, { ok: true }>;
/** The closing the dialog asks about: what it will freeze. */
type Pending = { year: number; by: string; lines: number; forced: number; tables: string };

const NAME_KEY = 'suivi-ces-ess.closedBy';
function storedName(): string {
  try {
    return globalThis.localStorage?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}
function storeName(name: string): void {
  try {
    globalThis.localStorage?.setItem(NAME_KEY, name);
  } catch {
    // Not remembered across sessions: the field is asked again.
  }
}

/** "Financements (60), Participations2015 (9)": the tables whose lines a closing freezes, from its record rows. */
function tablesOf(plan: Planned): string {
  const counts = new Map<string, number>();
  for (const r of plan.rows.slice(1)) counts.set(r[5], (counts.get(r[5]) ?? 0) + 1);
  return [...counts].map(([t, n]) => `${t} (${n})`).join(', ');
}

export function CloseYearPanel({ host, m, lang, asOf }: TabProps) {
  const styles = useTabStyles();
  const ui = m.versions.pane;
  const acts = m.ui.acts.close;
  // The years of the workbook's convention, once its snapshot is read (the built-in CES ESS's until then).
  const [years, setYears] = useState<readonly number[]>(builtIn.years);
  const [year, setYear] = useState<number>(builtIn.years[0]);
  const [by, setBy] = useState(storedName);
  const [nameMissing, setNameMissing] = useState(false);
  const [force, setForce] = useState(false);
  const [offerForce, setOfferForce] = useState(false);
  const [why, setWhy] = useState('');
  // Busy until the closed years are known: a closed year's button must not offer to close it.
  const [busy, setBusy] = useState(true);
  const [note, setNote] = useState<Note>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [states, setStates] = useState<YearState[]>([]);
  const noteRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  /** Bumped with each outcome: focus goes to it once the dialog has closed (and given focus back to its trigger). */
  const [shown, setShown] = useState(0);

  useEffect(() => {
    if (!shown) return;
    const t = setTimeout(() => noteRef.current?.focus(), 0);
    return () => clearTimeout(t);
  }, [shown]);

  const say = (n: Note) => {
    setNote(n);
    setShown((k) => k + 1);
  };

  /** The workbook with its Clotures record: every host reads the record with the contract's tables. */
  const snapshotOf = () => host.readSnapshot();
  const refresh = async () => {
    const snapshot = await snapshotOf();
    const own = profileOf(snapshot).years;
    setYears((was) => (was === own ? was : own));
    setYear((y) => (own.includes(y) ? y : own[0]));
    setStates([...readClosures(snapshot).values()].filter((s) => s.closed));
  };
  useEffect(() => {
    setBusy(true);
    void refresh()
      .catch(() => setStates([]))
      .finally(() => setBusy(false));
  }, [host]);

  /** The name, or null (and the field says why, and has focus) when it is empty. */
  const name = (): string | null => {
    const n = by.trim();
    setNameMissing(!n);
    if (!n) {
      nameRef.current?.focus();
      return null;
    }
    storeName(n);
    return n;
  };

  const plan = async (o: { year: number; by: string; force: boolean }) => {
    const now = new Date();
    return planClosing(await snapshotOf(), { ...o, asOf: parseDateText(asOf) ?? now, lang, now });
  };

  /** Refusals in words: a year the convention does not cover, a year already closed, errors on the year (then the forced closing is offered), or what the app layer said. */
  const refusal = (p: Exclude<ClosingPlan, { ok: true }>, y: number): string => {
    if (p.why === 'closed') return m.versions.close.alreadyClosed(y, p.date, p.by);
    if (p.why === 'not-a-year') return m.versions.close.badYear(String(y), ...p.years);
    if (p.why === 'errors') {
      setOfferForce(true);
      return ui.refused(y, p.errors.length);
    }
    // The pane closes a year once it has ended: no command-line flag offered here.
    return ui.notEnded(y, p.end, p.article);
  };

  /** Clôturer: nothing is written here; the dialog says what will be frozen. */
  const ask = async () => {
    const who = name();
    if (!who) return;
    setBusy(true);
    setNote(null);
    try {
      const p = await plan({ year, by: who, force });
      if (!p.ok) say({ intent: 'error', text: refusal(p, year) });
      else setPending({ year, by: who, lines: p.lines, forced: p.forced, tables: tablesOf(p) });
    } catch (e) {
      say({ intent: 'error', text: paneErrorText(e, (d) => ui.failed(d), m) });
    } finally {
      setBusy(false);
    }
  };

  /** Confirmed: planned again on a fresh read (the workbook may have changed meanwhile), then written. */
  const confirm = async () => {
    const asked = pending;
    setPending(null);
    if (!asked) return;
    setBusy(true);
    try {
      const p = await plan({ year: asked.year, by: asked.by, force: asked.forced > 0 });
      if (!p.ok) say({ intent: 'error', text: refusal(p, asked.year) });
      else {
        const written = await host.writeClosure(p.rows, p.journal);
        setForce(false);
        setOfferForce(false);
        say(
          p.forced
            ? { intent: 'warning', text: acts.closedForced(asked.year, p.lines, p.forced, written.journalSheet) }
            : { intent: 'success', text: acts.closed(asked.year, p.lines, written.journalSheet) },
        );
      }
      await refresh();
    } catch (e) {
      say({ intent: 'error', text: paneErrorText(e, (d) => ui.failed(d), m) });
    } finally {
      setBusy(false);
    }
  };

  /** Nothing written; focus back on Clôturer (the dialog was opened by a click, not a DialogTrigger). */
  const cancel = () => {
    setPending(null);
    setTimeout(() => closeRef.current?.focus(), 0);
  };

  const reopen = async () => {
    const who = name();
    if (!who) return;
    setBusy(true);
    setNote(null);
    try {
      const p = planReopening(await snapshotOf(), { year, by: who, reason: why.trim(), lang, now: new Date() });
      if (!p.ok) say({ intent: 'error', text: p.why === 'not-a-year' ? m.versions.close.badYear(String(year), ...p.years) : m.versions.close.notClosed(year) });
      else {
        const written = await host.writeClosure(p.rows, p.journal);
        setWhy('');
        say({ intent: 'success', text: acts.reopened(year, written.journalSheet) });
      }
      await refresh();
    } catch (e) {
      say({ intent: 'error', text: paneErrorText(e, (d) => ui.failed(d), m) });
    } finally {
      setBusy(false);
    }
  };

  const closed = states.some((s) => s.year === year);
  const forcedAsk = pending !== null && pending.forced > 0;
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
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={ui.by} required validationState={nameMissing ? 'error' : 'none'} validationMessage={nameMissing ? acts.nameRequired : undefined}>
        <Input
          ref={nameRef}
          value={by}
          autoComplete="name"
          onChange={(_, d) => {
            setBy(d.value);
            if (d.value.trim()) setNameMissing(false);
          }}
        />
      </Field>
      {offerForce ? <Checkbox checked={force} onChange={(_, d) => setForce(!!d.checked)} label={ui.force} /> : null}
      {note ? (
        <MessageBar ref={noteRef} tabIndex={-1} intent={note.intent} layout="multiline" role={note.intent === 'success' ? 'status' : 'alert'} data-testid="close-note" data-intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.buttons}>
        <Button ref={closeRef} disabled={busy || closed} onClick={() => void ask()}>
          {ui.close}
        </Button>
      </div>
      {closed ? (
        <>
          <Field label={ui.reason} required>
            <Input value={why} onChange={(_, d) => setWhy(d.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button disabled={busy || !why.trim()} onClick={() => void reopen()}>
              {ui.reopen}
            </Button>
          </div>
        </>
      ) : null}
      <Dialog open={pending !== null} modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : cancel())}>
        <DialogSurface data-testid="close-dialog" data-forced={forcedAsk ? 'true' : 'false'}>
          {pending ? (
            <DialogBody>
              <DialogTitle>{forcedAsk ? acts.forcedTitle(pending.year, pending.forced) : acts.confirmTitle(pending.year)}</DialogTitle>
              <DialogContent>
                {forcedAsk ? (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>{acts.forcedBody(pending.year, pending.forced)}</MessageBarBody>
                  </MessageBar>
                ) : null}
                <p>{acts.confirmBody(pending.year, pending.lines)}</p>
                <p>{acts.tables(pending.tables)}</p>
                <p>{acts.recordedAs(pending.by)}</p>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void confirm()}>
                  {forcedAsk ? acts.forcedConfirm : acts.confirm(pending.year)}
                </Button>
                <Button appearance="secondary" onClick={cancel}>
                  {acts.cancel}
                </Button>
              </DialogActions>
            </DialogBody>
          ) : null}
        </DialogSurface>
      </Dialog>
    </>
  );
}
