/**
 * ess-budget reconcile <in.xlsx> <ledger.csv|ledger.xlsx> [--format text|json] [--out file.xlsx]
 *   [--force] [--map field="Header" …] [--funder CDC] [--scope all] [--match reference|key] [--lang fr|en]
 * Exit status as `check`: 0 no error-level finding, 1 at least one, 2 an input that cannot be used.
 */
import { parseCommand } from './args';
import { inputMessage, type Io } from './io';
import { existsSync } from 'fs';
import { basename, resolve } from 'path';
import { exitStatus } from '../app/check';
import { reconcilableModel, reconcileLedger } from '../app/reconcile';
import { writeRapprochementSheet } from '../app/sheets';
import type { Lang } from '../core/contract';
import type { Finding } from '../core/findings';
import { messages } from '../core/i18n';
import { centsToDecimalString, formatEuros, formatGap, type Cents } from '../core/money';
import {
  ledgerFieldOf,
  ledgerProblemMessage,
  reconciliationTable,
  totalsTable,
  type LedgerField,
  type ReconcileResult,
} from '../core/reconcile';
import { qualifiedAddress } from '../core/snapshot';
import type { ReconciliationContent } from '../core/sheets/rapprochement';
import { readLedgerFile } from '../hosts/ledger/file';
import { FileHost, InputError } from '../hosts/xlsx';

/** --map engage="Montant AE" (repeatable) → field → header. null (and a message) when malformed. */
export function parseMap(args: string[], lang: Lang): { map: Partial<Record<LedgerField, string>> } | { error: string } {
  const m = messages[lang].reconcile;
  const map: Partial<Record<LedgerField, string>> = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq <= 0 || eq === a.length - 1) return { error: m.badMap(a) };
    const name = a.slice(0, eq).trim();
    const header = a
      .slice(eq + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    const field = ledgerFieldOf(name);
    if (!field) return { error: m.unknownMapField(name) };
    map[field] = header;
  }
  return { map };
}

const amount = (c: Cents | null) => (c === null ? null : centsToDecimalString(c));

function where(f: Finding, ledgerSheet: string, ledgerFile: string, kind: 'csv' | 'xlsx'): string {
  if (f.sheet !== ledgerSheet) return qualifiedAddress(f.sheet, f.cell);
  return kind === 'csv' ? `${f.sheet}, ${f.cell}` : `${basename(ledgerFile)} ${qualifiedAddress(f.sheet, f.cell)}`;
}

function totalsText(result: ReconcileResult, lang: Lang): string[] {
  const h = messages[lang].reconcile.totalsHeaders;
  const out = [messages[lang].reconcile.totalsTitle];
  for (const t of result.totals) {
    const parts: string[] = [];
    if (result.compared.committed) parts.push(`${h.wbCommitted} ${formatEuros(t.workbookCommitted, lang)}`, `${h.ledCommitted} ${formatEuros(t.ledgerCommitted, lang)}`, `${h.gapCommitted} ${formatGap(t.gapCommitted, lang)}`);
    if (result.compared.paid) parts.push(`${h.wbPaid} ${formatEuros(t.workbookPaid, lang)}`, `${h.ledPaid} ${formatEuros(t.ledgerPaid, lang)}`, `${h.gapPaid} ${formatGap(t.gapPaid, lang)}`);
    out.push(`  ${t.funder} ${t.year ?? '?'}${lang === 'fr' ? ' : ' : ': '}${parts.join(lang === 'fr' ? ' ; ' : '; ')}`);
  }
  return out;
}

/** What the Rapprochement sheet of `--out` holds (core/sheets/rapprochement.ts). */
function reconciliationContent(result: ReconcileResult, lang: Lang, title: string): ReconciliationContent {
  return { lang, title, lines: reconciliationTable(result, lang), totals: totalsTable(result.totals, lang) };
}

export async function reconcileCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    'reconcile',
    args,
    {
      format: { type: 'string', choices: ['text', 'json'] },
      out: { type: 'string' },
      map: { type: 'string', multiple: true },
      lang: { type: 'string', choices: ['fr', 'en'] },
      funder: { type: 'string' },
      scope: { type: 'string', choices: ['all'] },
      match: { type: 'string', choices: ['reference', 'key'] },
      force: { type: 'boolean' },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { positionals, lang } = parsed;
  const values = parsed.values as { format?: string; out?: string; map?: string[]; funder?: string; scope?: string; match?: 'reference' | 'key'; force?: boolean };
  const bad = (detail: string) => {
    io.err(messages[lang].cli.badArgs(detail, 'reconcile'));
    return 2;
  };
  const m = messages[lang];
  if (positionals.length !== 2) return bad(m.reconcile.args);
  const format = values.format ?? 'text';
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out)) return bad(lang === 'fr' ? `${values.out} doit se terminer par .xlsx` : `${values.out} must end in .xlsx`);
  const [file, ledgerFile] = positionals;
  if (values.out !== undefined && [file, ledgerFile].some((p) => resolve(p) === resolve(values.out!))) {
    // --out writes a new workbook: never over the user's own files.
    return bad(lang === 'fr' ? `--out ${values.out} désigne un fichier d'entrée` : `--out ${values.out} names an input file`);
  }
  // The reconciliation is regenerated at will, but an .xlsx of that name may be someone's workbook.
  if (values.out !== undefined && existsSync(values.out) && !values.force) {
    io.err(m.summary.cli.exists(values.out));
    return 2;
  }
  const mapped = parseMap(values.map ?? [], lang);
  if ('error' in mapped) {
    io.err(mapped.error);
    return 2;
  }

  let model;
  try {
    model = reconcilableModel(await new FileHost(file).readSnapshot());
  } catch (e) {
    if (e instanceof InputError) {
      io.err(inputMessage(lang, file, e));
      return 2;
    }
    throw e;
  }
  if (!model) {
    io.err(m.reconcile.noFinancing(file));
    return 2;
  }

  let ledger;
  try {
    ledger = await readLedgerFile(ledgerFile, { lang, map: mapped.map });
  } catch (e) {
    if (e instanceof InputError) {
      io.err(inputMessage(lang, ledgerFile, e));
      return 2;
    }
    throw e;
  }
  if (!ledger.ok) {
    io.err(ledgerProblemMessage(ledgerFile, ledger.problem, lang));
    return 2;
  }

  const { result, findings, counts: summary } = reconcileLedger(model, ledger, { lang, defaultFunder: values.funder, scope: values.scope === 'all' ? 'all' : 'ledger-funders', match: values.match });

  if (values.out !== undefined) {
    const content = reconciliationContent(result, lang, m.reconcile.title(basename(file), basename(ledgerFile)));
    try {
      // A workbook of its own, dated, holding the one sheet: the file host writes it beside, then renames.
      await writeRapprochementSheet(FileHost.newFile(values.out, lang), content, { writtenOn: new Date() });
    } catch (e) {
      io.err(m.cli.cannotWrite(values.out, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
      return 2;
    }
  }

  const isLedger = (f: Finding) => f.sheet === ledger.sheet;
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          file,
          ledger: { file: ledgerFile, format: ledger.format, sheet: ledger.sheet, encoding: ledger.encoding, delimiter: ledger.delimiter, columns: ledger.columns, headerRow: ledger.headerRow },
          summary,
          compared: result.compared,
          funders: result.funders,
          findings: findings.map((f) => ({ ...f, source: isLedger(f) ? 'ledger' : 'workbook' })),
          totals: result.totals.map((t) => ({
            funder: t.funder,
            year: t.year,
            workbookCommitted: amount(t.workbookCommitted),
            ledgerCommitted: amount(t.ledgerCommitted),
            gapCommitted: amount(t.gapCommitted),
            workbookPaid: amount(t.workbookPaid),
            ledgerPaid: amount(t.ledgerPaid),
            gapPaid: amount(t.gapPaid),
          })),
          lines: result.lines.map((l) => ({
            status: l.status,
            matchedOn: l.matchedOn,
            reference: l.reference,
            action: l.action,
            year: l.year,
            funder: l.funder,
            workbook: l.workbook && { committed: amount(l.workbook.committed), paid: amount(l.workbook.paid), cells: l.workbook.cells.map((c) => qualifiedAddress(c.sheet, c.cell)) },
            ledger: l.ledger && { committed: amount(l.ledger.committed), paid: amount(l.ledger.paid), lines: l.ledger.lines.map((r) => r.cell), label: l.ledger.label },
            gapCommitted: amount(l.gapCommitted),
            gapPaid: amount(l.gapPaid),
          })),
          ...(values.out !== undefined ? { out: values.out } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    const out = findings.map((f) => `${where(f, ledger.sheet, ledgerFile, ledger.format)}: ${m.severity[f.severity]} [${f.rule}] ${f.message}`);
    out.push(m.reconcile.counts({ ...summary }));
    if (ledger.skipped) out.push(m.reconcile.skipped(ledger.skipped));
    if (result.funders.length) out.push(m.reconcile.scope(result.funders.join(', ')));
    out.push(...totalsText(result, lang));
    if (values.out !== undefined) out.push(m.reconcile.written(values.out));
    out.push(m.cli.summary(summary.errors, summary.warnings, summary.infos));
    io.out(out.join('\n'));
  }
  return exitStatus(summary);
}
