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

export interface TemplateRequest {
  out?: string;
  units?: string[];
  /** A workbook holding the plan sheet the template follows (SPEC §8). */
  plan?: string;
  lang: Lang;
}

export function defaultTemplateFile(catalogue: Catalogue = loadCatalogue()): string {
  return `mau-bao-cao-${catalogue.year || catalogue.id}.xlsx`;
}

/** The template workbook, in memory: one sheet per unit, or one unnamed unit. */
export function templateWorkbook(
  units: readonly string[] | undefined,
  lang: Lang,
  catalogue: Catalogue = loadCatalogue(),
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (!units || units.length === 0) {
    addSheetPlan(wb, buildBlankTemplate({ lang, catalogue }));
    return wb;
  }
  const names = sheetNamesForUnits(units);
  units.forEach((unit, i) => {
    addSheetPlan(wb, buildBlankTemplate({ unitName: unit, sheetName: names[i], lang, catalogue }));
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
  const file = request.out ?? defaultTemplateFile(catalogue);
  await checkReplaceable(file, 'template', request.plan ? [request.plan] : []);
  await prepareFolder(path.dirname(file), true);
  const wb = templateWorkbook(request.units, request.lang, catalogue);
  try {
    await writeXlsxFile(wb, file);
  } catch (error) {
    if (error instanceof XlsxError) throw new CliError(1, [error.localized]);
    throw error;
  }
  return { file, sheets: wb.worksheets.map((ws) => ws.name) };
}
