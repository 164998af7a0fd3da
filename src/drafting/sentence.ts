/**
 * The parser of Vietnamese target sentences (SPEC §13): one item of the federation's document in,
 * its measurable targets out, each with its kind, comparator, target, ĐVT, what Thực hiện and
 * Tổng số count, the clause it came from, the span of its number in the text, and the reasons a
 * person should look at it again. Deterministic, no dictionary beyond ./vocabulary.ts; it never
 * throws on any text.
 */
import type { Comparator, RuleKind } from '../catalogue/types';
import { Rational } from '../engine/rational';
import { foldVietnamese } from '../parsing/fold';
import { decimalText, findNumbers, type NumberToken, type Span } from './numbers';
import {
  COMPARATORS_AFTER,
  COMPARATORS_BEFORE,
  DURATION_AFTER,
  IDENTIFIER_MARKERS,
  LEAD_FILLERS,
  LEAD_TRAILERS,
  PAST_TIME,
  PREDICATE_VERBS,
  SUBJECT_MARKERS,
  UNITS,
  ZERO_EVENT,
} from './vocabulary';

export type { Span } from './numbers';

export interface DraftTarget {
  kind: RuleKind;
  comparator: Comparator;
  /** Exact decimal; a percentage as its number ("90" for 90%). */
  target: string;
  /** ĐVT: "%" for ratio rules, "đồng" for plan rules, the counted noun otherwise. */
  unit: string | null;
  /** Thực hiện là */
  numerator: string | null;
  /** Tổng số là */
  denominator: string | null;
  /** The clause the target comes from, as a sentence. */
  wording: string;
  /** Where the target stands in the text: its number, or the words "không để xảy ra". */
  span: Span;
  /** Why a person should check this row; empty when the parser is sure. */
  review: string[];
}

export interface SentenceOptions {
  /** The plan's year: sentences about earlier years are past results, not targets. */
  year?: number | null;
}

const COMPARATORS_BEFORE_SORTED = [...COMPARATORS_BEFORE].sort((a, b) => b[0].length - a[0].length);

// ---------------------------------------------------------------------------------------------
// Folded-text helpers. `foldVietnamese` keeps one character per UTF-16 unit, so positions found
// in the folded text are positions in the original.

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function wordAt(folded: string, at: number, word: string): boolean {
  return (
    folded.startsWith(word, at) &&
    !isWordChar(folded[at - 1]) &&
    !isWordChar(folded[at + word.length])
  );
}

/** A word that ends exactly at `end` (spaces before `end` skipped): the start of it, or -1. */
function wordEndingAt(folded: string, end: number, words: readonly string[]): number {
  let e = end;
  while (e > 0 && folded[e - 1] === ' ') e--;
  for (const w of words) {
    const start = e - w.length;
    if (start >= 0 && wordAt(folded, start, w)) return start;
  }
  return -1;
}

function findWord(folded: string, word: string, from = 0): number {
  for (let i = folded.indexOf(word, from); i >= 0; i = folded.indexOf(word, i + 1)) {
    if (wordAt(folded, i, word)) return i;
  }
  return -1;
}

/** Lower case, one UTF-16 unit per unit of the input (so positions carry over). */
function lower(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const l = text[i].toLowerCase();
    out += l.length === 1 ? l : text[i];
  }
  return out;
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Spaces collapsed, punctuation trimmed from both ends. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-–—]+/, '')
    .replace(/[\s,;:\-–—]+$/, '')
    .trim();
}

function sentence(text: string): string {
  const t = tidy(text).replace(/\.+$/, '');
  if (t === '') return '';
  return `${t[0].toLocaleUpperCase('vi')}${t.slice(1)}.`;
}

// ---------------------------------------------------------------------------------------------
// Clauses

/**
 * The clauses of a text: split at ";", ":", and at "." followed by a space and a capital or a
 * digit (a new sentence); never inside quotes or brackets.
 */
export function splitClauses(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let depth = 0;
  let straightQuote = false;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“' || ch === '(' || ch === '«') depth++;
    else if ((ch === '”' || ch === ')' || ch === '»') && depth > 0) depth--;
    else if (ch === '"') straightQuote = !straightQuote;
    if (depth > 0 || straightQuote) continue;
    let boundary = ch === ';' || ch === ':';
    if (ch === '.' || ch === '!' || ch === '?') {
      const next = skipSpaces(text, i + 1);
      boundary = next >= text.length || (next > i + 1 && /[\p{Lu}\p{N}]/u.test(text[next]));
    }
    if (boundary) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return spans;
}

// ---------------------------------------------------------------------------------------------
// One number in its clause

interface Candidate {
  token: NumberToken;
  /** Comparator from the words next to the number; null when there is none. */
  comparator: Comparator | null;
  /** Start of the comparator words before the number (or the number itself). */
  prefixStart: number;
  /** The "trở lên" after the number or its noun, to leave out of what is counted. */
  after: Span | null;
  unit: string | null;
  unitSpan: Span | null;
  review: string[];
}

function comparatorBefore(
  folded: string,
  at: number,
): { comparator: Comparator | null; start: number; conflict: boolean } {
  let pos = at;
  let comparator: Comparator | null = null;
  let conflict = false;
  for (let guard = 0; guard < 4; guard++) {
    let e = pos;
    while (e > 0 && folded[e - 1] === ' ') e--;
    const found = COMPARATORS_BEFORE_SORTED.find(([w]) => {
      const s = e - w.length;
      return s >= 0 && wordAt(folded, s, w);
    });
    if (!found) break;
    const [word, cmp] = found;
    if (cmp !== null) {
      if (comparator === null) comparator = cmp;
      else if (direction(comparator) !== direction(cmp)) conflict = true;
    }
    pos = e - word.length;
  }
  return { comparator, start: pos, conflict };
}

function direction(c: Comparator): 'up' | 'down' {
  return c === '>=' || c === '>' ? 'up' : 'down';
}

function comparatorAfter(
  folded: string,
  at: number,
): { comparator: Comparator; span: Span } | null {
  const i = skipSpaces(folded, at);
  for (const [w, cmp] of COMPARATORS_AFTER) {
    if (wordAt(folded, i, w)) return { comparator: cmp, span: { start: i, end: i + w.length } };
  }
  return null;
}

function unitAt(folded: string, at: number): { unit: string; span: Span } | null {
  const i = skipSpaces(folded, at);
  for (const { folded: w, unit } of UNITS) {
    if (wordAt(folded, i, w)) return { unit, span: { start: i, end: i + w.length } };
  }
  return null;
}

/** The next word after `at`: its span, or null. */
function nextWord(text: string, at: number): Span | null {
  const i = skipSpaces(text, at);
  let e = i;
  while (e < text.length && isWordChar(text[e])) e++;
  return e > i ? { start: i, end: e } : null;
}

function inQuotes(text: string, at: number): boolean {
  let depth = 0;
  let straight = false;
  for (let i = 0; i < at; i++) {
    const ch = text[i];
    if (ch === '“') depth++;
    else if (ch === '”' && depth > 0) depth--;
    else if (ch === '"') straight = !straight;
  }
  return depth > 0 || straight;
}

/** Reads the words around one number; null when the number is not a target at all. */
function candidateFor(
  text: string,
  folded: string,
  token: NumberToken,
  clauseStart: number,
): Candidate | null {
  const { start, end } = token.span;
  if (inQuotes(text, start)) return null;
  const before = text[start - 1];
  const afterCh = text[end];
  // "2021-2025", "12/KH-LĐLĐ", "02-NQ/TW": dates and document numbers.
  if (before === '-' || before === '/' || afterCh === '/' || (afterCh === '-' && !token.percent))
    return null;
  if (!token.percent && wordEndingAt(folded, start, IDENTIFIER_MARKERS) >= 0) return null;
  if (!token.percent) {
    const i = skipSpaces(folded, end);
    if (DURATION_AFTER.some((w) => wordAt(folded, i, w))) return null;
  }
  const cmpBefore = comparatorBefore(folded, start);
  // "doanh nghiệp có 25 công nhân": the number describes the subject. Not so for a clause that
  // opens with "có" ("Có trên 70% CĐCS …").
  // Nor for "trong đó có ít nhất 300 …": a target within the one before it.
  const marker = wordEndingAt(folded, cmpBefore.start, SUBJECT_MARKERS);
  if (
    marker >= 0 &&
    cleanLead(text.slice(clauseStart, marker)) !== '' &&
    wordEndingAt(folded, marker, ['trong do']) < 0
  )
    return null;

  // After the number: "trở lên", or a counted noun then "trở lên" ("110 đoàn viên trở lên",
  // "10 đoàn viên nữ trở lên"), or "trở lên" then the noun ("800 trở lên đoàn viên").
  let after = comparatorAfter(folded, end);
  const unit = token.percent ? null : unitAt(folded, after ? after.span.end : end);
  if (!after && unit) {
    after = comparatorAfter(folded, unit.span.end);
    if (!after) {
      const extra = nextWord(text, unit.span.end);
      const later = extra ? comparatorAfter(folded, extra.end) : null;
      if (later && extra && !PREDICATE_VERBS.some((v) => wordAt(folded, extra.start, v)))
        after = later;
    }
  }
  if (token.percent && !after) {
    const noun = unitAt(folded, end);
    if (noun) {
      const later = comparatorAfter(folded, noun.span.end);
      if (later) after = later;
    }
  }

  const review: string[] = [];
  let comparator = cmpBefore.comparator;
  if (after) {
    if (comparator === null) comparator = after.comparator;
    else if (direction(comparator) !== direction(after.comparator)) cmpBefore.conflict = true;
  }
  if (cmpBefore.conflict) review.push('Các từ so sánh quanh con số mâu thuẫn nhau');

  // Words are numbers only where a target is plainly meant: with "%", a counted noun or a
  // comparator ("ít nhất hai cuộc", "mười đoàn viên").
  if (token.words && !token.percent && !unit && comparator === null) return null;
  // A bare four-digit year ("Tháng công nhân 2020") is not a target either.
  if (
    !token.percent &&
    !unit &&
    comparator === null &&
    token.value.isInteger() &&
    token.value.gte(Rational.of(1900)) &&
    token.value.lte(Rational.of(2100))
  )
    return null;

  return {
    token,
    comparator,
    prefixStart: cmpBefore.start,
    after: after ? after.span : null,
    unit: unit ? unit.unit : null,
    unitSpan: unit ? unit.span : null,
    review,
  };
}

// ---------------------------------------------------------------------------------------------
// Subjects, predicates and leads

/** The first predicate verb of a phrase (not one right after "có"): its position, or -1. */
function predicateStart(phrase: string): number {
  const lowered = lower(phrase);
  const folded = foldVietnamese(phrase);
  let best = -1;
  for (const verb of PREDICATE_VERBS) {
    for (let i = findWord(lowered, verb); i >= 0; i = findWord(lowered, verb, i + 1)) {
      if (i === 0) continue;
      if (wordEndingAt(folded, i, ['co', 'cua', 'nhiem vu']) >= 0) continue;
      // "CĐCS | không hoàn thành nhiệm vụ": the negation belongs to the predicate.
      const negation = wordEndingAt(lowered, i, ['không', 'chưa']);
      const start = negation > 0 ? negation : i;
      if (best < 0 || start < best) best = start;
      break;
    }
  }
  return best;
}

function splitPredicate(phrase: string): { subject: string; predicate: string } {
  const at = predicateStart(phrase);
  if (at < 0) return { subject: tidy(phrase), predicate: '' };
  return { subject: tidy(phrase.slice(0, at)), predicate: tidy(phrase.slice(at)) };
}

/** The lead of a target without its opening and closing filler words. */
function cleanLead(lead: string): string {
  let text = tidy(lead);
  for (let guard = 0; guard < 6; guard++) {
    const folded = foldVietnamese(text);
    const filler = LEAD_FILLERS.find((w) => wordAt(folded, 0, w));
    if (filler) {
      text = tidy(text.slice(filler.length));
      continue;
    }
    const opening = /^(?:năm \d{4}|số)(?![\p{L}\p{N}])/iu.exec(text);
    if (opening) {
      text = tidy(text.slice(opening[0].length));
      continue;
    }
    const trailer = LEAD_TRAILERS.find((w) => {
      const s = folded.length - w.length;
      return s >= 0 && wordAt(folded, s, w);
    });
    if (trailer) {
      text = tidy(text.slice(0, text.length - trailer.length));
      continue;
    }
    break;
  }
  return text;
}

/** What is counted after the number, without "trở lên" and a leading "số". */
function restAfter(text: string, from: number, to: number, cut: Span | null): string {
  let rest =
    cut && cut.start >= from && cut.end <= to
      ? `${text.slice(from, cut.start)} ${text.slice(cut.end, to)}`
      : text.slice(from, Math.max(from, to));
  rest = tidy(rest);
  if (/^số\s/i.test(rest)) rest = tidy(rest.slice(3));
  return rest;
}

/** The text with quoted passages blanked (same length). */
function withoutQuotes(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, (q) => ' '.repeat(q.length));
}

function join(...parts: string[]): string {
  return tidy(
    parts
      .map((p, i) => (i > 0 ? lowerFirst(tidy(p)) : p))
      .filter((p) => p.trim() !== '')
      .join(' '),
  );
}

/** "Tổ chức đối thoại" → "tổ chức đối thoại" inside a phrase; "CĐCS", "DN" keep their case. */
function lowerFirst(text: string): string {
  if (text.length < 2 || !/\p{Lu}/u.test(text[0]) || /\p{Lu}/u.test(text[1])) return text;
  return `${text[0].toLowerCase()}${text.slice(1)}`;
}

function hasSubordinate(subject: string): boolean {
  return findWord(foldVietnamese(subject), 'co') > 0;
}

// ---------------------------------------------------------------------------------------------
// Past results

function isPastResult(clause: string, folded: string, year: number | null | undefined): boolean {
  const done = /(^|[^\p{L}])đã(?![\p{L}])/iu.test(clause) || findWord(folded, 'dat duoc') >= 0;
  const years = [...clause.matchAll(/(?<![\d.,])(19|20)\d{2}(?![\d])/g)].map((m) => Number(m[0]));
  const earlier = year ? years.some((y) => y < year) : false;
  const pastTime = PAST_TIME.some((w) => findWord(folded, w) >= 0);
  if (done && (earlier || pastTime)) return true;
  // "Năm 2025 kết nạp được 86.400 đoàn viên": an earlier year opening the clause.
  const opening = /^(?:trong\s+)?năm\s+(\d{4})/iu.exec(clause.trim());
  return (
    opening !== null &&
    year !== null &&
    year !== undefined &&
    Number(opening[1]) < year &&
    findWord(folded, 'phan dau') < 0
  );
}

// ---------------------------------------------------------------------------------------------
// Targets of one clause

function separatorBefore(text: string, from: number, to: number): number {
  // The last ", " / "," / " và " / " hoặc " between two targets: where the next target begins.
  const between = text.slice(from, to);
  const folded = foldVietnamese(between);
  let best = -1;
  for (const m of between.matchAll(/,/g)) best = Math.max(best, (m.index ?? 0) + 1);
  for (const word of ['va', 'hoac', 'cung nhu']) {
    for (let i = findWord(folded, word); i >= 0; i = findWord(folded, word, i + 1)) {
      best = Math.max(best, i + word.length);
    }
  }
  return best < 0 ? -1 : from + best;
}

function separatorEnd(text: string, from: number, to: number): number {
  // Where the previous target ends: before the separator found by separatorBefore.
  const between = text.slice(from, to);
  const folded = foldVietnamese(between);
  let best = -1;
  for (const m of between.matchAll(/,/g)) best = Math.max(best, m.index ?? 0);
  for (const word of ['va', 'hoac', 'cung nhu']) {
    for (let i = findWord(folded, word); i >= 0; i = findWord(folded, word, i + 1)) {
      best = Math.max(best, i);
    }
  }
  return best < 0 ? to : from + best;
}

interface Segment {
  candidate: Candidate;
  start: number;
  end: number;
}

/** A `<= 0` target for the phrase at `at` (clause-relative) in the clause. */
function zeroEvent(text: string, clause: Span, at: number, phrase: string, doubt: string | null) {
  const start = clause.start + at;
  const span = { start, end: start + phrase.length };
  const what = tidy(text.slice(span.end, clause.end));
  const review = doubt ? [doubt] : [];
  if (what === '') review.push('Chưa rõ sự việc cần tránh (Thực hiện là)');
  const target: DraftTarget = {
    kind: 'count',
    comparator: '<=',
    target: '0',
    unit: 'vụ',
    numerator: what === '' ? null : what,
    denominator: null,
    wording: sentence(text.slice(clause.start, clause.end)),
    span,
    review,
  };
  return target;
}

function zeroEventTarget(text: string, folded: string, clause: Span): DraftTarget | null {
  const c = folded.slice(clause.start, clause.end);
  for (const phrase of ZERO_EVENT) {
    const at = findWord(c, phrase);
    if (at >= 0) return zeroEvent(text, clause, at, phrase, null);
  }
  // "Không có tai nạn lao động nghiêm trọng": at the opening of the clause only.
  const lead = cleanLeadStart(c);
  if (wordAt(c, lead, 'khong co')) {
    const doubt = '"Không có" được hiểu là không để xảy ra (≤ 0): kiểm tra lại';
    return zeroEvent(text, clause, lead, 'khong co', doubt);
  }
  return null;
}

function cleanLeadStart(folded: string): number {
  let i = 0;
  for (let guard = 0; guard < 4; guard++) {
    const filler = ['phan dau', 'trong nam', 'dam bao'].find((w) => wordAt(folded, i, w));
    if (!filler) break;
    i = skipSpaces(folded, i + filler.length);
    while (folded[i] === ',' || folded[i] === ' ') i++;
  }
  return i;
}

function clauseTargets(
  text: string,
  folded: string,
  clause: Span,
  options: SentenceOptions,
  heading: string,
): DraftTarget[] {
  const clauseText = text.slice(clause.start, clause.end);
  const clauseFolded = folded.slice(clause.start, clause.end);
  if (isPastResult(clauseText, clauseFolded, options.year)) return [];

  const tokens = findNumbers(clauseText).map((t) => ({
    ...t,
    span: { start: t.span.start + clause.start, end: t.span.end + clause.start },
  }));
  const candidates: Candidate[] = [];
  const ignored: string[] = [];
  for (const token of tokens) {
    const c = candidateFor(text, folded, token, clause.start);
    if (!c) continue;
    const prev = candidates[candidates.length - 1];
    if (prev && separatorBefore(text, prev.token.span.end, c.prefixStart) < 0) {
      // Two numbers with nothing between them that starts a new target: the second belongs to
      // the first one's subject ("100% CĐCS 10 …"); keep the first, and say so.
      ignored.push(text.slice(token.span.start, token.span.end));
      continue;
    }
    candidates.push(c);
  }
  if (candidates.length === 0) {
    const zero = zeroEventTarget(text, folded, clause);
    return zero ? [zero] : [];
  }

  const segments: Segment[] = candidates.map((candidate, i) => {
    const prev = candidates[i - 1];
    const next = candidates[i + 1];
    const start = prev
      ? separatorBefore(text, prev.token.span.end, candidate.prefixStart)
      : clause.start;
    const end = next ? separatorEnd(text, candidate.token.span.end, next.prefixStart) : clause.end;
    return { candidate, start, end: Math.max(end, candidate.token.span.end) };
  });

  const clauseLead = text.slice(clause.start, candidates[0].prefixStart);
  // A predicate written once for several targets ("100% X và trên 80% Y tổ chức kiểm tra …").
  const lastSeg = segments[segments.length - 1];
  const lastRest = restAfter(
    text,
    lastSeg.candidate.token.span.end,
    lastSeg.end,
    lastSeg.candidate.after,
  );
  const sharedPredicate = segments.length > 1 ? splitPredicate(lastRest).predicate : '';

  return segments.map((segment, i) =>
    buildTarget(text, segment, {
      clause,
      clauseLead,
      sharedPredicate: i < segments.length - 1 ? sharedPredicate : '',
      first: i === 0,
      ignored,
      heading,
    }),
  );
}

interface SegmentContext {
  clause: Span;
  clauseLead: string;
  sharedPredicate: string;
  first: boolean;
  ignored: string[];
  /** The clause before a ":" that opens this one ("Số vụ tranh chấp: 5 vụ trở xuống"), or "". */
  heading: string;
}

function buildTarget(text: string, segment: Segment, ctx: SegmentContext): DraftTarget {
  const { candidate } = segment;
  const { token } = candidate;
  const review = [...candidate.review];
  const ownLead = text.slice(segment.start, candidate.prefixStart);
  // A later target with no words of its own before the number shares the clause's lead
  // ("Tổ chức đối thoại … ở 100% DN nhà nước, 80% DN ngoài khu vực nhà nước").
  const lead = !ctx.first && tidy(ownLead) === '' ? ctx.clauseLead : ownLead;
  const rest = restAfter(text, token.span.end, segment.end, candidate.after);
  const leadFolded = foldVietnamese(lead);

  let wordingText = text.slice(segment.start, segment.end);
  if (!ctx.first && tidy(ownLead) === '') wordingText = `${ctx.clauseLead} ${wordingText}`;

  let borrowed = '';
  const value = token.value;
  let kind: RuleKind;
  let unit: string | null;
  let numerator: string | null = null;
  let denominator: string | null = null;
  let comparator: Comparator = candidate.comparator ?? '>=';
  const averaged =
    findWord(leadFolded, 'binh quan') >= 0 || findWord(leadFolded, 'trung binh') >= 0;
  const eachAt = findWord(lower(lead), 'mỗi');
  const eachAnywhere = findWord(lower(withoutQuotes(wordingText)), 'mỗi') >= 0;

  if (token.percent && findWord(foldVietnamese(`${lead} ${rest}`), 'du toan') >= 0) {
    kind = 'plan';
    unit = 'đồng';
    const l = cleanLead(lead);
    numerator = l === '' ? null : l;
    const budgetAt = findWord(foldVietnamese(rest), 'du toan');
    denominator = tidy(budgetAt >= 0 ? rest.slice(budgetAt) : rest) || null;
  } else if (averaged && !token.percent) {
    kind = 'average';
    unit = candidate.unit;
    if (eachAt >= 0) {
      const afterEach = lead.slice(eachAt + 3);
      const split = splitPredicate(` ${afterEach}`);
      denominator = cleanLead(split.subject) || null;
      numerator = join(rest, cleanLead(split.predicate)) || null;
    } else {
      review.push('Có "bình quân" nhưng không rõ bình quân trên mỗi gì (Tổng số là)');
      numerator = join(rest, cleanLead(lead)) || null;
    }
  } else if (token.percent) {
    kind = 'ratio';
    unit = '%';
    if (averaged) review.push('Tỷ lệ có "bình quân": kiểm tra lại Loại');
    const total = /^tổng\s/iu.test(rest);
    if (total) {
      // "Số CĐCS yếu kém không quá 3% tổng số CĐCS": the share of a total named after the number.
      denominator = tidy(rest.replace(/^tổng\s+(?:số\s+)?/iu, '')) || null;
      numerator = cleanLead(lead) || null;
    } else if (rest !== '') {
      const split = splitPredicate(rest);
      let predicate = split.predicate;
      if (predicate === '' && ctx.sharedPredicate !== '') {
        predicate = ctx.sharedPredicate;
        borrowed = predicate;
      }
      if (predicate === '') predicate = cleanLead(lead);
      denominator = split.subject || null;
      numerator =
        join(
          split.subject,
          hasSubordinate(split.subject) && split.predicate ? 'đã' : '',
          predicate,
        ) || null;
      if (predicate === '') review.push('Chưa rõ việc được đếm (Thực hiện là)');
    } else {
      const l = cleanLead(lead);
      // "Tỷ lệ đoàn viên trên tổng số lao động … đạt 85%": the total is named after "trên tổng số".
      const over = /\s(?:trên|\/)\s*tổng\s+(?:số\s+)?/iu.exec(l);
      const split = splitPredicate(l);
      numerator = (over ? tidy(l.slice(0, over.index)) : l) || null;
      denominator = over
        ? tidy(l.slice(over.index + over[0].length)) || null
        : split.predicate !== ''
          ? split.subject || null
          : null;
    }
    if (denominator === null) review.push('Chưa rõ tỷ lệ trên tổng số nào (Tổng số là)');
  } else {
    kind = 'count';
    unit = candidate.unit;
    const onlyNoun = unit !== null && foldVietnamese(rest) === foldVietnamese(unit);
    if (onlyNoun && /^số\s/iu.test(tidy(lead))) {
      // "Số đoàn viên giảm … không vượt quá 4.000 người": what is counted is named first.
      numerator = cleanLead(lead) || null;
    } else if (onlyNoun && tidy(lead) === '' && ctx.heading !== '') {
      // "Số vụ tranh chấp lao động tập thể: 5 vụ trở xuống": named before the colon.
      numerator = cleanLead(ctx.heading) || null;
    } else numerator = join(rest, cleanLead(lead)) || null;
    if (eachAnywhere) review.push('Có "mỗi" mà không có "bình quân": có thể là chỉ tiêu bình quân');
  }

  if (unit === null) {
    const word = nextWord(text, token.span.end);
    review.push(
      word
        ? `Chưa rõ đơn vị tính (ĐVT): "${text.slice(word.start, word.end)}"?`
        : 'Chưa rõ đơn vị tính (ĐVT)',
    );
  }
  if (value.isZero() && candidate.comparator === null && kind === 'count') comparator = '<=';
  else if (value.isZero() && (comparator === '>=' || comparator === '>'))
    review.push('Mục tiêu bằng 0 với "trở lên": không đòi hỏi gì');
  if (kind === 'ratio' && value.gt(Rational.HUNDRED)) review.push('Tỷ lệ trên 100%');
  const segLower = lower(text.slice(ctx.clause.start, segment.end));
  if (['tăng', 'giảm', 'so với'].some((w) => findWord(segLower, w) >= 0))
    review.push('Chỉ tiêu tăng/giảm so với kỳ trước: kiểm tra lại Loại và Mục tiêu');
  if (ctx.ignored.length > 0)
    review.push(
      `Câu còn có số ${ctx.ignored.map((s) => `"${s}"`).join(', ')} không được coi là chỉ tiêu`,
    );

  return {
    kind,
    comparator,
    target: decimalText(value),
    unit,
    numerator: numerator === null ? null : lowerFirst(numerator),
    denominator: denominator === null ? null : lowerFirst(denominator),
    wording: sentence(borrowed ? `${wordingText} ${borrowed}` : wordingText),
    span: { ...token.span },
    review,
  };
}

/**
 * The targets of one text (an item or a sub-item of the document), in order. Never throws: a
 * text it cannot read gives no target, and a target it is unsure of carries its reasons.
 */
export function parseTargetText(text: string, options: SentenceOptions = {}): DraftTarget[] {
  try {
    const folded = foldVietnamese(text);
    const clauses = splitClauses(text);
    return clauses.flatMap((clause, i) => {
      const prev = clauses[i - 1];
      const heading =
        prev && text.slice(prev.end, clause.start).trim() === ':'
          ? text.slice(prev.start, prev.end)
          : '';
      return clauseTargets(text, folded, clause, options, heading);
    });
  } catch {
    return [];
  }
}
