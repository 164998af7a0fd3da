import type { Comparator } from '../catalogue/types';

/**
 * The words of a target (SPEC §2, §8), as folded text, with the comparator they mean (null: no
 * meaning): one table for a unit's Chỉ tiêu cell and a plan sheet's Mục tiêu cell. Longer phrases
 * come before the shorter ones they begin with ("it hon" before "it", "khong qua" before "khong").
 */
export const COMPARATOR_PREFIXES: [string, Comparator | null][] = [
  ['lon hon hoac bang', '>='],
  ['nho hon hoac bang', '<='],
  ['khong vuot qua', '<='],
  ['khong it hon', '>='],
  ['khong duoi', '>='],
  ['khong qua', '<='],
  ['khong tren', '<='],
  ['toi thieu', '>='],
  ['toi da', '<='],
  ['it nhat', '>='],
  ['nhieu nhat', '<='],
  ['khong hon', '<='],
  ['at least', '>='],
  ['at most', '<='],
  ['no more than', '<='],
  ['more than', '>'],
  ['less than', '<'],
  ['phan dau', null],
  ['binh quan', null],
  ['chi tieu', null],
  ['lon hon', '>'],
  ['cao hon', '>'],
  ['nho hon', '<'],
  ['thap hon', '<'],
  ['it hon', '<'],
  ['vuot', '>'],
  ['tren', '>'],
  ['hon', '>'],
  ['duoi', '<'],
  ['dat', null],
  ['tu', '>='],
  ['>=', '>='],
  ['=>', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['\u2265', '>='],
  ['\u2267', '>='],
  ['\u2a7e', '>='],
  ['\u2264', '<='],
  ['\u2266', '<='],
  ['\u2a7d', '<='],
  ['>', '>'],
  ['<', '<'],
  [':', null],
];

/** Trailing words of a target ("từ 95% trở lên", "5 vụ trở xuống"). */
export const COMPARATOR_SUFFIXES: [string, Comparator | null][] = [
  ['tro len', '>='],
  ['tro xuong', '<='],
  ['du toan', null],
];

/** Whether folded text begins with a word (a letter word must end there). */
export function startsWithWord(folded: string, word: string): boolean {
  if (!folded.startsWith(word)) return false;
  return !/[a-z]/.test(word) || !/[a-z0-9]/.test(folded.charAt(word.length));
}

/** Whether folded text ends with a word (a letter word must begin there). */
export function endsWithWord(folded: string, word: string): boolean {
  if (!folded.endsWith(word)) return false;
  return !/[a-z]/.test(folded.charAt(folded.length - word.length - 1));
}
