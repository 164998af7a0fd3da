/** `union-targets template`: the blank reporting template, one sheet per unit. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../catalogue';
import type { Lang } from '../catalogue/types';
import { buildBlankTemplate } from '../template';
import { addSheetPlan } from '../workbook/xlsx/exceljs-adapter';
import { writeXlsxFile, XlsxError } from '../workbook/xlsx/file';
import { CliError } from './errors';
import { checkReplaceable, prepareFolder } from './outputs';
import { sheetNamesForUnits } from './sheet-names';

export interface TemplateRequest {
  out?: string;
  units?: string[];
  lang: Lang;
}

export function defaultTemplateFile(): string {
  return `mau-bao-cao-${loadCatalogue().year}.xlsx`;
}

/** The template workbook, in memory: one sheet per unit, or one unnamed unit. */
export function templateWorkbook(
  units: readonly string[] | undefined,
  lang: Lang,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (!units || units.length === 0) {
    addSheetPlan(wb, buildBlankTemplate({ lang }));
    return wb;
  }
  const names = sheetNamesForUnits(units);
  units.forEach((unit, i) => {
    addSheetPlan(wb, buildBlankTemplate({ unitName: unit, sheetName: names[i], lang }));
  });
  return wb;
}

export async function writeTemplate(
  request: TemplateRequest,
): Promise<{ file: string; sheets: string[] }> {
  const file = request.out ?? defaultTemplateFile();
  await checkReplaceable(file, 'template', []);
  await prepareFolder(path.dirname(file), true);
  const wb = templateWorkbook(request.units, request.lang);
  try {
    await writeXlsxFile(wb, file);
  } catch (error) {
    if (error instanceof XlsxError) throw new CliError(1, [error.localized]);
    throw error;
  }
  return { file, sheets: wb.worksheets.map((ws) => ws.name) };
}
