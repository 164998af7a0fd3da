/**
 * Numbers as the federation writes them in a plan document: "04", "1.312", "1,6 triệu", "210 ngàn",
 * "90%", "chín mươi phần trăm", "hai", "mười", "một trăm". Each number found carries the span of
 * the text it was read from, so a draft rule can always point at its target.
 */
import { Rational } from '../engine/rational';
import { parseNumberText } from '../parsing/number-text';

export interface Span {
  start: number;
  end: number;
}

export interface NumberToken {
  value: Rational;
  percent: boolean;
  /** Written in words ("hai", "mười") rather than digits. */
  words: boolean;
  /** Where the number (with its scale word and "%", if any) stands in the text. */
  span: Span;
}

const SCALES: Record<string, bigint> = {
  trăm: 100n,
  ngàn: 1_000n,
  nghìn: 1_000n,
  triệu: 1_000_000n,
  tỷ: 1_000_000_000n,
  tỉ: 1_000_000_000n,
};

const DIGIT_WORDS: Record<string, bigint> = {
  một: 1n,
  hai: 2n,
  ba: 3n,
  bốn: 4n,
  năm: 5n,
  sáu: 6n,
  bảy: 7n,
  bẩy: 7n,
  tám: 8n,
  chín: 9n,
};
/** Forms that stand for a digit only after "mươi" ("hai mươi mốt", "ba mươi lăm", "bốn mươi tư"). */
const AFTER_TENS: Record<string, bigint> = { mốt: 1n, tư: 4n, lăm: 5n, ...DIGIT_WORDS };

const DIGITS = /\d+(?:[.,]\d+)*/y;
const SPACE = /[ \t\u00a0]*/y;
const PERCENT = /(?:%|phần trăm(?![\p{L}\p{N}]))/uy;
const WORD = /[\p{L}]+/uy;
const SCALE_WORD = /(trăm|ngàn|nghìn|triệu|tỷ|tỉ)(?![\p{L}\p{N}])/uy;

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function skipSpace(text: string, at: number): number {
  SPACE.lastIndex = at;
  SPACE.exec(text);
  return SPACE.lastIndex;
}

/** "%" or "phần trăm" right after `at` (spaces allowed): the end of it, or -1. */
function percentAfter(text: string, at: number): number {
  const m = matchAt(PERCENT, text, skipSpace(text, at));
  return m ? m.index + m[0].length : -1;
}

/** A scale word ("triệu", "ngàn") right after `at`: its factor and end. */
function scaleAfter(text: string, at: number): { factor: bigint; end: number } | null {
  const m = matchAt(SCALE_WORD, text, skipSpace(text, at));
  return m ? { factor: SCALES[m[1].toLowerCase()], end: m.index + m[0].length } : null;
}

/** A number in digits starting at `at`, with its scale word and "%". */
function digitsAt(text: string, at: number): NumberToken | null {
  const m = matchAt(DIGITS, text, at);
  if (!m) return null;
  const parsed = parseNumberText(m[0]);
  if (parsed === null || parsed === 'empty') return null;
  let value = parsed.value;
  let end = at + m[0].length;
  const scale = scaleAfter(text, end);
  if (scale && scale.factor >= 1000n) {
    value = value.mul(Rational.of(scale.factor));
    end = scale.end;
  }
  const pct = percentAfter(text, end);
  const percent = pct >= 0;
  if (percent) end = pct;
  return { value, percent, words: false, span: { start: at, end } };
}

interface WordAt {
  word: string;
  start: number;
  end: number;
}

function wordsFrom(text: string, at: number, limit: number): WordAt[] {
  const words: WordAt[] = [];
  let i = at;
  while (words.length < limit) {
    const m = matchAt(WORD, text, i);
    if (!m) break;
    words.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
    i = skipSpace(text, m.index + m[0].length);
  }
  return words;
}

/**
 * A number written in words from `at` ("hai", "mười", "một trăm", "hai mươi lăm", "ba nghìn"):
 * its value and how many words it took, or null. Reads the longest sequence that makes sense.
 */
function wordNumber(words: WordAt[]): { value: bigint; count: number } | null {
  let total = 0n; // completed thousands groups
  let group = 0n; // current group below 1000
  let current = -1n; // last digit not yet placed
  let count = 0;
  let afterTens = false;
  let any = false;
  for (const { word } of words) {
    if (word === 'mười' && !afterTens) {
      if (current > 0n || current === -2n) break; // "hai mười" is not a number
      group += 10n;
      current = -1n;
      afterTens = true;
    } else if (word === 'mươi' && current > 0n) {
      group += current * 10n;
      current = -1n;
      afterTens = true;
    } else if (afterTens && AFTER_TENS[word] !== undefined && current < 0n) {
      group += AFTER_TENS[word];
      afterTens = false;
      current = -2n; // a digit placed: only a scale may follow
    } else if (DIGIT_WORDS[word] !== undefined && current === -1n && !afterTens) {
      current = DIGIT_WORDS[word];
    } else if (word === 'trăm' && current > 0n) {
      group += current * 100n;
      current = -1n;
    } else if ((word === 'lẻ' || word === 'linh') && group > 0n && group % 100n === 0n) {
      // "một trăm lẻ năm" = 105
    } else if (
      SCALES[word] !== undefined &&
      SCALES[word] >= 1000n &&
      (current > 0n || group > 0n)
    ) {
      const g = group + (current > 0n ? current : 0n);
      total += g * SCALES[word];
      group = 0n;
      current = -1n;
      afterTens = false;
    } else {
      break;
    }
    count++;
    any = true;
  }
  if (!any) return null;
  // Drop a trailing "lẻ"/"linh" that led nowhere.
  while (count > 0 && (words[count - 1].word === 'lẻ' || words[count - 1].word === 'linh')) count--;
  const value = total + group + (current > 0n ? current : 0n);
  return value > 0n && count > 0 ? { value, count } : null;
}

/** A number written in words starting at `at`, with "phần trăm"/"%" when present. */
function wordsAt(text: string, at: number): NumberToken | null {
  const words = wordsFrom(text, at, 8);
  const read = wordNumber(words);
  if (!read) return null;
  let end = words[read.count - 1].end;
  const pct = percentAfter(text, end);
  const percent = pct >= 0;
  if (percent) end = pct;
  return { value: Rational.of(read.value), percent, words: true, span: { start: at, end } };
}

/**
 * Every number in the text, left to right: digits ("04", "1.312", "1,6 triệu", "90%") and
 * numbers written in words. Words are only candidates here; whether one is a target is for the
 * sentence parser to decide (it asks for a counted noun or a comparator around it).
 */
export function findNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const prev = i > 0 ? text[i - 1] : undefined;
    if (/\d/.test(ch) && !isLetterOrDigit(prev) && prev !== '.' && prev !== ',') {
      const token = digitsAt(text, i);
      if (token) {
        tokens.push(token);
        i = token.span.end;
        continue;
      }
    } else if (/\p{L}/u.test(ch) && !isLetterOrDigit(prev)) {
      const token = wordsAt(text, i);
      if (token) {
        tokens.push(token);
        i = token.span.end;
        continue;
      }
      const m = matchAt(WORD, text, i);
      i += m ? m[0].length : 1;
      continue;
    }
    i++;
  }
  return tokens;
}

/** An exact decimal as plain text: 1600000, 12.5, 0.75 (every value read here is one). */
export function decimalText(value: Rational): string {
  for (let scale = 0; scale <= 30; scale++) {
    const power = 10n ** BigInt(scale);
    if (power % value.den !== 0n) continue;
    const scaled = (value.num * power) / value.den;
    if (scale === 0) return scaled.toString();
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
    const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '');
    return negative ? `-${text}` : text;
  }
  return value.toString();
}
