/**
 * Everything the Office host writes into a workbook, as JSON: the example initialised into an empty
 * Excel, synced, the Synthèse COPIL and the Rapprochement written, on a 1.7 and a current Excel, in
 * French and English. Each sheet's cells (value, formula, number format, font), column widths,
 * frozen rows, visibility, validations, charts and page layout; the tables; the conditional
 * formats. Compared before and after a refactoring of the renderers (golden-dump.test.ts).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Lang } from '../../../src/core/contract';
import { messages } from '../../../src/core/i18n';
import { readModel } from '../../../src/core/model';
import { reconcile } from '../../../src/core/reconcile/match';
import { reconciliationTable, totalsTable } from '../../../src/core/reconcile/table';
import { buildWorkbookPlan } from '../../../src/core/template';
import { parseLedgerBytes } from '../../../src/hosts/ledger/csv';
import { emptyEmulator, type ExcelEmulator } from '../../support/excel-emulator';
import { officeJsHost } from '../../helpers/officeJs';
import { syncWorkbook } from '../../../src/app/sync';
import { writeCopilSheet, writeRapprochementSheet } from '../../../src/app/sheets';

const AS_OF = new Date(Date.UTC(2016, 5, 30));
const NOW = new Date(2026, 10, 29, 21, 5);

function dumpModel(emu: ExcelEmulator): unknown {
  const m = emu.model;
  const box = (b: { top: number; left: number; bottom: number; right: number }) => `${b.top}:${b.left}-${b.bottom}:${b.right}`;
  return {
    sheets: m.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      frozenRows: s.frozenRows,
      columnWidths: [...s.columnWidths].sort((a, b) => a[0] - b[0]),
      cells: [...s.cells]
        .sort((a, b) => {
          const [ra, ca] = a[0].split(':').map(Number);
          const [rb, cb] = b[0].split(':').map(Number);
          return ra - rb || ca - cb;
        })
        .map(([k, c]) => [k, c]),
      validations: s.validations.map((v) => ({ ...v, box: box(v.box) })),
      charts: s.charts.map((c) => ({ ...c, id: undefined })),
      pageLayout: s.pageLayout,
    })),
    tables: m.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, box: box(t.box), showTotals: t.showTotals, style: t.style })),
    conditionalFormats: m.conditionalFormats.map((c) => ({ ...c, id: undefined, sheet: c.sheet.name, box: box(c.box), areas: c.areas?.map(box) })),
  };
}

async function scenario(excelApi: string, lang: Lang): Promise<unknown> {
  const emu = emptyEmulator();
  emu.version = { excelApi, delayForCellEdit: excelApi !== '1.7' };
  const host = officeJsHost(emu, { lang, now: () => NOW });
  await host.initialize(buildWorkbookPlan({ example: true, lang }));
  const opts = { asOf: AS_OF, lang, now: () => NOW };
  await syncWorkbook(host, opts);
  await writeCopilSheet(host, opts);
  const snapshot = await host.readSnapshot();
  const ledger = parseLedgerBytes(readFileSync(join(__dirname, '../../../examples/grand-livre-cdc.csv')), { sheet: 'grand-livre-cdc.csv' });
  if (!ledger.ok) throw new Error('ledger');
  const result = reconcile(readModel(snapshot, []), ledger.lines, { lang });
  await writeRapprochementSheet(host, { lang, title: messages[lang].reconcile.title('classeur', 'grand-livre-cdc.csv'), lines: reconciliationTable(result, lang), totals: totalsTable(result.totals, lang) });
  // A second sync over the written sheets: Contrôles and the highlights rewritten in place.
  await syncWorkbook(host, opts);
  return dumpModel(emu);
}

export async function goldenDump(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const v of ['1.7', '1.9']) for (const lang of ['fr', 'en'] as const) out[`${v}-${lang}`] = await scenario(v, lang);
  return out;
}
