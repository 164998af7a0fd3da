/**
 * ExcelJS builders for the reliability corpus: report sheets made from the shipped blank template
 * and filled in as a unit would (with the odd cells a real unit types), and sheets of free layout.
 * Cells are restyled with fresh style objects: ExcelJS shares one style object between cells that
 * were written or read with the same style, so `cell.numFmt = …` would change all of them.
 */
import type ExcelJS from 'exceljs';
import { buildBlankTemplate } from '../../src/template/blank';
import { addSheetPlan } from '../../src/workbook/xlsx/exceljs-adapter';

/** 1-based columns of the blank template, as ExcelJS counts them. */
export const COL = {
  stt: 1,
  code: 2,
  content: 3,
  unit: 4,
  target: 5,
  actual: 6,
  denominator: 7,
  rate: 8,
  gap: 9,
  status: 10,
  note: 11,
} as const;

/** Column letters of the same columns, for expected cell addresses. */
export const LETTER = {
  code: 'B',
  target: 'E',
  actual: 'F',
  denominator: 'G',
  rate: 'H',
  gap: 'I',
  status: 'J',
  note: 'K',
} as const;

/** The template's header is on row 6; its rule rows run from row 8 (I.1a) to row 34 (II.7b). */
export const TEMPLATE_HEADER_ROW = 6;

export type Input = ExcelJS.CellValue;

/** A report sheet from the blank template, and where each code's row is. */
export interface TemplateSheet {
  ws: ExcelJS.Worksheet;
  /** 1-based row of a code's rule row. */
  row(code: string): number;
  /** "F12": the A1 address of a template column on a code's row. */
  at(code: string, column: keyof typeof LETTER): string;
  /** Thực hiện and (optionally) Tổng số of a rule row. */
  fill(code: string, actual: Input, denominator?: Input): TemplateSheet;
}

export function addTemplateSheet(
  wb: ExcelJS.Workbook,
  name = 'Báo cáo',
  unitName = 'LĐLĐ huyện Thanh Sơn',
): TemplateSheet {
  const ws = addSheetPlan(wb, buildBlankTemplate({ sheetName: name, unitName }));
  const rows = new Map<string, number>();
  ws.eachRow((row, rowNumber) => {
    const code = row.getCell(COL.code).value;
    if (typeof code === 'string' && rowNumber > TEMPLATE_HEADER_ROW) rows.set(code, rowNumber);
  });
  const row = (code: string) => {
    const r = rows.get(code);
    if (r === undefined) throw new Error(`The template has no row for ${code}`);
    return r;
  };
  const sheet: TemplateSheet = {
    ws,
    row,
    at: (code, column) => `${LETTER[column]}${row(code)}`,
    fill(code, actual, denominator) {
      ws.getCell(row(code), COL.actual).value = actual;
      if (denominator !== undefined) ws.getCell(row(code), COL.denominator).value = denominator;
      return sheet;
    },
  };
  return sheet;
}

/** Gives a cell a style of its own with these changes (never edits a shared style object). */
export function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = structuredClone({ ...cell.style, ...change });
}

/** Writes rows of values from a 1-based top-left cell; undefined leaves a cell alone. */
export function putRows(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  rows: (Input | undefined)[][],
): void {
  rows.forEach((values, i) =>
    values.forEach((value, j) => {
      if (value !== undefined) ws.getCell(top + i, left + j).value = value;
    }),
  );
}

/** An Excel formula with a cached error result, as Excel saves it. */
export function errorFormula(formula: string, error: string): ExcelJS.CellFormulaValue {
  // ExcelJS types its error values as a const enum that cannot be named at run time.
  const result = { error } as unknown as ExcelJS.CellErrorValue;
  return { formula, result, date1904: false };
}

/**
 * A report sheet of a unit's own making: title, the header on row 3 without output columns (so
 * evaluation adds them after the last header column), a formula in an input cell, a note.
 */
export function addOwnLayoutSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = 'Đơn vị báo cáo: Công đoàn Khu công nghiệp Phú Hà';
  putRows(ws, 3, 1, [
    ['STT', 'Mã', 'Nội dung', 'Thực hiện', 'Tổng số', 'Ghi chú'],
    [1, 'I.1a', 'Kết nạp đoàn viên', 140],
    [2, 'I.2b', 'CĐCS hoàn thành tốt nhiệm vụ', 30, 40],
    [3, 'I.6', 'Đoàn viên hoàn thành tốt nhiệm vụ', undefined, 500, 'ước tính'],
  ]);
  ws.getCell('D6').value = { formula: 'E6*0.9', result: 450 };
  restyle(ws.getCell('D5'), { numFmt: '#,##0' });
  restyle(ws.getCell('F4'), { font: { italic: true, color: { argb: 'FF7F7F7F' } } });
  ws.getColumn(3).width = 42;
  return ws;
}
