/**
 * The example CDC ledger that goes with `init --example`: the example's CDC financing lines as a
 * CDC export would show them (commitments, then payments on their own lines from 2015), with four
 * planted differences so that `reconcile` has something to find. examples/grand-livre-cdc.csv is
 * generated from it (scripts/make-example-ledger.mjs); a test keeps the two in step.
 */
import { buildExample } from '../example';
import type { Cents } from '../money';

/** What the example ledger plants, for the README and the tests. */
export const EXAMPLE_LEDGER_PLANTED = {
  /** Committed 5 000,00 € less in the ledger than in the workbook. */
  amountGap: { reference: 'EX-2015-CDC-086', gap: -500_000 },
  /** Left out of the ledger. */
  missingInLedger: 'EX-2016-CDC-146',
  /** In the ledger only. */
  missingInWorkbook: { reference: 'EX-2016-CDC-901', action: 'II_3.2', year: 2016, committed: 1_250_000 },
  /** Committed 20 000,00 € too much, then cancelled by a negative line: nets out, matched. */
  cancellation: { reference: 'EX-2014-CDC-038', cancelled: 2_000_000 },
} as const;

export const EXAMPLE_LEDGER_HEADERS = ["N° d'engagement", 'Code action', 'Exercice', 'Financeur', 'Bénéficiaire', 'Libellé', 'Date', 'Montant engagé', 'Montant mandaté'];

export type ExampleLedgerRow = [string, string, number, string, string, string, string, Cents | null, Cents | null];

/** "1 234 567,89": thousands grouped by U+00A0 as French spreadsheets export them, decimal comma. */
export function frenchAmount(c: Cents): string {
  const neg = c < 0;
  const a = Math.abs(c);
  const euros = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${neg ? '-' : ''}${euros},${String(a % 100).padStart(2, '0')}`;
}

const dd = (n: number) => String(n).padStart(2, '0');

export function exampleLedgerRows(): ExampleLedgerRow[] {
  const p = EXAMPLE_LEDGER_PLANTED;
  const ex = buildExample();
  const holder = new Map(ex.actions.map((a) => [a.code, a.holder]));
  const title = new Map(ex.actions.map((a) => [a.code, a.title]));
  const rows: ExampleLedgerRow[] = [];
  let n = 0;
  for (const f of ex.financing) {
    if (f.funder !== 'cdc' || f.reference === p.missingInLedger) continue;
    n++;
    const who = holder.get(f.code) ?? '';
    const what = `${title.get(f.code) ?? f.code}`;
    const committedOn = `${dd(1 + (n % 28))}/${dd(3 + (n % 4))}/${f.year}`;
    const paidOn = `${dd(1 + (n % 28))}/${dd(9 + (n % 3))}/${f.year}`;
    let committed = f.committed;
    if (f.reference === p.amountGap.reference) committed += p.amountGap.gap;
    if (f.reference === p.cancellation.reference) {
      rows.push([f.reference, f.code, f.year, 'CDC', who, what, committedOn, committed + p.cancellation.cancelled, f.paid]);
      rows.push([f.reference, f.code, f.year, 'CDC', who, `Annulation partielle : ${what}`, `15/12/${f.year}`, -p.cancellation.cancelled, null]);
      continue;
    }
    if (f.year === 2014) {
      rows.push([f.reference, f.code, f.year, 'CDC', who, what, committedOn, committed, f.paid]);
    } else {
      rows.push([f.reference, f.code, f.year, 'CDC', who, what, committedOn, committed, null]);
      if (f.paid) rows.push([f.reference, f.code, f.year, 'CDC', who, `Mandatement : ${what}`, paidOn, null, f.paid]);
    }
  }
  const w = p.missingInWorkbook;
  rows.push([w.reference, w.action, w.year, 'CDC', 'Réseau PTCE (exemple)', 'Étude complémentaire hors plan (exemple)', `20/06/${w.year}`, w.committed, null]);
  return rows;
}

/** The CSV as a French Excel user would save it: UTF-8 with BOM, ";", decimal comma, CRLF. */
export function exampleLedgerCsv(rows: ExampleLedgerRow[] = exampleLedgerRows()): string {
  const cell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [EXAMPLE_LEDGER_HEADERS.map(cell).join(';')];
  for (const r of rows) {
    lines.push(r.map((v, i) => (i >= 7 ? (v === null ? '' : frenchAmount(v as number)) : cell(String(v)))).join(';'));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
