/** Emulated workbooks for the Office host's tests: the example, a big one, one full of errors. */
import { buildWorkbookPlan, type PlanTable, type WorkbookPlan } from '../../../src/core/template';
import { emulatorFromPlan, type ExcelEmulator } from '../../support/excel-emulator';
import { officeJsHost } from '../../helpers/officeJs';

export const AS_OF = new Date(Date.UTC(2026, 10, 29));
/** The add-in's own sheets: everything else is the user's (the last two are hidden, left by an interrupted write). */
export const OWN_SHEETS = ['Contrôles', 'Checks', 'Journal', 'Synthèse COPIL', 'SuiviCES-ecriture', 'SuiviCES-synthese-prec', 'Rapprochement', 'SuiviCES-rapprochement-prec'];

export function planTable(plan: WorkbookPlan, name: string): PlanTable {
  for (const s of plan.sheets) for (const t of s.tables) if (t.name === name) return t;
  throw new Error(`no table ${name}`);
}

export function examplePlan(): WorkbookPlan {
  return buildWorkbookPlan({ example: true, lang: 'fr' });
}

/** The example with every financing line repeated `times` times. */
export function bigPlan(times: number): WorkbookPlan {
  const plan = examplePlan();
  const f = planTable(plan, 'Financements');
  const ref = f.columns.findIndex((c) => c.header === 'Référence');
  // Each copy's commitments get their own references, as a real ledger's would (shared ones are a warning per line).
  f.rows = Array.from({ length: times }, (_, k) => f.rows.map((r) => r.map((v, c) => (c === ref && k > 0 && typeof v === 'string' && v ? `${v}-${k}` : v)))).flat();
  return plan;
}

/**
 * What a tired user's workbook looks like: text amounts, negative and sub-cent amounts, an error
 * value, an unknown funder, a year out of the convention, a commitment over plan, an unknown and a
 * duplicated action, text that looks like a formula, and a table that is a plain range any more.
 */
export function errorsPlan(): WorkbookPlan {
  const plan = examplePlan();
  const conv = planTable(plan, 'Convention');
  conv.rows[0][2] = '2 387 500,00 €';
  const p14 = planTable(plan, 'Participations2014');
  p14.rows[0][1] = -100;
  p14.rows[1][2] = 12.345;
  p14.rows[2][3] = { formula: '1/0' };
  const fin = planTable(plan, 'Financements');
  fin.rows[0][2] = 'Régoin';
  fin.rows[1][1] = 2019;
  fin.rows[2][4] = (fin.rows[2][3] as number) + 1000;
  fin.rows[3][0] = 'ZZ_9';
  fin.rows[4][3] = '=HYPERLINK("http://exemple.invalid","clic")';
  fin.rows[5][2] = '-Etat';
  const act = planTable(plan, 'Actions');
  act.rows[1][0] = act.rows[0][0];
  const inst = planTable(plan, 'Instances');
  inst.rows[0][0] = '@SOMME(A1)';
  return plan;
}

export function errorsEmulator(): ExcelEmulator {
  const emu = emulatorFromPlan(errorsPlan());
  // Avenants lost its table (a copy-paste of values, say): the range is still there.
  emu.model.tables = emu.model.tables.filter((t) => t.name !== 'Avenants');
  return emu;
}

/** Every cell of the user's sheets: value shown, formula, number format. */
export function userCells(emu: ExcelEmulator): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of emu.model.sheets) {
    if (OWN_SHEETS.includes(s.name)) continue;
    for (const k of s.cells.keys()) {
      const [r, c] = k.split(':').map(Number);
      const cell = emu.model.cell(s, r, c)!;
      out[`${s.name}!${r}:${c}`] = { value: emu.model.value(s, r, c), formula: cell.formula ?? null, format: cell.numberFormat ?? null };
    }
  }
  return out;
}

/** The body of a table as the user sees it. */
export function tableValues(emu: ExcelEmulator, name: string): unknown[][] {
  const t = emu.model.table(name);
  if (!t) throw new Error(`no table ${name}`);
  const b = emu.model.bodyBox(t);
  const rows: unknown[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: unknown[] = [];
    for (let c = b.left; c <= b.right; c++) row.push(emu.model.value(t.sheet, r, c));
    rows.push(row);
  }
  return rows;
}

/** The add-in's highlights, one entry per area (a rule over several areas counts once per area). */
export function ownHighlights(emu: ExcelEmulator) {
  return emu.model.conditionalFormats.filter((c) => c.formula === '=ISTEXT("SuiviCES")').flatMap((c) => (c.areas ?? [c.box]).map((box) => ({ ...c, box })));
}

/** The add-in's highlight rules as Excel's rules manager lists them. */
export function ownHighlightRules(emu: ExcelEmulator) {
  return emu.model.conditionalFormats.filter((c) => c.formula === '=ISTEXT("SuiviCES")');
}

/**
 * A Contrôles too big for one request: 600 typing mistakes under a 60 KB request budget, through
 * Microsoft's client, on the given ExcelApi version (1.9 copies staged rows in; 1.7–1.8 cannot).
 */
export function oversizedControls(excelApi: '1.8' | '1.9') {
  const plan = errorsPlan();
  planTable(plan, 'Financements').rows = Array.from({ length: 600 }, (_, i) => ['I_1.1', 2014, 'Régoin', 1, 1, 0, `R-${i}`, '']);
  const emu = emulatorFromPlan(plan);
  if (excelApi === '1.8') emu.version = { excelApi: '1.8', delayForCellEdit: true };
  return { emu, host: officeJsHost(emu, { payloadBudget: 60_000 }) };
}
