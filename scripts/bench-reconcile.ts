/**
 * Reconciliation benchmark: n ledger lines against n workbook financing lines, in the core
 * (matching only), plus reading the same ledger as CSV text. Median of 5 runs after a warm-up.
 * Run with `node scripts/bench-reconcile.mjs [n]`; the global `npm run bench` may call benchReconcile.
 */
import type { FinancingFields, Model, Ref, Row } from '../src/core/model';
import { reconcile, referenceKey, type LedgerLine } from '../src/core/reconcile';
import { frenchAmount } from '../src/core/reconcile/example';
import { parseLedgerText } from '../src/hosts/ledger/csv';
import { profile, type FunderId } from '../src/core/profile';

const FUNDERS: FunderId[] = ['region', 'etat', 'cdc'];
const FUNDER_TEXT = ['Région', 'État', 'CDC'];

/** n workbook lines and n ledger lines: most paired on the reference, 10 % on the key, ~1 % different, a few missing either side. */
export function benchData(n: number): { model: Model; lines: LedgerLine[]; csv: string } {
  const financing: Row<FinancingFields>[] = [];
  const lines: LedgerLine[] = [];
  const csv: string[] = ["N° d'engagement;Code action;Exercice;Financeur;Montant engagé;Montant mandaté;Date;Libellé"];
  const ref = (col: string, row: number): Ref => ({ sheet: 'Financements', cell: `${col}${row}` });
  for (let i = 0; i < n; i++) {
    const year = 2014 + (i % 3);
    const f = i % 3;
    const code = `A_${Math.floor(i / 3)}`;
    const committed = 100_000 + (i % 997) * 100;
    const paid = Math.floor(committed * 0.8);
    const withRef = i % 10 !== 0;
    const reference = withRef ? `REF-${year}-${i}` : '';
    const row = 5 + i;
    financing.push({
      v: { code, year, funder: FUNDERS[f], planned: committed, committed, paid, reference, comment: '' },
      ref: { code: ref('A', row), year: ref('B', row), funder: ref('C', row), planned: ref('D', row), committed: ref('E', row), paid: ref('F', row), reference: ref('G', row), comment: ref('H', row) },
      index: i,
    });
    // Ledger: every 100th line differs by 1 €, every 500th is missing, and 1 in 500 is extra.
    if (i % 500 === 7) continue;
    const lc = i % 100 === 3 ? committed + 100 : committed;
    const line: LedgerLine = { reference: withRef ? reference : null, action: code, year, funder: FUNDER_TEXT[f], committed: lc, paid, date: `${year}-06-01`, beneficiary: null, label: 'x', row: i + 2, ref: { sheet: 'bench.csv', cell: `ligne ${i + 2}` } };
    lines.push(line);
    csv.push(`${withRef ? reference : ''};${code};${year};${FUNDER_TEXT[f]};${frenchAmount(lc)};${frenchAmount(paid)};01/06/${year};x`);
  }
  for (let i = 0; lines.length < n; i++) {
    lines.push({ reference: `EXTRA-${i}`, action: 'A_0', year: 2016, funder: 'CDC', committed: 5_000, paid: null, date: null, beneficiary: null, label: null, row: n + i + 2, ref: { sheet: 'bench.csv', cell: `ligne ${n + i + 2}` } });
    csv.push(`EXTRA-${i};A_0;2016;CDC;50,00;;;`);
  }
  const model = { convention: [], participations: [], actions: [], financing, avenants: [], partners: [], instances: [], bilans: [], jalons: [], coFunders: [], located: {}, profile } as unknown as Model;
  return { model, lines, csv: csv.join('\n') };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median of 5 runs after a warm-up: wall-clock ms, and this process's CPU ms (what a loaded, shared machine distorts least). */
function measure(fn: () => unknown): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    fn();
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/**
 * The least any matching on references can do (two maps of n references, one lookup each): printed
 * beside the real figure so that a loaded machine can be told from a slow reconciliation.
 */
function floor(model: Model, lines: LedgerLine[]): number {
  const fin = model.financing;
  const byRef = new Map<string, number>();
  for (let i = 0; i < fin.length; i++) byRef.set(referenceKey(fin[i].v.reference || `w${i}`), i);
  const led = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) led.set(referenceKey(lines[i].reference || `l${i}`), i);
  let gap = 0;
  for (const [k, i] of led) {
    const w = byRef.get(k);
    if (w !== undefined) gap += (lines[i].committed ?? 0) - (fin[w].v.committed ?? 0);
  }
  return gap;
}

export interface ReconcileBench {
  n: number;
  /** Core matching, wall-clock ms (median of 5). */
  reconcileMs: number;
  reconcileCpuMs: number;
  /** CSV text → ledger lines (papaparse + French amounts), wall-clock ms (median of 5). */
  parseCsvMs: number;
  parseCsvCpuMs: number;
  /** Two maps of n references and n lookups, wall-clock ms: the floor on this machine now. */
  floorMs: number;
  counts: Record<string, number>;
}

export function benchReconcile(n = 100_000): ReconcileBench {
  const { model, lines, csv } = benchData(n);
  const result = reconcile(model, lines);
  const r = measure(() => reconcile(model, lines));
  const p = measure(() => parseLedgerText(csv, { sheet: 'bench.csv' }));
  const f = measure(() => floor(model, lines));
  return { n, reconcileMs: r.wall, reconcileCpuMs: r.cpu, parseCsvMs: p.wall, parseCsvCpuMs: p.cpu, floorMs: f.wall, counts: result.counts };
}
