import { makeIssue } from '../template/issues';
import type { TemplateIssue, WorkbookSnapshot } from '../template/types';
import { loadCatalogue } from './index';
import { readPlanSheets, type PlanReading } from './plan-sheet-reader';
import type { Catalogue, Localized } from './types';

/**
 * Which plan evaluates a batch (SPEC §8): a plan sheet given on its own (`--plan FILE`), else one
 * found in the workbooks, else the built-in 2020 plan. When `catalogue` is null nothing may be
 * evaluated and `issues` holds at least one error saying why, with sheet and cell.
 */
export interface PlanChoice {
  catalogue: Catalogue | null;
  /** Every plan sheet read, where it was found. */
  readings: PlanReading[];
  issues: TemplateIssue[];
}

/** "ke-hoach-2026.xlsx › Bộ chỉ tiêu", or the sheet's name alone in the open workbook. */
export function planSourceText(source: Catalogue['source']): string {
  if (!source || source.kind === 'builtin') return 'builtin';
  return source.file ? `${source.file} › ${source.sheet}` : source.sheet;
}

/** Two plans are the same when their rules and year are, wherever they were typed. */
function planContent(catalogue: Catalogue): string {
  return JSON.stringify({
    year: catalogue.year,
    sections: catalogue.sections,
    rules: catalogue.rules,
  });
}

function where(reading: PlanReading): string {
  return reading.file ? `${reading.file} › ${reading.sheet}` : `'${reading.sheet}'`;
}

/**
 * Chooses the plan. `planBook` is the workbook given with `--plan` (its plan sheets only count);
 * `workbooks` are the inputs, whose plan sheets are plans too.
 */
export function choosePlan(workbooks: WorkbookSnapshot[], planBook?: WorkbookSnapshot): PlanChoice {
  const readings: PlanReading[] = [];
  const issues: TemplateIssue[] = [];
  if (planBook) {
    const own = readPlanSheets(planBook);
    if (own.length === 0) {
      const file = planBook.file;
      issues.push(
        makeIssue('error', 'plan-not-found', { sheet: '', cell: null, file }, noPlanSheet(file)),
      );
    }
    readings.push(...own);
  }
  for (const workbook of workbooks) readings.push(...readPlanSheets(workbook));
  for (const reading of readings) issues.push(...reading.issues);
  if (issues.some((i) => i.severity === 'error')) return { catalogue: null, readings, issues };

  const distinct = new Map<string, PlanReading>();
  for (const reading of readings) {
    const content = planContent(reading.catalogue as Catalogue);
    if (!distinct.has(content)) distinct.set(content, reading);
  }
  if (distinct.size > 1) {
    const [a, b] = [...distinct.values()];
    issues.push(
      makeIssue(
        'error',
        'plan-conflict',
        { sheet: b.sheet, cell: null, file: b.file },
        {
          vi: `Có hai bộ chỉ tiêu khác nhau: ${where(a)} và ${where(b)}. Hãy dùng một bộ chỉ tiêu cho cả đợt đánh giá.`,
          en: `There are two different plans: ${where(a)} and ${where(b)}. Use one plan for the whole evaluation.`,
        },
      ),
    );
    return { catalogue: null, readings, issues };
  }
  const first = [...distinct.values()][0];
  return { catalogue: first ? (first.catalogue as Catalogue) : loadCatalogue(), readings, issues };
}

function noPlanSheet(file: string | undefined): Localized {
  const name = file ? `"${file}"` : '';
  return {
    vi: `Tệp ${name} không có trang bộ chỉ tiêu: cần một dòng tiêu đề có các cột "Mã chỉ tiêu", "Loại" và "Mục tiêu" (và không có cột "Thực hiện") trong 30 dòng đầu.`,
    en: `${name || 'The file'} holds no plan sheet: a sheet needs a header row with "Mã chỉ tiêu", "Loại" and "Mục tiêu" columns (and no "Thực hiện" column) within its first 30 rows.`,
  };
}
