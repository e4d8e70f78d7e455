/**
 * What this Excel offers above the manifest's requirement set (ExcelApi 1.7: Office 2019, Mac
 * 16.9–16.16), asked of Office.context.requirements.isSetSupported before any such API is used.
 * Each has a fallback: without 1.8, tables get no drop-down lists (the pane says so once) and the
 * summary sheet keeps its gridlines and default axis format; without 1.9, it has no page layout,
 * and a Contrôles table too big for one request replaces its sheet instead of being copied into it.
 */
export type IsSetSupported = (name: string, version: string) => boolean;

export interface ExcelFeatures {
  /** Range.dataValidation (ExcelApi 1.8): the drop-down lists and amount checks of the tables. */
  dataValidation: boolean;
  /** Worksheet.showGridlines (ExcelApi 1.8). */
  gridlines: boolean;
  /** ChartAxis.numberFormat (ExcelApi 1.8). */
  axisNumberFormat: boolean;
  /** Worksheet.pageLayout and its headersFooters (ExcelApi 1.9): the summary sheet's print set-up. */
  pageLayout: boolean;
  /** Range.copyFrom (ExcelApi 1.9): a Contrôles table staged in several requests is copied into its sheet. */
  copyFrom: boolean;
  /** Worksheet.getRanges and RangeAreas.conditionalFormats (ExcelApi 1.9): one highlight rule per sheet and severity. */
  rangeAreas: boolean;
}

/** Office.context.requirements where office.js runs; elsewhere (the browser test page) every set. */
export function officeIsSetSupported(): IsSetSupported {
  return (name, version) => {
    const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(n: string, v: string): boolean } } } }).Office;
    const requirements = office?.context?.requirements;
    return requirements ? requirements.isSetSupported(name, version) : true;
  };
}

export function excelFeatures(isSetSupported: IsSetSupported): ExcelFeatures {
  const v18 = isSetSupported('ExcelApi', '1.8');
  const v19 = isSetSupported('ExcelApi', '1.9');
  return { dataValidation: v18, gridlines: v18, axisNumberFormat: v18, pageLayout: v19, copyFrom: v19, rangeAreas: v19 };
}

/** Every feature: for code paths that run where the question cannot be asked. */
export const ALL_FEATURES: ExcelFeatures = { dataValidation: true, gridlines: true, axisNumberFormat: true, pageLayout: true, copyFrom: true, rangeAreas: true };
