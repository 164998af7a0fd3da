import type { Comparator, Localized, PeriodTarget, Rule } from '../catalogue/types';
import {
  judgedMessage,
  noDataMessage,
  NOT_APPLICABLE_MESSAGE,
  problemMessage,
  type Field,
  type Problem,
} from './messages';
import { Rational } from './rational';
import { resolveSettings } from './settings';
import type {
  EngineSettings,
  ParsedValue,
  Progress,
  RuleInput,
  RuleLocation,
  RuleResult,
  TargetOverride,
} from './types';

const EMPTY: ParsedValue = { kind: 'empty' };

interface ExactTarget {
  exact: Rational;
  number: number;
}

const catalogueTargets = new WeakMap<Rule | PeriodTarget, ExactTarget>();

/** A target as the catalogue writes it ("90" for 90%) in the engine's form (9/10), cached. */
function cachedTarget(rule: Rule, written: Rule | PeriodTarget = rule): ExactTarget {
  let target = catalogueTargets.get(written);
  if (target === undefined) {
    let exact = Rational.fromDecimalString(written.target);
    if (isPercentage(rule)) exact = exact.div(Rational.HUNDRED);
    target = { exact, number: exact.toNumber() };
    catalogueTargets.set(written, target);
  }
  return target;
}

/** Ratio and plan targets are percentages; count and average targets plain numbers. */
function isPercentage(rule: Rule): boolean {
  return rule.kind === 'ratio' || rule.kind === 'plan';
}

/**
 * The catalogue target of a rule, exact: a count, a fraction (9/10) for ratio and plan, the
 * number per Tổng số for average.
 */
export function catalogueTarget(rule: Rule): Rational {
  return cachedTarget(rule).exact;
}

/** Whether a comparator asks for at most (≤ / <) rather than at least (≥ / >). */
export function asksAtMost(comparator: Comparator): boolean {
  return comparator === '<=' || comparator === '<';
}

/**
 * The plan's target for an N-month report with no target of the unit's own (SPEC §2): the plan's
 * "Chỉ tiêu N tháng", else pro rata, else the yearly target. Exact, in the engine's form.
 */
export function planTargetFor(
  rule: Rule,
  months: number,
): { value: Rational; comparator: Comparator } {
  const inForce = targetInForce(rule, null, months);
  return { value: inForce.exact, comparator: inForce.comparator };
}

/** The target a result is judged against, and where it came from. */
interface TargetInForce extends ExactTarget {
  comparator: Comparator;
  progress?: Progress;
}

/** Months of a report: a whole number 1…12; anything else is the whole year. */
function monthsOf(period: unknown): number {
  return typeof period === 'number' && Number.isInteger(period) && period >= 1 && period < 12
    ? period
    : 12;
}

/**
 * SPEC §2 "Report period": for an N-month report a unit's own (yearly) target wins and is
 * pro-rated; otherwise the plan's "Chỉ tiêu N tháng"; otherwise count and plan rules with ≥ / >
 * are judged against target × N/12, exactly; ratio, average, ≤ and < rules keep their target.
 */
function targetInForce(
  rule: Rule,
  override: TargetOverride | null,
  period: unknown,
): TargetInForce {
  const yearly: ExactTarget = override
    ? { exact: override.value, number: override.value.toNumber() }
    : cachedTarget(rule);
  const comparator = override?.comparator ?? rule.comparator;
  const months = monthsOf(period);
  if (months === 12) return { ...yearly, comparator };
  const progress = (basis: Progress['basis']): Progress => ({
    months,
    basis,
    yearlyTarget: yearly.number,
    yearlyComparator: comparator,
  });
  const planned = override ? undefined : rule.periodTargets?.find((p) => p.months === months);
  if (planned) {
    return {
      ...cachedTarget(rule, planned),
      comparator: planned.comparator,
      progress: progress('plan'),
    };
  }
  if ((rule.kind === 'count' || rule.kind === 'plan') && !asksAtMost(comparator)) {
    const exact = yearly.exact.mul(Rational.of(months, 12));
    return { exact, number: exact.toNumber(), comparator, progress: progress('pro-rata') };
  }
  return { ...yearly, comparator, progress: progress('yearly') };
}

/** What the message of a result says; the text itself is built only when it is read. */
type MessageSource =
  | { kind: 'no-data' }
  | { kind: 'not-applicable' }
  | { kind: 'judged'; atThreshold: boolean }
  | { kind: 'problem'; problem: Problem };

const NO_DATA: MessageSource = { kind: 'no-data' };
const NOT_APPLICABLE: MessageSource = { kind: 'not-applicable' };
const JUDGED: MessageSource = { kind: 'judged', atThreshold: false };
const JUDGED_AT_THRESHOLD: MessageSource = { kind: 'judged', atThreshold: true };

const UNREADABLE_INPUT_MESSAGE = {
  vi: 'Không đánh giá được chỉ tiêu này: dữ liệu đầu vào không đọc được.',
  en: 'This target could not be evaluated: its input could not be read.',
};

/**
 * Evaluates one rule for one unit exactly as SPEC §2 says. Never throws: bad input gives an
 * INVALID result whose message names the sheet and the cell when `location` is given.
 */
export function evaluateRule(
  rule: Rule,
  input: RuleInput,
  location?: RuleLocation,
  settings?: Partial<EngineSettings>,
): RuleResult {
  // A unit's own target, when it is a real one (a malformed override is no reason to throw).
  const override = input?.target?.value instanceof Rational ? input.target : null;
  const inForce = targetInForce(rule, override, input?.period);
  const { exact: target, number: targetNumber, comparator } = inForce;
  const result: RuleResult = {
    code: rule.code,
    status: 'NO_DATA',
    actual: null,
    denominator: null,
    rate: null,
    target: targetNumber,
    comparator,
    targetOverridden: override !== null,
    required: null,
    gap: null,
    gapUnit: null,
    directRate: false,
    cannotMeet: false,
    invalidField: null,
    // Replaced below; stays only when the input object itself cannot be read.
    message: UNREADABLE_INPUT_MESSAGE,
    exact: { actual: null, denominator: null, target, required: null, gap: null },
  };
  if (inForce.progress) result.progress = inForce.progress;
  if (rule.kind === 'average') result.averageRate = true;
  let source: MessageSource;
  try {
    source = judge(rule, input, resolveSettings(settings).nearThreshold, result);
  } catch {
    // Only a malformed input object (not a parsed cell) gets here; say so rather than throw.
    result.status = 'INVALID';
    return result;
  }
  result.message = new ResultMessage(rule, result, source, location);
  return result;
}

/**
 * A result's message, built on first read and then kept: a benchmark of 26,000 results reads
 * none, a pane reads a few. `vi` and `en` read like a plain Localized; JSON gets both texts.
 */
class ResultMessage implements Localized {
  // Private fields (#) stay out of spreads and Object.keys: only vi, en and toJSON show.
  readonly #rule: Rule;
  readonly #result: RuleResult;
  readonly #source: MessageSource;
  readonly #location: RuleLocation | undefined;
  #text: Localized | undefined;

  constructor(
    rule: Rule,
    result: RuleResult,
    source: MessageSource,
    location: RuleLocation | undefined,
  ) {
    this.#rule = rule;
    this.#result = result;
    this.#source = source;
    this.#location = location;
  }

  #localized(): Localized {
    return (this.#text ??= messageFor(this.#rule, this.#result, this.#source, this.#location));
  }
  get vi(): string {
    return this.#localized().vi;
  }
  get en(): string {
    return this.#localized().en;
  }
  toJSON(): Localized {
    return { vi: this.vi, en: this.en };
  }
}

function messageFor(
  rule: Rule,
  result: RuleResult,
  source: MessageSource,
  location: RuleLocation | undefined,
): Localized {
  switch (source.kind) {
    case 'no-data':
      return noDataMessage(location);
    case 'not-applicable':
      return NOT_APPLICABLE_MESSAGE;
    case 'judged':
      return judgedMessage(rule, result, source.atThreshold);
    case 'problem':
      return problemMessage(source.problem, rule, location);
  }
}

/** Fills in the result from the inputs; returns what its message must say. */
function judge(rule: Rule, input: RuleInput, near: Rational, r: RuleResult): MessageSource {
  const actualCell = input.actual ?? EMPTY;
  const denominatorCell = input.denominator ?? EMPTY;
  if (actualCell.kind === 'empty') {
    if (denominatorCell.kind === 'number' && !denominatorCell.unsafe) {
      r.denominator = denominatorCell.value.toNumber();
      r.exact.denominator = denominatorCell.value;
    }
    return NO_DATA;
  }
  const actual = readNumber(actualCell, 'actual');
  if (!(actual instanceof Rational)) return invalid(r, actual);
  r.actual = actual.toNumber();
  r.exact.actual = actual;
  const typedRate = actualCell.kind === 'number' && actualCell.percent;

  if (rule.kind === 'count') {
    // Tổng số means nothing for a count rule and is ignored.
    if (typedRate) return invalid(r, { kind: 'percent-for-count', field: 'actual', value: actual });
    if (rule.integer && !actual.isInteger()) {
      return invalid(r, { kind: 'not-whole', field: 'actual', value: actual });
    }
    return judgeCount(rule, actual, near, r);
  }
  // An average is a number of things per Tổng số, never a rate typed directly.
  if (rule.kind === 'average' && typedRate) {
    return invalid(r, { kind: 'percent-for-count', field: 'actual', value: actual });
  }

  if (denominatorCell.kind === 'empty') {
    if (!typedRate) return invalid(r, { kind: 'missing-denominator', field: 'denominator' });
    if (rule.kind === 'ratio' && actual.gt(Rational.ONE)) {
      return invalid(r, { kind: 'rate-above-100', field: 'actual', value: actual });
    }
    return judgeDirectRate(actual, near, r);
  }
  const denominator = readNumber(denominatorCell, 'denominator');
  if (!(denominator instanceof Rational)) return invalid(r, denominator);
  r.denominator = denominator.toNumber();
  r.exact.denominator = denominator;
  if (denominatorCell.kind === 'number' && denominatorCell.percent) {
    return invalid(r, { kind: 'percent-denominator', field: 'denominator', value: denominator });
  }
  if (typedRate) {
    return invalid(r, { kind: 'rate-with-denominator', field: 'actual', value: actual });
  }
  if (rule.integer && !actual.isInteger()) {
    return invalid(r, { kind: 'not-whole', field: 'actual', value: actual });
  }
  if (rule.integer && !denominator.isInteger()) {
    return invalid(r, { kind: 'not-whole', field: 'denominator', value: denominator });
  }
  if (denominator.isZero()) {
    if (!actual.isZero()) {
      return invalid(r, { kind: 'zero-denominator', field: 'denominator', actual });
    }
    r.status = 'NOT_APPLICABLE';
    return NOT_APPLICABLE;
  }
  // A plan may collect more than its budget; a ratio cannot count more than its whole.
  if (rule.kind === 'ratio' && actual.gt(denominator)) {
    return invalid(r, { kind: 'actual-above-denominator', field: 'actual', actual, denominator });
  }
  return judgeFraction(rule, actual, denominator, near, r);
}

/** A number the engine can use, or the problem with the cell. */
function readNumber(cell: ParsedValue, field: Field): Rational | Problem {
  switch (cell.kind) {
    case 'number':
      if (cell.unsafe) return { kind: 'too-large', field };
      if (cell.value.isNegative()) return { kind: 'negative', field, value: cell.value };
      return cell.value;
    case 'text':
      return { kind: 'not-a-number', field, text: cell.text };
    case 'error':
      return { kind: 'excel-error', field, error: cell.error };
    case 'boolean':
      return { kind: 'boolean', field, value: cell.value };
    case 'date':
      return { kind: 'date', field, text: cell.text };
    default:
      return { kind: 'not-a-number', field, text: '' };
  }
}

function invalid(r: RuleResult, problem: Problem): MessageSource {
  r.status = 'INVALID';
  r.invalidField = problem.field;
  r.invalidKind = problem.kind;
  return { kind: 'problem', problem };
}

/**
 * The value Thực hiện is compared with, thresholdNum / thresholdDen (p·den for ratio and plan
 * rules, t·den for average, the target for count rules and direct rates), kept as two BigInts:
 * comparing by cross-multiplication needs no reduced Rational, which keeps 26,000 evaluations
 * fast.
 */
interface Threshold {
  num: bigint;
  den: bigint;
}

/** Sign of value − num/den, exactly. */
function compareWith(value: Rational, num: bigint, den: bigint): number {
  const left = value.num * den;
  const right = num * value.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** ⌊n/d⌋ for d > 0 (BigInt division truncates towards zero). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n < 0n && q * d !== n ? q - 1n : q;
}

/**
 * SPEC §2: the least value that meets a ≥ / > threshold x, the largest that meets a ≤ / < one.
 * Whole-number rules: ≥ → ⌈x⌉, > → ⌊x⌋ + 1, ≤ → ⌊x⌋, < → ⌈x⌉ − 1. Money (and any rule that need
 * not be whole): x itself, for every comparator.
 */
function requiredValue(t: Threshold, comparator: Comparator, whole: boolean): Rational {
  const floor = floorDiv(t.num, t.den);
  const exact = floor * t.den === t.num;
  if (!whole) return exact ? Rational.of(floor) : Rational.of(t.num, t.den);
  switch (comparator) {
    case '>=':
      return Rational.of(exact ? floor : floor + 1n);
    case '>':
      return Rational.of(floor + 1n);
    case '<=':
      return Rational.of(floor);
    case '<':
      return Rational.of(exact ? floor - 1n : floor);
  }
}

/**
 * Sets the status from how `value` compares with the threshold, exactly. Not met, NEAR when
 * attainment is at least `near`: value ÷ threshold for ≥ / >, threshold ÷ value for ≤ / < (no
 * NEAR band for a threshold of 0); and always NEAR for a value exactly at the threshold of a
 * strict rule (> or <).
 */
function setStatus(value: Rational, t: Threshold, near: Rational, r: RuleResult): MessageSource {
  const c = compareWith(value, t.num, t.den);
  const cmp = r.comparator;
  const met = cmp === '>=' ? c >= 0 : cmp === '>' ? c > 0 : cmp === '<=' ? c <= 0 : c < 0;
  if (met) {
    r.status = 'MET';
    return JUDGED;
  }
  if (c === 0 && (cmp === '>' || (cmp === '<' && t.num !== 0n))) {
    r.status = 'NEAR';
    return JUDGED_AT_THRESHOLD;
  }
  const nearEnough = asksAtMost(cmp)
    ? t.num !== 0n && near.num * value.num * t.den <= near.den * value.den * t.num
    : compareWith(value, near.num * t.num, near.den * t.den) >= 0;
  r.status = nearEnough ? 'NEAR' : 'MISSED';
  return JUDGED;
}

/** Signed so that negative is short for every comparator (SPEC §2). */
function signedGap(value: Rational, required: Rational, comparator: Comparator): Rational {
  return asksAtMost(comparator) ? required.sub(value) : value.sub(required);
}

function judgeCount(rule: Rule, actual: Rational, near: Rational, r: RuleResult): MessageSource {
  const target = r.exact.target;
  const threshold = { num: target.num, den: target.den };
  const required = requiredValue(threshold, r.comparator, rule.integer);
  const gap = signedGap(actual, required, r.comparator);
  // Display only: the status below is decided on exact values.
  r.rate = target.isZero() ? null : (r.actual as number) / r.target;
  r.required = required.toNumber();
  r.gap = gap.toNumber();
  r.gapUnit = 'count';
  r.cannotMeet = required.isNegative();
  r.exact.required = required;
  r.exact.gap = gap;
  return setStatus(actual, threshold, near, r);
}

function judgeFraction(
  rule: Rule,
  actual: Rational,
  denominator: Rational,
  near: Rational,
  r: RuleResult,
): MessageSource {
  // The Thực hiện that reaches the target exactly is p·den (t·den for an average): num·100 ≥
  // p·den, on integers.
  const target = r.exact.target;
  const threshold = { num: target.num * denominator.num, den: target.den * denominator.den };
  const required = requiredValue(threshold, r.comparator, rule.integer);
  const gap = signedGap(actual, required, r.comparator);
  // Doubles are enough for display, unless a tiny Tổng số underflows to 0.
  const rate = (r.actual as number) / (r.denominator as number);
  r.rate = Number.isFinite(rate) ? rate : actual.div(denominator).toNumber();
  r.required = required.toNumber();
  r.gap = gap.toNumber();
  r.gapUnit = rule.kind === 'plan' ? 'money' : 'count';
  r.cannotMeet = asksAtMost(r.comparator)
    ? required.isNegative()
    : rule.kind === 'ratio' && required.gt(denominator);
  r.exact.required = required;
  r.exact.gap = gap;
  return setStatus(actual, threshold, near, r);
}

function judgeDirectRate(rate: Rational, near: Rational, r: RuleResult): MessageSource {
  const target = r.exact.target;
  const gap = signedGap(rate, target, r.comparator);
  r.directRate = true;
  r.rate = r.actual;
  r.gap = gap.toNumber();
  r.gapUnit = 'points';
  r.exact.gap = gap;
  return setStatus(rate, { num: target.num, den: target.den }, near, r);
}
