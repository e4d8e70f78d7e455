/**
 * "Évolutions depuis le …": what changed since the previous COPIL's workbook, as the summary shows
 * it — the per-funder, per-year deltas of convention, participations, prévu, engagé and versé, and
 * the changed lines grouped by action. The model (cents, canonical values) and one text view of it
 * that the PDF lays out; the XLSX and CSV read the model.
 */
import type { Lang } from '../contract';
import { messages } from '../i18n';
import { formatGap } from '../money';
import { qualifiedAddress, type WorkbookSnapshot } from '../snapshot';
import type { Summary } from '../summary';
import { diffSnapshots, type Change, type Diff, type TotalDelta } from './diff';
import { amountDelta, showCents, showValue } from './display';
import type { Profile } from '../profile';

export interface ChangeGroup {
  /** The action code of the financing lines; null for the changes of the other tables. */
  action: string | null;
  changes: Change[];
}

export interface Evolutions {
  /** ISO date of the previous version, and its file name. */
  since: string;
  file: string;
  totals: TotalDelta[];
  groups: ChangeGroup[];
  count: number;
  /** The convention of the current workbook: its funders, axes and bodies name the changed values (never the CES ESS's ids). */
  profile: Profile;
}

/** A summary that carries its evolutions (report --since); the exports render them when present. */
export type SummaryWithEvolutions = Summary & { evolutions?: Evolutions };

export const evolutionsOf = (s: Summary): Evolutions | undefined => (s as SummaryWithEvolutions).evolutions;

export function buildEvolutions(previous: WorkbookSnapshot, current: WorkbookSnapshot, since: { date: string; file: string }, lang: Lang): Evolutions {
  return fromDiff(diffSnapshots(previous, current, lang), since);
}

export function fromDiff(d: Diff, since: { date: string; file: string }): Evolutions {
  const byAction = new Map<string, Change[]>();
  const others: Change[] = [];
  for (const c of d.changes) {
    if (c.table === 'Financements' && c.action) {
      const list = byAction.get(c.action);
      if (list) list.push(c);
      else byAction.set(c.action, [c]);
    } else others.push(c);
  }
  const groups: ChangeGroup[] = [...byAction.keys()].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true })).map((action) => ({ action, changes: byAction.get(action)! }));
  if (others.length) groups.push({ action: null, changes: others });
  return { since: since.date, file: since.file, totals: d.totals, groups, count: d.changes.length, profile: d.profile };
}

export function evolutionsTitle(e: Evolutions, lang: Lang): string {
  const m = messages[lang].versions.evolutions;
  return m.title(e.since, e.file);
}

/** One table of the section as text: header, relative widths (they sum to 1), rows. */
export interface TextTable {
  title: string;
  columns: { header: string; width: number; align: 'left' | 'right' }[];
  rows: string[][];
}

/** A table's columns from (header, relative width, alignment) triples. */
function columns(...spec: [header: string, width: number, align: 'left' | 'right'][]): TextTable['columns'] {
  return spec.map(([header, width, align]) => ({ header, width, align }));
}

/** How a change reads in the section: "modifié · I_01 · 2014 · Région". */
export function changeLabel(c: Change, lang: Lang): string {
  return `${messages[lang].versions.kind[c.kind]} · ${c.key}`;
}

/** The section as text tables (PDF), signed deltas "+500,00 €". */
export function evolutionTables(e: Evolutions, lang: Lang): TextTable[] {
  const m = messages[lang].versions;
  const h = m.evolutions.headers;
  const lh = m.evolutions.lineHeaders;
  const title = evolutionsTitle(e, lang);
  if (!e.count && !e.totals.length) return [{ title, columns: columns(['', 1, 'left']), rows: [[m.evolutions.none]] }];
  const tables: TextTable[] = [];
  if (e.totals.length) {
    tables.push({
      title: `${title} — ${m.evolutions.totalsTitle}`,
      columns: columns([h.funder, 0.2, 'left'], [h.year, 0.08, 'right'], [h.field, 0.18, 'left'], [h.before, 0.18, 'right'], [h.after, 0.18, 'right'], [h.delta, 0.18, 'right']),
      rows: e.totals.map((t) => [t.funder, String(t.year), m.fields[t.field], showCents(t.before, lang), showCents(t.after, lang), formatGap(t.delta, lang)]),
    });
  }
  if (e.count) {
    tables.push({
      title: e.totals.length ? m.evolutions.linesTitle : `${title} — ${m.evolutions.linesTitle}`,
      columns: columns([lh.action, 0.09, 'left'], [lh.change, 0.31, 'left'], [lh.cell, 0.13, 'left'], [lh.column, 0.11, 'left'], [lh.before, 0.12, 'right'], [lh.after, 0.12, 'right'], [h.delta, 0.12, 'right']),
      rows: e.groups.flatMap((g) =>
        g.changes.map((c) => [
          g.action ?? m.evolutions.otherTables,
          changeLabel(c, lang),
          qualifiedAddress(c.sheet, c.cell),
          c.column ?? '',
          c.kind === 'changed' ? showValue(c.valueKind, c.before, lang, e.profile) : '',
          c.kind === 'changed' ? showValue(c.valueKind, c.after, lang, e.profile) : '',
          c.kind === 'changed' ? (amountDelta(c.valueKind, c.before, c.after, lang) ?? '') : '',
        ]),
      ),
    });
  }
  return tables;
}
