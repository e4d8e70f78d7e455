/**
 * Just enough of Excel's calculation for the formulas the workbook plan writes (SUM over a
 * sheet-qualified range, IF, SUBTOTAL over a table column…), so that reading a formula cell gives
 * its result as Excel would: tokens.ts, evaluator.ts (grammar and references), functions.ts,
 * values.ts (operators and errors).
 */
import type { Scalar, SheetModel } from '../model/types';
import { Evaluator } from './evaluator';
import { tokenize } from './tokens';
import { FError, isRange, type FormulaWorkbook } from './values';

export type { FormulaWorkbook } from './values';

/** The value Excel would show for `formula` ("=…") in the given cell. */
export function evaluateFormula(wb: FormulaWorkbook, sheet: SheetModel, row: number, col: number, formula: string, depth = 0): Scalar {
  try {
    const v = new Evaluator(tokenize(formula.replace(/^=/, '')), wb, sheet, row, col, depth).run();
    if (v instanceof FError) return v.code;
    if (isRange(v)) {
      if (v.box.top === v.box.bottom && v.box.left === v.box.right) return wb.value(v.sheet, v.box.top, v.box.left, depth + 1);
      return '#VALUE!';
    }
    return v;
  } catch (e) {
    if (e instanceof FError) return e.code;
    return '#NAME?';
  }
}
