/**
 * The Journal's Empreinte (written by a sync): a SHA-256 of the snapshot the check ran on, so that two lines with the
 * same fingerprint are known to have checked the same data. WebCrypto exists in Office's webviews
 * (https) and in Node; FNV-1a stands in where it does not.
 */
import type { WorkbookSnapshot } from '../core/snapshot';

export function canonicalSnapshot(s: WorkbookSnapshot): string {
  const tables = [...s.tables].sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify({ sheets: s.sheets, tables: tables.map((t) => [t.name, t.sheet, t.headerRow, t.firstColumn, t.headers, t.rows, t.isTable]) }, (_k, v) => (v instanceof Date ? { date: v.toISOString() } : v));
}

export async function fingerprint(s: WorkbookSnapshot): Promise<string> {
  const text = canonicalSnapshot(s);
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 16);
  }
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}
