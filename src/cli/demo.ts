/**
 * `union-targets demo`, the headless tour: the blank template, the sample province's reports
 * filled in as staff would, then the same evaluation as `evaluate` with a consolidated summary.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../catalogue';
import type { Lang } from '../catalogue/types';
import { buildBlankTemplate, readReportSheet } from '../template';
import { addSheetPlan, snapshotWorksheet } from '../workbook/xlsx/exceljs-adapter';
import { writeXlsxFile, XlsxError } from '../workbook/xlsx/file';
import { CliError } from './errors';
import { evaluateFiles, type EvaluateOutcome } from './evaluate-command';
import { prepareFolder } from './outputs';
import { SAMPLE_PROVINCE, type SampleUnit } from './sample-province';
import { defaultTemplateFile, templateWorkbook } from './template-command';

export const DEFAULT_DEMO_DIR = 'demo-output';

export interface DemoOutcome {
  template: string;
  unitFiles: { file: string; unit: string }[];
  evaluation: EvaluateOutcome;
}

/** A unit's report: the blank template with the unit's figures typed into its input cells. */
export function sampleUnitWorkbook(unit: SampleUnit, lang: Lang): ExcelJS.Workbook {
  const catalogue = loadCatalogue();
  const wb = new ExcelJS.Workbook();
  const ws = addSheetPlan(wb, buildBlankTemplate({ unitName: unit.name, lang, catalogue }));
  // The reader finds the cells, exactly as it will when the report comes back.
  const { report } = readReportSheet(snapshotWorksheet(ws), catalogue);
  if (!report) throw new Error('The blank template does not read as a report sheet');
  const { actual, denominator, target } = report.columns;
  for (const row of report.rows) {
    const figures = unit.figures[row.code];
    if (!figures) continue;
    const put = (col: number | undefined, value: string | number | undefined) => {
      if (col !== undefined && value !== undefined) ws.getCell(row.row + 1, col + 1).value = value;
    };
    put(actual, figures.actual);
    put(denominator, figures.denominator);
    put(target, figures.target);
  }
  return wb;
}

export async function runDemo(request: { out?: string; lang: Lang }): Promise<DemoOutcome> {
  const dir = request.out ?? DEFAULT_DEMO_DIR;
  const unitsDir = path.join(dir, request.lang === 'vi' ? 'don-vi' : 'units');
  await prepareFolder(dir, true);
  await prepareFolder(unitsDir, true);

  const template = path.join(dir, defaultTemplateFile());
  const unitFiles = SAMPLE_PROVINCE.map((unit) => ({
    file: path.join(unitsDir, unit.file),
    unit: unit.name,
  }));
  try {
    await writeXlsxFile(templateWorkbook(undefined, request.lang), template);
    for (const [i, unit] of SAMPLE_PROVINCE.entries()) {
      await writeXlsxFile(sampleUnitWorkbook(unit, request.lang), unitFiles[i].file);
    }
  } catch (error) {
    if (error instanceof XlsxError) throw new CliError(1, [error.localized]);
    throw error;
  }

  const evaluation = await evaluateFiles({
    files: unitFiles.map((u) => u.file),
    out: path.join(dir, request.lang === 'vi' ? 'ket-qua' : 'evaluated'),
    summary: path.join(dir, request.lang === 'vi' ? 'tong-hop.xlsx' : 'summary.xlsx'),
    json: path.join(dir, request.lang === 'vi' ? 'ket-qua.json' : 'results.json'),
    lang: request.lang,
  });
  return { template, unitFiles, evaluation };
}
