/**
 * The COPIL summary as one flat CSV for a spreadsheet or a pivot table (product.md: `;` separator,
 * decimal comma, UTF-8 with BOM, one header row). Each line says which part of the summary it
 * belongs to (Section); no totals lines, so that a sum over a column never counts twice.
 *
 * papaparse's unparse writes the fields and the quoting; its own `escapeFormulae` is left off:
 * it would also prefix a negative amount ("-250,00", which must stay a number) and it misses the
 * full-width forms. Text is neutralised beforehand by the core's rule, shared with the sheet and
 * the XLSX; amounts are written here as bare decimal-comma numbers.
 */
import Papa from 'papaparse';
import { messages } from '../core/i18n';
import { centsToDecimalString, type Cents } from '../core/money';
import { neutralise } from '../core/neutralise';
import { ruleTitle } from '../core/ruleWords';
import { orNotKnown, type Execution, type Summary } from '../core/summary';
import { displayDate } from '../core/summarySheet';
import { evolutionCsvLines } from './evolutionsCsv';

const BOM = '\ufeff';

const amount = (c: Cents | null) => (c === null ? '' : centsToDecimalString(c).replace('.', ','));
const percent = (r: string | null) => (r === null ? '' : r.replace('.', ','));
const text = (s: string | null | undefined) => (s ? neutralise(s) : '');

/** The CSV text, without the BOM (tests and previews read this). */
export function summaryCsvText(summary: Summary): string {
  const m = messages[summary.lang].summary;
  const c = m.columns;
  const s = m.csvSections;
  const fields = [
    c.section,
    c.year,
    c.funder,
    c.axis,
    c.code,
    c.title,
    c.status,
    c.convention,
    c.participations,
    c.gap,
    c.planned,
    c.committed,
    c.paid,
    `${c.commitmentRate} (%)`,
    `${c.paymentRate} (%)`,
    c.severity,
    c.rule,
    c.article,
    c.message,
    c.sheet,
    c.cell,
    c.count,
    c.firstCells,
  ];
  type Line = Partial<
    Record<'year' | 'funder' | 'axis' | 'code' | 'title' | 'status' | 'convention' | 'participations' | 'gap' | 'planned' | 'committed' | 'paid' | 'cr' | 'pr' | 'severity' | 'rule' | 'article' | 'message' | 'sheet' | 'cell' | 'count' | 'cells', string | number>
  >;
  // An amount not known, or a rate drawn from one, is "n.d. (why)" in its column: never a partial sum, never blank.
  const nd = (e: Execution, k: Parameters<typeof orNotKnown>[1], shown: string) => orNotKnown(e, k, shown, summary.lang);
  const execution = (e: Execution): Line => ({
    planned: nd(e, 'planned', amount(e.planned)),
    committed: nd(e, 'committed', amount(e.committed)),
    paid: nd(e, 'paid', amount(e.paid)),
    cr: nd(e, 'commitmentRate', percent(e.commitmentRate)),
    pr: nd(e, 'paymentRate', percent(e.paymentRate)),
  });
  const data: string[][] = [];
  const push = (section: string, l: Line) =>
    data.push([
      section,
      ...(['year', 'funder', 'axis', 'code', 'title', 'status', 'convention', 'participations', 'gap', 'planned', 'committed', 'paid', 'cr', 'pr', 'severity', 'rule', 'article', 'message', 'sheet', 'cell', 'count', 'cells'] as const).map((k) => String(l[k] ?? '')),
    ]);

  for (const l of summary.funderYears) {
    push(s.convention, {
      year: l.year,
      funder: text(l.funder),
      status: text(l.status),
      convention: amount(l.convention),
      participations: amount(l.participations),
      gap: amount(l.gap),
      ...execution(l),
    });
  }
  for (const mx of summary.matrices) {
    for (const r of mx.rows) {
      summary.funders.forEach((f, i) => push(s.participations, { year: mx.year!, funder: text(f.label), axis: text(r.label), participations: amount(r.amounts[i]) }));
    }
  }
  for (const a of summary.actions) {
    push(s.action, {
      code: text(a.code),
      title: text(a.code === '' ? m.uncoded : a.known ? a.title : m.unknownAction),
      ...execution(a),
    });
  }
  const sev = messages[summary.lang].severity;
  // Every rule that fired, warnings included: title, id, count, article and first cells.
  for (const g of summary.findings.groups) {
    push(s.group, { severity: sev[g.severity], rule: text(`${g.title} (${g.rule})`), article: g.article ?? '', message: text(g.example), count: g.count, cells: text(g.cells.join(', ')) });
  }
  for (const [section, l] of evolutionCsvLines(summary)) push(section, l); // report --since (issue 15)
  // Then every finding, not only the errors.
  for (const f of summary.findings.all) {
    push(s.finding, { severity: sev[f.severity], rule: text(`${ruleTitle(f.rule, summary.lang, summary.profile)} (${f.rule})`), article: f.article ?? '', message: text(f.message), sheet: text(f.sheet), cell: f.cell, year: f.year, funder: text(f.funder) });
  }
  // What the file is, as of when, and what it concludes: first lines, before any figure.
  const head: string[][] = [
    ...(summary.example ? [m.exampleBanner] : []),
    `${m.title} – ${summary.contract.title} – ${m.asOf(displayDate(summary.asOf, summary.lang))}`,
    summary.conclusion,
    summary.references,
    summary.method,
  ].map((t) => {
    // The note goes in the Message column.
    const row = Array<string>(fields.length).fill('');
    row[0] = s.info;
    row[fields.indexOf(c.message)] = text(t);
    return row;
  });
  return Papa.unparse({ fields, data: [...head, ...data] }, { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: false, header: true });
}

/** The CSV file's bytes: UTF-8 with a BOM, so that Excel reads the accents and the euro sign right. */
export function summaryCsv(summary: Summary): Uint8Array {
  return new TextEncoder().encode(BOM + summaryCsvText(summary) + '\r\n');
}
