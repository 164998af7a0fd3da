/**
 * Workbooks for the Office.js tests, built with ExcelJS from the shipped blank template and filled
 * in as a unit would, so the same file can go through the ExcelJS path (as the CLI) and through
 * the in-memory Excel host (as the add-in).
 */
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../../src/catalogue';
import { buildBlankTemplate } from '../../src/template/blank';
import { addSheetPlan } from '../../src/workbook/xlsx/exceljs-adapter';
import { ExcelHost } from '../host/excel-host';
import { installHost } from '../host/install';
import type { WorkbookModel } from '../host/model';
import { modelFromWorkbook } from '../host/seed-xlsx';

/** Columns of the blank template (0-based): code, Chỉ tiêu, Thực hiện, Tổng số. */
export const TEMPLATE_COLUMNS = { code: 1, target: 4, actual: 5, denominator: 6 } as const;

export type Figure = string | number | null;

export interface UnitFigures {
  sheet: string;
  unit: string;
  /** code → [Thực hiện, Tổng số] */
  figures: Record<string, [Figure, Figure?]>;
}

/** A realistic district: most statuses, a direct rate, a zero denominator, bad text. */
export const DISTRICT_FIGURES: UnitFigures['figures'] = {
  'I.1a': [95],
  'I.1b': [5],
  'I.2a': [9, 10],
  'I.2b': [38, 52],
  'I.3': [812],
  'I.4b': [1350, 1500],
  'I.5a': [1250000000, 1300000000],
  'I.6': [2450, 2900],
  'I.7a': ['100%'],
  'I.9': [41],
  'II.1b': [0, 0],
  'II.2': [45, 58],
  'II.3b': ['khoảng 40', 50],
  'II.6a': [null, 3100],
  'II.7b': [1950, 3000],
};

/** The rows of the sheet whose code cell holds each code. */
export function codeRows(ws: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  ws.eachRow((row, rowNumber) => {
    const code = row.getCell(TEMPLATE_COLUMNS.code + 1).value;
    if (typeof code === 'string') rows.set(code, rowNumber);
  });
  return rows;
}

/** Adds one filled-in report sheet made from the blank template. */
export function addReportSheet(wb: ExcelJS.Workbook, unit: UnitFigures): ExcelJS.Worksheet {
  const ws = addSheetPlan(wb, buildBlankTemplate({ sheetName: unit.sheet, unitName: unit.unit }));
  const rows = codeRows(ws);
  for (const [code, [actual, denominator]] of Object.entries(unit.figures)) {
    const row = rows.get(code);
    if (row === undefined) throw new Error(`No row for ${code}`);
    ws.getCell(row, TEMPLATE_COLUMNS.actual + 1).value = actual;
    if (denominator !== undefined) {
      ws.getCell(row, TEMPLATE_COLUMNS.denominator + 1).value = denominator;
    }
  }
  return ws;
}

/**
 * A plain report sheet of the user's own making: no output columns (evaluation adds them after
 * the last header column), a formula in an input cell, the header in row 3.
 */
export function addBareReportSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = 'Đơn vị báo cáo: Công đoàn Khu công nghiệp';
  ws.getRow(3).values = ['STT', 'Mã', 'Nội dung', 'Thực hiện', 'Tổng số', 'Ghi chú'];
  ws.getRow(4).values = [1, 'I.1a', 'Kết nạp đoàn viên', 140];
  ws.getRow(5).values = [2, 'I.2b', 'CĐCS hoàn thành tốt nhiệm vụ', 30, 40];
  ws.getRow(6).values = [3, 'I.6', 'Đoàn viên hoàn thành tốt', null, 500, 'chưa tổng hợp'];
  ws.getCell('D6').value = { formula: 'E6*0.9', result: 450 };
  ws.getCell('D5').numFmt = '#,##0';
  ws.getCell('F4').font = { italic: true };
  return ws;
}

export function reportWorkbook(units: UnitFigures[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const unit of units) addReportSheet(wb, unit);
  return wb;
}

/** `count` report sheets of the same figures, "Đơn vị 1"… */
export function manyUnits(count: number): UnitFigures[] {
  return Array.from({ length: count }, (_, i) => ({
    sheet: `Đơn vị ${i + 1}`,
    unit: `LĐLĐ huyện số ${i + 1}`,
    figures: DISTRICT_FIGURES,
  }));
}

/**
 * `count` units whose every rule is filled in, each unit between 75% and 125% of each target by
 * a fixed pattern: statuses change from row to row and from unit to unit, as in a real province
 * (met, near and missed interleaved), so neither a report sheet nor the summary's unit columns
 * hold long runs of one status.
 */
export function variedUnits(count: number): UnitFigures[] {
  const rules = loadCatalogue().rules;
  return Array.from({ length: count }, (_, i) => {
    const figures: UnitFigures['figures'] = {};
    rules.forEach((rule, k) => {
      const attainment = 0.75 + ((i * 13 + k * 7) % 11) / 20;
      const target = Number(rule.target);
      if (rule.kind === 'count') {
        figures[rule.code] = [Math.round(target * attainment)];
        return;
      }
      const total =
        rule.kind === 'plan' ? (5 + ((i + k) % 40)) * 100_000_000 : 40 + ((i * 31 + k * 17) % 900);
      figures[rule.code] = [Math.round(total * Math.min(1, (target / 100) * attainment)), total];
    });
    return { sheet: `Đơn vị ${i + 1}`, unit: `LĐLĐ huyện số ${i + 1}`, figures };
  });
}

/** An ExcelJS workbook round-tripped through .xlsx, as the CLI would read it from disk. */
export async function reloaded(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return copy;
}

/** A host seeded with the workbook, installed as the global Excel and Office. */
export function hostFor(model: WorkbookModel | ExcelJS.Workbook): {
  host: ExcelHost;
  uninstall: () => void;
} {
  const seed = model instanceof ExcelJS.Workbook ? modelFromWorkbook(model) : model;
  const host = new ExcelHost(seed);
  return { host, uninstall: installHost(host) };
}
