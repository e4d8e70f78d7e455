/**
 * The file host's entry: all the CLI may use of src/hosts/xlsx/ (test/architecture.test.ts checks
 * it). The workbook file as a WorkbookHost (fileHost.ts), the one-line refusal of an unusable file
 * (InputError), and what writes files of their own: a new workbook from a plan, the add-in's sheets
 * drawn by ExcelJS (renderPlan.ts), the add-in's own tables patched into an .xlsx (patch.ts).
 */
export { FileHost, type ReadFile } from './fileHost';
export { InputError } from './guard';
export { renderPlan, writeWorkbookFile } from './workbook';
export { excel } from './excel';
export { renderWorkbook } from './renderPlan';
export { NotOwnSheetError, writeOwnTables, type OwnTable } from './patch';
export { WriteFailure, writeOwnTablesSafely } from './safeWrite';
export type { OtherFormat } from './format';
