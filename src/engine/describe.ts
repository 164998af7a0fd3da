import type { Comparator, Lang, Localized, Rule, RuleKind } from '../catalogue/types';
import type { RuleResult } from './types';

/**
 * Numbers, rates, targets and gaps in words, the same in the sheet, the summary and the pane.
 * Vietnamese groups thousands with "." and marks decimals with ","; English the other way round.
 */
export function formatNumber(x: number, lang: Lang, maxFractionDigits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1e21) return String(x);
  const digits = Math.max(0, Math.min(20, Math.floor(maxFractionDigits)));
  const fixed = abs.toFixed(digits);
  const point = fixed.indexOf('.');
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  const fraction = point < 0 ? '' : fixed.slice(point + 1).replace(/0+$/, '');
  const group = lang === 'vi' ? '.' : ',';
  let grouped = '';
  for (let i = whole.length; i > 0; i -= 3) {
    const start = Math.max(0, i - 3);
    grouped = grouped === '' ? whole.slice(start, i) : `${whole.slice(start, i)}${group}${grouped}`;
  }
  const negative = x < 0 && (fraction !== '' || /[1-9]/.test(whole));
  const decimal = lang === 'vi' ? ',' : '.';
  return `${negative ? '-' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** A fraction as a percentage with up to one decimal by default: 0.8653846 → "86,5%". */
export function formatRate(fraction: number, lang: Lang, maxFractionDigits = 1): string {
  return `${formatNumber(fraction * 100, lang, maxFractionDigits)}%`;
}

const SIGNS: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** Whether a comparator asks for at most (≤ / <). */
function atMost(comparator: Comparator): boolean {
  return comparator === '<=' || comparator === '<';
}

/**
 * "≥ 110" for a count rule, "> 90%" for a ratio or plan rule (target as a fraction), "≤ 5",
 * "< 3%", "≥ 0,8" for an average rule (a number per Tổng số).
 */
export function formatTarget(
  comparator: Comparator,
  target: number,
  kind: RuleKind,
  lang: Lang,
): string {
  const sign = SIGNS[comparator] ?? '≥';
  return kind === 'count' || kind === 'average'
    ? `${sign} ${formatNumber(target, lang)}`
    : `${sign} ${formatRate(target, lang, 2)}`;
}

/** What an average is counted per: Tổng số's label without a leading "số" ("CĐCS"). */
function perWhat(rule: Rule, lang: Lang): string {
  const label = rule.denominator?.[lang] ?? '';
  const bare = lang === 'vi' ? label.replace(/^(tổng số|số)\s+/i, '') : label;
  return lang === 'en' ? unitFor({ vi: bare, en: bare }, 1, 'en') : bare;
}

/**
 * A result's average to two decimals, rounded half up on the exact figures: 78/80 is 0.975 and
 * shows as 0,98, where the double 0.975 would round down.
 */
function shownAverage(result: RuleResult): number {
  const { actual, denominator } = result.exact;
  if (actual === null || denominator === null || denominator.isZero()) return result.rate ?? 0;
  const num = actual.num * denominator.den;
  const den = actual.den * denominator.num;
  const hundredths = (num * 200n + den) / (2n * den);
  return Number(hundredths) / 100;
}

/** An average in words: "0,8 đoàn viên/CĐCS", "0.8 members per grassroots union". */
export function formatAverage(rule: Rule, result: RuleResult, lang: Lang): string {
  const average = shownAverage(result);
  const amount = formatNumber(average, lang);
  return lang === 'vi'
    ? `${amount} ${rule.itemUnit.vi}/${perWhat(rule, 'vi')}`
    : `${amount} ${unitFor(rule.itemUnit, average, 'en')} per ${perWhat(rule, 'en')}`;
}

/**
 * The period a result was judged for, when its target is not the yearly one (SPEC §2):
 * "tiến độ 6 tháng: cần ≥ 55 (cả năm ≥ 110)". Empty for a yearly report, or a target kept as it is.
 */
export function describeProgress(rule: Rule, result: RuleResult, lang: Lang): string {
  const progress = result.progress;
  if (!progress || progress.basis === 'yearly') return '';
  const now = formatTarget(result.comparator, result.target, rule.kind, lang);
  const year = formatTarget(progress.yearlyComparator, progress.yearlyTarget, rule.kind, lang);
  return lang === 'vi'
    ? `tiến độ ${progress.months} tháng: cần ${now} (cả năm ${year})`
    : `${progress.months}-month progress: ${now} needed (full year ${year})`;
}

/**
 * A rate with enough decimals that it never reads as the target when it is not: 89,99% against
 * ≥ 90% shows as "89,99%", not a rounded "90%". `equal` says whether rate and target are exactly
 * equal (decided on exact values by the caller).
 */
export function formatRateAgainst(
  rate: number,
  target: number,
  equal: boolean,
  lang: Lang,
): string {
  let digits = 1;
  while (
    !equal &&
    digits < 12 &&
    formatRate(rate, lang, digits) === formatRate(target, lang, digits)
  ) {
    digits++;
  }
  return formatRate(rate, lang, digits);
}

/** Whether a ratio, plan or direct-rate result is exactly at its target rate (exact values). */
export function rateEqualsTarget(result: RuleResult): boolean {
  const { actual, denominator, target } = result.exact;
  if (actual === null) return false;
  if (result.directRate) return actual.eq(target);
  return denominator !== null && actual.eq(target.mul(denominator));
}

/** An English plural unit in the singular: "members" → "member", "people" → "person". */
function singularEn(plural: string): string {
  if (plural === 'people') return 'person';
  return plural
    .split(' and ')
    .map((word) =>
      word.endsWith('ies')
        ? `${word.slice(0, -3)}y`
        : word.endsWith('s') && !word.endsWith('ss')
          ? word.slice(0, -1)
          : word,
    )
    .join(' or ');
}

/** A unit word for an amount: Vietnamese has no plural; English says "1 member", "2 members". */
export function unitFor(unit: Localized, amount: number, lang: Lang): string {
  return lang === 'en' && Math.abs(amount) === 1 ? singularEn(unit.en) : unit[lang];
}

/** Percentage points, with enough decimals that a small gap does not read as 0. */
export function formatPoints(fraction: number, lang: Lang): string {
  const points = Math.abs(fraction) * 100;
  const digits = points !== 0 && points < 0.05 ? 4 : 2;
  return `${formatNumber(points, lang, digits)} ${lang === 'vi' ? 'điểm %' : 'percentage points'}`;
}

/** An amount in the unit of the gap: "3 CĐCS", "20.000.000 đồng", "1,5 điểm %". */
function gapAmount(rule: Rule, result: RuleResult, amount: number, lang: Lang): string {
  if (result.gapUnit === 'points') return formatPoints(amount, lang);
  const unit = unitFor(result.gapUnit === 'money' ? rule.unit : rule.itemUnit, amount, lang);
  return `${formatNumber(Math.abs(amount), lang)} ${unit}`;
}

/**
 * How far a result is from its target, in words: "còn thiếu 3 CĐCS", "còn thiếu 20.000.000
 * đồng", "còn thiếu 1,5 điểm %", "vượt 3 CĐCS", "vượt mức tối đa 2 vụ", "đạt đúng mức yêu cầu",
 * or that the target cannot be met with this Tổng số; an average first says what it is
 * ("bình quân 0,8 đoàn viên/CĐCS, còn thiếu 12 đoàn viên"), and the target of an N-month report
 * follows ("…; tiến độ 6 tháng: cần ≥ 55 (cả năm ≥ 110)"). Empty when the result has no gap (no
 * data, invalid…).
 */
export function describeGap(rule: Rule, result: RuleResult, lang: Lang): string {
  const gap = describeGapOnly(rule, result, lang);
  if (gap === '') return '';
  const average =
    rule.kind === 'average' && result.rate !== null && !result.cannotMeet
      ? `${lang === 'vi' ? 'bình quân' : 'average'} ${formatAverage(rule, result, lang)}, `
      : '';
  const progress = describeProgress(rule, result, lang);
  return `${average}${gap}${progress ? `; ${progress}` : ''}`;
}

/** The gap alone, as a judged message says it after its figures. */
export function describeGapOnly(rule: Rule, result: RuleResult, lang: Lang): string {
  const vi = lang === 'vi';
  const down = atMost(result.comparator);
  if (result.cannotMeet && down) {
    const target = formatTarget(result.comparator, result.target, rule.kind, lang);
    return vi
      ? `không thể đạt: chỉ tiêu yêu cầu ${target}`
      : `cannot be met: the target asks for ${target}`;
  }
  if (result.cannotMeet && result.required !== null && result.denominator !== null) {
    const needed = `${formatNumber(result.required, lang)} ${unitFor(rule.itemUnit, result.required, lang)}`;
    const total = formatNumber(result.denominator, lang);
    return vi
      ? `không thể đạt với Tổng số ${total}: cần tối thiểu ${needed}`
      : `cannot be met with a total of ${total}: at least ${needed} needed`;
  }
  const gap = result.gap;
  if (gap === null) return '';
  // The sign comes from the exact gap: a tiny shortfall may round to 0 as a double.
  const short = result.exact.gap ? result.exact.gap.isNegative() : gap < 0;
  if (short) {
    const amount = gapAmount(rule, result, gap, lang);
    if (down) return vi ? `vượt mức tối đa ${amount}` : `${amount} over the maximum`;
    return vi ? `còn thiếu ${amount}` : `short by ${amount}`;
  }
  if (result.status !== 'MET') {
    // A direct rate exactly at the threshold of a strict rule: nothing missing, yet not met.
    const threshold = formatRate(result.target, lang, 2);
    if (down) {
      return vi
        ? `bằng đúng ngưỡng, chỉ tiêu yêu cầu dưới ${threshold}`
        : `exactly at the threshold; the target asks for less than ${threshold}`;
    }
    return vi
      ? `bằng đúng ngưỡng, chỉ tiêu yêu cầu trên ${threshold}`
      : `exactly at the threshold; the target asks for more than ${threshold}`;
  }
  if (gap === 0) {
    if (down) return vi ? 'đúng mức tối đa cho phép' : 'exactly at the maximum allowed';
    return vi ? 'đạt đúng mức yêu cầu' : 'exactly at the required level';
  }
  const amount = gapAmount(rule, result, gap, lang);
  if (down) return vi ? `còn cách mức tối đa ${amount}` : `${amount} below the maximum`;
  return vi ? `vượt ${amount}` : `${amount} above the requirement`;
}

/** Invalid results whose Thực hiện was typed as a rate. */
const TYPED_RATE_PROBLEMS = new Set([
  'percent-for-count',
  'rate-with-denominator',
  'rate-above-100',
]);

/** The value a unit reported: "45/52 (86,5%)", "112 đoàn viên", "85%" for a direct rate. */
export function describeValue(rule: Rule, result: RuleResult, lang: Lang): string {
  if (result.actual === null) return '';
  if (result.directRate || TYPED_RATE_PROBLEMS.has(result.invalidKind ?? '')) {
    return formatRate(result.actual, lang, 2);
  }
  const actual = formatNumber(result.actual, lang, 4);
  if (rule.kind === 'count') return `${actual} ${unitFor(rule.unit, result.actual, lang)}`;
  if (result.denominator === null) return actual;
  const denominator =
    result.invalidKind === 'percent-denominator'
      ? formatRate(result.denominator, lang, 2)
      : formatNumber(result.denominator, lang, 4);
  const amount =
    rule.kind === 'plan'
      ? `${actual}/${denominator} ${rule.unit[lang]}`
      : `${actual}/${denominator}`;
  if (result.rate === null) return amount;
  if (rule.kind === 'average') return `${amount} (${formatAverage(rule, result, lang)})`;
  const rate = formatRateAgainst(result.rate, result.target, rateEqualsTarget(result), lang);
  return `${amount} (${rate})`;
}

/** Cell text quoted in a message: on one line, and cut short so a 40,000-character cell stays readable. */
export function quoteCellText(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
