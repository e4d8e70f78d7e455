/**
 * The task pane's state and actions: the one place that calls the host. Components render this
 * state and call these actions; the operations are the application layer's (src/app/). The pane
 * keeps the analysis, not only its words: a language switch re-words it, it does not re-check.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { analyse, present, today, type Analysis, type CheckResult } from '../core/check';
import type { Lang } from '../core/contract';
import type { Finding } from '../core/findings';
import { initializeWorkbook, restoreWorkbook } from '../app/initialize';
import { syncWorkbook } from '../app/sync';
import { isoDate, parseDateText } from '../core/text';
import type { WorkbookHost } from '../hosts/host';
import { reason, type PaneError } from './view';

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
  }));
  const stateRef = useRef(state);
  stateRef.current = state;
  const patch = useCallback((p: Partial<PaneState>) => setState((s) => ({ ...s, ...p })), []);
  const syncing = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const sync = useCallback(async (): Promise<void> => {
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
        try {
          const { analysis } = await syncWorkbook(host, { asOf: date, lang });
          // Worded in the language chosen meanwhile, if the user switched during the sync.
          patch({ analysis, result: present(analysis, stateRef.current.lang), error: null, busy: null });
        } catch (e) {
          patch({ error: hostError('sync', e), busy: null });
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
   * opening it never modifies the document. Synchroniser (and edits) write the results.
   */
  const look = useCallback(async (): Promise<void> => {
    const { asOf, lang } = stateRef.current;
    const date = parseDateText(asOf);
    if (!date) return;
    patch({ busy: 'check' });
    try {
      const analysis = analyse(await host.readSnapshot(), date);
      patch({ analysis, result: present(analysis, lang), busy: null });
    } catch (e) {
      patch({ error: hostError('sync', e), busy: null });
    }
  }, [host, patch]);

  // First look at the workbook: offer to initialise it, or check it at once.
  useEffect(() => {
    let live = true;
    host.isEmpty().then(
      (empty) => {
        if (!live) return;
        patch({ phase: empty ? 'empty' : 'ready' });
        if (!empty) void look();
      },
      (e) => live && patch({ phase: 'empty', error: hostError('office', e) }),
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
        timer = setTimeout(() => void sync(), EDIT_DEBOUNCE_MS);
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
  }, [host, state.phase, sync]);

  const initialize = useCallback(
    async (example: boolean) => {
      patch({ busy: 'init', error: null });
      try {
        await initializeWorkbook(host, { example, lang: stateRef.current.lang });
      } catch (e) {
        patch({ busy: null, error: hostError('init', e) });
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
      patch({ busy: null, error: hostError('init', e) });
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
      if (stateRef.current.result) void Promise.resolve().then(sync);
    },
    [patch, sync],
  );

  /** Preview only: a workbook was (re)loaded by the host; check it from scratch. */
  const reloaded = useCallback(async () => {
    patch({ phase: 'ready', analysis: null, result: null, current: null, error: null });
    await sync();
  }, [patch, sync]);

  const fail = useCallback((error: PaneError) => patch({ error, busy: null }), [patch]);
  const setBusy = useCallback((busy: Busy) => patch({ busy }), [patch]);
  const dismissError = useCallback(() => patch({ error: null }), [patch]);

  return { state, sync, look, initialize, restore, select, setLang, setAsOf, reloaded, fail, setBusy, dismissError };
}

export type Taskpane = ReturnType<typeof useTaskpane>;

/**
 * The Office host words Excel's refusals itself (what happened, what to do): show those as they are;
 * anything else is wrapped in the pane's own sentence for the action that failed.
 */
function hostError(action: 'sync' | 'init' | 'office', e: unknown): PaneError {
  if (e instanceof Error && e.name === 'OfficeHostError') return { kind: 'host', detail: e.message };
  return { kind: action, detail: reason(e) };
}
