/**
 * The product's file path, end to end, as the CLI runs it: an .xlsx read with ExcelJS, evaluated,
 * planned, applied and written to a new file; and clear on an evaluated file. Fixtures and outputs
 * live in a temporary folder that is removed after the tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../../src/catalogue';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { planClear, planEvaluation } from '../../src/template/plan';
import type {
  Evaluation,
  OutputColumnKey,
  WorkbookSnapshot,
  WritePlan,
} from '../../src/template/types';
import {
  applyPlanToExcelJs,
  readXlsxFile,
  snapshotFromExcelJs,
  writeXlsxFile,
} from '../../src/workbook/xlsx/exceljs-adapter';
import { toA1 } from '../../src/template/address';
import type { Exclusions } from './workbook-state';

/** The summary's time of generation, the same on every run so two runs can be compared. */
export const NOW = new Date(2021, 2, 15, 10, 30);

export const catalogue = loadCatalogue();

export async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'ut-reliability-'));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A case's name as a file name. */
export function fileName(caseName: string): string {
  return caseName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
}

/** Builds a workbook and saves it as `<dir>/<name>.xlsx`; returns the path. */
export async function saveFixture(
  dir: string,
  name: string,
  build: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

export interface EvaluatedFile {
  /** The workbook as read, with the plan applied (or as it was, when applying failed). */
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  evaluation: Evaluation;
  plan: WritePlan | null;
  /** What applying the plan threw (nothing is written then). */
  applyError: unknown;
  /** The output file, when one was written. */
  output: string | null;
}

/**
 * Reads `input`, evaluates it, applies the plan (with the summary) and writes `output`. As in both
 * front ends, a workbook without any report sheet gets nothing written.
 */
export async function evaluateXlsx(input: string, output: string): Promise<EvaluatedFile> {
  const wb = await readXlsxFile(input);
  const snapshot = snapshotFromExcelJs(wb, path.basename(input));
  const evaluation = evaluateWorkbooks([snapshot], { catalogue });
  if (evaluation.units.length === 0) {
    return { workbook: wb, snapshot, evaluation, plan: null, applyError: null, output: null };
  }
  const plan = planEvaluation(evaluation, snapshot, { summary: true, lang: 'vi', now: NOW });
  try {
    applyPlanToExcelJs(wb, plan);
  } catch (error) {
    return { workbook: wb, snapshot, evaluation, plan, applyError: error, output: null };
  }
  await writeXlsxFile(wb, output, [input]);
  return { workbook: wb, snapshot, evaluation, plan, applyError: null, output };
}

/** Reads `input`, applies the clear plan and writes `output`. */
export async function clearXlsx(input: string, output: string): Promise<WritePlan> {
  const wb = await readXlsxFile(input);
  const plan = planClear(snapshotFromExcelJs(wb, path.basename(input)), catalogue);
  applyPlanToExcelJs(wb, plan);
  await writeXlsxFile(wb, output, [input]);
  return plan;
}

/**
 * The cells evaluation may change in the report sheets, as the reader located them: the output
 * cells of every rule row (less those the reader keeps: a unit's formula, a merged area) and the
 * labels of the output columns it adds; and the summary.
 */
/** The sheets a plan makes: the summary and the unit matrix beside it. */
export function madeSheetNames(
  plan: { summary?: { name: string }; extraSheets?: { name: string }[] } | null | undefined,
): string[] {
  if (!plan?.summary) return [];
  return [plan.summary.name, ...(plan.extraSheets ?? []).map((s) => s.name)];
}

export function outputCells(
  evaluation: Evaluation,
  summarySheet: string | string[] | null,
): Exclusions {
  const exclude: Exclusions = new Map();
  for (const { report } of [...evaluation.units, ...(evaluation.ignoredUnits ?? [])]) {
    const cells = new Set<string>();
    exclude.set(report.sheet, cells);
    // A blocked sheet gets nothing written: every one of its cells must stay as it was.
    if (report.outputBlocked) continue;
    for (const row of report.rows) {
      for (const [key, a1] of Object.entries(row.outputCells)) {
        if (!row.keptOutputs?.includes(key as OutputColumnKey)) cells.add(a1);
      }
    }
    for (const key of report.addedOutputColumns) {
      cells.add(toA1(report.headerRow, report.outputColumns[key]));
    }
    // A code on two rows: "Lỗi số liệu" in the Đánh giá cell of both (SPEC §9).
    for (const dup of report.duplicateCodeRows ?? []) {
      if (!dup.keepStatus) cells.add(dup.statusCell);
    }
  }
  for (const name of summarySheet === null ? [] : [summarySheet].flat()) exclude.set(name, '*');
  return exclude;
}

export { readXlsxFile };
