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

/** Leading words and signs of a target, as folded text, with the comparator they mean. */
const PREFIXES: [string, Comparator | null][] = [
  ['lon hon hoac bang', '>='],
  ['khong it hon', '>='],
  ['khong duoi', '>='],
  ['toi thieu', '>='],
  ['it nhat', '>='],
  ['phan dau', null],
  ['chi tieu', null],
  ['lon hon', '>'],
  ['cao hon', '>'],
  ['vuot', '>'],
  ['tren', '>'],
  ['dat', null],
  ['tu', '>='],
  ['>=', '>='],
  ['=>', '>='],
  ['\u2265', '>='],
  ['\u2267', '>='],
  ['\u2a7e', '>='],
  ['>', '>'],
  [':', null],
];

const SUFFIXES: [string, Comparator | null][] = [
  ['tro len', '>='],
  ['du toan', null],
];

const HUNDRED = Rational.HUNDRED;
/** Plan targets above this are a budget amount typed in the wrong column, not a percentage. */
const MAX_PLAN_FRACTION = Rational.of(10);

/**
 * A unit's own target from the Chỉ tiêu column (SPEC §3): "≥ 20", "Trên 85%", "từ 95% trở lên",
 * "30 đoàn viên", or a number; for ratio and plan rules 0.9 = 90 = "90%". "trên" and ">" make it
 * strict, "≥", ">=", "từ", "trở lên" inclusive; with no such word the catalogue's comparator stays
 * (comparator null).
 */
export function parseTarget(
  value: CellValue,
  numberFormat: string | undefined,
  rule: Rule,
): ParsedTarget {
  try {
    return parseTargetValue(value, numberFormat, rule);
  } catch {
    return { kind: 'unreadable', text: describeCell(value) };
  }
}

function parseTargetValue(
  value: CellValue,
  numberFormat: string | undefined,
  rule: Rule,
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
  let text = normalizeText(value);
  let folded = foldVietnamese(text);
  let strict = false;
  let inclusive = false;
  for (let guard = 0; guard < 6; guard++) {
    const prefix = PREFIXES.find(([word]) => startsWithWord(folded, word));
    if (!prefix) break;
    if (prefix[1] === '>') strict = true;
    else if (prefix[1] === '>=') inclusive = true;
    text = text.slice(prefix[0].length).trimStart();
    folded = folded.slice(prefix[0].length).trimStart();
  }
  for (let guard = 0; guard < 3; guard++) {
    const suffix = SUFFIXES.find(([word]) => endsWithWord(folded, word));
    if (!suffix) break;
    if (suffix[1] === '>=') inclusive = true;
    text = text.slice(0, text.length - suffix[0].length).trimEnd();
    folded = folded.slice(0, folded.length - suffix[0].length).trimEnd();
  }
  const parsed = parseNumberText(text);
  // Words with no number ("trở lên") are as unreadable as any other text.
  if (parsed === 'empty' || parsed === null) return { kind: 'unreadable', text: value.trim() };
  // "trên" is the stronger word: "trên 85% trở lên" still asks for more than 85%.
  const comparator: Comparator | null = strict ? '>' : inclusive ? '>=' : null;
  const typed = value.trim();
  // "30 đoàn viên" or "500.000.000 đồng" is a count or an amount, not a rate: not for this rule.
  if (parsed.unit !== undefined && rule.kind !== 'count')
    return { kind: 'unreadable', text: typed };
  return toTarget(parsed.value, parsed.percent, comparator, rule, typed);
}

function toTarget(
  value: Rational,
  percent: boolean,
  comparator: Comparator | null,
  rule: Rule,
  text: string,
): ParsedTarget {
  // A target of zero (or less) asks for nothing: it is a slip, not a target.
  if (value.isNegative() || value.isZero()) return { kind: 'unreadable', text };
  if (rule.kind === 'count') {
    // A count target is a number of people or organisations, never a percentage.
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

function startsWithWord(folded: string, word: string): boolean {
  if (!folded.startsWith(word)) return false;
  return !/[a-z]/.test(word) || !/[a-z0-9]/.test(folded.charAt(word.length));
}

function endsWithWord(folded: string, word: string): boolean {
  if (!folded.endsWith(word)) return false;
  return !/[a-z]/.test(folded.charAt(folded.length - word.length - 1));
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
