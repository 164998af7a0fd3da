// Turns an Evaluation into what the pane lists: units, then sections, then one entry per rule,
// filtered, each with its texts in the chosen language and the cell a click goes to.
import type { Catalogue, Lang, Rule, Section } from '../catalogue/types';
import { findRule } from '../catalogue';
import { describeGap, describeValue, formatTarget } from '../engine/describe';
import { isNotMet } from '../engine/status';
import type { RuleResult, Status } from '../engine/types';
import type { Evaluation, Severity, TemplateIssue, UnitResults } from '../template/types';

export type ResultFilter = 'all' | 'notMet' | 'errors';

export interface CellTarget {
  sheet: string;
  cell: string;
}

export interface ResultEntry {
  key: string;
  code: string;
  /** What the rule counts, e.g. "CĐCS hoàn thành tốt nhiệm vụ". */
  title: string;
  status: Status;
  /** Thực hiện in words ("45/52 (86,5%)"), or null when there is none. */
  value: string | null;
  /** "≥ 80%" */
  target: string;
  targetOverridden: boolean;
  /** The gap in words ("còn thiếu 3 CĐCS"), or the engine's message when there is no gap. */
  detail: string;
  /** Where a click goes: the input the result is about. */
  cell: CellTarget | null;
}

export interface SectionGroup {
  id: Section;
  title: string;
  entries: ResultEntry[];
}

export interface UnitGroup {
  key: string;
  unit: string;
  sheet: string;
  sections: SectionGroup[];
}

export interface IssueEntry {
  key: string;
  severity: Severity;
  text: string;
  cell: CellTarget | null;
}

export interface PaneView {
  units: UnitGroup[];
  issues: IssueEntry[];
  /**
   * For the filter's labels. A "chỉ tiêu" is one rule's result for one unit, everywhere in the
   * pane: `all` is every result (the tiles add up to it), `notMet` the Gần đạt and Không đạt ones;
   * `errors` is what the Lỗi · Lưu ý filter lists (invalid figures and template errors, then the
   * notes), told apart in `problems`.
   */
  filterCounts: Record<ResultFilter, number>;
  problems: ProblemCounts;
}

/** Errors (invalid figures, template errors) and notes (template warnings), counted apart. */
export interface ProblemCounts {
  errors: number;
  notes: number;
}

const GAP_STATUSES: ReadonlySet<Status> = new Set<Status>(['MET', 'NEAR', 'MISSED']);

export function matchesFilter(status: Status, filter: ResultFilter): boolean {
  if (filter === 'notMet') return isNotMet(status);
  if (filter === 'errors') return status === 'INVALID';
  return true;
}

/** Template issues worth a reviewer's attention: errors and warnings, never under "not met". */
function issueMatchesFilter(issue: TemplateIssue, filter: ResultFilter): boolean {
  return filter !== 'notMet' && issue.severity !== 'info';
}

/**
 * The issues not already shown as a result: an invalid figure is both a result (INVALID) and an
 * issue of the evaluation; the pane lists it once, as the result.
 */
function issuesBesideResults(evaluation: Evaluation): TemplateIssue[] {
  const invalid = new Set(
    evaluation.units.flatMap((u) =>
      u.results.filter((r) => r.status === 'INVALID').map((r) => `${u.report.sheet}|${r.code}`),
    ),
  );
  return evaluation.issues.filter(
    (issue) => !(issue.code && invalid.has(`${issue.sheet}|${issue.code}`)),
  );
}

/**
 * Keeps a comparison sign on the line of its number ("≥ 110" never breaks after "≥"): the space
 * after ≥ > ≤ < becomes a non-breaking one.
 */
export function keepSignWithNumber(text: string): string {
  return text.replace(/([≥>≤<]) /g, '$1\u00a0');
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function cellOf(unit: UnitResults, result: RuleResult): CellTarget | null {
  const row = unit.report.rows.find((r) => r.code === result.code);
  if (!row) return null;
  const cell =
    result.invalidField === 'denominator' ? row.location.denominatorCell : row.location.actualCell;
  return cell ? { sheet: unit.report.sheet, cell } : null;
}

function entryOf(
  unit: UnitResults,
  result: RuleResult,
  rule: Rule | undefined,
  lang: Lang,
): ResultEntry {
  const key = `${unit.file ?? ''}|${unit.report.sheet}|${result.code}`;
  const cell = cellOf(unit, result);
  if (!rule) {
    return {
      key,
      code: result.code,
      title: result.code,
      status: result.status,
      value: null,
      target: '',
      targetOverridden: result.targetOverridden,
      detail: keepSignWithNumber(result.message[lang]),
      cell,
    };
  }
  return {
    key,
    code: rule.code,
    title: capitalise(rule.numerator[lang]),
    status: result.status,
    value: result.actual === null ? null : describeValue(rule, result, lang),
    target: keepSignWithNumber(formatTarget(result.comparator, result.target, rule.kind, lang)),
    targetOverridden: result.targetOverridden,
    // The gap in words where there is one; otherwise the engine's sentence (which cell, why).
    detail: keepSignWithNumber(
      capitalise(
        (GAP_STATUSES.has(result.status) && describeGap(rule, result, lang)) ||
          result.message[lang],
      ),
    ),
    cell,
  };
}

function unitGroup(
  unit: UnitResults,
  catalogue: Catalogue,
  filter: ResultFilter,
  lang: Lang,
): UnitGroup {
  const sections = catalogue.sections.map((section) => ({
    id: section.id,
    title: section.title[lang],
    entries: [] as ResultEntry[],
  }));
  for (const result of unit.results) {
    if (!matchesFilter(result.status, filter)) continue;
    const rule = findRule(catalogue, result.code);
    const section = sections.find((s) => s.id === rule?.section) ?? sections[sections.length - 1];
    section.entries.push(entryOf(unit, result, rule, lang));
  }
  return {
    key: `${unit.file ?? ''}|${unit.report.sheet}`,
    unit: unit.report.unit,
    sheet: unit.report.sheet,
    sections: sections.filter((s) => s.entries.length > 0),
  };
}

function issueEntry(issue: TemplateIssue, index: number, lang: Lang): IssueEntry {
  return {
    key: `${index}|${issue.sheet}|${issue.cell ?? ''}|${issue.kind}`,
    severity: issue.severity,
    text: keepSignWithNumber(issue.message[lang]),
    cell: issue.cell ? { sheet: issue.sheet, cell: issue.cell } : null,
  };
}

export function buildPaneView(
  evaluation: Evaluation,
  catalogue: Catalogue,
  filter: ResultFilter,
  lang: Lang,
): PaneView {
  const allResults = evaluation.units.flatMap((u) => u.results);
  const issues = issuesBesideResults(evaluation);
  const problems = problemCounts(evaluation);
  const countFor = (f: ResultFilter) => allResults.filter((r) => matchesFilter(r.status, f)).length;
  return {
    units: evaluation.units
      .map((unit) => unitGroup(unit, catalogue, filter, lang))
      .filter((group) => group.sections.length > 0),
    issues: issues
      .map((issue, index) => ({ issue, index }))
      .filter(({ issue }) => issueMatchesFilter(issue, filter))
      .map(({ issue, index }) => issueEntry(issue, index, lang)),
    filterCounts: {
      all: countFor('all'),
      notMet: countFor('notMet'),
      errors: problems.errors + problems.notes,
    },
    problems,
  };
}

/** The template's errors and notes shown beside the results, and the invalid figures. */
export function templateProblemCounts(evaluation: Evaluation): ProblemCounts {
  const issues = issuesBesideResults(evaluation);
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    notes: issues.filter((i) => i.severity === 'warning').length,
  };
}

function problemCounts(evaluation: Evaluation): ProblemCounts {
  const template = templateProblemCounts(evaluation);
  const invalid = evaluation.units.reduce(
    (n, u) => n + u.results.filter((r) => r.status === 'INVALID').length,
    0,
  );
  return { errors: invalid + template.errors, notes: template.notes };
}
