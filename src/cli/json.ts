/**
 * The JSON of SPEC §6, which other tools read: field names, units and nulls are fixed.
 * Numbers are plain JSON numbers; rates (and gaps in percentage points) are rounded to 7
 * significant digits so that 45/52 reads 0.8653846, not 0.8653846153846154.
 */
import { planSourceText } from '../catalogue/plan-choice';
import type { Comparator, Lang } from '../catalogue/types';
import type { ConsolidatedResult, GapUnit, RuleResult, Status } from '../engine/types';
import type { Evaluation, Severity, UnitResults } from '../template/types';

export interface JsonResult {
  code: string;
  status: Status;
  actual: number | null;
  denominator: number | null;
  rate: number | null;
  target: number;
  comparator: Comparator;
  required: number | null;
  gap: number | null;
  gapUnit: GapUnit | null;
  /** The Thực hiện cell ("F12"); null for consolidated results. */
  cell: string | null;
  message: string;
}

export interface JsonConsolidatedResult extends JsonResult {
  unitsLacking: number;
}

export interface JsonUnit {
  file: string | null;
  sheet: string;
  unit: string;
  /** Months the report covers (SPEC §2): 6, 9…; 12 for the whole year. */
  period: number;
  results: JsonResult[];
}

export interface JsonIssue {
  severity: Severity;
  file: string | null;
  sheet: string;
  cell: string | null;
  message: string;
}

export interface JsonReport {
  catalogue: string;
  /** Which plan evaluated (SPEC §8): its year (null when it gives none) and where it was typed. */
  plan: { year: number | null; source: string };
  units: JsonUnit[];
  /**
   * The consolidation of several units; null for a single unit, which is not a province (SPEC §9):
   * its results against its own targets are under `units`.
   */
  consolidated: { results: JsonConsolidatedResult[] } | null;
  /** The allocated units with no report (SPEC §9); null when no allocation was given. */
  missingUnits: string[] | null;
  issues: JsonIssue[];
}

const SIGNIFICANT_DIGITS = 7;

function plain(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function rounded(x: number | null | undefined): number | null {
  const n = plain(x);
  return n === null ? null : Number(n.toPrecision(SIGNIFICANT_DIGITS));
}

function resultJson(result: RuleResult, cell: string | null, lang: Lang): JsonResult {
  return {
    code: result.code,
    status: result.status,
    actual: plain(result.actual),
    denominator: plain(result.denominator),
    rate: rounded(result.rate),
    target: result.target,
    comparator: result.comparator,
    required: plain(result.required),
    gap: result.gapUnit === 'points' ? rounded(result.gap) : plain(result.gap),
    gapUnit: result.gapUnit,
    cell,
    message: result.message[lang],
  };
}

function unitJson(unit: UnitResults, lang: Lang): JsonUnit {
  const cells = new Map(unit.report.rows.map((row) => [row.code, row.location.actualCell ?? null]));
  return {
    file: unit.file ?? null,
    sheet: unit.report.sheet,
    unit: unit.report.unit,
    period: unit.report.period ?? 12,
    results: unit.results.map((r) => resultJson(r, cells.get(r.code) ?? null, lang)),
  };
}

function consolidatedJson(result: ConsolidatedResult, lang: Lang): JsonConsolidatedResult {
  return { ...resultJson(result, null, lang), unitsLacking: result.unitsLacking };
}

export function evaluationToJson(evaluation: Evaluation, lang: Lang): JsonReport {
  return {
    catalogue: evaluation.catalogue?.id ?? '2020',
    plan: {
      year: evaluation.catalogue ? evaluation.catalogue.year || null : 2020,
      source: planSourceText(evaluation.catalogue?.source),
    },
    units: evaluation.units.map((unit) => unitJson(unit, lang)),
    consolidated:
      evaluation.units.length === 1
        ? null
        : { results: evaluation.consolidated.map((r) => consolidatedJson(r, lang)) },
    missingUnits: evaluation.reporting ? [...evaluation.reporting.missing] : null,
    issues: evaluation.issues.map((issue) => ({
      severity: issue.severity,
      file: issue.file ?? null,
      sheet: issue.sheet,
      cell: issue.cell,
      message: issue.message[lang],
    })),
  };
}
