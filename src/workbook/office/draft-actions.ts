/**
 * *Chèn bộ chỉ tiêu* → "từ văn bản" (SPEC §13): inserts the draft plan sheet, with its "Cần xem
 * lại" column, as a new active sheet. A draft is not a plan until that column is deleted
 * (catalogue/plan-sheet-reader.ts, isDraftPlanSheet), so inserting it changes no evaluation.
 */
import { buildPlanSheet, type PlanSheetInput } from '../../template/plan-sheet';
import { insertPlanSheet } from './actions';

/** Adds the draft under its name, or the next free one; returns the sheet's name. Two syncs. */
export async function insertDraftPlanSheetInExcel(input: PlanSheetInput): Promise<string> {
  return insertPlanSheet((sheetName) =>
    buildPlanSheet(sheetName ? { ...input, sheetName } : input),
  );
}
