import { loadCatalogue } from '../catalogue';
import { isPlanSheet } from '../catalogue/plan-sheet-reader';
import type { Catalogue, Lang, Rule } from '../catalogue/types';
import { consolidate, evaluateRule } from '../engine';
import type { ConsolidatedResult, EngineSettings, RuleInput, RuleResult } from '../engine/types';
import { parseA1 } from './address';
import {
  findAllocationSheet,
  isAllocationSheet,
  readAllocationSheet,
  type Allocation,
} from './allocation';
import { allocatedInputs, indexAllocation, reportingUnits } from './allocation-apply';
import { makeIssue } from './issues';
import { periodName } from './period';
import { readReportSheet } from './reader';
import { resolveSameUnits } from './same-unit';
import type { Evaluation, TemplateIssue, UnitResults, WorkbookSnapshot } from './types';

export interface EvaluateOptions {
  catalogue?: Catalogue;
  settings?: Partial<EngineSettings>;
  /**
   * The units' allocated targets (SPEC §9), e.g. from the `--plan` workbook. Absent: a "Giao chỉ
   * tiêu" sheet among the workbooks evaluated, if any; null: none.
   */
  allocation?: Allocation | null;
  /**
   * The workbook the plan came from (`--plan FILE`): its "Giao chỉ tiêu" sheet, beside the plan
   * sheet, is the allocation (SPEC §9), before any among the workbooks evaluated.
   */
  planWorkbook?: WorkbookSnapshot;
}

type UnitEntry = { input: RuleInput; result: RuleResult };

const NO_INPUT: RuleInput = { actual: { kind: 'empty' }, denominator: { kind: 'empty' } };

/**
 * Reads every report sheet of every workbook (each one a unit), evaluates each rule row, and
 * consolidates all units rule by rule. Nothing is written here: see plan.ts.
 */
export function evaluateWorkbooks(
  workbooks: WorkbookSnapshot[],
  opts: EvaluateOptions = {},
): Evaluation {
  const catalogue = opts.catalogue ?? loadCatalogue();
  const units: UnitResults[] = [];
  const entries = new Map<UnitResults, Map<string, UnitEntry>>();
  const issues: TemplateIssue[] = [];
  const allocation = allocationOf(
    opts.planWorkbook ? [opts.planWorkbook, ...workbooks] : workbooks,
    catalogue,
    opts.allocation,
    issues,
  );
  const allocationIndex = allocation && indexAllocation(allocation);
  const rulesByCode = new Map(catalogue.rules.map((rule) => [rule.code, rule]));

  for (const workbook of workbooks) {
    let reportSheets = 0;
    for (const sheet of workbook.sheets) {
      // The plan sheet "Bộ chỉ tiêu" is the plan, and "Giao chỉ tiêu" its allocation, not a
      // unit's report (SPEC §8, §9).
      if (isPlanSheet(sheet) || isAllocationSheet(sheet)) continue;
      const { report, issues: sheetIssues } = readReportSheet(sheet, catalogue, workbook.file);
      if (report) {
        reportSheets++;
        const rows = new Map(report.rows.map((row) => [row.code, row]));
        const allocated =
          allocation && allocationIndex
            ? allocatedInputs(report, rulesByCode, allocation, allocationIndex, workbook.file)
            : null;
        if (allocated) sheetIssues.push(...allocated.issues);
        const byCode = new Map<string, UnitEntry>();
        const results: RuleResult[] = [];
        for (const rule of catalogue.rules) {
          const row = rows.get(rule.code);
          if (!row) continue;
          const own = allocated?.inputs.get(rule.code) ?? row.input;
          const input = report.period ? { ...own, period: report.period } : own;
          const result = evaluateRule(rule, input, row.location, opts.settings);
          results.push(result);
          byCode.set(rule.code, { input, result });
          if (result.status !== 'INVALID') continue;
          const cell =
            result.invalidField === 'denominator'
              ? row.location.denominatorCell
              : row.location.actualCell;
          // The engine's message already names the sheet and the cell.
          sheetIssues.push(
            makeIssue(
              'error',
              `invalid-${result.invalidKind ?? result.invalidField ?? 'value'}`,
              { sheet: report.sheet, cell: cell ?? null, file: workbook.file, code: rule.code },
              result.message,
            ),
          );
        }
        const unit: UnitResults = { report, results };
        if (workbook.file !== undefined) unit.file = workbook.file;
        units.push(unit);
        entries.set(unit, byCode);
      }
      issues.push(...sortByCell(sheetIssues));
    }
    if (reportSheets === 0) issues.push(noReportSheet(workbook));
  }
  const same = resolveSameUnits(units);
  issues.push(...same.issues);

  // SPEC §2: reports of different periods are not consolidated together.
  const periods = new Set(same.kept.map((unit) => unit.report.period ?? 12));
  const period = same.kept[0]?.report.period;
  const mixed = periods.size > 1;
  if (mixed) issues.push(mixedPeriods(same.kept));

  // A unit without a rule's row (missing, or on two rows), or whose figures another report of the
  // same unit contradicts, takes part as having no data, so the consolidation counts it among
  // the units it lacks.
  const consolidated = catalogue.rules.map((rule) => {
    if (mixed) return notConsolidated(rule, same.kept.length, opts.settings);
    let absent: UnitEntry | undefined;
    const ruleEntries = same.kept.map((unit) => {
      const entry = unit.conflict ? undefined : entries.get(unit)?.get(rule.code);
      if (entry) return entry;
      absent ??= {
        input: NO_INPUT,
        result: evaluateRule(rule, NO_INPUT, undefined, opts.settings),
      };
      return absent;
    });
    return consolidate(rule, ruleEntries, opts.settings, period);
  });
  const evaluation: Evaluation = { units: same.kept, consolidated, issues, catalogue };
  if (period !== undefined && !mixed) evaluation.period = period;
  if (same.ignored.length > 0) evaluation.ignoredUnits = same.ignored;
  if (allocation) {
    evaluation.reporting = reportingUnits(
      allocation,
      units.map((u) => u.report.unit),
    );
  }
  return evaluation;
}

/** The allocation given, or the one read from a "Giao chỉ tiêu" sheet among the workbooks. */
function allocationOf(
  workbooks: readonly WorkbookSnapshot[],
  catalogue: Catalogue,
  given: Allocation | null | undefined,
  issues: TemplateIssue[],
): Allocation | null {
  if (given !== undefined) return given;
  const found = findAllocationSheet(workbooks);
  if (!found) return null;
  const reading = readAllocationSheet(found.sheet, catalogue, found.file);
  issues.push(...reading.issues);
  return reading.allocation;
}

/** An error naming each sheet and its period, when reports of different periods meet. */
function mixedPeriods(units: UnitResults[]): TemplateIssue {
  const list = (lang: Lang) =>
    units
      .map((unit) => {
        const where = unit.file ? `${unit.file} › ${unit.report.sheet}` : unit.report.sheet;
        return `'${where}' (${periodName(unit.report.period ?? 12, lang)})`;
      })
      .join(', ');
  return makeIssue(
    'error',
    'mixed-periods',
    { sheet: '', cell: null },
    {
      vi: `Các báo cáo không cùng kỳ nên không được tổng hợp chung: ${list('vi')}. Kết quả của từng đơn vị vẫn được ghi; hãy tổng hợp riêng các báo cáo cùng kỳ.`,
      en: `The reports cover different periods, so they are not consolidated together: ${list('en')}. Each unit's results are still written; consolidate reports of the same period separately.`,
    },
  );
}

/** A consolidated result that was not computed because the periods differ. */
function notConsolidated(
  rule: Rule,
  unitCount: number,
  settings: Partial<EngineSettings> | undefined,
): ConsolidatedResult {
  const result = consolidate(rule, [], settings);
  return {
    ...result,
    unitsLacking: unitCount,
    message: {
      vi: 'Chưa tổng hợp: các báo cáo không cùng kỳ báo cáo.',
      en: 'Not consolidated: the reports cover different periods.',
    },
  };
}

/** Sheet-wide issues first, then by row and column, so a list reads top to bottom. */
function sortByCell(issues: TemplateIssue[]): TemplateIssue[] {
  const position = (issue: TemplateIssue) => {
    const cell = issue.cell === null ? null : parseA1(issue.cell);
    return cell ? cell.row * 20000 + cell.col : -1;
  };
  return issues
    .map((issue, index) => ({ issue, index, at: position(issue) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.issue);
}

function noReportSheet(workbook: WorkbookSnapshot): TemplateIssue {
  const sheets = workbook.sheets.map((s) => `"${s.name}"`).join(', ') || '—';
  const file = workbook.file;
  return makeIssue(
    'error',
    'no-report-sheet',
    { sheet: '', cell: null, file },
    {
      vi: `${file ? `Tệp "${file}"` : 'Sổ tính này'} không có trang tính báo cáo nào (các trang tính: ${sheets}). Trang tính báo cáo cần một dòng tiêu đề trong 30 dòng đầu có cả cột "Mã chỉ tiêu" và cột "Thực hiện".`,
      en: `${file ? `File "${file}"` : 'This workbook'} has no report sheet (sheets: ${sheets}). A report sheet needs a header row within its first 30 rows with both a "Mã chỉ tiêu" (code) and a "Thực hiện" (actual) column.`,
    },
  );
}
