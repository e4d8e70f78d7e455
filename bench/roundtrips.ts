/**
 * Group 4: the round trips of a sync and of an Export COPIL, and the largest request, as Microsoft's
 * Office.js client serialises them (test/helpers/officeJs.ts), against the emulated
 * Excel with Excel on the web's limits (5 MB a request). Workbooks of 10 to 50 000 financing lines,
 * one in ten with a finding (an unknown funder). Each round trip is a network hop in Excel on the web.
 */
import { emulatorFromPlan } from '../test/support/excel-emulator';
import { officeJsHost } from '../test/helpers/officeJs';
import { bigPlan } from './generate';
import type { BenchGroup } from './types';
import { syncWorkbook } from '../src/app/sync';
import { writeCopilSheet } from '../src/app/sheets';

/** The example cycled to `lines` financing lines, every tenth one naming a funder the convention does not know. */
export function findingsPlan(lines: number) {
  const plan = bigPlan(lines);
  const fin = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === 'Financements')!;
  fin.rows.forEach((r, i) => {
    if (i % 10 === 9) r[2] = 'Régoin';
  });
  return plan;
}

export interface RoundTripFigures {
  findings: number;
  /** First sync (no previous results) and second sync (previous Contrôles and highlights replaced). */
  syncRoundTrips: number;
  secondSyncRoundTrips: number;
  largestSyncRequestBytes: number;
  exportRoundTrips: number;
  largestExportRequestBytes: number;
  syncMs: number;
}

/** `excelApi`: the simulated Excel's ExcelApi version (1.9+ by default; 1.7–1.8 have no multi-area highlights). */
export async function measureRoundTrips(n: number, excelApi?: string): Promise<RoundTripFigures> {
  const asOf = new Date(Date.UTC(2026, 10, 29));
  const emu = emulatorFromPlan(findingsPlan(n));
  if (excelApi) emu.version = { ...emu.version, excelApi };
  const host = officeJsHost(emu);
  const t = process.hrtime.bigint();
  const first = await syncWorkbook(host, { asOf, lang: 'fr' });
  const syncMs = Number(process.hrtime.bigint() - t) / 1e6;
  let largest = emu.largestRequest;
  emu.resetCounters();
  const second = await syncWorkbook(host, { asOf, lang: 'fr' });
  largest = Math.max(largest, emu.largestRequest);
  emu.resetCounters();
  const exp = await writeCopilSheet(host, { asOf, lang: 'fr' });
  return {
    findings: first.result.findings.length,
    syncRoundTrips: first.roundTrips,
    secondSyncRoundTrips: second.roundTrips,
    largestSyncRequestBytes: largest,
    exportRoundTrips: exp.roundTrips,
    largestExportRequestBytes: emu.largestRequest,
    syncMs,
  };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} Mo`;

export async function bench({ small }: { small: boolean }): Promise<BenchGroup> {
  const sizes = small ? [10, 1000] : [10, 1000, 10_000, 50_000];
  const value: Record<string, RoundTripFigures> = {};
  const rows: BenchGroup['rows'] = [];
  for (const n of sizes) {
    const f = await measureRoundTrips(n);
    value[n] = f;
    const lines = n.toLocaleString('fr-FR');
    if (f.largestSyncRequestBytes > 4_000_000) throw new Error(`sync of ${lines} lines: a request of ${f.largestSyncRequestBytes} bytes, over 4 MB`);
    rows.push([`round trips, sync of ${lines} lines (${f.findings} findings), 1st / 2nd`, `${f.syncRoundTrips} / ${f.secondSyncRoundTrips}`, 'target 2']);
    rows.push([`largest request, sync of ${lines} lines (Office.js)`, mb(f.largestSyncRequestBytes), 'limit 4 Mo (Excel on the web: 5)']);
    rows.push([`round trips, Export COPIL, ${lines} lines; largest request`, `${f.exportRoundTrips}; ${mb(f.largestExportRequestBytes)}`, 'target ≤ 2']);
  }
  return { key: 'roundTrips', value, rows };
}
