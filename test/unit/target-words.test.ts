/**
 * The words of SPEC §2 in a Chỉ tiêu cell and in a plan's Mục tiêu (§8): "không quá", "tối đa",
 * "trở xuống", "không vượt quá" (≤), "dưới", "ít hơn" (<), "ít nhất" (≥), "hơn" (>), and zero
 * events ("0", "không để xảy ra", "không có": ≤ 0).
 */
import { loadCatalogue } from '../../src/catalogue';
import type { Comparator, Rule } from '../../src/catalogue/types';
import { Rational } from '../../src/engine/rational';
import { parsePlanTarget, type PlanTarget } from '../../src/catalogue/plan-target';
import { parseTarget, type TargetRule } from '../../src/parsing';
import type { CellValue } from '../../src/template/types';

const catalogue = loadCatalogue();
const ok = (value: string, comparator: Comparator | null) => ({
  kind: 'ok',
  target: { value: Rational.fromDecimalString(value), comparator },
});
const unreadable = (text: string) => ({ kind: 'unreadable', text });

const COUNT: TargetRule = {
  kind: 'count',
  comparator: '<=',
  unit: { vi: 'vụ', en: 'cases' },
};
const RATIO: TargetRule = { kind: 'ratio', comparator: '<' };
const AVERAGE: TargetRule = { kind: 'average', comparator: '>=' };

describe('parseTarget with the words of SPEC §2', () => {
  it.each<[CellValue, unknown]>([
    ['không quá 5', ok('5', '<=')],
    ['Không vượt quá 5 vụ', ok('5', '<=')],
    ['tối đa 2 vụ', ok('2', '<=')],
    ['5 vụ trở xuống', ok('5', '<=')],
    ['≤ 5', ok('5', '<=')],
    ['<= 5', ok('5', '<=')],
    ['dưới 3', ok('3', '<')],
    ['ít hơn 3', ok('3', '<')],
    ['< 3', ok('3', '<')],
    ['ít nhất 1', ok('1', '>=')],
    ['hơn 4', ok('4', '>')],
    ['0', ok('0', null)],
    ['không để xảy ra', ok('0', '<=')],
    ['Không để xảy ra tranh chấp lao động tập thể', ok('0', '<=')],
    ['không có', ok('0', '<=')],
    ['trên 5 trở xuống', unreadable('trên 5 trở xuống')],
    ['không quá 5%', unreadable('không quá 5%')],
  ])('reads %j for a count rule with ≤', (value, expected) => {
    expect(parseTarget(value, undefined, COUNT)).toEqual(expected);
  });

  it.each<[CellValue, unknown]>([
    ['dưới 3%', ok('0.03', '<')],
    ['dưới 7%', ok('0.07', '<')],
    ['không quá 2,5%', ok('0.025', '<=')],
    ['0%', ok('0', null)],
    ['0', ok('0', null)],
    ['không để xảy ra', ok('0', '<=')],
  ])('reads %j for a ratio rule with <', (value, expected) => {
    expect(parseTarget(value, undefined, RATIO)).toEqual(expected);
  });

  it('reads an average target as a plain number, never a percentage', () => {
    expect(parseTarget('ít nhất 1', undefined, AVERAGE)).toEqual(ok('1', '>='));
    expect(parseTarget('bình quân 0,8', undefined, AVERAGE)).toEqual(ok('0.8', null));
    expect(parseTarget('80%', undefined, AVERAGE)).toEqual(unreadable('80%'));
  });

  it('keeps refusing a zero target for a ≥ / > rule of 2020', () => {
    const i1a = catalogue.rules[0] as Rule;
    expect(parseTarget('0', undefined, i1a)).toEqual(unreadable('0'));
    // "không có" in the Chỉ tiêu of a ≥ rule is no reason to turn the rule round.
    expect(parseTarget('không để xảy ra', undefined, i1a)).toEqual(unreadable('không để xảy ra'));
    expect(parseTarget('không có', undefined, i1a)).toEqual(unreadable('không có'));
    expect(parseTarget('không quá 200', undefined, i1a)).toEqual(ok('200', '<='));
  });
});

describe("parsePlanTarget: a plan's Mục tiêu", () => {
  const planOk = (target: string, comparator: Comparator): PlanTarget => ({
    ok: true,
    comparator,
    target,
  });
  const problem = (p: Extract<PlanTarget, { ok: false }>['problem']): PlanTarget => ({
    ok: false,
    problem: p,
  });
  // Ratio targets are in percent, as Rule.target.
  it.each<[CellValue, TargetRule['kind'], PlanTarget]>([
    ['≥ 110', 'count', planOk('110', '>=')],
    ['110', 'count', planOk('110', '>=')],
    [110, 'count', planOk('110', '>=')],
    ['trên 90%', 'ratio', planOk('90', '>')],
    [0.9, 'ratio', planOk('90', '>=')],
    [90, 'ratio', planOk('90', '>=')],
    ['90%', 'ratio', planOk('90', '>=')],
    ['từ 95% trở lên', 'ratio', planOk('95', '>=')],
    ['ít nhất 1', 'average', planOk('1', '>=')],
    ['không quá 5', 'count', planOk('5', '<=')],
    ['dưới 3%', 'ratio', planOk('3', '<')],
    ['0', 'count', planOk('0', '<=')],
    [0, 'count', planOk('0', '<=')],
    ['không để xảy ra', 'count', planOk('0', '<=')],
    // Zero with no word is a ceiling whatever the kind: no more than 0%.
    ['0%', 'ratio', planOk('0', '<=')],
    ['≥ 0', 'count', problem('asks-nothing')],
    ['abc', 'count', problem('unreadable')],
    ['', 'count', problem('empty')],
    ['-5', 'count', problem('negative')],
    ['2,5', 'count', problem('not-whole')],
    ['120%', 'ratio', problem('above-100')],
  ])('reads %j for a %s rule', (value, kind, expected) => {
    expect(parsePlanTarget(value, undefined, kind)).toEqual(expected);
  });
});
