import {
  COMPARATOR_PREFIXES,
  COMPARATOR_SUFFIXES,
  endsWithWord,
  startsWithWord,
} from './comparator-words';
import type { Comparator, Rule } from '../catalogue/types';
import { Rational } from '../engine/rational';
import type { TargetOverride } from '../engine/types';
import type { CellValue } from '../template/types';
import { foldVietnamese, normalizeText } from './fold';
import { numberAsSeen } from './cell';
import { formatKind } from './number-format';
import { parseNumberText } from './number-text';

export type ParsedTarget =
  { kind: 'none' } | { kind: 'ok'; target: TargetOverride } | { kind: 'unreadable'; text: string };

/** Zero events, with no number: "không để xảy ra", "không có" (SPEC §2), meaning ≤ 0. */
const NONE_PHRASES = ['khong de xay ra', 'khong xay ra', 'khong de', 'khong co'];

const HUNDRED = Rational.HUNDRED;
/** Plan targets above this are a budget amount typed in the wrong column, not a percentage. */
const MAX_PLAN_FRACTION = Rational.of(10);

/** What parseTarget needs of a rule: its kind, comparator and ĐVT. */
export type TargetRule = Pick<Rule, 'kind' | 'comparator'> & { unit?: Rule['unit'] };

/**
 * A unit's own target from the Chỉ tiêu column (SPEC §3), in the words of §2 too: "≥ 20", "Trên
 * 85%", "từ 95% trở lên", "30 đoàn viên", "không quá 5", "dưới 3%", "không để xảy ra", or a
 * number; for ratio and plan rules 0.9 = 90 = "90%". "trên", "hơn" and ">" make it strict, "≥",
 * ">=", "từ", "ít nhất", "trở lên" inclusive, "không quá", "tối đa", "trở xuống" at most, "dưới",
 * "ít hơn" less than; with no such word the rule's comparator stays (comparator null). A target
 * of 0 only makes sense with ≤ / <: it is unreadable for a ≥ / > rule.
 */
export function parseTarget(
  value: CellValue,
  numberFormat: string | undefined,
  rule: TargetRule,
): ParsedTarget {
  try {
    return parseTargetValue(value, numberFormat, rule);
  } catch {
    return { kind: 'unreadable', text: describeCell(value) };
  }
}

/**
 * In a report's Chỉ tiêu cell of a ≥ / > rule, "0" or "không có" is no reason to turn the rule
 * round: it is unreadable, and the plan's target applies with a warning. (A plan's own Mục tiêu,
 * where zero events make the rule, is read by catalogue/plan-target.ts.)
 */
function parseTargetValue(
  value: CellValue,
  numberFormat: string | undefined,
  rule: TargetRule,
): ParsedTarget {
  if (value === null || value === undefined) return { kind: 'none' };
  if (typeof value === 'number') {
    const kind = formatKind(numberFormat);
    if (!Number.isFinite(value) || kind === 'date') {
      return { kind: 'unreadable', text: describeCell(value) };
    }
    return toTarget(numberAsSeen(value), kind === 'percent', null, rule, String(value));
  }
  if (typeof value !== 'string') return { kind: 'unreadable', text: describeCell(value) };

  if (parseNumberText(value) === 'empty') return { kind: 'none' };
  const typed = value.trim();
  let text = normalizeText(value);
  let folded = foldVietnamese(text);
  if (NONE_PHRASES.some((phrase) => startsWithWord(folded, phrase) && !/\d/.test(folded))) {
    if (!asksAtMost(rule.comparator)) return { kind: 'unreadable', text: typed };
    return toTarget(Rational.ZERO, false, '<=', rule, typed);
  }
  const words = new Set<Comparator | null>();
  for (let guard = 0; guard < 6; guard++) {
    const prefix = COMPARATOR_PREFIXES.find(([word]) => startsWithWord(folded, word));
    if (!prefix) break;
    words.add(prefix[1]);
    text = text.slice(prefix[0].length).trimStart();
    folded = folded.slice(prefix[0].length).trimStart();
  }
  for (let guard = 0; guard < 3; guard++) {
    const suffix = COMPARATOR_SUFFIXES.find(([word]) => endsWithWord(folded, word));
    if (!suffix) break;
    words.add(suffix[1]);
    text = text.slice(0, text.length - suffix[0].length).trimEnd();
    folded = folded.slice(0, folded.length - suffix[0].length).trimEnd();
  }
  // The rule's own ĐVT after the number ("tối đa 2 vụ"), when it is not a unit word anyway.
  const unitWord = rule.unit ? foldVietnamese(normalizeText(rule.unit.vi)) : '';
  let ownUnit = false;
  if (rule.kind === 'count' && unitWord && unitWord !== '%' && endsWithWord(folded, unitWord)) {
    const rest = text.slice(0, text.length - unitWord.length).trimEnd();
    if (/\d$/.test(rest)) {
      text = rest;
      ownUnit = true;
    }
  }
  const parsed = parseNumberText(text);
  // Words with no number ("trở lên") are as unreadable as any other text.
  if (parsed === 'empty' || parsed === null) return { kind: 'unreadable', text: typed };
  const up = words.has('>') || words.has('>=');
  const down = words.has('<') || words.has('<=');
  // "trên 5 trở xuống" says both: it cannot be read.
  if (up && down) return { kind: 'unreadable', text: typed };
  // "trên" is the stronger word: "trên 85% trở lên" still asks for more than 85%; so is "dưới".
  const comparator: Comparator | null = words.has('>')
    ? '>'
    : words.has('>=')
      ? '>='
      : words.has('<')
        ? '<'
        : words.has('<=')
          ? '<='
          : null;
  // "30 đoàn viên" or "500.000.000 đồng" is a count or an amount, not a rate: not for this rule.
  if ((parsed.unit !== undefined || ownUnit) && rule.kind !== 'count')
    return { kind: 'unreadable', text: typed };
  return toTarget(parsed.value, parsed.percent, comparator, rule, typed);
}

function asksAtMost(comparator: Comparator): boolean {
  return comparator === '<=' || comparator === '<';
}

function toTarget(
  value: Rational,
  percent: boolean,
  comparator: Comparator | null,
  rule: TargetRule,
  text: string,
): ParsedTarget {
  if (value.isNegative()) return { kind: 'unreadable', text };
  // A target of zero asks for nothing unless it is a ceiling: "không để xảy ra", "≤ 0".
  if (value.isZero() && !asksAtMost(comparator ?? rule.comparator)) {
    return { kind: 'unreadable', text };
  }
  if (rule.kind === 'count' || rule.kind === 'average') {
    // A count (or a number per Tổng số) is a number of people or organisations, never a percentage.
    return percent ? { kind: 'unreadable', text } : { kind: 'ok', target: { value, comparator } };
  }
  // Ratio and plan: a percentage, a fraction (≤ 1) or a number of percent (> 1).
  const fraction = percent || value.lte(Rational.ONE) ? value : value.div(HUNDRED);
  const tooHigh =
    rule.kind === 'ratio' ? fraction.gt(Rational.ONE) : fraction.gt(MAX_PLAN_FRACTION);
  return tooHigh
    ? { kind: 'unreadable', text }
    : { kind: 'ok', target: { value: fraction, comparator } };
}

function describeCell(value: unknown): string {
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as { error?: unknown }).error === 'string'
  ) {
    return (value as { error: string }).error;
  }
  try {
    return String(value);
  } catch {
    return '';
  }
}
