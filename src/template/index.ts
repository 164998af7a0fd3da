export * from './types';
export { columnLetters, parseA1, quoteSheetName, sheetRef, toA1 } from './address';
export { readReportSheet, type SheetReading } from './reader';
export { evaluateWorkbooks, type EvaluateOptions } from './evaluate';
export {
  ADDED_COLUMNS_NAME_PREFIX,
  isAddinSummarySheet,
  planClear,
  planEvaluation,
  summaryTarget,
  SUMMARY_SHEET_NAME,
  type PlanOptions,
} from './plan';
export { buildSummarySheet, type SummaryOptions } from './summary';
export { buildBlankTemplate, type BlankTemplateOptions } from './blank';
