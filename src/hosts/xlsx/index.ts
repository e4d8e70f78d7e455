/**
 * The file host's entry: all the CLI may use of src/hosts/xlsx/ (test/architecture.test.ts checks
 * it). The workbook file as a WorkbookHost (fileHost.ts: read, closings recorded, a new workbook or
 * an export of its own written), the one-line refusal of an unusable file (InputError), and what a
 * write that did not happen says (NotOwnSheetError, WriteFailure).
 */
export { FileHost, type ReadFile } from './fileHost';
export { InputError } from './guard';
export { NotOwnSheetError, WriteFailure } from './writeErrors';
export type { OtherFormat } from './format';
