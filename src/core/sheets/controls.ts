/**
 * What a sync writes besides the user's sheets: the Contrôles table (one row per finding, rewritten
 * each time), the highlights of the cells at fault (one custom-format rule per run of cells of a
 * column with the same severity), and the Journal's line (journal.ts). Where the tables go is the
 * host's business (an existing table stays where the user moved it); what they hold is here.
 */
import type { CheckResult } from '../check';
import { parseAddress, cellAddress } from '../cells';
import { controlsTable, type Lang } from '../contract';
import type { Finding, Severity } from '../findings';
import { messages } from '../i18n';
import type { Profile } from '../profile';
import { ruleTitle } from '../ruleWords';
import { headersOf, OWN_TABLE_STYLE, type JournalLine } from './journal';
import type { PlanTable } from './types';

export const HIGHLIGHT_COLORS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: 'FFC7CE', font: '9C0006' },
  warning: { fill: 'FFEB9C', font: '9C5700' },
  info: { fill: 'DDEBF7', font: '1F4E79' },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function controlsRows(result: CheckResult, lang: Lang, profile: Profile): (string | number)[][] {
  const sev = messages[lang].severity;
  // The rule's title for the reader (in the words of the workbook's convention), its id after it (as in the CSV): a filter on the id still works.
  return result.findings.map((f) => [capitalise(sev[f.severity]), `${ruleTitle(f.rule, lang, profile)} (${f.rule})`, f.article ?? '', f.message, f.sheet, f.cell]);
}

/** The Contrôles table at A1 (the host moves it where the existing one is). */
export function controlsTablePlan(result: CheckResult, lang: Lang, profile: Profile): PlanTable {
  return { name: controlsTable.name, row: 1, column: 1, columns: headersOf(controlsTable, lang).map((header) => ({ header })), rows: controlsRows(result, lang, profile), style: OWN_TABLE_STYLE };
}

export interface ResultsPlan {
  lang: Lang;
  controls: PlanTable;
  /** The cells at fault on the sheets that exist. */
  highlights: Highlight[];
  /** Null for a live update after an edit: the Journal records the user's Synchroniser, not each keystroke. */
  journal: JournalLine | null;
}

/** What a sync writes: the findings' table, their highlights, the Journal's line. */
export function resultsPlan(result: CheckResult, sheets: string[], journal: JournalLine | null, lang: Lang, profile: Profile): ResultsPlan {
  return { lang, controls: controlsTablePlan(result, lang, profile), highlights: highlightRanges(result.findings, sheets), journal };
}

/** Widths of a Contrôles sheet the add-in creates, in characters, from the table's first column: a message column wide enough to read. */
export const CONTROLS_WIDTHS = [110 / 7, 110 / 7, 110 / 7, 480 / 7];

export interface Highlight {
  sheet: string;
  address: string;
  severity: Severity;
}

/** Consecutive cells of one column and severity become one range: fewer rules for Excel to keep. */
export function highlightRanges(findings: Finding[], sheets: string[]): Highlight[] {
  const order: Severity[] = ['error', 'warning', 'info'];
  const worst = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  const exists = new Set(sheets.map((s) => s.toLowerCase()));
  for (const f of findings) {
    if (!exists.has(f.sheet.toLowerCase()) || !/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(f.cell)) continue;
    const k = `${f.sheet}!${f.cell}`;
    const prev = worst.get(k);
    if (!prev || order.indexOf(f.severity) < order.indexOf(prev.severity)) worst.set(k, { sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  const singles = new Map<string, { sheet: string; severity: Severity; col: number; rows: number[] }>();
  const out: Highlight[] = [];
  for (const w of worst.values()) {
    const p = w.cell.includes(':') ? null : parseAddress(w.cell);
    if (!p) {
      out.push({ sheet: w.sheet, address: w.cell, severity: w.severity });
      continue;
    }
    const k = `${w.sheet}|${w.severity}|${p.col}`;
    const g = singles.get(k) ?? { sheet: w.sheet, severity: w.severity, col: p.col, rows: [] };
    g.rows.push(p.row);
    singles.set(k, g);
  }
  for (const g of singles.values()) {
    g.rows.sort((a, b) => a - b);
    let start = g.rows[0];
    let prev = start;
    const flush = () => out.push({ sheet: g.sheet, address: start === prev ? cellAddress(start, g.col) : `${cellAddress(start, g.col)}:${cellAddress(prev, g.col)}`, severity: g.severity });
    for (const r of g.rows.slice(1)) {
      if (r === prev || r === prev + 1) {
        prev = r;
        continue;
      }
      flush();
      start = r;
      prev = r;
    }
    flush();
  }
  return out;
}

/** Addresses of one multi-area highlight rule stay under this many characters. */
export const MAX_AREAS_ADDRESS = 2000;

/** The highlight ranges grouped per sheet and severity, in addresses of at most MAX_AREAS_ADDRESS characters. */
export function highlightAreas(ranges: Highlight[]): Highlight[] {
  const groups = new Map<string, { sheet: string; severity: Severity; parts: string[][] }>();
  for (const r of ranges) {
    const k = `${r.sheet}|${r.severity}`;
    const g = groups.get(k) ?? { sheet: r.sheet, severity: r.severity, parts: [[]] };
    groups.set(k, g);
    const last = g.parts[g.parts.length - 1];
    if (last.length && last.join(',').length + 1 + r.address.length > MAX_AREAS_ADDRESS) g.parts.push([r.address]);
    else last.push(r.address);
  }
  return [...groups.values()].flatMap((g) => g.parts.map((p) => ({ sheet: g.sheet, severity: g.severity, address: p.join(',') })));
}
