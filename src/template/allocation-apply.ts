/**
 * The allocation at evaluation (SPEC §9): a unit's allocated targets replace its own Chỉ tiêu, a
 * different target it typed is a warning on that cell, a unit not in the allocation keeps its own,
 * and the allocated units with no report are listed.
 */
import type { Rule } from '../catalogue/types';
import { catalogueTarget, formatTarget } from '../engine';
import type { RuleInput, TargetOverride } from '../engine/types';
import { unitKey, type AllocatedUnit, type Allocation } from './allocation';
import { issueAt } from './issues';
import type { ReportSheet, ReportingUnits, TemplateIssue } from './types';

/** The allocation's units by their folded names. */
export type AllocationIndex = ReadonlyMap<string, AllocatedUnit>;

export function indexAllocation(allocation: Allocation): AllocationIndex {
  return new Map(allocation.units.map((unit) => [unitKey(unit.name), unit]));
}

/**
 * The input each rule row is evaluated with: its allocated target when the unit is in the
 * allocation (an empty allocation cell: the plan's target), else the row's own. Issues: a typed
 * target that differs from the allocated one, or a unit the allocation does not name.
 */
export function allocatedInputs(
  report: ReportSheet,
  rules: ReadonlyMap<string, Rule>,
  allocation: Allocation,
  index: AllocationIndex,
  file: string | undefined,
): { inputs: Map<string, RuleInput>; issues: TemplateIssue[] } {
  const inputs = new Map<string, RuleInput>();
  const issues: TemplateIssue[] = [];
  const unit = index.get(unitKey(report.unit));
  if (!unit) {
    issues.push(
      issueAt(
        'warning',
        'unit-not-allocated',
        { sheet: report.sheet, cell: null, file },
        {
          vi: `đơn vị "${report.unit}" không có trong trang "${allocation.sheet}"; dùng chỉ tiêu ghi trong báo cáo của đơn vị. Nếu đây là một đơn vị được giao, hãy ghi tên đơn vị giống tên cột ở trang "${allocation.sheet}".`,
          en: `unit "${report.unit}" is not in the "${allocation.sheet}" sheet; the targets in its own report are used. If it is an allocated unit, spell its name as its column in "${allocation.sheet}" does.`,
        },
      ),
    );
    return { inputs, issues };
  }
  for (const row of report.rows) {
    const rule = rules.get(row.code);
    if (!rule) continue;
    const allocated = unit.targets.get(row.code);
    // The allocation's row for this rule is missing or unreadable: the unit's own target stays.
    if (!allocated) continue;
    inputs.set(row.code, { ...row.input, target: allocated.target });
    const typed = row.typedTarget;
    const cell = row.location.targetCell;
    if (!typed || cell === undefined || sameTarget(typed, allocated.target, rule)) continue;
    const text = (lang: 'vi' | 'en') => ({
      typed: formatTarget(
        typed.comparator ?? rule.comparator,
        typed.value.toNumber(),
        rule.kind,
        lang,
      ),
      given: formatTarget(
        allocated.target?.comparator ?? rule.comparator,
        (allocated.target?.value ?? catalogueTarget(rule)).toNumber(),
        rule.kind,
        lang,
      ),
    });
    const vi = text('vi');
    const en = text('en');
    issues.push(
      issueAt(
        'warning',
        'target-differs-from-allocation',
        { sheet: report.sheet, cell, file, code: row.code },
        {
          vi: `chỉ tiêu ${row.code} ghi ${vi.typed} nhưng chỉ tiêu giao cho "${unit.name}" (trang "${allocation.sheet}", ô ${allocated.cell}) là ${vi.given}; dùng chỉ tiêu giao.`,
          en: `target ${row.code} says ${en.typed} but the target allocated to "${unit.name}" ("${allocation.sheet}", cell ${allocated.cell}) is ${en.given}; the allocated target is used.`,
        },
      ),
    );
  }
  return { inputs, issues };
}

/** Whether a typed target asks for the same as the allocated one (null: the plan's). */
function sameTarget(typed: TargetOverride, allocated: TargetOverride | null, rule: Rule): boolean {
  const value = allocated?.value ?? catalogueTarget(rule);
  const comparator = allocated?.comparator ?? rule.comparator;
  return typed.value.eq(value) && (typed.comparator ?? rule.comparator) === comparator;
}

/** Which allocated units reported (any report sheet with their name) and which did not. */
export function reportingUnits(allocation: Allocation, reportedUnits: string[]): ReportingUnits {
  const seen = new Set(reportedUnits.map(unitKey));
  const reported: string[] = [];
  const missing: string[] = [];
  for (const unit of allocation.units) {
    (seen.has(unitKey(unit.name)) ? reported : missing).push(unit.name);
  }
  const result: ReportingUnits = {
    sheet: allocation.sheet,
    allocated: allocation.units.map((u) => u.name),
    reported,
    missing,
  };
  if (allocation.file !== undefined) result.file = allocation.file;
  return result;
}
