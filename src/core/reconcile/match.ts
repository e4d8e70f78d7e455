/**
 * Reconciliation of a ledger with the workbook's Financements table. Pairs on the commitment
 * reference when both sides carry one, else on (action, year, funder) — only on the latter when the
 * ledger numbers its commitments in a scheme of its own; amounts are summed per
 * reference or key on each side, so a cancellation (negative line) nets out with its commitment.
 * Linear in the number of lines (hash maps, no sort): 100 000 × 100 000 lines in a few tens of ms.
 */
import { rawFinding, type RawFinding, type RuleId } from '../findings';
import type { RuleParams } from '../ruleParams';
import { messages } from '../i18n';
import type { Cents } from '../money';
import type { FunderKey, Model, Ref } from '../model';
import type { LedgerLine, LedgerRef } from './ledger';
import { actionKey, addTo, financingByReference, firstOf, funderDisplay, listOf, referenceKey, type Group } from './keys';
import { ledgerFunders } from './funders';
import { reconTotals } from './totals';
import { FOREIGN_SCHEME_MIN_REFERENCES, FOREIGN_SCHEME_SHARE, type LineStatus, type ReconcileOptions, type ReconcileResult, type ReconLine } from './types';

export { actionKey, referenceKey } from './keys';
export type { LineStatus, ReconcileOptions, ReconcileResult, ReconLine, ReconTotal } from './types';

export function reconcile(model: Model, ledgerLines: readonly LedgerLine[], options: ReconcileOptions = {}): ReconcileResult {
  const lang = options.lang ?? 'fr';
  const m = messages[lang].reconcile;
  const findings: RawFinding[] = [];
  const emit = <R extends RuleId>(rule: R, ref: { sheet: string; cell: string }, params: RuleParams[R]) => findings.push(rawFinding(rule, ref, params));

  // ---- funders: the ledger's words resolved once per distinct text ----
  const { resolveText, resolveLedgerFunder } = ledgerFunders(model, lang, (at, params) => emit('cell.unknown-funder', at, params));
  const defaultFunder = options.defaultFunder ? resolveText(options.defaultFunder) : null;

  // ---- workbook side: the Financements rows, by index (no per-row object: 100 000 of them) ----
  const fin = model.financing;
  const nw = fin.length;
  const wbUsed = new Uint8Array(nw);
  const wbCommitted = (i: number) => fin[i].v.committed ?? 0;
  const wbPaid = (i: number) => fin[i].v.paid ?? 0;
  const wbLineCell = (i: number): Ref => (fin[i].v.reference ? fin[i].ref.reference : fin[i].ref.committed);
  // Two workbook lines for one commitment: they are summed, and the user told.
  const { keys: wbRefKey, byRef: wbByRef } = financingByReference(fin, (i, first) =>
    emit('reconciliation.duplicate-reference', fin[i].ref.reference, { code: fin[i].v.reference!, variant: 'workbook', other: wbLineCell(first).cell }),
  );

  // ---- ledger side ----
  const nl = ledgerLines.length;
  const ledRefKey: (string | null)[] = new Array(nl);
  const ledFunder: (FunderKey | null)[] = new Array(nl);
  const ledUsed = new Uint8Array(nl);
  const ledByRef = new Map<string, Group>();
  let anyCommitted = false;
  let anyPaid = false;
  // Unknown action codes are judged against the Actions table, once per distinct code as written.
  const knownCodes = new Set<string>();
  for (const a of model.actions) if (a.v.code) knownCodes.add(actionKey(a.v.code));
  const codeChecked = new Set<string>();
  for (let i = 0; i < nl; i++) {
    const line = ledgerLines[i];
    if (line.committed !== null) anyCommitted = true;
    if (line.paid !== null) anyPaid = true;
    ledFunder[i] = line.funder !== null ? resolveLedgerFunder(line.funder, line.ref) : defaultFunder;
    const refKey = line.reference ? referenceKey(line.reference) || null : null;
    ledRefKey[i] = refKey;
    if (refKey !== null) addTo(ledByRef, refKey, i);
    if (line.action !== null && knownCodes.size > 0 && !codeChecked.has(line.action)) {
      codeChecked.add(line.action);
      if (!knownCodes.has(actionKey(line.action))) emit('action.unknown', line.ref, { code: line.action });
    }
  }
  const compared = options.compare ?? { committed: anyCommitted, paid: anyPaid };

  // ---- pairing on the reference, or on (action, year, funder) when the numberings differ ----
  let inCommon = 0;
  for (const k of ledByRef.keys()) if (wbByRef.has(k)) inCommon++;
  const foreignScheme = wbByRef.size > 0 && ledByRef.size >= FOREIGN_SCHEME_MIN_REFERENCES && inCommon < ledByRef.size * FOREIGN_SCHEME_SHARE;
  const byKey = options.match === 'key' || (options.match === undefined && foreignScheme);
  if (byKey && options.match === undefined) {
    // Said once, on the ledger's first referenced line: otherwise every line would look missing on both sides.
    emit('reconciliation.matched-by-key', ledgerLines[firstOf(ledByRef.values().next().value!)].ref, { count: ledByRef.size, inCommon });
  }

  // A reference repeated in the ledger is normal (commitment, payments, cancellation), unless its
  // lines disagree on what they finance, or a line is repeated word for word (exported twice).
  for (const g of ledByRef.values()) {
    if (typeof g === 'number') continue;
    const i0 = g[0];
    const first = ledgerLines[i0];
    const seen = new Set<string>();
    for (const i of g) {
      const l = ledgerLines[i];
      const conflict =
        (l.action !== null && first.action !== null && actionKey(l.action) !== actionKey(first.action)) ||
        (l.year !== null && first.year !== null && l.year !== first.year) ||
        (ledFunder[i] !== null && ledFunder[i0] !== null && ledFunder[i] !== ledFunder[i0]);
      const sig = `${l.action}|${l.year}|${l.funder}|${l.committed}|${l.paid}|${l.date}|${l.label}|${l.beneficiary}`;
      if (conflict) emit('reconciliation.duplicate-reference', l.ref, { code: l.reference!, variant: 'conflict', other: first.ref.cell });
      else if (seen.has(sig)) emit('reconciliation.duplicate-reference', l.ref, { code: l.reference!, variant: 'repeated', other: first.ref.cell });
      seen.add(sig);
    }
  }

  // ---- scope: which funders' workbook lines the ledger is expected to hold ----
  const scope = new Set<FunderKey>();
  for (let i = 0; i < nl; i++) if (ledFunder[i] !== null) scope.add(ledFunder[i]!);
  // The funders of the workbook lines paired on their reference join the scope in pass 1, before anyone asks.
  let everything = options.scope === 'all';
  const inScope = (f: FunderKey | null | undefined) => everything || (f != null && scope.has(f));

  const lines: ReconLine[] = [];
  const counts: Record<LineStatus, number> = { matched: 0, different: 0, 'missing-in-ledger': 0, 'missing-in-workbook': 0, 'netted-out': 0 };
  const where = (g: number[]): string => {
    const ls = g.map((i) => ledgerLines[i]);
    if (ls.length === 1) return `${ls[0].ref.sheet}, ${ls[0].ref.cell}`;
    // CSV lines are named "ligne 12": list their numbers; XLSX cells as they are.
    const shown = ls.slice(0, 5).map((l) => (l.ref.cell === m.line(l.row) ? String(l.row) : l.ref.cell));
    const list = `${shown.join(', ')}${ls.length > 5 ? '…' : ''}`;
    return `${ls[0].ref.sheet}, ${ls[0].ref.cell === m.line(ls[0].row) ? m.lines(list) : list}`;
  };
  const subject = (reference: string | null | undefined, code: string | null | undefined, year: number | null | undefined, funder: FunderKey | null | undefined) =>
    reference || [code ?? '?', year ?? '?', funderDisplay(funder ?? null, lang, model.profile) ?? '?'].join(' · ');

  // Ledger totals per funder and year take the workbook's funder and year where the line lacks them.
  const ledTotal: { funder: FunderKey | null; year: number | null; c: Cents; p: Cents }[] = [];
  const ledTotalIndex = new Map<FunderKey | null, Map<number | null, number>>();
  let lastF: FunderKey | null | undefined;
  let lastY: number | null | undefined;
  let lastT = -1;
  const addLedTotal = (i: number, fallback: number) => {
    const line = ledgerLines[i];
    const f = ledFunder[i] ?? (fallback >= 0 ? (fin[fallback].v.funder ?? null) : null);
    const y = line.year ?? (fallback >= 0 ? (fin[fallback].v.year ?? null) : null);
    // Ledgers come sorted by funder and year, more or less: the last bucket is usually the right one.
    if (f !== lastF || y !== lastY) {
      let byYear = ledTotalIndex.get(f);
      if (!byYear) ledTotalIndex.set(f, (byYear = new Map()));
      let t = byYear.get(y);
      if (t === undefined) {
        t = ledTotal.push({ funder: f, year: y, c: 0, p: 0 }) - 1;
        byYear.set(y, t);
      }
      lastF = f;
      lastY = y;
      lastT = t;
    }
    ledTotal[lastT].c += line.committed ?? 0;
    ledTotal[lastT].p += line.paid ?? 0;
  };

  const pair = (ws: Group, ls: Group, on: 'reference' | 'key') => {
    let wc = 0;
    let wp = 0;
    let cells: Ref[];
    const w0 = firstOf(ws);
    if (typeof ws === 'number') {
      wc = wbCommitted(ws);
      wp = wbPaid(ws);
      wbUsed[ws] = 1;
      cells = [wbLineCell(ws)];
    } else {
      cells = [];
      for (const i of ws) {
        wc += wbCommitted(i);
        wp += wbPaid(i);
        wbUsed[i] = 1;
        cells.push(wbLineCell(i));
      }
    }
    let c = 0;
    let p = 0;
    let label: string | null = null;
    let refs: LedgerRef[];
    const w = fin[w0];
    if (typeof ls === 'number') {
      const l = ledgerLines[ls];
      c = l.committed ?? 0;
      p = l.paid ?? 0;
      label = l.label;
      ledUsed[ls] = 1;
      refs = [l.ref];
      addLedTotal(ls, w0);
    } else {
      refs = [];
      for (const i of ls) {
        const l = ledgerLines[i];
        c += l.committed ?? 0;
        p += l.paid ?? 0;
        if (label === null) label = l.label;
        ledUsed[i] = 1;
        refs.push(l.ref);
        addLedTotal(i, w0);
      }
    }
    if (w.v.funder && !scope.has(w.v.funder)) scope.add(w.v.funder);
    const gapC = compared.committed ? c - wc : null;
    const gapP = compared.paid ? p - wp : null;
    const status: LineStatus = (gapC ?? 0) !== 0 || (gapP ?? 0) !== 0 ? 'different' : 'matched';
    counts[status]++;
    const reference = on === 'reference' ? w.v.reference || ledgerLines[firstOf(ls)].reference : w.v.reference || null;
    const funder = funderDisplay(w.v.funder ?? null, lang, model.profile);
    if (status === 'different') {
      // Words are built only for the lines that differ: most of 100 000 lines agree.
      const base = { funder: funder ?? undefined, year: w.v.year, code: subject(on === 'reference' ? reference : null, w.v.code, w.v.year, w.v.funder), other: where(listOf(ls)) };
      if (gapC) emit('reconciliation.amount-mismatch', w.ref.committed, { ...base, variant: 'committed', expected: wc, actual: c, gap: gapC });
      if (gapP) emit('reconciliation.amount-mismatch', w.ref.paid, { ...base, variant: 'paid', expected: wp, actual: p, gap: gapP });
    }
    lines.push({
      status,
      matchedOn: on,
      reference: reference ?? null,
      action: w.v.code ?? null,
      year: w.v.year ?? null,
      funder,
      workbook: { committed: wc, paid: wp, cells },
      ledger: { committed: compared.committed ? c : null, paid: compared.paid ? p : null, lines: refs, label },
      gapCommitted: gapC,
      gapPaid: gapP,
    });
  };

  // Pass 1: the reference, where both sides carry it (not when the numberings differ).
  if (!byKey) {
    for (const [k, ls] of ledByRef) {
      const ws = wbByRef.get(k);
      if (ws !== undefined) pair(ws, ls, 'reference');
    }
  }

  if (scope.size === 0) everything = true;

  /**
   * Pairing on (action, year, funder) across numbering schemes: each side's own references still
   * tell its commitments apart (the ledger's commitment and payment lines share a number). Under
   * one key, commitments of equal amounts pair first; what is left pairs as one sum when both sides
   * have some, else stays missing on its side (a commitment the other side does not know).
   */
  const unitsOf = (idx: number[], refs: (string | null)[]): number[][] => {
    const units = new Map<string, number[]>();
    for (const i of idx) {
      const k = refs[i] ?? '';
      const u = units.get(k);
      if (u) u.push(i);
      else units.set(k, [i]);
    }
    return [...units.values()];
  };
  const pairUnits = (ws: number[], ls: number[]) => {
    const wu = unitsOf(ws, wbRefKey);
    const lu = unitsOf(ls, ledRefKey);
    if (wu.length === 1 && lu.length === 1) return pair(ws, ls, 'key');
    const amounts = (u: number[], committed: (i: number) => Cents, paid: (i: number) => Cents) =>
      `${compared.committed ? u.reduce((a, i) => a + committed(i), 0) : ''}|${compared.paid ? u.reduce((a, i) => a + paid(i), 0) : ''}`;
    const ledAmounts = lu.map((u) => amounts(u, (i) => ledgerLines[i].committed ?? 0, (i) => ledgerLines[i].paid ?? 0));
    const taken = new Uint8Array(lu.length);
    const restW: number[] = [];
    for (const u of wu) {
      const a = amounts(u, wbCommitted, wbPaid);
      const j = ledAmounts.findIndex((b, n) => !taken[n] && b === a);
      if (j < 0) {
        restW.push(...u);
        continue;
      }
      taken[j] = 1;
      pair(u, lu[j], 'key');
    }
    const restL = lu.filter((_, n) => !taken[n]).flat();
    if (restW.length > 0 && restL.length > 0) pair(restW, restL, 'key');
  };

  // Pass 2: (action, year, funder) for what is left. Two sides that both carry references, all
  // different, are distinct commitments even under the same key: they are not paired.
  const keyOf = (code: string | null | undefined, year: number | null | undefined, funder: FunderKey | null | undefined) =>
    code != null && year != null && funder != null ? `${actionKey(code)}|${year}|${funder}` : null;
  const wbByKey = new Map<string, Group>();
  for (let i = 0; i < nw; i++) {
    if (wbUsed[i] || !inScope(fin[i].v.funder)) continue;
    const k = keyOf(fin[i].v.code, fin[i].v.year, fin[i].v.funder);
    if (k !== null) addTo(wbByKey, k, i);
  }
  const ledByKey = new Map<string, Group>();
  for (let i = 0; i < nl; i++) {
    if (ledUsed[i]) continue;
    const k = keyOf(ledgerLines[i].action, ledgerLines[i].year, ledFunder[i]);
    if (k !== null) addTo(ledByKey, k, i);
  }
  for (const [k, ls] of ledByKey) {
    const ws = wbByKey.get(k);
    if (ws === undefined) continue;
    if (byKey) pairUnits(listOf(ws), listOf(ls));
    else if (!(listOf(ws).every((i) => wbRefKey[i] !== null) && listOf(ls).every((i) => ledRefKey[i] !== null))) pair(ws, ls, 'key');
  }

  // What is left on the workbook side: committed (or paid) lines the ledger should hold.
  for (let i = 0; i < nw; i++) {
    const w = fin[i];
    if (wbUsed[i] || !inScope(w.v.funder)) continue;
    const committed = wbCommitted(i);
    const paid = wbPaid(i);
    if (committed === 0 && paid === 0) continue;
    counts['missing-in-ledger']++;
    const funder = funderDisplay(w.v.funder ?? null, lang, model.profile);
    emit('reconciliation.missing-in-ledger', wbLineCell(i), { code: subject(w.v.reference, w.v.code, w.v.year, w.v.funder), funder: funder ?? undefined, year: w.v.year, actual: committed });
    lines.push({
      status: 'missing-in-ledger',
      matchedOn: null,
      reference: w.v.reference || null,
      action: w.v.code ?? null,
      year: w.v.year ?? null,
      funder,
      workbook: { committed, paid, cells: [wbLineCell(i)] },
      ledger: null,
      gapCommitted: compared.committed ? -committed : null,
      gapPaid: compared.paid ? -paid : null,
    });
  }

  // And on the ledger side, grouped as they would have been paired: by reference, else by key.
  const groups = new Map<string, Group>();
  for (let i = 0; i < nl; i++) {
    if (ledUsed[i]) continue;
    const l = ledgerLines[i];
    const k = ledRefKey[i] !== null ? `r|${ledRefKey[i]}` : (keyOf(l.action, l.year, ledFunder[i]) ?? `l|${i}`);
    addTo(groups, k, i);
  }
  for (const g of groups.values()) {
    const ls = listOf(g);
    const i0 = ls[0];
    const first = ledgerLines[i0];
    let c = 0;
    let p = 0;
    for (const i of ls) {
      c += ledgerLines[i].committed ?? 0;
      p += ledgerLines[i].paid ?? 0;
      addLedTotal(i, -1);
    }
    // A commitment entered and cancelled in the ledger nets to nothing: nothing to find in the workbook.
    const netted = c === 0 && p === 0 && ls.length > 1;
    const status: LineStatus = netted ? 'netted-out' : 'missing-in-workbook';
    counts[status]++;
    const funder = funderDisplay(ledFunder[i0], lang, model.profile);
    if (!netted) {
      emit('reconciliation.missing-in-workbook', first.ref, {
        code: subject(first.reference, first.action, first.year, ledFunder[i0]),
        funder: funder ?? undefined,
        year: first.year ?? undefined,
        actual: c !== 0 || p === 0 ? c : p,
        variant: c !== 0 || p === 0 ? 'committed' : 'paid',
        label: first.label ?? first.beneficiary ?? undefined,
        other: ls.length > 1 ? where(ls) : undefined,
      });
    }
    lines.push({
      status,
      matchedOn: null,
      reference: first.reference,
      action: first.action,
      year: first.year,
      funder,
      workbook: null,
      ledger: { committed: compared.committed ? c : null, paid: compared.paid ? p : null, lines: ls.map((i) => ledgerLines[i].ref), label: first.label },
      gapCommitted: compared.committed ? c : null,
      gapPaid: compared.paid ? p : null,
    });
  }

  const { totals: totalList, funders } = reconTotals({ fin, wbUsed, inScope, ledTotal, everything, scope, lang, profile: model.profile });
  return { lines, findings, totals: totalList, counts, compared, funders };
}
