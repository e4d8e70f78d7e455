/**
 * Reconciliation of a ledger with the workbook's Financements table. Pairs on the commitment
 * reference when both sides carry one, else on (action, year, funder); amounts are summed per
 * reference or key on each side, so a cancellation (negative line) nets out with its commitment.
 * Linear in the number of lines (hash maps, no sort): 100 000 × 100 000 lines in a few tens of ms.
 */
import { resolveFunder, funderLabel, type Lang } from '../contract';
import type { MessageParams, RawFinding, RuleId } from '../findings';
import { messages } from '../i18n';
import type { Cents } from '../money';
import type { FunderKey, Model, Ref } from '../model';
import { profile } from '../profile';
import { closest, matchKey } from '../text';
import type { LedgerLine, LedgerRef } from './ledger';

export type LineStatus = 'matched' | 'different' | 'missing-in-ledger' | 'missing-in-workbook' | 'netted-out';

export interface ReconLine {
  status: LineStatus;
  /** How the two sides were paired; null when one side is missing. */
  matchedOn: 'reference' | 'key' | null;
  reference: string | null;
  action: string | null;
  year: number | null;
  /** Canonical funder name (Région, État, CDC, or the co-funder's), null when unknown. */
  funder: string | null;
  workbook: { committed: Cents; paid: Cents; cells: Ref[] } | null;
  /** null amounts: the ledger has no such column. */
  ledger: { committed: Cents | null; paid: Cents | null; lines: LedgerRef[]; label: string | null } | null;
  /** ledger − workbook, null when not compared. */
  gapCommitted: Cents | null;
  gapPaid: Cents | null;
}

export interface ReconTotal {
  funder: string;
  year: number | null;
  workbookCommitted: Cents;
  ledgerCommitted: Cents;
  gapCommitted: Cents;
  workbookPaid: Cents;
  ledgerPaid: Cents;
  gapPaid: Cents;
}

export interface ReconcileOptions {
  lang?: Lang;
  /** Which amounts to compare; by default those the ledger carries (a column with at least one amount). */
  compare?: { committed: boolean; paid: boolean };
  /**
   * A ledger of one funder (a CDC export) says nothing of the others' lines: by default only the
   * funders the ledger names (or whose references it carries) are expected in it. 'all' expects every line.
   */
  scope?: 'ledger-funders' | 'all';
  /** The funder of a ledger that has no funder column ("CDC" for a CDC export). */
  defaultFunder?: string;
}

export interface ReconcileResult {
  lines: ReconLine[];
  findings: RawFinding[];
  totals: ReconTotal[];
  counts: Record<LineStatus, number>;
  compared: { committed: boolean; paid: boolean };
  /** The funders whose workbook lines were expected in the ledger. */
  funders: string[];
}

/** References compare ignoring case, spaces and punctuation: "EX-2014-CDC-001" = "ex 2014 cdc 001". */
export function referenceKey(s: string): string {
  // Fast path for the usual ASCII reference: one flat string (Map hashing is what costs on 100 000
  // distinct references); accents and other scripts go through matchKey.
  const l = s.toLowerCase();
  if (ALNUM.test(l)) return l;
  return /^[\x20-\x7e]*$/.test(l) ? l.replace(/[^a-z0-9]/g, '') : matchKey(s);
}
const ALNUM = /^[a-z0-9]*$/;

/** Action codes keep their dots ("I_1.1.1" ≠ "I_11.1"): only case and spaces are ignored. */
export const actionKey = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');

interface WbItem {
  index: number;
  refKey: string | null;
  code: string | null;
  year: number | null;
  funder: FunderKey | null;
  committed: Cents;
  paid: Cents;
  reference: string | null;
  committedCell: Ref;
  paidCell: Ref;
  lineCell: Ref;
  used: boolean;
}

interface LedItem {
  line: LedgerLine;
  refKey: string | null;
  funder: FunderKey | null;
  used: boolean;
}

/** A map from key to one item or several: 100 000 references are nearly all distinct, and one array each would cost. */
class Groups<T> {
  readonly map = new Map<string, T | T[]>();
  /** Returns the first item already under that key, if any. */
  add(k: string, item: T): T | undefined {
    const cur = this.map.get(k);
    if (cur === undefined) {
      this.map.set(k, item);
      return undefined;
    }
    if (Array.isArray(cur)) {
      cur.push(item);
      return cur[0];
    }
    this.map.set(k, [cur, item]);
    return cur;
  }
  get(k: string): T[] | undefined {
    const cur = this.map.get(k);
    return cur === undefined ? undefined : Array.isArray(cur) ? cur : [cur];
  }
  *groups(): IterableIterator<[string, T[]]> {
    for (const [k, v] of this.map) yield [k, Array.isArray(v) ? v : [v]];
  }
}

function funderDisplay(key: FunderKey | null, lang: Lang): string | null {
  if (key === null) return null;
  return key.startsWith('co:') ? key.slice(3) : funderLabel(key, lang);
}

export function reconcile(model: Model, ledgerLines: readonly LedgerLine[], options: ReconcileOptions = {}): ReconcileResult {
  const lang = options.lang ?? 'fr';
  const findings: RawFinding[] = [];
  const emit = (rule: RuleId, ref: { sheet: string; cell: string }, params: MessageParams) => findings.push({ rule, sheet: ref.sheet, cell: ref.cell, params });

  // ---- funders: the ledger's words resolved once per distinct text ----
  const coByKey = new Map(model.coFunders.map((c) => [matchKey(c), c] as const));
  const funderCache = new Map<string, FunderKey | null>();
  const resolveLedgerFunder = (text: string, at: LedgerRef): FunderKey | null => {
    let k = funderCache.get(text);
    if (k !== undefined) return k;
    const id = resolveFunder(text);
    const co = coByKey.get(matchKey(text));
    k = id ?? (co !== undefined ? (`co:${co}` as FunderKey) : null);
    if (k === null) {
      const candidates = [...profile.funders.map((f) => ({ label: f.label[lang], keys: [f.label.fr, f.label.en, ...f.aliases] })), ...model.coFunders.map((c) => ({ label: c, keys: [c] }))];
      emit('cell.unknown-funder', at, { column: undefined, text, suggestion: closest(text, candidates, (c) => c.keys)?.label });
    }
    funderCache.set(text, k);
    return k;
  };
  const defaultFunder = options.defaultFunder ? (resolveFunder(options.defaultFunder) ?? (coByKey.has(matchKey(options.defaultFunder)) ? (`co:${coByKey.get(matchKey(options.defaultFunder))}` as FunderKey) : null)) : null;

  // ---- workbook side ----
  const wb: WbItem[] = [];
  const wbByRef = new Groups<WbItem>();
  for (const r of model.financing) {
    const reference = r.v.reference ?? null;
    const refKey = reference ? referenceKey(reference) || null : null;
    const item: WbItem = {
      index: r.index,
      refKey,
      code: r.v.code ?? null,
      year: r.v.year ?? null,
      funder: r.v.funder ?? null,
      committed: r.v.committed ?? 0,
      paid: r.v.paid ?? 0,
      reference,
      committedCell: r.ref.committed,
      paidCell: r.ref.paid,
      lineCell: reference ? r.ref.reference : r.ref.committed,
      used: false,
    };
    wb.push(item);
    if (refKey) {
      const first = wbByRef.add(refKey, item);
      // Two workbook lines for one commitment: they are summed, and the user told.
      if (first) emit('reconciliation.duplicate-reference', r.ref.reference, { code: reference!, variant: 'workbook', other: first.lineCell.cell });
    }
  }

  // ---- ledger side ----
  const led: LedItem[] = new Array(ledgerLines.length);
  const ledByRef = new Groups<LedItem>();
  let anyCommitted = false;
  let anyPaid = false;
  // Unknown action codes are judged against the Actions table, once per distinct code as written.
  const knownCodes = new Set<string>();
  for (const a of model.actions) if (a.v.code) knownCodes.add(actionKey(a.v.code));
  const codeChecked = new Set<string>();
  for (let i = 0; i < ledgerLines.length; i++) {
    const line = ledgerLines[i];
    if (line.committed !== null) anyCommitted = true;
    if (line.paid !== null) anyPaid = true;
    const funder = line.funder !== null ? resolveLedgerFunder(line.funder, line.ref) : defaultFunder;
    const refKey = line.reference ? referenceKey(line.reference) || null : null;
    const item: LedItem = { line, refKey, funder, used: false };
    led[i] = item;
    if (refKey) ledByRef.add(refKey, item);
    if (line.action !== null && knownCodes.size > 0 && !codeChecked.has(line.action)) {
      codeChecked.add(line.action);
      if (!knownCodes.has(actionKey(line.action))) emit('action.unknown', line.ref, { code: line.action });
    }
  }
  const compared = options.compare ?? { committed: anyCommitted, paid: anyPaid };

  // A reference repeated in the ledger is normal (commitment, payments, cancellation), unless its
  // lines disagree on what they finance, or a line is repeated word for word (exported twice).
  for (const [, items] of ledByRef.groups()) {
    if (items.length < 2) continue;
    const first = items[0].line;
    const seen = new Set<string>();
    for (const it of items) {
      const l = it.line;
      const conflict = (l.action !== null && first.action !== null && actionKey(l.action) !== actionKey(first.action)) || (l.year !== null && first.year !== null && l.year !== first.year) || (it.funder !== null && items[0].funder !== null && it.funder !== items[0].funder);
      const sig = `${l.action}|${l.year}|${l.funder}|${l.committed}|${l.paid}|${l.date}|${l.label}|${l.beneficiary}`;
      if (conflict) emit('reconciliation.duplicate-reference', l.ref, { code: l.reference!, variant: 'conflict', other: first.ref.cell });
      else if (seen.has(sig)) emit('reconciliation.duplicate-reference', l.ref, { code: l.reference!, variant: 'repeated', other: first.ref.cell });
      seen.add(sig);
    }
  }

  // ---- scope: which funders' workbook lines the ledger is expected to hold ----
  const scope = new Set<FunderKey>();
  for (const it of led) if (it.funder) scope.add(it.funder);
  for (const [k] of ledByRef.map) for (const w of wbByRef.get(k) ?? []) if (w.funder) scope.add(w.funder);
  const everything = options.scope === 'all' || scope.size === 0;
  const inScope = (f: FunderKey | null) => everything || (f !== null && scope.has(f));

  const lines: ReconLine[] = [];
  const counts: Record<LineStatus, number> = { matched: 0, different: 0, 'missing-in-ledger': 0, 'missing-in-workbook': 0, 'netted-out': 0 };
  const m = messages[lang].reconcile;
  const where = (ls: LedgerLine[]): string => {
    if (ls.length === 1) return `${ls[0].ref.sheet}, ${ls[0].ref.cell}`;
    // CSV lines are named "ligne 12": list their numbers; XLSX cells as they are.
    const shown = ls.slice(0, 5).map((l) => (l.ref.cell === m.line(l.row) ? String(l.row) : l.ref.cell));
    const list = `${shown.join(', ')}${ls.length > 5 ? '…' : ''}`;
    return `${ls[0].ref.sheet}, ${ls[0].ref.cell === m.line(ls[0].row) ? m.lines(list) : list}`;
  };
  const sumLedger = (items: LedItem[]) => {
    let c = 0;
    let p = 0;
    for (const it of items) {
      c += it.line.committed ?? 0;
      p += it.line.paid ?? 0;
    }
    return { c, p };
  };
  const subject = (reference: string | null, code: string | null, year: number | null, funder: FunderKey | null) =>
    reference ?? [code ?? '?', year ?? '?', funderDisplay(funder, lang) ?? '?'].join(' · ');

  // Ledger totals per funder and year take the workbook's funder and year where the line lacks them.
  const ledTotal: { funder: FunderKey | null; year: number | null; c: Cents; p: Cents }[] = [];
  const ledTotalIndex = new Map<FunderKey | null, Map<number | null, number>>();
  const addLedTotal = (items: LedItem[], fallback: WbItem | null) => {
    for (const it of items) {
      const f = it.funder ?? fallback?.funder ?? null;
      const y = it.line.year ?? fallback?.year ?? null;
      let byYear = ledTotalIndex.get(f);
      if (!byYear) ledTotalIndex.set(f, (byYear = new Map()));
      let i = byYear.get(y);
      if (i === undefined) {
        i = ledTotal.push({ funder: f, year: y, c: 0, p: 0 }) - 1;
        byYear.set(y, i);
      }
      ledTotal[i].c += it.line.committed ?? 0;
      ledTotal[i].p += it.line.paid ?? 0;
    }
  };

  const pair = (ws: WbItem[], ls: LedItem[], on: 'reference' | 'key') => {
    let wc = 0;
    let wp = 0;
    for (const w of ws) {
      wc += w.committed;
      wp += w.paid;
      w.used = true;
    }
    for (const l of ls) l.used = true;
    const { c, p } = sumLedger(ls);
    const gapC = compared.committed ? c - wc : null;
    const gapP = compared.paid ? p - wp : null;
    const status: LineStatus = (gapC ?? 0) !== 0 || (gapP ?? 0) !== 0 ? 'different' : 'matched';
    counts[status]++;
    const w0 = ws[0];
    const reference = on === 'reference' ? (w0.reference ?? ls[0].line.reference) : (w0.reference ?? null);
    const funder = funderDisplay(w0.funder, lang);
    if (status === 'different') {
      // Words are built only for the lines that differ: most of 100 000 lines agree.
      const subj = subject(on === 'reference' ? reference : null, w0.code, w0.year, w0.funder);
      const other = where(ls.map((l) => l.line));
      const base = { funder: funder ?? undefined, year: w0.year ?? undefined, code: subj, other };
      if (gapC) emit('reconciliation.amount-mismatch', w0.committedCell, { ...base, variant: 'committed', expected: wc, actual: c, gap: gapC });
      if (gapP) emit('reconciliation.amount-mismatch', w0.paidCell, { ...base, variant: 'paid', expected: wp, actual: p, gap: gapP });
    }
    addLedTotal(ls, w0);
    let label: string | null = null;
    const refs: LedgerRef[] = new Array(ls.length);
    for (let i = 0; i < ls.length; i++) {
      refs[i] = ls[i].line.ref;
      if (label === null) label = ls[i].line.label;
    }
    lines.push({
      status,
      matchedOn: on,
      reference,
      action: w0.code,
      year: w0.year,
      funder,
      workbook: { committed: wc, paid: wp, cells: ws.length === 1 ? [w0.lineCell] : ws.map((w) => w.lineCell) },
      ledger: { committed: compared.committed ? c : null, paid: compared.paid ? p : null, lines: refs, label },
      gapCommitted: gapC,
      gapPaid: gapP,
    });
  };

  // Pass 1: the reference, where both sides carry it.
  for (const [k, ls] of ledByRef.groups()) {
    const ws = wbByRef.get(k);
    if (ws) pair(ws, ls, 'reference');
  }

  // Pass 2: (action, year, funder) for what is left. Two sides that both carry references, all
  // different, are distinct commitments even under the same key: they are not paired.
  const keyOf = (code: string | null, year: number | null, funder: FunderKey | null) => (code !== null && year !== null && funder !== null ? `${actionKey(code)}|${year}|${funder}` : null);
  const wbByKey = new Map<string, WbItem[]>();
  for (const w of wb) {
    if (w.used || !inScope(w.funder)) continue;
    const k = keyOf(w.code, w.year, w.funder);
    if (k === null) continue;
    const g = wbByKey.get(k);
    if (g) g.push(w);
    else wbByKey.set(k, [w]);
  }
  const ledByKey = new Map<string, LedItem[]>();
  for (const l of led) {
    if (l.used) continue;
    const k = keyOf(l.line.action, l.line.year, l.funder);
    if (k === null) continue;
    const g = ledByKey.get(k);
    if (g) g.push(l);
    else ledByKey.set(k, [l]);
  }
  for (const [k, ls] of ledByKey) {
    const ws = wbByKey.get(k);
    if (!ws) continue;
    if (ws.every((w) => w.refKey !== null) && ls.every((l) => l.refKey !== null)) continue;
    pair(ws, ls, 'key');
  }

  // What is left on the workbook side: committed (or paid) lines the ledger should hold.
  for (const w of wb) {
    if (w.used || !inScope(w.funder)) continue;
    if (w.committed === 0 && w.paid === 0) continue;
    counts['missing-in-ledger']++;
    emit('reconciliation.missing-in-ledger', w.lineCell, {
      code: subject(w.reference, w.code, w.year, w.funder),
      funder: funderDisplay(w.funder, lang) ?? undefined,
      year: w.year ?? undefined,
      actual: w.committed,
    });
    lines.push({
      status: 'missing-in-ledger',
      matchedOn: null,
      reference: w.reference,
      action: w.code,
      year: w.year,
      funder: funderDisplay(w.funder, lang),
      workbook: { committed: w.committed, paid: w.paid, cells: [w.lineCell] },
      ledger: null,
      gapCommitted: compared.committed ? -w.committed : null,
      gapPaid: compared.paid ? -w.paid : null,
    });
  }

  // And on the ledger side, grouped as they would have been paired: by reference, else by key.
  const groups = new Map<string, LedItem[]>();
  for (const l of led) {
    if (l.used) continue;
    const k = l.refKey !== null ? `r|${l.refKey}` : (keyOf(l.line.action, l.line.year, l.funder) ?? `l|${l.line.row}|${l.line.ref.sheet}`);
    const g = groups.get(k);
    if (g) g.push(l);
    else groups.set(k, [l]);
  }
  for (const [, ls] of groups) {
    const first = ls[0].line;
    const { c, p } = sumLedger(ls);
    addLedTotal(ls, null);
    // A commitment entered and cancelled in the ledger nets to nothing: nothing to find in the workbook.
    const netted = c === 0 && p === 0 && ls.length > 1;
    const status: LineStatus = netted ? 'netted-out' : 'missing-in-workbook';
    counts[status]++;
    if (!netted) {
      emit('reconciliation.missing-in-workbook', first.ref, {
        code: subject(first.reference, first.action, first.year, ls[0].funder),
        funder: funderDisplay(ls[0].funder, lang) ?? undefined,
        year: first.year ?? undefined,
        actual: c !== 0 || p === 0 ? c : p,
        variant: c !== 0 || p === 0 ? 'committed' : 'paid',
        label: first.label ?? first.beneficiary ?? undefined,
        other: ls.length > 1 ? where(ls.map((l) => l.line)) : undefined,
      });
    }
    lines.push({
      status,
      matchedOn: null,
      reference: first.reference,
      action: first.action,
      year: first.year,
      funder: funderDisplay(ls[0].funder, lang),
      workbook: null,
      ledger: { committed: compared.committed ? c : null, paid: compared.paid ? p : null, lines: ls.map((l) => l.line.ref), label: first.label },
      gapCommitted: compared.committed ? c : null,
      gapPaid: compared.paid ? p : null,
    });
  }

  // ---- totals per funder and year, for the funders in scope ----
  const totals = new Map<FunderKey | null, Map<number | null, ReconTotal>>();
  const totalFor = (f: FunderKey | null, y: number | null): ReconTotal => {
    let byYear = totals.get(f);
    if (!byYear) totals.set(f, (byYear = new Map()));
    let t = byYear.get(y);
    if (!t) {
      t = { funder: funderDisplay(f, lang) ?? '?', year: y, workbookCommitted: 0, ledgerCommitted: 0, gapCommitted: 0, workbookPaid: 0, ledgerPaid: 0, gapPaid: 0 };
      byYear.set(y, t);
    }
    return t;
  };
  for (const w of wb) {
    if (!inScope(w.funder) && !w.used) continue;
    const t = totalFor(w.funder, w.year);
    t.workbookCommitted += w.committed;
    t.workbookPaid += w.paid;
  }
  for (const v of ledTotal) {
    const t = totalFor(v.funder, v.year);
    t.ledgerCommitted += v.c;
    t.ledgerPaid += v.p;
  }
  const funderOrder = (name: string) => {
    const i = profile.funders.findIndex((f) => f.label[lang] === name);
    return i < 0 ? profile.funders.length : i;
  };
  const totalList = [...totals.values()]
    .flatMap((byYear) => [...byYear.values()])
    .map((t) => ({ ...t, gapCommitted: t.ledgerCommitted - t.workbookCommitted, gapPaid: t.ledgerPaid - t.workbookPaid }))
    .sort((a, b) => funderOrder(a.funder) - funderOrder(b.funder) || a.funder.localeCompare(b.funder) || (a.year ?? 0) - (b.year ?? 0));

  const funders = everything ? [...new Set(totalList.map((t) => t.funder))] : [...scope].map((f) => funderDisplay(f, lang)!);
  return { lines, findings, totals: totalList, counts, compared, funders };
}
