import { loadCatalogue } from '../catalogue';
import type { Catalogue, Lang } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import type { RuleResult } from '../engine/types';
import { parseRangeRef, rangeRef } from './address';
import {
  cellNumber,
  gapFormat,
  OUTPUT_AVERAGE_FORMAT,
  OUTPUT_RATE_FORMAT,
  outputFormat,
} from './format';
import { SheetGrid } from './grid';
import { isLabelOf, OUTPUT_COLUMN_LABELS } from './header';
import { isAddinSummarySheet } from './marker';
import { readReportSheet } from './reader';
import { buildSummarySheet } from './summary';
import { buildUnitMatrixSheet, UNIT_MATRIX_SHEET_NAME } from './unit-matrix';
import type {
  CellWrite,
  Evaluation,
  OutputColumnKey,
  ReportSheet,
  SheetWrites,
  UnitResults,
  WorkbookSnapshot,
  WritePlan,
} from './types';

export { isAddinSummarySheet };

/**
 * Output columns the evaluation added are remembered in workbook names, one per sheet, e.g.
 * UnionTargets_Added_1 → 'Báo cáo'!$H$5:$J$5 (the header labels written). Excel keeps the
 * reference right when the sheet is renamed or columns move, so clear finds them again.
 */
export const ADDED_COLUMNS_NAME_PREFIX = 'UnionTargets_Added_';
/** The summary sheet's name; "Tổng hợp (2)", "(3)"… when the user owns a sheet of that name. */
export const SUMMARY_SHEET_NAME = 'Tổng hợp';

const OUTPUT_KEYS: readonly OutputColumnKey[] = ['rate', 'gap', 'status'];

export interface PlanOptions {
  summary: boolean;
  lang: Lang;
  now: Date;
}

/**
 * What evaluation writes into one workbook: the three output cells of every rule row of the
 * workbook's own units, the labels of output columns it adds, and (with `summary`) the summary of
 * the whole evaluation. A pure function of its inputs, so evaluating twice writes the same.
 */
export function planEvaluation(
  evaluation: Evaluation,
  workbook: WorkbookSnapshot,
  opts: PlanOptions,
): WritePlan {
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  const plan: WritePlan = { sheets: [] };
  const setNames: Record<string, string> = {};
  const namedSheets = addedColumnNames(workbook);

  for (const unit of [...evaluation.units, ...(evaluation.ignoredUnits ?? [])]) {
    const sheet = sheets.get(unit.report.sheet);
    if (unit.file !== workbook.file || !sheet) continue;
    const report = unit.report;
    if (report.outputBlocked) continue;
    const cells = outputWrites(unit, new SheetGrid(sheet), opts.lang);
    cells.push(...duplicateCodeWrites(report, opts.lang));
    if (report.addedOutputColumns.length > 0) {
      const cols = report.addedOutputColumns.map((key) => report.outputColumns[key]);
      report.addedOutputColumns.forEach((key, i) => {
        cells.push({
          row: report.headerRow,
          col: cols[i],
          value: OUTPUT_COLUMN_LABELS[key][opts.lang],
        });
      });
      const name = namedSheets.get(report.sheet) ?? freeName(workbook, setNames);
      setNames[name] = rangeRef({
        sheet: report.sheet,
        top: report.headerRow,
        bottom: report.headerRow,
        left: Math.min(...cols),
        right: Math.max(...cols),
      });
    }
    plan.sheets.push({ sheet: report.sheet, cells });
  }
  if (Object.keys(setNames).length > 0) plan.setNames = setNames;

  if (opts.summary) {
    const target = summaryTarget(workbook);
    plan.summary = buildSummarySheet(evaluation, {
      ...target,
      lang: opts.lang,
      now: opts.now,
      links: { file: workbook.file },
    });
    const matrix = summaryTarget(workbook, UNIT_MATRIX_SHEET_NAME);
    plan.extraSheets = [
      buildUnitMatrixSheet(evaluation, { ...matrix, lang: opts.lang, now: opts.now }),
    ];
  }
  return plan;
}

/**
 * The output cells of each rule row, coloured by the row's status; none the reader keeps (a unit's
 * formula, a merged area). A unit that formatted an output cell itself (Tỷ lệ as "0.0%") keeps
 * its format; otherwise a figure gets the add-in's format, and an empty cell or a label none.
 */
function outputWrites(unit: UnitResults, grid: SheetGrid, lang: Lang): CellWrite[] {
  const report = unit.report;
  const rows = new Map(report.rows.map((row) => [row.code, row]));
  const cells: CellWrite[] = [];
  for (const result of unit.results) {
    const row = rows.get(result.code);
    if (!row) continue;
    const info = STATUS_INFO[result.status];
    const shown = hasFigures(result);
    const rate = shown ? cellNumber(result.rate) : null;
    const gap = shown ? cellNumber(result.gap) : null;
    const outputs: Record<
      OutputColumnKey,
      { value: string | number | null; format: string | null }
    > = {
      rate: {
        value: rate,
        format:
          rate === null ? null : result.averageRate ? OUTPUT_AVERAGE_FORMAT : OUTPUT_RATE_FORMAT,
      },
      gap: { value: gap, format: gap === null ? null : gapFormat(result.gapUnit) },
      status: { value: info.label[lang], format: null },
    };
    for (const key of OUTPUT_KEYS) {
      if (row.keptOutputs?.includes(key)) continue;
      const col = report.outputColumns[key];
      const { value, format } = outputs[key];
      const write: CellWrite = { row: row.row, col, value, fill: info.fill, fontColor: info.font };
      const numberFormat = outputFormat(grid.format(row.row, col), format);
      if (numberFormat !== undefined) write.numberFormat = numberFormat;
      cells.push(write);
    }
  }
  return cells;
}

/** "Lỗi số liệu" in the Đánh giá cell of each row whose code is on another row too (SPEC §9). */
function duplicateCodeWrites(report: ReportSheet, lang: Lang): CellWrite[] {
  const info = STATUS_INFO.INVALID;
  return (report.duplicateCodeRows ?? [])
    .filter((dup) => !dup.keepStatus)
    .map((dup) => ({
      row: dup.row,
      col: report.outputColumns.status,
      value: info.label[lang],
      fill: info.fill,
      fontColor: info.font,
    }));
}

/** No data and invalid data show only their label: any rate or gap would mislead. */
function hasFigures(result: RuleResult): boolean {
  return result.status !== 'NO_DATA' && result.status !== 'INVALID';
}

/** Sheet name → its added-columns name, from the workbook's defined names. */
function addedColumnNames(workbook: WorkbookSnapshot): Map<string, string> {
  const bySheet = new Map<string, string>();
  for (const [name, reference] of Object.entries(workbook.names ?? {})) {
    if (!name.startsWith(ADDED_COLUMNS_NAME_PREFIX)) continue;
    const range = parseRangeRef(reference);
    if (range && !bySheet.has(range.sheet)) bySheet.set(range.sheet, name);
  }
  return bySheet;
}

function freeName(workbook: WorkbookSnapshot, taken: Record<string, string>): string {
  const existing = new Set(Object.keys(workbook.names ?? {}).map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = `${ADDED_COLUMNS_NAME_PREFIX}${n}`;
    if (!existing.has(name.toLowerCase()) && !(name in taken)) return name;
  }
}

/** Sheet names compare as Excel compares them: ignoring case. */
function sameSheetName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');
}

/**
 * Where the summary goes: "Tổng hợp", replacing it when the add-in made it; else the first of
 * "Tổng hợp (2)", "(3)"… that is free or is the add-in's own.
 */
export function summaryTarget(
  workbook: WorkbookSnapshot,
  baseName = SUMMARY_SHEET_NAME,
): { name: string; replace: boolean } {
  for (let n = 1; ; n++) {
    const name = n === 1 ? baseName : `${baseName} (${n})`;
    const sheet = workbook.sheets.find((s) => sameSheetName(s.name, name));
    if (!sheet) return { name, replace: false };
    if (isAddinSummarySheet(sheet)) return { name: sheet.name, replace: true };
  }
}

/**
 * Undoes what evaluation wrote: empties the output cells of every rule row and removes their fills
 * and font colours (SPEC §4) and the number formats evaluation gave them, removes the labels of the
 * output columns it added and the names that remember them, and deletes the add-in's summary
 * sheets. Input cells, and output cells the reader keeps (a unit's formula), are never touched.
 */
export function planClear(workbook: WorkbookSnapshot, catalogue?: Catalogue): WritePlan {
  const cat = catalogue ?? loadCatalogue();
  const writes = new Map<string, CellWrite[]>();
  const cellsOf = (sheet: string) => {
    let cells = writes.get(sheet);
    if (!cells) writes.set(sheet, (cells = []));
    return cells;
  };
  const deleteSheets: string[] = [];

  for (const sheet of workbook.sheets) {
    if (isAddinSummarySheet(sheet)) {
      deleteSheets.push(sheet.name);
      continue;
    }
    const { report } = readReportSheet(sheet, cat, workbook.file);
    if (report && !report.outputBlocked) {
      cellsOf(sheet.name).push(...clearWrites(report, new SheetGrid(sheet)));
    }
  }

  const deleteNames: string[] = [];
  for (const [name, reference] of Object.entries(workbook.names ?? {})) {
    if (!name.startsWith(ADDED_COLUMNS_NAME_PREFIX)) continue;
    deleteNames.push(name);
    const range = parseRangeRef(reference);
    const sheet = range && workbook.sheets.find((s) => s.name === range.sheet);
    if (!range || !sheet || deleteSheets.includes(sheet.name)) continue;
    const values = sheet.values;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const v = values[r - sheet.origin.row]?.[c - sheet.origin.col];
        // Only the add-in's own labels: anything else there is the user's.
        if (typeof v === 'string' && OUTPUT_KEYS.some((key) => isLabelOf(v, key))) {
          cellsOf(sheet.name).push({ row: r, col: c, value: null });
        }
      }
    }
  }

  const plan: WritePlan = { sheets: [] };
  for (const [sheet, cells] of writes) {
    if (cells.length > 0) plan.sheets.push({ sheet, cells } satisfies SheetWrites);
  }
  if (deleteSheets.length > 0) plan.deleteSheets = deleteSheets;
  if (deleteNames.length > 0) plan.deleteNames = deleteNames;
  return plan;
}

/**
 * Empties the existing output cells of each rule row; columns still to be added hold nothing. A
 * number format goes back to General only where it is one evaluation writes.
 */
function clearWrites(report: ReportSheet, grid: SheetGrid): CellWrite[] {
  const keys = OUTPUT_KEYS.filter((key) => !report.addedOutputColumns.includes(key));
  const cells: CellWrite[] = [];
  for (const row of report.rows) {
    for (const key of keys) {
      if (row.keptOutputs?.includes(key)) continue;
      const col = report.outputColumns[key];
      const write: CellWrite = { row: row.row, col, value: null, fill: null, fontColor: null };
      const numberFormat = outputFormat(grid.format(row.row, col), null);
      if (numberFormat !== undefined) write.numberFormat = numberFormat;
      cells.push(write);
    }
  }
  if (!report.addedOutputColumns.includes('status')) {
    for (const dup of report.duplicateCodeRows ?? []) {
      if (dup.keepStatus) continue;
      cells.push({
        row: dup.row,
        col: report.outputColumns.status,
        value: null,
        fill: null,
        fontColor: null,
      });
    }
  }
  return cells;
}
