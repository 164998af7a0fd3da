/**
 * SPEC §2 "Other comparators and kinds": ≤ and <, zero events, the average kind, money with > and
 * <, every kind consolidated. Statuses, required values and gaps are checked against an oracle
 * written here on BigInt alone, independently of the engine's Rational and its helpers.
 */
import fc from 'fast-check';
import { CATALOGUE_2020, validateCatalogue } from '../../src/catalogue';
import type { Catalogue, Comparator, Rule, RuleKind } from '../../src/catalogue/types';
import { consolidate, describeGap, evaluateRule } from '../../src/engine';
import { Rational } from '../../src/engine/rational';
import type { ParsedValue, RuleResult, Status } from '../../src/engine/types';
import { parseCell } from '../../src/parsing';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { planEvaluation } from '../../src/template/plan';
import { sheet } from './template-fixtures';

const text = (vi: string, en = vi) => ({ vi, en });

/** A plan of another year, typed as the secretariat would: every comparator and kind. */
function plan(): Catalogue {
  const count = (code: string, comparator: Comparator, target: string, unit: string): Rule => ({
    code,
    section: 'I',
    kind: 'count',
    comparator,
    target,
    unit: text(unit, unit === 'vụ' ? 'cases' : 'members'),
    itemUnit: text(unit, unit === 'vụ' ? 'cases' : 'members'),
    numerator: text('Số vụ'),
    denominator: null,
    wording: text(`Chỉ tiêu ${code}.`),
    integer: true,
  });
  const ratio = (code: string, comparator: Comparator, target: string): Rule => ({
    code,
    section: 'II',
    kind: 'ratio',
    comparator,
    target,
    unit: text('%'),
    itemUnit: text('doanh nghiệp', 'enterprises'),
    numerator: text('Doanh nghiệp nợ đọng'),
    denominator: text('Doanh nghiệp', 'enterprises'),
    wording: text(`Chỉ tiêu ${code}.`),
    integer: true,
  });
  const money = (code: string, comparator: Comparator, target: string): Rule => ({
    code,
    section: 'II',
    kind: 'plan',
    comparator,
    target,
    unit: text('đồng', 'VND'),
    itemUnit: text('đồng', 'VND'),
    numerator: text('Kinh phí đã chi'),
    denominator: text('dự toán', 'budget'),
    wording: text(`Chỉ tiêu ${code}.`),
    integer: false,
  });
  return validateCatalogue({
    id: '2026',
    year: 2026,
    title: text('Các chỉ tiêu năm 2026'),
    sections: [
      { id: 'I', title: text('Phần I') },
      { id: 'II', title: text('Phần II') },
      { id: 'III', title: text('Phần III') },
    ],
    rules: [
      count('CT01', '<=', '0', 'vụ'),
      count('CT02', '<=', '5', 'vụ'),
      count('CT03', '<', '5', 'vụ'),
      count('1.2', '>=', '25', 'đoàn viên'),
      count('1.3', '>', '12', 'đoàn viên'),
      ratio('II.1', '<=', '3'),
      ratio('II.2', '<', '3'),
      ratio('II.3', '>=', '90'),
      ratio('II.4', '>', '65'),
      ratio('II.5', '<', '2.5'),
      money('II.6', '>', '100'),
      money('II.7', '<', '95'),
      money('II.8', '<=', '100'),
      money('II.9', '>=', '100'),
      {
        code: 'III.1',
        section: 'III',
        kind: 'average',
        comparator: '>=',
        target: '1',
        unit: text('đoàn viên', 'members'),
        itemUnit: text('đoàn viên', 'members'),
        numerator: text('Đoàn viên ưu tú giới thiệu'),
        denominator: text('CĐCS', 'grassroots unions'),
        wording: text('Bình quân mỗi CĐCS giới thiệu ít nhất 1 đoàn viên ưu tú.'),
        integer: true,
      },
      {
        code: 'III.2',
        section: 'III',
        kind: 'average',
        comparator: '<',
        target: '0.5',
        unit: text('vụ', 'cases'),
        itemUnit: text('vụ', 'cases'),
        numerator: text('Vụ ngừng việc'),
        denominator: text('số doanh nghiệp', 'enterprises'),
        wording: text('Bình quân dưới 0,5 vụ mỗi doanh nghiệp.'),
        integer: true,
      },
    ],
  });
}

const PLAN = plan();
const rule = (code: string) => PLAN.rules.find((r) => r.code === code)!;
const num = (x: number | string): ParsedValue => parseCell(x);
const EMPTY: ParsedValue = { kind: 'empty' };
const rate = (percent: string): ParsedValue => parseCell(`${percent}%`);

function run(code: string, actual: ParsedValue, denominator: ParsedValue = EMPTY): RuleResult {
  return evaluateRule(rule(code), { actual, denominator });
}

// ---------------------------------------------------------------------------------------------
// The oracle: SPEC §2 on BigInt, nothing shared with the engine.

/** A decimal string as an exact fraction [n, d] of BigInts. */
function decimal(s: string): [bigint, bigint] {
  const [whole, frac = ''] = s.split('.');
  return [BigInt(whole + frac), 10n ** BigInt(frac.length)];
}

/** ⌊n/d⌋ and ⌈n/d⌉ for d > 0. */
function floor(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n < 0n && q * d !== n ? q - 1n : q;
}
function ceil(n: bigint, d: bigint): bigint {
  return -floor(-n, d);
}

interface Expected {
  status: Status;
  /** As a fraction [n, d]; null for direct rates. */
  required: [bigint, bigint] | null;
  gap: [bigint, bigint];
}

/**
 * What SPEC §2 says for Thực hiện a (and Tổng số den, unless a count rule) against a rule's
 * catalogue target: the threshold x is t (count), t·den (average) or p/100·den (ratio, plan).
 */
function oracle(r: Rule, a: bigint, den: bigint): Expected {
  const [tn, td] = decimal(r.target);
  // x = xn / xd
  let xn = tn;
  let xd = td;
  if (r.kind === 'ratio' || r.kind === 'plan') xd *= 100n;
  if (r.kind !== 'count') xn *= den;
  const c = a * xd - xn; // sign of a − x
  const cmp = r.comparator;
  const met = cmp === '>=' ? c >= 0n : cmp === '>' ? c > 0n : cmp === '<=' ? c <= 0n : c < 0n;
  let status: Status;
  if (met) status = 'MET';
  else if (c === 0n && (cmp === '>' || (cmp === '<' && xn !== 0n))) status = 'NEAR';
  else if (cmp === '>=' || cmp === '>') status = a * xd * 10n >= 9n * xn ? 'NEAR' : 'MISSED';
  else status = xn !== 0n && 10n * xn >= 9n * a * xd ? 'NEAR' : 'MISSED';
  let required: [bigint, bigint];
  if (!r.integer) required = [xn, xd];
  else if (cmp === '>=') required = [ceil(xn, xd), 1n];
  else if (cmp === '>') required = [floor(xn, xd) + 1n, 1n];
  else if (cmp === '<=') required = [floor(xn, xd), 1n];
  else required = [ceil(xn, xd) - 1n, 1n];
  const down = cmp === '<=' || cmp === '<';
  const [rn, rd] = required;
  const gap: [bigint, bigint] = down ? [rn - a * rd, rd] : [a * rd - rn, rd];
  return { status, required, gap };
}

/** Whether an exact engine value equals the oracle's fraction, by cross-multiplication only. */
function same(value: Rational | null, [n, d]: [bigint, bigint]): boolean {
  return value !== null && value.num * d === n * value.den;
}

function expectOracle(result: RuleResult, expected: Expected): void {
  expect(result.status).toBe(expected.status);
  expect(same(result.exact.required, expected.required!)).toBe(true);
  expect(same(result.exact.gap, expected.gap)).toBe(true);
}

// ---------------------------------------------------------------------------------------------

describe('boundaries of every comparator and kind, against the oracle', () => {
  it.each<[string, number, number | null, Status, number, number]>([
    // code, Thực hiện, Tổng số, status, required, gap
    ['CT01', 0, null, 'MET', 0, 0],
    ['CT01', 1, null, 'MISSED', 0, -1],
    ['CT02', 5, null, 'MET', 5, 0],
    ['CT02', 3, null, 'MET', 5, 2],
    ['CT02', 6, null, 'MISSED', 5, -1], // 5/6 = 83% < 90%
    ['CT03', 4, null, 'MET', 4, 0],
    ['CT03', 5, null, 'NEAR', 4, -1], // exactly at the threshold of "<"
    ['CT03', 6, null, 'MISSED', 4, -2],
    ['1.2', 25, null, 'MET', 25, 0],
    ['1.2', 23, null, 'NEAR', 25, -2],
    ['1.3', 12, null, 'NEAR', 13, -1],
    ['1.3', 13, null, 'MET', 13, 0],
    ['II.1', 3, 100, 'MET', 3, 0],
    ['II.1', 4, 100, 'MISSED', 3, -1], // 3/4 = 75%
    ['II.1', 1, 34, 'MET', 1, 0], // 3% of 34 = 1.02 → at most 1
    ['II.1', 2, 34, 'MISSED', 1, -1],
    ['II.2', 2, 100, 'MET', 2, 0],
    ['II.2', 3, 100, 'NEAR', 2, -1],
    ['II.2', 1, 34, 'MET', 1, 0], // 1.02 → ⌈1.02⌉ − 1 = 1
    ['II.2', 2, 34, 'MISSED', 1, -1],
    ['II.3', 63, 70, 'MET', 63, 0],
    ['II.4', 13, 20, 'NEAR', 14, -1],
    ['II.5', 1, 40, 'NEAR', 0, -1], // 2.5% of 40 = 1: at the threshold, 0 allowed
    ['II.5', 0, 40, 'MET', 0, 0],
    ['III.1', 48, 60, 'MISSED', 60, -12],
    ['III.1', 54, 60, 'NEAR', 60, -6],
    ['III.1', 72, 60, 'MET', 60, 12], // Thực hiện may exceed Tổng số
    ['III.2', 4, 10, 'MET', 4, 0],
    ['III.2', 5, 10, 'NEAR', 4, -1],
  ])('%s with %s / %s is %s, required %s, gap %s', (code, a, den, status, required, gap) => {
    const result = run(code, num(a), den === null ? EMPTY : num(den));
    expect(result).toMatchObject({ status, required, gap });
    expectOracle(result, oracle(rule(code), BigInt(a), BigInt(den ?? 0)));
  });

  it('money with > or <: required is exactly p·dự toán, whatever the comparator', () => {
    const over = run('II.6', num(1000), num(1000));
    expect(over).toMatchObject({ status: 'NEAR', required: 1000, gap: 0, gapUnit: 'money' });
    expect(run('II.6', num('1000.5'), num(1000))).toMatchObject({ status: 'MET', gap: 0.5 });
    const under = run('II.7', num(950), num(1000));
    expect(under).toMatchObject({ status: 'NEAR', required: 950, gap: 0 });
    expect(run('II.7', num(900), num(1000))).toMatchObject({ status: 'MET', gap: 50 });
    // 95% of 333 = 316.35 đồng, not rounded.
    const odd = run('II.7', num(317), num(333));
    expect(odd.exact.required!.eq(Rational.of(31635, 100))).toBe(true);
    expect(odd.status).toBe('NEAR'); // 316.35 ÷ 317 ≥ 90%
    expect(run('II.8', num(1200), num(1000))).toMatchObject({ status: 'MISSED', gap: -200 });
  });

  it('a count target of 0 has no rate and no NEAR band', () => {
    const r = run('CT01', num(1));
    expect(r).toMatchObject({ status: 'MISSED', rate: null, target: 0 });
    expect(run('CT02', num(4)).rate).toBe(0.8);
  });

  it('agrees with the oracle on random figures for every rule', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLAN.rules),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (r, a, den) => {
          const actual = r.kind === 'ratio' ? Math.min(a, den) : a;
          const result = evaluateRule(r, {
            actual: num(actual),
            denominator: r.kind === 'count' ? EMPTY : num(den),
          });
          expectOracle(result, oracle(r, BigInt(actual), BigInt(den)));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('direct rates, not applicable and invalid data for every comparator', () => {
  it('signs a direct rate gap by comparator: ≤ / < count target − rate', () => {
    const below = run('II.1', rate('2'));
    expect(below).toMatchObject({ status: 'MET', directRate: true, gapUnit: 'points' });
    expect(below.exact.gap!.eq(Rational.of(1, 100))).toBe(true);
    const above = run('II.1', rate('4'));
    expect(above.status).toBe('MISSED');
    expect(above.exact.gap!.eq(Rational.of(-1, 100))).toBe(true);
    expect(run('II.2', rate('3'))).toMatchObject({ status: 'NEAR', gap: 0 });
    expect(describeGap(rule('II.1'), above, 'vi')).toBe('vượt mức tối đa 1 điểm %');
  });

  it.each(['CT02', 'II.1', 'II.2', 'II.7', 'III.1', 'III.2'])(
    '%s: 0/0 is not applicable, 5/0 invalid, a negative invalid, text invalid',
    (code) => {
      const r = rule(code);
      if (r.kind !== 'count') {
        expect(run(code, num(0), num(0)).status).toBe('NOT_APPLICABLE');
        expect(run(code, num(5), num(0))).toMatchObject({
          status: 'INVALID',
          invalidKind: 'zero-denominator',
        });
      }
      expect(run(code, num(-1), num(10)).invalidKind).toBe('negative');
      expect(run(code, num('abc'), num(10)).invalidKind).toBe('not-a-number');
      expect(run(code, EMPTY, num(10)).status).toBe('NO_DATA');
    },
  );

  it('Thực hiện above Tổng số is invalid for ratio rules only', () => {
    expect(run('II.1', num(11), num(10)).invalidKind).toBe('actual-above-denominator');
    expect(run('III.1', num(11), num(10)).status).toBe('MET');
    expect(run('II.8', num(12), num(10)).status).toBe('MISSED');
  });

  it('an average needs its Tổng số and is never a typed rate', () => {
    const missing = run('III.1', num(5));
    expect(missing.invalidKind).toBe('missing-denominator');
    expect(missing.message.vi).toContain('để tính bình quân');
    expect(run('III.1', rate('80')).invalidKind).toBe('percent-for-count');
    expect(run('III.1', num(3), num('2.5')).invalidKind).toBe('not-whole');
  });
});

describe('gaps in words', () => {
  it('says how far over the maximum, and the margin below it', () => {
    const over = run('CT02', num(7));
    expect(describeGap(rule('CT02'), over, 'vi')).toBe('vượt mức tối đa 2 vụ');
    expect(describeGap(rule('CT02'), over, 'en')).toBe('2 cases over the maximum');
    expect(over.message.vi).toBe('Không đạt: 7 vụ (yêu cầu ≤ 5), vượt mức tối đa 2 vụ.');
    const under = run('CT02', num(3));
    expect(describeGap(rule('CT02'), under, 'vi')).toBe('còn cách mức tối đa 2 vụ');
    expect(describeGap(rule('CT01'), run('CT01', num(0)), 'vi')).toBe('đúng mức tối đa cho phép');
  });

  it('says an average and what it lacks', () => {
    const r = run('III.1', num(48), num(60));
    expect(describeGap(rule('III.1'), r, 'vi')).toBe(
      'bình quân 0,8 đoàn viên/CĐCS, còn thiếu 12 đoàn viên',
    );
    expect(describeGap(rule('III.1'), r, 'en')).toBe(
      'average 0.8 members per grassroots union, short by 12 members',
    );
    expect(r.message.vi).toContain('48/60 = bình quân 0,8 đoàn viên/CĐCS');
    expect(r.message.vi).toContain('yêu cầu bình quân ≥ 1');
    expect(r).toMatchObject({ rate: 0.8, target: 1, gapUnit: 'count' });
    // "số doanh nghiệp" reads "vụ/doanh nghiệp".
    expect(describeGap(rule('III.2'), run('III.2', num(6), num(10)), 'vi')).toBe(
      'bình quân 0,6 vụ/doanh nghiệp, vượt mức tối đa 2 vụ',
    );
  });

  it('says a "<" value at the threshold is not below it', () => {
    const r = run('II.2', num(3), num(100));
    expect(r.message.vi).toContain('bằng đúng ngưỡng nhưng chỉ tiêu yêu cầu dưới 3%');
    expect(r.message.vi).toContain('tối đa 2 doanh nghiệp');
  });
});

describe('monotone statuses', () => {
  const RANK: Record<Status, number> = {
    MISSED: 0,
    NEAR: 1,
    MET: 2,
    NO_DATA: -1,
    NOT_APPLICABLE: -1,
    INVALID: -1,
  };
  const kinds: RuleKind[] = ['count', 'ratio', 'plan', 'average'];

  it('never gets worse as Thực hiện grows (≥, >) or falls (≤, <), for every kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLAN.rules.filter((r) => kinds.includes(r.kind))),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (r, den, x, y) => {
          const cap = (v: number) => (r.kind === 'ratio' ? Math.min(v, den) : v);
          const [low, high] = [cap(Math.min(x, y)), cap(Math.max(x, y))];
          const at = (v: number) =>
            RANK[
              evaluateRule(r, {
                actual: num(v),
                denominator: r.kind === 'count' ? EMPTY : num(den),
              }).status
            ];
          const better = r.comparator === '<=' || r.comparator === '<' ? low : high;
          const worse = better === low ? high : low;
          expect(at(better)).toBeGreaterThanOrEqual(at(worse));
          expect(at(worse)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('consolidation of every kind', () => {
  function units(code: string, figures: [number, number | null][]) {
    return figures.map(([a, den]) => {
      const input = { actual: num(a), denominator: den === null ? EMPTY : num(den) };
      return { input, result: evaluateRule(rule(code), input) };
    });
  }

  it('averages Σ Thực hiện ÷ Σ Tổng số', () => {
    const c = consolidate(
      rule('III.1'),
      units('III.1', [
        [48, 60],
        [30, 20],
      ]),
    );
    expect(c).toMatchObject({ status: 'NEAR', actual: 78, denominator: 80, required: 80, gap: -2 });
    // 0.975 rounds half up on the exact figures, not down as the double does.
    expect(c.message.vi).toContain('bình quân 0,98 đoàn viên/CĐCS');
    expect(c.unitsCounted).toBe(2);
  });

  it('sums counts against a ceiling, and leaves invalid units out', () => {
    const entries = units('CT02', [
      [2, null],
      [3, null],
      [1, null],
    ]);
    entries.push({
      input: { actual: num(-1), denominator: EMPTY },
      result: evaluateRule(rule('CT02'), { actual: num(-1), denominator: EMPTY }),
    });
    const c = consolidate(rule('CT02'), entries);
    expect(c).toMatchObject({ status: 'MISSED', actual: 6, gap: -1, unitsLacking: 1 });
  });

  it('consolidates ratio ≤ and money < on the sums', () => {
    const ratio = consolidate(
      rule('II.1'),
      units('II.1', [
        [1, 50],
        [2, 50],
      ]),
    );
    expect(ratio).toMatchObject({ status: 'MET', actual: 3, denominator: 100, gap: 0 });
    const money = consolidate(
      rule('II.7'),
      units('II.7', [
        [500, 500],
        [400, 500],
      ]),
    );
    expect(money).toMatchObject({ status: 'MET', required: 950, gap: 50 });
  });
});

describe('an average rule in a report sheet', () => {
  /** The 2020 plan with an average rule II.8 added (a code the 2020 reader already knows). */
  function withAverage(): Catalogue {
    const data = JSON.parse(JSON.stringify(CATALOGUE_2020)) as Catalogue;
    data.rules.push({ ...rule('III.1'), code: 'II.8', section: 'II' });
    return validateCatalogue(data);
  }

  it('writes its Tỷ lệ as a number per Tổng số, not a percentage', () => {
    const catalogue = withAverage();
    const book = {
      sheets: [
        sheet('Báo cáo', [
          ['Mã', 'Thực hiện', 'Tổng số', 'Tỷ lệ', 'Chênh lệch', 'Đánh giá'],
          ['II.8', 48, 60],
          ['I.2a', 9, 10],
        ]),
      ],
    };
    const evaluation = evaluateWorkbooks([book], { catalogue });
    const plan = planEvaluation(evaluation, book, { summary: true, lang: 'vi', now: new Date() });
    const cell = (row: number, col: number) =>
      plan.sheets[0].cells.find((c) => c.row === row && c.col === col);
    expect(cell(1, 3)).toMatchObject({ value: 0.8, numberFormat: '#,##0.00;-#,##0.00' });
    expect(cell(1, 4)).toMatchObject({ value: -12 });
    expect(cell(1, 5)).toMatchObject({ value: 'Không đạt' });
    expect(cell(2, 3)).toMatchObject({ value: 0.9, numberFormat: '0.0%;-0.0%' });
    const summaryRate = plan.summary!.cells.find((c) => c.value === 0.8);
    expect(summaryRate?.numberFormat).toBe('#,##0.00');
  });
});
