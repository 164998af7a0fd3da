/** `union-targets plan export`: the built-in 2020 plan as an editable plan sheet (SPEC §8). */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../catalogue';
import type { Lang } from '../catalogue/types';
import { buildPlanSheet, catalogueToPlanSheetInput } from '../template/plan-sheet';
import { addSheetPlan } from '../workbook/xlsx/exceljs-adapter';
import { writeXlsxFile, XlsxError } from '../workbook/xlsx/file';
import { CliError } from './errors';
import { checkReplaceable, prepareFolder } from './outputs';

export interface PlanExportRequest {
  out?: string;
  lang: Lang;
}

export function defaultPlanFile(): string {
  return `bo-chi-tieu-${loadCatalogue().year}.xlsx`;
}

/** The workbook `plan export` writes: one sheet, the plan sheet of the built-in plan. */
export function planExportWorkbook(lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addSheetPlan(wb, buildPlanSheet(catalogueToPlanSheetInput(loadCatalogue(), lang)));
  return wb;
}

export async function exportPlan(
  request: PlanExportRequest,
): Promise<{ file: string; sheet: string }> {
  const file = request.out ?? defaultPlanFile();
  await checkReplaceable(file, 'plan', []);
  await prepareFolder(path.dirname(file), true);
  const wb = planExportWorkbook(request.lang);
  try {
    await writeXlsxFile(wb, file);
  } catch (error) {
    if (error instanceof XlsxError) throw new CliError(1, [error.localized]);
    throw error;
  }
  return { file, sheet: wb.worksheets[0].name };
}
