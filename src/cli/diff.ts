/**
 * ess-budget diff <avant.xlsx> <après.xlsx> [--format text|json] [--lang fr|en]
 * What changed in the contract's tables between two versions of the workbook. Exit status: 0 the
 * same data, 1 they differ, 2 an input could not be used (as `check`).
 */
import { inputMessage, type Io } from './io';
import { parseCommand } from './args';
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { centsToDecimalString, formatGap } from '../core/money';
import { qualifiedAddress, type WorkbookSnapshot } from '../core/snapshot';
import { compareVersions } from '../app/versions';
import { profile as builtInProfile } from '../core/profile';
import type { Diff } from '../core/versions/diff';
import { amountDelta, showCents, showValue } from '../core/versions/display';
import { FileHost, InputError } from '../hosts/xlsx';

/** Reads one workbook, or says in one line why it cannot be used. */
export async function readOrSay(host: FileHost, lang: Lang, io: Io): Promise<WorkbookSnapshot | null> {
  const file = host.path;
  try {
    return await host.readSnapshot();
  } catch (e) {
    if (e instanceof InputError) {
      io.err(inputMessage(lang, file, e));
      return null;
    }
    throw e;
  }
}

/**
 * Two versions compare only when they follow the same convention (issue 23): other funders, years
 * and articles do not compare line by line (a usage, said so in one line on stderr).
 */
export function sameConvention(beforeFile: string, before: WorkbookSnapshot, afterFile: string, after: WorkbookSnapshot, lang: Lang, io: Io): boolean {
  const [beforeId, afterId] = [before, after].map((s) => s.profile?.id ?? builtInProfile.id);
  if (beforeId === afterId) return true;
  io.err(messages[lang].profileStore.diffDiffers(beforeFile, beforeId, afterFile, afterId));
  return false;
}

/** Like a compiler's output: one line per change, grouped by table, then the per-funder, per-year deltas. */
export function diffText(d: Diff, lang: Lang): string {
  const m = messages[lang].versions;
  const lines: string[] = [];
  const tables = [...new Set(d.changes.map((c) => c.table))];
  for (const table of tables) {
    const list = d.changes.filter((c) => c.table === table);
    lines.push(m.diff.table(table, list.length));
    for (const c of list) {
      const where = qualifiedAddress(c.sheet, c.cell) + (c.kind === 'removed' ? m.diff.inBefore : '');
      const what =
        c.kind === 'changed'
          ? m.diff.changed(c.key, c.column ?? '', showValue(c.valueKind, c.before, lang, d.profile), showValue(c.valueKind, c.after, lang, d.profile), amountDelta(c.valueKind, c.before, c.after, lang))
          : c.kind === 'added'
            ? m.diff.added(c.key)
            : m.diff.removed(c.key);
      // « ligne supprimée : … » says what it is: no « supprimé » before it (issue 20).
      lines.push(`${where}: ${c.kind === 'changed' ? `${m.kind.changed} ` : ''}${what}`);
    }
  }
  if (d.totals.length) {
    lines.push(m.diff.totalsTitle);
    for (const t of d.totals) lines.push(m.diff.total(t.funder, t.year, m.fields[t.field], showCents(t.before, lang), showCents(t.after, lang), formatGap(t.delta, lang)));
  }
  const n = (k: string) => d.changes.filter((c) => c.kind === k).length;
  lines.push(d.changes.length ? m.diff.count(n('changed'), n('added'), n('removed')) : m.diff.none);
  return lines.join('\n');
}

/** The JSON contract of issue 15: amounts as strings with two decimals. */
export function diffJson(before: string, after: string, d: Diff): object {
  const s = (c: number | null) => (c === null ? null : centsToDecimalString(c));
  return {
    before,
    after,
    changes: d.changes.map((c) => ({
      kind: c.kind,
      table: c.table,
      sheet: c.sheet,
      cell: c.cell,
      key: c.key,
      column: c.column,
      before: c.before,
      after: c.after,
      ...(c.line ? { line: c.line } : {}),
    })),
    totals: d.totals.map((t) => ({ funder: t.funder, year: t.year, field: t.field, before: s(t.before), after: s(t.after), delta: centsToDecimalString(t.delta) })),
  };
}

export async function diffCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand('diff', args, { format: { type: 'string', choices: ['text', 'json'] }, lang: { type: 'string', choices: ['fr', 'en'] } }, io);
  if (typeof parsed === 'number') return parsed;
  const { positionals, lang } = parsed;
  const m = messages[lang];
  const format = (parsed.values.format as string | undefined) ?? 'text';
  if (positionals.length !== 2) {
    io.err(m.cli.badArgs(m.versions.diff.args, 'diff'));
    return 2;
  }
  const [beforeFile, afterFile] = positionals;
  const before = await readOrSay(new FileHost(beforeFile), lang, io);
  if (!before) return 2;
  const after = await readOrSay(new FileHost(afterFile), lang, io);
  if (!after) return 2;
  if (!sameConvention(beforeFile, before, afterFile, after, lang, io)) return 2;
  const d = compareVersions(before, after, lang);
  io.out(format === 'json' ? JSON.stringify(diffJson(beforeFile, afterFile, d), null, 2) : diffText(d, lang));
  return d.changes.length ? 1 : 0;
}
