/** `union-targets template`: the blank reporting template, one sheet per unit. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../catalogue';
import type { Catalogue, Lang } from '../catalogue/types';
import { buildBlankTemplate } from '../template';
import { addSheetPlan } from '../workbook/xlsx/exceljs-adapter';
import { writeXlsxFile, XlsxError } from '../workbook/xlsx/file';
import { CliError } from './errors';
import { checkReplaceable, prepareFolder } from './outputs';
import { loadPlanWorkbook, planForBatch } from './plan-workbook';
import { sheetNamesForUnits } from './sheet-names';
import {
  allocatedTargetTexts,
  findAllocationSheet,
  readAllocationSheet,
  unitKey,
  type Allocation,
} from '../template/allocation';
import type { WorkbookSnapshot } from '../template/types';

export interface TemplateRequest {
  out?: string;
  units?: string[];
  /** A workbook holding the plan sheet the template follows (SPEC §8). */
  plan?: string;
  /** Months of a mid-year report (SPEC §2). */
  period?: number;
  lang: Lang;
}

export function defaultTemplateFile(
  catalogue: Catalogue = loadCatalogue(),
  period?: number,
): string {
  const months = period !== undefined && period < 12 ? `-${period}-thang` : '';
  return `mau-bao-cao-${catalogue.year || catalogue.id}${months}.xlsx`;
}

/**
 * The template workbook, in memory: one sheet per unit, or one unnamed unit. With an allocation
 * (SPEC §9) each allocated unit's sheet has its Chỉ tiêu filled, and without `units` there is one
 * sheet per allocated unit.
 */
export function templateWorkbook(
  requested: readonly string[] | undefined,
  lang: Lang,
  catalogue: Catalogue = loadCatalogue(),
  period?: number,
  allocation: Allocation | null = null,
): ExcelJS.Workbook {
  const units =
    requested && requested.length > 0 ? requested : allocation?.units.map((u) => u.name);
  const allocated = new Map(allocation?.units.map((u) => [unitKey(u.name), u]) ?? []);
  const targetsOf = (unit: string) => {
    const own = allocated.get(unitKey(unit));
    return own ? allocatedTargetTexts(own, catalogue, lang) : undefined;
  };
  const wb = new ExcelJS.Workbook();
  if (!units || units.length === 0) {
    addSheetPlan(wb, buildBlankTemplate({ lang, catalogue, period }));
    return wb;
  }
  const names = sheetNamesForUnits(units);
  units.forEach((unit, i) => {
    const sheetName = names[i];
    const targets = targetsOf(unit);
    addSheetPlan(
      wb,
      buildBlankTemplate({ unitName: unit, sheetName, lang, catalogue, period, targets }),
    );
  });
  return wb;
}

export async function writeTemplate(
  request: TemplateRequest,
): Promise<{ file: string; sheets: string[] }> {
  const planBook = request.plan ? await loadPlanWorkbook(request.plan) : undefined;
  const catalogue = planBook
    ? (planForBatch([], planBook).catalogue as Catalogue)
    : loadCatalogue();
  const file = request.out ?? defaultTemplateFile(catalogue, request.period);
  await checkReplaceable(file, 'template', request.plan ? [request.plan] : []);
  await prepareFolder(path.dirname(file), true);
  const wb = templateWorkbook(
    request.units,
    request.lang,
    catalogue,
    request.period,
    planBook ? planAllocation(planBook.snapshot, catalogue) : null,
  );
  try {
    await writeXlsxFile(wb, file);
  } catch (error) {
    if (error instanceof XlsxError) throw new CliError(1, [error.localized]);
    throw error;
  }
  return { file, sheets: wb.worksheets.map((ws) => ws.name) };
}

/**
 * The allocation beside the plan sheet in the `--plan` workbook (SPEC §9), or null. An allocation
 * with errors is still used for what it says; its errors are the evaluation's to report.
 */
function planAllocation(snapshot: WorkbookSnapshot, catalogue: Catalogue): Allocation | null {
  const found = findAllocationSheet([snapshot]);
  return found ? readAllocationSheet(found.sheet, catalogue, found.file).allocation : null;
}
