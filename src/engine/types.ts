import type { Comparator, Localized } from '../catalogue/types';
import type { Rational } from './rational';

export type Status = 'MET' | 'NEAR' | 'MISSED' | 'NO_DATA' | 'NOT_APPLICABLE' | 'INVALID';

export const STATUSES: readonly Status[] = [
  'MET',
  'NEAR',
  'MISSED',
  'NO_DATA',
  'NOT_APPLICABLE',
  'INVALID',
] as const;

export type GapUnit = 'count' | 'money' | 'points';

/**
 * A cell as the parser understood it (src/parsing). The engine decides what is invalid for a rule
 * (negative, fractional count, Thực hiện > Tổng số…); the parser only says what the cell holds.
 */
export type ParsedValue =
  | { kind: 'empty' }
  /**
   * A number. `percent` is true when typed as "85%" or held in a percent-formatted cell; then
   * `value` is the fraction (0.85). `unsafe` is true when the magnitude is beyond 2^53.
   */
  | { kind: 'number'; value: Rational; percent: boolean; unsafe?: boolean }
  /** A number in a date-formatted cell, or text that reads as a date. */
  | { kind: 'date'; text: string }
  /** Text that is not a number. */
  | { kind: 'text'; text: string }
  /** An Excel error value such as "#DIV/0!". */
  | { kind: 'error'; error: string }
  | { kind: 'boolean'; value: boolean };

/** A unit's own target from the Chỉ tiêu column (SPEC §3). */
export interface TargetOverride {
  /**
   * Count rules: the count. Ratio and plan rules: a fraction (0.9 for 90%). Average rules: the
   * number per Tổng số (0.8). Always the yearly target: an N-month report pro-rates it (SPEC §2).
   */
  value: Rational;
  /** null keeps the catalogue's comparator. */
  comparator: Comparator | null;
}

/** Where a rule's inputs are, so messages can name the sheet and the cell. */
export interface RuleLocation {
  sheet?: string;
  /** A1 addresses, e.g. "F12". */
  actualCell?: string;
  denominatorCell?: string;
  targetCell?: string;
  /**
   * Input cells (A1) that hold a formula with no computed result (the file was saved without
   * calculating it): their messages say so rather than "empty".
   */
  uncomputedCells?: string[];
}

export interface RuleInput {
  actual: ParsedValue;
  denominator: ParsedValue;
  /** From the Chỉ tiêu column, already parsed; null/undefined: the catalogue target. */
  target?: TargetOverride | null;
  /**
   * Months the report covers (SPEC §2 "Report period"), 1…12; absent means 12, the whole year.
   */
  period?: number;
}

/** How the target of an N-month report was found (SPEC §2 "Report period"). */
export type ProgressBasis =
  /** The plan's "Chỉ tiêu N tháng". */
  | 'plan'
  /** The yearly target × N/12 (count and plan rules with ≥ / >). */
  | 'pro-rata'
  /** The yearly target itself (ratio, average, ≤ and < rules). */
  | 'yearly';

/** The period a result was judged for, when the report covers fewer than 12 months. */
export interface Progress {
  months: number;
  basis: ProgressBasis;
  /** The yearly target it comes from, in the same form as RuleResult.target. */
  yearlyTarget: number;
  yearlyComparator: Comparator;
}

export interface EngineSettings {
  /** NEAR when attainment ≥ this fraction (default 9/10). */
  nearThreshold: Rational;
}

/** The kinds of bad input the engine tells apart, each with its own message (SPEC §2). */
export type InvalidKind =
  | 'not-a-number'
  | 'excel-error'
  | 'boolean'
  | 'date'
  | 'too-large'
  | 'negative'
  | 'not-whole'
  | 'percent-for-count'
  | 'percent-denominator'
  | 'rate-with-denominator'
  | 'rate-above-100'
  | 'missing-denominator'
  | 'actual-above-denominator'
  | 'zero-denominator';

/** The result of one rule for one unit (or for the consolidation). */
export interface RuleResult {
  code: string;
  status: Status;
  /** Thực hiện as a number (for a direct rate: the rate as a fraction). */
  actual: number | null;
  denominator: number | null;
  /**
   * num ÷ den for ratio, plan and average rules; Thực hiện ÷ target for count rules (null for a
   * target of 0).
   */
  rate: number | null;
  /**
   * The target in force (for an N-month report, the target used for that period): count for
   * count rules, a fraction (0.9) for ratio and plan rules, the number per Tổng số for average.
   */
  target: number;
  comparator: Comparator;
  /** Whether the target came from the unit's Chỉ tiêu column. */
  targetOverridden: boolean;
  /**
   * With the same Tổng số, the least Thực hiện that meets a ≥ / > rule, the largest that meets a
   * ≤ / < rule; null for direct rates.
   */
  required: number | null;
  /**
   * Signed so that negative is short of the target for every comparator: Thực hiện − required
   * for ≥ / >, required − Thực hiện for ≤ / <; for direct rates rate − target (≤ / <: target −
   * rate).
   */
  gap: number | null;
  gapUnit: GapUnit | null;
  /** Thực hiện was typed as a rate, with no Tổng số. */
  directRate: boolean;
  /**
   * The rule cannot be met with this denominator: required > Tổng số (ratio ≥ / >), or required
   * < 0 (a "< 0" target).
   */
  cannotMeet: boolean;
  /** Present when the report covers fewer than 12 months (SPEC §2 "Report period"). */
  progress?: Progress;
  /** True for an average rule: `rate` is a number per Tổng số (0.8), not a percentage. */
  averageRate?: true;
  /** Which input made the result INVALID, when it is. */
  invalidField: 'actual' | 'denominator' | null;
  /** Which kind of bad input made the result INVALID (added by the engine; absent otherwise). */
  invalidKind?: InvalidKind;
  /** One sentence on the result, naming the sheet and cell for INVALID. */
  message: Localized;
  /**
   * Exact values kept for consolidation and display; not serialised to JSON.
   */
  exact: {
    actual: Rational | null;
    denominator: Rational | null;
    target: Rational;
    required: Rational | null;
    gap: Rational | null;
  };
}

export interface ConsolidatedResult extends RuleResult {
  /** Units left out of the sums: NO_DATA, INVALID, or a direct rate. */
  unitsLacking: number;
  /** Units whose figures are in the sums. */
  unitsCounted: number;
}
