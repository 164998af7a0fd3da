/**
 * The plan workbook given with `--plan FILE` (SPEC §8): read once, with its snapshot, so that other
 * sheets beside the plan (the allocation "Giao chỉ tiêu", SPEC §9) can be found in it too.
 */
import type ExcelJS from 'exceljs';
import { choosePlan, type PlanChoice } from '../catalogue/plan-choice';
import type { Localized } from '../catalogue/types';
import type { WorkbookSnapshot } from '../template/types';
import { snapshotFromExcelJs } from '../workbook/xlsx/exceljs-adapter';
import { readXlsxFile, XlsxError } from '../workbook/xlsx/file';
import { CliError } from './errors';

export interface PlanWorkbook {
  file: string;
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

/** Reads the plan workbook; a file that cannot be read is a CliError (exit 1) naming it. */
export async function loadPlanWorkbook(file: string): Promise<PlanWorkbook> {
  try {
    const workbook = await readXlsxFile(file);
    return { file, workbook, snapshot: snapshotFromExcelJs(workbook, file) };
  } catch (error) {
    if (error instanceof XlsxError) throw new CliError(1, [error.localized]);
    throw error;
  }
}

/**
 * The plan for a batch: `--plan`'s, else one in the inputs, else the built-in one. A plan with
 * errors, or two different plans, is a CliError (exit 1) listing each problem with its cell.
 */
export function planForBatch(inputs: WorkbookSnapshot[], planBook?: PlanWorkbook): PlanChoice {
  const choice = choosePlan(inputs, planBook?.snapshot);
  if (choice.catalogue === null) {
    const errors: Localized[] = choice.issues
      .filter((issue) => issue.severity === 'error')
      .map((issue) => withFile(issue.file, issue.message));
    throw new CliError(1, errors);
  }
  return choice;
}

function withFile(file: string | undefined, message: Localized): Localized {
  if (file === undefined || message.vi.includes(file)) return message;
  return { vi: `Tệp "${file}": ${message.vi}`, en: `"${file}": ${message.en}` };
}
