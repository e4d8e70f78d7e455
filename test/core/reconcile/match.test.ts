/** Matching a ledger with the example workbook: every kind of line, both ways of pairing, totals. */
import { renderFinding } from '../../../src/core/check';
import { readModel, type Model } from '../../../src/core/model';
import { snapshotFromPlan } from '../../../src/core/planSnapshot';
import { EXAMPLE_LEDGER_HEADERS, EXAMPLE_LEDGER_PLANTED, exampleLedgerRows } from '../../../src/core/reconcile/example';
import { parseLedgerRows, type LedgerParsed } from '../../../src/core/reconcile/ledger';
import { reconcile, reconciliationTable, totalsTable, type ReconcileResult } from '../../../src/core/reconcile';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { buildWorkbookPlan } from '../../../src/core/template';
import { matchKey } from '../../../src/core/text';

function exampleSnapshot(): WorkbookSnapshot {
  return snapshotFromPlan(buildWorkbookPlan({ example: true, lang: 'fr' }));
}

function modelOf(snap: WorkbookSnapshot): Model {
  return readModel(snap, []);
}

/** The financing table of a snapshot, edited like a user would. */
function financing(snap: WorkbookSnapshot) {
  const t = snap.tables.find((x) => x.name === 'Financements')!;
  const col = (h: string) => t.headers.findIndex((x) => matchKey(x) === matchKey(h));
  const rowOf = (reference: string) => t.rows.findIndex((r) => r[col('Référence')] === reference);
  return { t, col, rowOf, sheetRow: (i: number) => t.headerRow + 1 + i };
}

function ledger(rows: CellValue[][], headers: string[] = EXAMPLE_LEDGER_HEADERS): LedgerParsed {
  const r = parseLedgerRows([headers, ...rows], { sheet: 'releve.csv', kind: 'csv' });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r;
}

function rules(r: ReconcileResult) {
  return r.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
}

describe('the example ledger against the example workbook', () => {
  const snap = exampleSnapshot();
  const model = modelOf(snap);
  const lines = ledger(exampleLedgerRows().map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] === null ? null : r[7] / 100, r[8] === null ? null : r[8] / 100])).lines;
  const result = reconcile(model, lines);
  const f = financing(snap);
  const P = EXAMPLE_LEDGER_PLANTED;

  test('finds exactly the planted differences', () => {
    const gapRow = f.sheetRow(f.rowOf(P.amountGap.reference));
    const missingRow = f.sheetRow(f.rowOf(P.missingInLedger));
    const extraLine = lines.find((l) => l.reference === P.missingInWorkbook.reference)!;
    expect(rules(result).sort()).toEqual(
      [
        `reconciliation.amount-mismatch Financements!E${gapRow}`,
        `reconciliation.missing-in-ledger Financements!G${missingRow}`,
        `reconciliation.missing-in-workbook releve.csv!${extraLine.ref.cell}`,
      ].sort(),
    );
    expect(result.counts).toEqual({ matched: 45, different: 1, 'missing-in-ledger': 1, 'missing-in-workbook': 1, 'netted-out': 0 });
  });

  test('the amount gap is given in the finding, signed ledger − workbook', () => {
    const mismatch = result.findings.find((x) => x.rule === 'reconciliation.amount-mismatch')!;
    const rendered = renderFinding(mismatch, 'fr');
    expect(rendered).toMatchObject({ severity: 'error', expected: '66600.00', actual: '61600.00', gap: '-5000.00', funder: 'CDC', year: 2015 });
    expect(rendered.message).toBe('EX-2015-CDC-086\u00a0: montant engagé de 61\u00a0600,00\u00a0€ au relevé (releve.csv, lignes 26, 27) contre 66\u00a0600,00\u00a0€ au classeur, écart -5\u00a0000,00\u00a0€.');
    expect(renderFinding(mismatch, 'en').message).toContain('committed amount €61,600.00 in the ledger');
  });

  test('a commitment corrected by a negative line nets out and matches', () => {
    const line = result.lines.find((l) => l.reference === P.cancellation.reference)!;
    expect(line).toMatchObject({ status: 'matched', matchedOn: 'reference', gapCommitted: 0, gapPaid: 0 });
    expect(line.ledger!.lines).toHaveLength(2);
  });

  test('payments on their own lines are summed with their commitment', () => {
    const line = result.lines.find((l) => l.reference === 'EX-2015-CDC-082')!;
    expect(line).toMatchObject({ status: 'matched', workbook: { committed: 3750000, paid: 3450000 }, ledger: { committed: 3750000, paid: 3450000 } });
  });

  test('only the ledger’s funder is expected in it: no Région or État line is missing', () => {
    expect(result.funders).toEqual(['CDC']);
    expect(result.lines.every((l) => l.funder === 'CDC')).toBe(true);
    expect(reconcile(model, lines, { scope: 'all' }).counts['missing-in-ledger']).toBeGreaterThan(60);
  });

  test('totals per funder and year', () => {
    expect(result.totals.map((t) => [t.funder, t.year, t.workbookCommitted, t.ledgerCommitted, t.gapCommitted, t.gapPaid])).toEqual([
      ['CDC', 2014, 108520000, 108520000, 0, 0],
      ['CDC', 2015, 100000000, 99500000, -500000, 0],
      ['CDC', 2016, 91130000, 86790000, -4340000, -3910000],
    ]);
  });

  test('the Rapprochement table lists differences first, amounts in euros', () => {
    const t = reconciliationTable(result, 'fr');
    expect(t.headers[0]).toBe('Statut');
    expect(t.rows[0].slice(0, 3)).toEqual(['Différente', 'Référence', 'EX-2015-CDC-086']);
    expect(t.rows[0].slice(6, 9)).toEqual([66600, 61600, -5000]);
    expect(t.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['Absente du relevé', 'Absente du classeur', 'Rapprochée']));
    expect(totalsTable(result.totals, 'en').rows[1]).toEqual(['CDC', 2015, 1000000, 995000, -5000, 919500, 919500, 0]);
  });
});

describe('pairing rules', () => {
  const H = ['Référence', 'Code action', 'Année', 'Financeur', 'Montant engagé', 'Montant versé', 'Libellé'];

  test('without references, lines pair on (action, year, funder) with amounts summed per key', () => {
    const snap = exampleSnapshot();
    const f = financing(snap);
    for (const r of f.t.rows) r[f.col('Référence')] = null;
    const model = modelOf(snap);
    // I_1.2 2014 CDC is 62 500,00 committed and paid: split over two ledger lines, and written "Caisse des dépôts".
    const r = reconcile(model, ledger([[null, 'I_1.2', 2014, 'Caisse des dépôts', '40 000,00', '62 500,00', 'a'], [null, 'I_1.2', 2014, 'CDC', '22 500,00', null, 'b']], H).lines, { scope: 'ledger-funders' });
    const line = r.lines.find((l) => l.action === 'I_1.2' && l.year === 2014)!;
    expect(line).toMatchObject({ status: 'matched', matchedOn: 'key', reference: null, gapCommitted: 0, gapPaid: 0 });
    expect(line.ledger!.lines.map((x) => x.cell)).toEqual(['ligne 2', 'ligne 3']);
  });

  test('a key mismatch on paid only is reported on the Versé cell', () => {
    const snap = exampleSnapshot();
    const f = financing(snap);
    for (const r of f.t.rows) r[f.col('Référence')] = null;
    const r = reconcile(modelOf(snap), ledger([[null, 'I_1.2', 2014, 'CDC', '62 500,00', '60 000,00', 'a']], H).lines);
    const mm = r.findings.filter((x) => x.rule === 'reconciliation.amount-mismatch');
    expect(mm).toHaveLength(1);
    const row = f.t.rows.findIndex((x) => x[f.col('Code action')] === 'I_1.2' && x[f.col('Année')] === 2014 && x[f.col('Financeur')] === 'CDC');
    expect(mm[0]).toMatchObject({ sheet: 'Financements', cell: `F${f.sheetRow(row)}`, params: { variant: 'paid', gap: -250000 } });
  });

  test('a reference the workbook lacks falls back on the key when the workbook line has no reference', () => {
    const snap = exampleSnapshot();
    const f = financing(snap);
    const i = f.rowOf('EX-2014-CDC-035');
    f.t.rows[i][f.col('Référence')] = null;
    const r = reconcile(modelOf(snap), ledger([['CDC-2014-99812', 'I_1.2', 2014, 'CDC', '62 500,00', '62 500,00', 'a']], H).lines);
    expect(r.lines.find((l) => l.action === 'I_1.2' && l.year === 2014)).toMatchObject({ status: 'matched', matchedOn: 'key' });
  });

  test('two different references on the same key are two commitments, not one', () => {
    const r = reconcile(modelOf(exampleSnapshot()), ledger([['EX-2014-CDC-999', 'I_1.2', 2014, 'CDC', '62 500,00', '62 500,00', 'a']], H).lines);
    expect(r.lines.filter((l) => l.action === 'I_1.2' && l.year === 2014).map((l) => l.status).sort()).toEqual(['missing-in-ledger', 'missing-in-workbook']);
  });

  test('references compare without case, spaces or dashes', () => {
    const r = reconcile(modelOf(exampleSnapshot()), ledger([['ex 2014 cdc 035', null, null, null, '62 500,00', '62 500,00', 'a']], H).lines);
    expect(r.lines.find((l) => l.reference === 'EX-2014-CDC-035')).toMatchObject({ status: 'matched', matchedOn: 'reference', funder: 'CDC' });
    // The funder comes from the reference's workbook line: CDC is in scope, Région is not.
    expect(r.funders).toEqual(['CDC']);
  });

  test('a commitment entered then fully cancelled in the ledger nets out: nothing is missing', () => {
    const r = reconcile(modelOf(exampleSnapshot()), ledger([['X-1', 'I_1.2', 2016, 'CDC', '10 000,00', null, 'erreur'], ['X-1', 'I_1.2', 2016, 'CDC', '-10 000,00', null, 'annulation']], H).lines);
    expect(r.lines.find((l) => l.reference === 'X-1')).toMatchObject({ status: 'netted-out' });
    expect(r.findings.filter((x) => x.rule === 'reconciliation.missing-in-workbook')).toEqual([]);
  });

  test('a workbook line only planned (nothing committed or paid) is not expected in the ledger', () => {
    const snap = exampleSnapshot();
    const f = financing(snap);
    const i = f.rowOf('EX-2016-CDC-146');
    f.t.rows[i][f.col('Engagé (€)')] = 0;
    f.t.rows[i][f.col('Versé (€)')] = null;
    const r = reconcile(modelOf(snap), ledger([['EX-2014-CDC-035', null, null, null, '62 500,00', '62 500,00', 'a']], H).lines);
    expect(r.lines.find((l) => l.reference === 'EX-2016-CDC-146')).toBeUndefined();
  });

  test('a ledger without a funder column takes --funder', () => {
    const lines = ledger([[null, 'I_1.2', 2014, '62 500,00']], ['Référence', 'Code action', 'Année', 'Montant engagé']).lines;
    const snap = exampleSnapshot();
    const f = financing(snap);
    for (const r of f.t.rows) r[f.col('Référence')] = null;
    const r = reconcile(modelOf(snap), lines, { defaultFunder: 'Caisse des Dépôts' });
    expect(r.compared).toEqual({ committed: true, paid: false });
    expect(r.lines.find((l) => l.action === 'I_1.2' && l.year === 2014)).toMatchObject({ status: 'matched', funder: 'CDC', gapPaid: null });
  });
});

describe('bad ledger content', () => {
  const H = ['Référence', 'Code action', 'Année', 'Financeur', 'Montant engagé', 'Montant versé', 'Libellé'];
  const model = modelOf(exampleSnapshot());

  test('an unknown action code is named once, on its first line', () => {
    const r = reconcile(model, ledger([['Z-1', 'IV_9', 2014, 'CDC', '1,00', null, 'a'], ['Z-2', 'IV_9', 2014, 'CDC', '1,00', null, 'b']], H).lines);
    expect(r.findings.filter((x) => x.rule === 'action.unknown')).toEqual([{ rule: 'action.unknown', sheet: 'releve.csv', cell: 'ligne 2', params: { code: 'IV_9' } }]);
  });

  test('an unknown funder is named with a suggestion', () => {
    const r = reconcile(model, ledger([['Z-1', 'I_1.2', 2014, 'Caise des depots', '1,00', null, 'a']], H).lines);
    const f = r.findings.find((x) => x.rule === 'cell.unknown-funder')!;
    expect(renderFinding(f, 'fr').message).toBe('financeur «\u00a0Caise des depots\u00a0» inconnu\u00a0: vouliez-vous dire «\u00a0CDC\u00a0»\u202f?');
  });

  test('a reference used for two different actions, and a line exported twice, are duplicates', () => {
    const r = reconcile(
      model,
      ledger(
        [
          ['EX-2014-CDC-035', 'I_1.2', 2014, 'CDC', '62 500,00', null, 'a'],
          ['EX-2014-CDC-035', 'II_1.1', 2014, 'CDC', '1,00', null, 'b'],
          ['EX-2014-CDC-035', 'I_1.2', 2014, 'CDC', '62 500,00', null, 'a'],
        ],
        H,
      ).lines,
    );
    expect(r.findings.filter((x) => x.rule === 'reconciliation.duplicate-reference').map((x) => [x.cell, x.params.variant])).toEqual([
      ['ligne 3', 'conflict'],
      ['ligne 4', 'repeated'],
    ]);
  });

  test('two workbook lines with one reference are summed, and reported', () => {
    const snap = exampleSnapshot();
    const f = financing(snap);
    f.t.rows[f.rowOf('EX-2014-CDC-034')][f.col('Référence')] = 'EX-2014-CDC-033';
    const r = reconcile(modelOf(snap), ledger([['EX-2014-CDC-033', null, null, null, '87 500,00', null, 'a']], H).lines);
    expect(r.findings.map((x) => x.rule)).toContain('reconciliation.duplicate-reference');
    expect(r.lines.find((l) => l.reference === 'EX-2014-CDC-033')).toMatchObject({ status: 'matched', workbook: { committed: 8750000 } });
  });
});

describe('a ledger numbered in its own scheme', () => {
  const snap = exampleSnapshot();
  const model = modelOf(snap);
  const rows = () => exampleLedgerRows().map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] === null ? null : r[7] / 100, r[8] === null ? null : r[8] / 100]);
  /** The first `keep` distinct references kept as the workbook has them, the others renumbered. */
  const renumbered = (keep: number) => {
    const seen = new Map<string, string>();
    return rows().map((r) => {
      const ref = r[0] as string;
      if (!seen.has(ref)) seen.set(ref, seen.size < keep ? ref : `CDC/${String(seen.size).padStart(6, '0')}`);
      return [seen.get(ref)!, ...r.slice(1)];
    });
  };
  const byRule = (r: ReconcileResult) => r.findings.map((f) => f.rule).sort();

  test('none of its references in the workbook: paired on action, year and funder, one information finding on its first line', () => {
    const r = reconcile(model, ledger(renumbered(0)).lines);
    expect(byRule(r)).toEqual(['reconciliation.amount-mismatch', 'reconciliation.matched-by-key', 'reconciliation.missing-in-ledger', 'reconciliation.missing-in-workbook']);
    const info = r.findings.find((f) => f.rule === 'reconciliation.matched-by-key')!;
    expect(info).toMatchObject({ sheet: 'releve.csv', cell: 'ligne 2', params: { count: 47, inCommon: 0 } });
    expect(renderFinding(info, 'fr')).toMatchObject({ severity: 'info', message: expect.stringMatching(/^Les références du relevé ne correspondent pas au classeur\s: rapprochement par action, année et financeur/) });
    expect(r.counts).toEqual({ matched: 45, different: 1, 'missing-in-ledger': 1, 'missing-in-workbook': 1, 'netted-out': 0 });
    expect(r.lines.every((l) => l.matchedOn !== 'reference')).toBe(true);
  });

  test('a few references in common (4 of 47, under 10 %) is still another scheme; 5 of 47 is the workbook’s, paired on references', () => {
    const few = reconcile(model, ledger(renumbered(4)).lines);
    expect(renderFinding(few.findings.find((f) => f.rule === 'reconciliation.matched-by-key')!, 'fr').message).toMatch(/\(4 de ses 47 références seulement au tableau Financements\)\.$/);
    const r = reconcile(model, ledger(renumbered(5)).lines);
    expect(byRule(r)).not.toContain('reconciliation.matched-by-key');
    expect(r.lines.filter((l) => l.matchedOn === 'reference')).toHaveLength(5);
  });

  test('a short ledger of new commitments (under 5 references) is not taken for another scheme', () => {
    const r = reconcile(model, ledger(renumbered(0).slice(0, 4)).lines);
    expect(byRule(r)).not.toContain('reconciliation.matched-by-key');
  });

  test('under one key, each side’s commitments pair by equal amounts first; the one left over is missing, not summed into a gap', () => {
    // A second CDC commitment under an action, year and funder the workbook already has.
    const base = renumbered(0);
    const twin = base.find((r) => r[2] === 2014 && typeof r[7] === 'number')!;
    const extra = ['CDC/999999', twin[1], 2014, 'CDC', 'Tiers', 'Engagement en plus', '01/12/2014', 1234.56, null];
    const r = reconcile(model, ledger([...base, extra]).lines);
    const missing = r.findings.filter((f) => f.rule === 'reconciliation.missing-in-workbook');
    expect(missing.map((f) => [f.params.code, f.params.actual])).toContainEqual(['CDC/999999', 123456]);
    expect(r.counts.different).toBe(1);
  });

  test('--match reference and --match key force either', () => {
    const forcedRef = reconcile(model, ledger(renumbered(0)).lines, { match: 'reference' });
    expect(forcedRef.counts.matched).toBe(0);
    expect(byRule(forcedRef)).not.toContain('reconciliation.matched-by-key');
    const forcedKey = reconcile(model, ledger(rows()).lines, { match: 'key' });
    expect(byRule(forcedKey)).toEqual(['reconciliation.amount-mismatch', 'reconciliation.missing-in-ledger', 'reconciliation.missing-in-workbook']);
  });
});
