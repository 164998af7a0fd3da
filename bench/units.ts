/**
 * The reporting units the benchmark evaluates: each one a copy of the shipped blank template
 * filled with its own figures, drawn from a seeded generator so every run measures the same work.
 * The figures look like a province's: most targets met or near, some missed, a few cells not yet
 * filled, some numbers typed as Vietnamese text ("1.234 đoàn viên"), the odd unreadable one.
 */
import ExcelJS from 'exceljs';
import type { Catalogue, Rule } from '../src/catalogue/types';
import { formatNumber } from '../src/engine/describe';
import { buildBlankTemplate } from '../src/template/blank';
import { readReportSheet } from '../src/template/reader';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../src/template/types';
import { addSheetPlan, snapshotWorksheet } from '../src/workbook/xlsx/exceljs-adapter';
import { addReportSheet, type Figure, type UnitFigures } from '../test/office/workbooks';

/** mulberry32: a small, fast, seedable generator (the benchmark needs repeatable, not secure). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A number as a unit might type it instead of entering a number: "1.234", "1.234 đoàn viên". */
function typedAsText(value: number, rule: Rule, random: () => number): string {
  const text = formatNumber(value, 'vi');
  return random() < 0.5 ? text : `${text} ${rule.itemUnit.vi}`;
}

function actualCell(value: number, rule: Rule, random: () => number): Figure {
  const draw = random();
  if (draw < 0.01) return `khoảng ${value}`;
  if (draw < 0.11) return typedAsText(value, rule, random);
  return value;
}

/** Thực hiện and Tổng số of every rule for the unit numbered `index` (1-based). */
export function unitFigures(index: number, catalogue: Catalogue): UnitFigures['figures'] {
  const random = seededRandom(index * 7919);
  const figures: UnitFigures['figures'] = {};
  for (const rule of catalogue.rules) {
    if (random() < 0.04) continue; // not reported yet: the row stays empty
    // Attainment of the target between 75% and 125%: mostly met, some near, some missed.
    const attainment = 0.75 + random() * 0.5;
    const target = Number(rule.target);
    if (rule.kind === 'count') {
      figures[rule.code] = [actualCell(Math.round(target * attainment), rule, random)];
    } else if (rule.kind === 'ratio') {
      const total = 10 + Math.floor(random() * 3000);
      const done = Math.round(total * Math.min(1, (target / 100) * attainment));
      figures[rule.code] = [actualCell(done, rule, random), total];
    } else {
      // Budgets in whole hundreds of millions of đồng, collections to the million.
      const budget = (5 + Math.floor(random() * 45)) * 100_000_000;
      const collected = Math.round((budget * (target / 100) * attainment) / 1e6) * 1e6;
      figures[rule.code] = [actualCell(collected, rule, random), budget];
    }
  }
  return figures;
}

export function unitName(index: number): string {
  return `LĐLĐ huyện số ${index}`;
}

export function unitSheetName(index: number): string {
  return `Đơn vị ${index}`;
}

/** `count` units, numbered from 1, as the Office.js tests' helpers take them. */
export function benchUnits(count: number, catalogue: Catalogue): UnitFigures[] {
  return Array.from({ length: count }, (_, i) => ({
    sheet: unitSheetName(i + 1),
    unit: unitName(i + 1),
    figures: unitFigures(i + 1, catalogue),
  }));
}

/** A workbook of one filled report sheet per unit, built with ExcelJS from the blank template. */
export function unitsWorkbook(units: UnitFigures[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const unit of units) addReportSheet(wb, unit);
  return wb;
}

/**
 * `count` single-sheet workbook snapshots, as the CLI would read `count` unit files: the blank
 * template read once through the ExcelJS adapter, then copied with each unit's figures written
 * into its Thực hiện and Tổng số cells (copying is much faster than building 1,000 worksheets).
 */
export function unitSnapshots(count: number, catalogue: Catalogue): WorkbookSnapshot[] {
  const wb = new ExcelJS.Workbook();
  const blank = snapshotWorksheet(addSheetPlan(wb, buildBlankTemplate({ catalogue })));
  const { report } = readReportSheet(blank, catalogue);
  const actualCol = report?.columns.actual;
  const totalCol = report?.columns.denominator;
  if (!report || actualCol === undefined || totalCol === undefined) {
    throw new Error(
      'The blank template does not read as a report sheet with Thực hiện and Tổng số',
    );
  }
  const rowOf = new Map(report.rows.map((r) => [r.code, r.row - blank.origin.row]));
  const titleRow = blank.values.findIndex(
    (row) => typeof row[0] === 'string' && row[0].startsWith('Đơn vị báo cáo'),
  );
  const at = (col: number) => col - blank.origin.col;

  return Array.from({ length: count }, (_, i) => {
    const values: CellValue[][] = blank.values.map((row) => [...row]);
    if (titleRow >= 0) values[titleRow][0] = `Đơn vị báo cáo: ${unitName(i + 1)}`;
    for (const [code, [actual, total]] of Object.entries(unitFigures(i + 1, catalogue))) {
      const row = rowOf.get(code);
      if (row === undefined) throw new Error(`No row for ${code} in the blank template`);
      values[row][at(actualCol)] = actual;
      if (total !== undefined) values[row][at(totalCol)] = total;
    }
    const sheet: SheetSnapshot = { ...blank, name: unitSheetName(i + 1), values };
    return { sheets: [sheet], file: `don-vi-${i + 1}.xlsx` };
  });
}
