/**
 * Group 4: context.sync() round trips of a full sync (and of an Export COPIL, where the host has
 * one) in the emulated Excel, at several sizes. Each round trip costs a network hop in Excel on the web.
 */
import { emulatedOfficeHost, emulatorFromPlan } from '../src/testing/excel-emulator';
import { bigPlan } from './generate';
import type { BenchGroup } from './types';

export async function bench({ small }: { small: boolean }): Promise<BenchGroup> {
  const sizes = small ? [10, 1000] : [10, 1000, 50_000];
  const value: Record<string, { syncRoundTrips: number; syncMs: number; exportRoundTrips: number | null }> = {};
  const rows: BenchGroup['rows'] = [];
  for (const n of sizes) {
    const emu = emulatorFromPlan(bigPlan(n));
    const host = emulatedOfficeHost(emu);
    const t = process.hrtime.bigint();
    const outcome = await host.sync({ asOf: new Date(Date.UTC(2026, 10, 29)), lang: 'fr' });
    const syncMs = Number(process.hrtime.bigint() - t) / 1e6;
    let exportRoundTrips: number | null = null;
    const exporter = (host as unknown as { exportCopil?: (o: { asOf: Date; lang: 'fr' }) => Promise<{ roundTrips: number }> }).exportCopil;
    if (exporter) exportRoundTrips = (await exporter.call(host, { asOf: new Date(Date.UTC(2026, 10, 29)), lang: 'fr' })).roundTrips;
    value[n] = { syncRoundTrips: outcome.roundTrips, syncMs, exportRoundTrips };
    rows.push([`round trips, sync of ${n.toLocaleString('fr-FR')} lines`, `${outcome.roundTrips} (${syncMs.toFixed(0)} ms emulated)`, 'target ≤ 2']);
    if (exportRoundTrips !== null) rows.push([`round trips, Export COPIL, ${n.toLocaleString('fr-FR')} lines`, String(exportRoundTrips), 'target ≤ 2']);
  }
  return { key: 'roundTrips', value, rows };
}
