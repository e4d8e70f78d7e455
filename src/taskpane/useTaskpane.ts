/**
 * The task pane's state and actions: the one place that calls the host. Components render this
 * state and call these actions; the operations are the application layer's (src/app/). The pane
 * keeps the analysis, not only its words: a language switch re-words it, it does not re-check.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { analyse, present, today, type Analysis, type CheckResult } from '../core/check';
import type { Lang } from '../core/contract';
import type { Finding } from '../core/findings';
import type { Profile } from '../core/profile';
import { initializeWorkbook, restoreWorkbook } from '../app/initialize';
import { syncWorkbook } from '../app/sync';
import { isoDate, parseDateText } from '../core/text';
import type { WorkbookHost } from '../hosts/host';
import { conventionProblem, isWorded, reason, type PaneError } from './view';
import { messages } from '../core/i18n';

export type Phase = 'loading' | 'empty' | 'ready';
/** What the pane is doing, so that its progress line says it: 'check' reads only, 'sync' writes too. */
export type Busy = null | 'init' | 'sync' | 'open' | 'example' | 'check';

export interface PaneState {
  phase: Phase;
  lang: Lang;
  /** YYYY-MM-DD, what the date input holds. */
  asOf: string;
  busy: Busy;
  /** The last check, typed (cents, rule parameters): what a language switch re-words. */
  analysis: Analysis | null;
  /** The same in words, in `lang`. */
  result: CheckResult | null;
  error: PaneError | null;
  /** The finding the user last went to (highlighted in the list). */
  current: Finding | null;
  /** The last time results were written (Synchroniser, or a live update after it), and where. */
  lastSync: { at: Date; sheet: string | null } | null;
  /** The convention the last read workbook carries (issue 23); null: the built-in CES ESS 2014-2016. */
  convention: Profile | null;
}

const SETTINGS_KEY = 'suivi-ces-ess.settings';
/** Edits come in bursts (a paste, a fill): wait for the burst to end before re-checking. */
export const EDIT_DEBOUNCE_MS = 800;

export function storedLang(): Lang {
  try {
    const s = JSON.parse(globalThis.localStorage?.getItem(SETTINGS_KEY) ?? '{}') as { lang?: string };
    if (s.lang === 'fr' || s.lang === 'en') return s.lang;
  } catch {
    // Storage refused (private mode, policy): French, the default.
  }
  return 'fr';
}

function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify({ lang }));
  } catch {
    // Not kept across sessions: acceptable.
  }
}

export function useTaskpane(host: WorkbookHost, initialLang?: Lang) {
  const [state, setState] = useState<PaneState>(() => ({
    phase: 'loading',
    lang: initialLang ?? storedLang(),
    asOf: isoDate(today()),
    busy: null,
    analysis: null,
    result: null,
    error: null,
    current: null,
    lastSync: null,
    convention: null,
  }));
  const stateRef = useRef(state);
  stateRef.current = state;
  const patch = useCallback((p: Partial<PaneState>) => setState((s) => ({ ...s, ...p })), []);
  const syncing = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  /** The next sync comes from the user's Synchroniser: it adds a Journal line (a live update does not). */
  const journalWanted = useRef(false);
  /**
   * Synchroniser has written into this workbook (now, or in an earlier session: the host finds its
   * Contrôles table). Until then an edit or a new date is re-checked by reading only.
   */
  const written = useRef(false);

  /** `live`: a refresh after an edit, once results are in the workbook (no Journal line). */
  const sync = useCallback(async (live = false): Promise<void> => {
    if (!live) journalWanted.current = true;
    // One sync at a time; a request during one runs once more after it, with the latest settings.
    if (syncing.current) {
      again.current = true;
      return syncing.current;
    }
    const run = async () => {
      do {
        again.current = false;
        const { asOf, lang } = stateRef.current;
        const date = parseDateText(asOf);
        if (!date) {
          patch({ error: { kind: 'bad-date' } });
          return;
        }
        patch({ busy: 'sync' });
        const journal = journalWanted.current;
        journalWanted.current = false;
        try {
          const { analysis, controlsSheet, profile } = await syncWorkbook(host, { asOf: date, lang, journal });
          written.current = true;
          // Worded in the language chosen meanwhile, if the user switched during the sync.
          patch({ analysis, result: present(analysis, stateRef.current.lang), error: null, busy: null, lastSync: { at: new Date(), sheet: controlsSheet ?? null }, convention: profile ?? null });
        } catch (e) {
          patch({ error: hostError('sync', e, stateRef.current.lang), busy: null });
          return;
        }
      } while (again.current);
    };
    syncing.current = run().finally(() => {
      syncing.current = null;
    });
    return syncing.current;
  }, [host, patch]);

  /**
   * Reads and checks without writing anything: what the pane shows on opening, so that merely
   * opening it never modifies the document; and after an edit until Synchroniser has written once.
   */
  const look = useCallback(async (): Promise<void> => {
    const { asOf } = stateRef.current;
    const date = parseDateText(asOf);
    if (!date) return;
    patch({ busy: 'check' });
    try {
      const snapshot = await host.readSnapshot();
      const analysis = analyse(snapshot, date);
      patch({ analysis, result: present(analysis, stateRef.current.lang), busy: null, convention: snapshot.profile ?? null });
    } catch (e) {
      patch({ error: hostError('sync', e, stateRef.current.lang), busy: null });
    }
  }, [host, patch]);

  /**
   * An edit or a new date: the results are refreshed where Synchroniser put them (highlights,
   * Contrôles; no Journal line), or, before the user ever synchronised this workbook, only read.
   */
  const recheck = useCallback(async (): Promise<void> => {
    if (!written.current) written.current = await host.resultsWritten().catch(() => false);
    return written.current ? sync(true) : look();
  }, [host, look, sync]);

  // First look at the workbook: offer to initialise it, or check it at once.
  useEffect(() => {
    let live = true;
    host.isEmpty().then(
      (empty) => {
        if (!live) return;
        patch({ phase: empty ? 'empty' : 'ready' });
        if (!empty) void look();
      },
      (e) => live && patch({ phase: 'empty', error: hostError('office', e, stateRef.current.lang) }),
    );
    return () => {
      live = false;
    };
  }, [host, patch, look]);

  // Live re-check after the user's edits, debounced.
  useEffect(() => {
    if (state.phase !== 'ready') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    let live = true;
    host
      .onUserEdit(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void recheck(), EDIT_DEBOUNCE_MS);
      })
      .then(
        (u) => (live ? (unsubscribe = u) : u()),
        () => undefined,
      );
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe?.();
    };
  }, [host, state.phase, recheck]);

  const initialize = useCallback(
    async (example: boolean) => {
      patch({ busy: 'init', error: null });
      try {
        await initializeWorkbook(host, { example, lang: stateRef.current.lang });
      } catch (e) {
        patch({ busy: null, error: hostError('init', e, stateRef.current.lang) });
        return;
      }
      patch({ busy: null, phase: 'ready', analysis: null, result: null, current: null });
      await sync();
    },
    [host, patch, sync],
  );

  /** Puts back the contract tables the workbook lacks (never touching one that exists), then re-checks. */
  const restore = useCallback(async () => {
    patch({ busy: 'init', error: null });
    try {
      await restoreWorkbook(host, stateRef.current.lang);
    } catch (e) {
      patch({ busy: null, error: hostError('init', e, stateRef.current.lang) });
      return;
    }
    patch({ busy: null });
    await sync();
  }, [host, patch, sync]);

  const select = useCallback(
    async (f: Finding) => {
      patch({ current: f });
      try {
        await host.select(f.sheet, f.cell);
      } catch {
        patch({ error: { kind: 'select', sheet: f.sheet, cell: f.cell } });
      }
    },
    [host, patch],
  );

  /** The status line's link: the sheet Synchroniser wrote, activated. */
  const showSheet = useCallback(
    async (sheet: string) => {
      try {
        await host.select(sheet, 'A1');
      } catch {
        patch({ error: { kind: 'select', sheet, cell: 'A1' } });
      }
    },
    [host, patch],
  );

  const setLang = useCallback(
    (lang: Lang) => {
      storeLang(lang);
      // The stored analysis in the new words: no read, no check (the sheets follow at the next sync).
      const { analysis } = stateRef.current;
      patch({ lang, ...(analysis ? { result: present(analysis, lang) } : {}) });
    },
    [patch],
  );

  const setAsOf = useCallback(
    (asOf: string) => {
      if (!parseDateText(asOf)) {
        patch({ asOf, error: { kind: 'bad-date' } });
        return;
      }
      patch({ asOf, error: null });
      if (stateRef.current.result) void Promise.resolve().then(recheck);
    },
    [patch, recheck],
  );

  /** Preview only: a workbook was (re)loaded by the host; check it from scratch. */
  const reloaded = useCallback(async () => {
    patch({ phase: 'ready', analysis: null, result: null, current: null, error: null, lastSync: null });
    await sync();
  }, [patch, sync]);

  const fail = useCallback((error: PaneError) => patch({ error, busy: null }), [patch]);
  const setBusy = useCallback((busy: Busy) => patch({ busy }), [patch]);
  const dismissError = useCallback(() => patch({ error: null }), [patch]);

  return { state, sync, look, showSheet, initialize, restore, select, setLang, setAsOf, reloaded, fail, setBusy, dismissError };
}

export type Taskpane = ReturnType<typeof useTaskpane>;

/**
 * The Office host words Excel's refusals itself (what happened, what to do): show those as they are;
 * anything else is wrapped in the pane's own sentence for the action that failed.
 */
function hostError(action: 'sync' | 'init' | 'office', e: unknown, lang: Lang): PaneError {
  if (isWorded(e)) return { kind: 'host', detail: e.message };
  const convention = conventionProblem(e, messages[lang]);
  if (convention) return { kind: 'host', detail: convention };
  return { kind: action, detail: reason(e, messages[lang]) };
}
