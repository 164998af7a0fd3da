import {
  COMPARATOR_PREFIXES,
  COMPARATOR_SUFFIXES,
  endsWithWord,
  startsWithWord,
} from '../parsing/comparator-words';
import { Rational } from '../engine/rational';
import { numberAsSeen } from '../parsing/cell';
import { foldVietnamese, normalizeText } from '../parsing/fold';
import { formatKind } from '../parsing/number-format';
import { parseNumberText } from '../parsing/number-text';
import type { CellValue } from '../template/types';
import type { Comparator, RuleKind } from './types';

/** A Mục tiêu cell of a plan sheet, read (SPEC §8): the comparator and the exact target. */
export type PlanTarget =
  | {
      ok: true;
      comparator: Comparator;
      /** As Rule.target: a count or an average as is, a ratio or plan target in percent ("90"). */
      target: string;
    }
  | {
      ok: false;
      problem: 'empty' | 'unreadable' | 'above-100' | 'asks-nothing' | 'negative' | 'not-whole';
    };

/** Whole phrases meaning "no such event at all": `<= 0` (SPEC §2 zero-event rules). */
const ZERO_EVENT = ['khong de xay ra', 'khong xay ra', 'khong co', 'none', 'no event'];

/**
 * Reads a Mục tiêu: "≥ 110", "110", "trên 90%", "từ 95% trở lên", "ít nhất 1", "không quá 5",
 * "dưới 3%", "0", "không để xảy ra"; a number cell as it shows. Ratio and plan targets are
 * percentages whichever way typed: 0.9, 90 and "90%" are all 90%. No word means `>=`, except a
 * target of 0, which means none at all (`<= 0`). Never throws.
 */
export function parsePlanTarget(
  value: CellValue,
  numberFormat: string | undefined,
  kind: RuleKind,
): PlanTarget {
  try {
    return readTarget(value, numberFormat, kind);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

function readTarget(
  value: CellValue,
  numberFormat: string | undefined,
  kind: RuleKind,
): PlanTarget {
  if (value === null || value === undefined) return { ok: false, problem: 'empty' };
  if (typeof value === 'number') {
    const format = formatKind(numberFormat);
    if (!Number.isFinite(value) || format === 'date') return { ok: false, problem: 'unreadable' };
    return toTarget(numberAsSeen(value), format === 'percent', null, kind);
  }
  if (typeof value !== 'string') return { ok: false, problem: 'unreadable' };
  if (parseNumberText(value) === 'empty') return { ok: false, problem: 'empty' };

  let text = normalizeText(value);
  let folded = foldVietnamese(text);
  if (ZERO_EVENT.some((phrase) => startsWithWord(folded, phrase))) {
    return { ok: true, comparator: '<=', target: '0' };
  }
  const words: Comparator[] = [];
  for (let guard = 0; guard < 6; guard++) {
    const prefix = COMPARATOR_PREFIXES.find(([word]) => startsWithWord(folded, word));
    if (!prefix) break;
    if (prefix[1]) words.push(prefix[1]);
    text = text.slice(prefix[0].length).trimStart();
    folded = folded.slice(prefix[0].length).trimStart();
  }
  for (let guard = 0; guard < 3; guard++) {
    const suffix = COMPARATOR_SUFFIXES.find(([word]) => endsWithWord(folded, word));
    if (!suffix) break;
    if (suffix[1]) words.push(suffix[1]);
    text = text.slice(0, text.length - suffix[0].length).trimEnd();
    folded = folded.slice(0, folded.length - suffix[0].length).trimEnd();
  }
  const parsed = parseNumberText(text);
  if (parsed === 'empty' || parsed === null) return { ok: false, problem: 'unreadable' };
  return toTarget(parsed.value, parsed.percent, strongest(words), kind);
}

/** "trên 85% trở lên" still asks for more than 85%: a strict word wins; words that disagree on
 * the direction make the target unreadable (an error is better than a guess). */
function strongest(words: Comparator[]): Comparator | null | 'conflict' {
  if (words.length === 0) return null;
  const up = words.every((w) => w === '>=' || w === '>');
  const down = words.every((w) => w === '<=' || w === '<');
  if (!up && !down) return 'conflict';
  if (up) return words.includes('>') ? '>' : '>=';
  return words.includes('<') ? '<' : '<=';
}

function toTarget(
  value: Rational,
  percent: boolean,
  comparator: Comparator | null | 'conflict',
  kind: RuleKind,
): PlanTarget {
  if (comparator === 'conflict') return { ok: false, problem: 'unreadable' };
  if (value.isNegative()) return { ok: false, problem: 'negative' };
  const cmp: Comparator = comparator ?? (value.isZero() ? '<=' : '>=');
  if ((cmp === '>=' || cmp === '>') && value.isZero())
    return { ok: false, problem: 'asks-nothing' };
  let target = value;
  if (kind === 'ratio' || kind === 'plan') {
    // A percentage, a fraction (≤ 1) or a number of percent (> 1): 90% = 0.9 = 90.
    const fraction = percent || value.lte(Rational.ONE) ? value : value.div(Rational.HUNDRED);
    target = fraction.mul(Rational.HUNDRED);
    if (kind === 'ratio' && target.gt(Rational.HUNDRED)) return { ok: false, problem: 'above-100' };
  } else if (percent) {
    // A count or an average is a number of things, never a percentage.
    return { ok: false, problem: 'unreadable' };
  } else if (kind === 'count' && !value.isInteger()) {
    // A count of people or events is whole; "bình quân 2,5" is an average rule.
    return { ok: false, problem: 'not-whole' };
  }
  const decimal = decimalText(target);
  return decimal === null
    ? { ok: false, problem: 'unreadable' }
    : { ok: true, comparator: cmp, target: decimal };
}

/** The exact decimal of a rational with a terminating expansion ("12.5"), else null. */
export function decimalText(x: Rational): string | null {
  let den = x.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) return null;
  const digits = Math.max(twos, fives);
  const scaled = (x.num * 10n ** BigInt(digits)) / x.den;
  const negative = scaled < 0n;
  const abs = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
