/**
 * Loads an ExcelJS workbook (a real .xlsx) into the emulator: cell values, formulas, number
 * formats and tables. Kept apart from index.ts so that the browser bundle need not pull ExcelJS in.
 */
import type ExcelJS from 'exceljs';
import { parseBox } from './address';
import { ExcelEmulator } from './emulator';
import { setRaw } from './load';

export function emulatorFromExcelJS(wb: ExcelJS.Workbook): ExcelEmulator {
  const emu = new ExcelEmulator();
  const m = emu.model;
  for (const ws of wb.worksheets) {
    const s = m.addSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value as unknown;
        if (v === null || v === undefined) return;
        if (typeof v === 'object' && !(v instanceof Date)) {
          const o = v as Record<string, unknown>;
          if ('formula' in o || 'sharedFormula' in o) setRaw(m, s, r, c, { formula: String(o.formula ?? o.sharedFormula) });
          else if ('error' in o) setRaw(m, s, r, c, { error: String(o.error) });
          else if ('richText' in o) setRaw(m, s, r, c, (o.richText as { text: string }[]).map((x) => x.text).join(''));
          else if ('text' in o) setRaw(m, s, r, c, String(o.text));
        } else setRaw(m, s, r, c, v as string | number | boolean | Date);
        if (cell.numFmt) m.cellForWrite(s, r, c).numberFormat = cell.numFmt;
      });
    });
    const tables = (ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref?: string; totalsRow?: boolean } }> }).tables ?? {};
    for (const t of Object.values(tables)) {
      const box = parseBox(t.table.tableRef ?? t.table.ref ?? '');
      if (!box) continue;
      const hasTotals = Boolean(t.table.totalsRow);
      const table = m.addTable(s, { ...box, bottom: box.bottom - (hasTotals ? 1 : 0) }, true);
      m.renameTable(table, t.table.name);
      if (hasTotals) {
        table.box = { ...table.box, bottom: table.box.bottom + 1 };
        table.showTotals = true;
      }
    }
  }
  m.activeSheet = m.sheets[0] ?? null;
  return emu;
}
