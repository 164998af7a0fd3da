/**
 * *Chèn bộ chỉ tiêu* → "từ văn bản" (SPEC §13): inserts the draft plan sheet, with its "Cần xem
 * lại" column, as a new active sheet. A draft is not a plan until that column is deleted
 * (catalogue/plan-sheet-reader.ts, isDraftPlanSheet), so inserting it changes no evaluation.
 */
import { buildPlanSheet, type PlanSheetInput } from '../../template/plan-sheet';
import { freeSheetName, inExcel, structureProtected } from './actions';
import { addPlanSheet } from './plan-actions';

/** Adds the draft under its name, or the next free one; returns the sheet's name. Two syncs. */
export async function insertDraftPlanSheetInExcel(input: PlanSheetInput): Promise<string> {
  return inExcel('insert', async (context, counter) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    const structure = context.workbook.protection;
    structure.load('protected');
    await counter.sync(context);
    if (structure.protected) throw structureProtected();
    const draft = buildPlanSheet(input);
    const name = freeSheetName(
      draft.name,
      worksheets.items.map((ws) => ws.name),
    );
    const plan = name === draft.name ? draft : buildPlanSheet({ ...input, sheetName: name });
    await addPlanSheet(context, plan, counter);
    return plan.name;
  });
}
