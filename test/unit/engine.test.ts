import fc from 'fast-check';
import { findRule, loadCatalogue } from '../../src/catalogue';
import type { Rule } from '../../src/catalogue/types';
import { DEFAULT_SETTINGS, evaluateRule } from '../../src/engine';
import { Rational } from '../../src/engine/rational';
import type {
  EngineSettings,
  InvalidKind,
  RuleInput,
  RuleLocation,
  RuleResult,
  Status,
} from '../../src/engine/types';
import { parseCell, parseTarget } from '../../src/parsing';
import type { CellValue } from '../../src/template/types';

const catalogue = loadCatalogue();
const LOCATION: RuleLocation = {
  sheet: 'Báo cáo',
  actualCell: 'F12',
  denominatorCell: 'G12',
  targetCell: 'E12',
};

function rule(code: string): Rule {
  const found = findRule(catalogue, code);
  if (!found) throw new Error(`no rule ${code}`);
  return found;
}

interface Options {
  target?: CellValue;
  actualFormat?: string;
  denominatorFormat?: string;
  location?: RuleLocation;
  settings?: Partial<EngineSettings>;
}

/** The inputs as a template would hold them, through the parser, into the engine. */
function inputOf(
  code: string,
  actual: CellValue,
  denominator: CellValue,
  opts: Options,
): RuleInput {
  const target = opts.target === undefined ? null : parseTarget(opts.target, undefined, rule(code));
  if (target && target.kind === 'unreadable') throw new Error(`unreadable target ${opts.target}`);
  return {
    actual: parseCell(actual, opts.actualFormat),
    denominator: parseCell(denominator, opts.denominatorFormat),
    target: target && target.kind === 'ok' ? target.target : null,
  };
}

function run(code: string, actual: CellValue, denominator: CellValue = null, opts: Options = {}) {
  const location = 'location' in opts ? opts.location : LOCATION;
  return evaluateRule(
    rule(code),
    inputOf(code, actual, denominator, opts),
    location,
    opts.settings,
  );
}

const RANK: Record<Status, number> = {
  MISSED: 0,
  NEAR: 1,
  MET: 2,
  NO_DATA: -1,
  NOT_APPLICABLE: -1,
  INVALID: -1,
};

describe('the boundaries of SPEC §2, exact', () => {
  it('9/10 against ≥ 90% is met, with nothing to spare', () => {
    const r = run('I.2a', 9, 10);
    expect(r).toMatchObject({ status: 'MET', required: 9, gap: 0, rate: 0.9, gapUnit: 'count' });
  });

  it('63/70 against ≥ 90% is met', () => {
    expect(run('I.2a', 63, 70)).toMatchObject({ status: 'MET', required: 63, gap: 0 });
  });

  it('13/20 against > 65% is not met: NEAR, 14 required, and the message says why', () => {
    const r = run('II.7b', 13, 20);
    expect(r).toMatchObject({ status: 'NEAR', required: 14, gap: -1, comparator: '>' });
    expect(r.message.vi).toContain('chỉ tiêu yêu cầu trên 65%');
    expect(r.message.vi).toContain('còn thiếu 1 người');
    expect(r.message.en).toContain('more than 65%');
  });

  it('a unit target "Trên 70%" with 63/90 is not met: 64 required', () => {
    const r = run('I.2b', 63, 90, { target: 'Trên 70%' });
    expect(r).toMatchObject({
      status: 'NEAR',
      required: 64,
      gap: -1,
      comparator: '>',
      target: 0.7,
      targetOverridden: true,
    });
  });

  it('a unit target "≥ 55%" with 55/100 is met: 55 required, gap 0', () => {
    const r = run('II.7b', 55, 100, { target: '≥ 55%' });
    expect(r).toMatchObject({ status: 'MET', required: 55, gap: 0, comparator: '>=' });
    expect(r.exact.target.eq(Rational.of(55, 100))).toBe(true);
  });

  it('4/5 against > 80% is exactly at the threshold: NEAR, 5 required', () => {
    expect(run('I.7b', 4, 5)).toMatchObject({ status: 'NEAR', required: 5, gap: -1 });
    expect(run('I.7b', 5, 5)).toMatchObject({ status: 'MET', required: 5, gap: 0 });
  });

  it('999.999.999 of a 1.000.000.000 đồng budget is 1 đồng short, shown short of 100%', () => {
    const r = run('I.5a', '999.999.999', '1.000.000.000 đồng');
    expect(r).toMatchObject({ status: 'NEAR', required: 1e9, gap: -1, gapUnit: 'money' });
    expect(r.message.vi).toContain('99,9999999%');
    expect(r.message.vi).toContain('còn thiếu 1 đồng');
  });

  it('0.57-style doubles compare as the decimals typed', () => {
    expect(0.57 * 100).not.toBe(57);
    expect(run('I.2b', 57, 100, { target: 0.57 })).toMatchObject({ status: 'MET', required: 57 });
    expect(run('I.2b', 57, 100, { target: '57%' })).toMatchObject({ status: 'MET', gap: 0 });
    expect(run('II.3b', 0.57, null, { actualFormat: '0%', target: 57 })).toMatchObject({
      status: 'MET',
      gap: 0,
      directRate: true,
    });
  });

  it('formula noise in a double is read as the figure Excel shows', () => {
    expect(run('I.1a', 0.1 * 3 * 1100)).toMatchObject({ status: 'MET', actual: 330 });
    expect(run('I.2a', 0.3 * 3, null, { actualFormat: '0%' })).toMatchObject({
      status: 'MET',
      gap: 0,
    });
    expect(run('I.2a', 12.5, 20).invalidKind).toBe('not-whole');
  });

  it('a rate just under the target never displays as the target', () => {
    const r = run('I.2a', 8999, 10000);
    expect(r.status).toBe('NEAR');
    expect(r.message.vi).toContain('89,99%');
  });
});

describe('every rule of the catalogue', () => {
  // code, Thực hiện, Tổng số, status, required, gap
  const cases: [string, CellValue, CellValue, Status, number | null, number | null][] = [
    ['I.1a', 112, null, 'MET', 110, 2],
    ['I.1b', 3, null, 'MISSED', 4, -1],
    ['I.2a', 17, 20, 'NEAR', 18, -1],
    ['I.2b', 45, 52, 'MET', 42, 3],
    ['I.3', 720, null, 'NEAR', 800, -80],
    ['I.4a', 12, 12, 'MET', 12, 0],
    ['I.4b', 91, 100, 'MET', 91, 0],
    ['I.5a', 999_999_999, 1_000_000_000, 'NEAR', 1_000_000_000, -1],
    ['I.5b', '1.200.000.000 đồng', '1.000.000.000', 'MET', 1_000_000_000, 200_000_000],
    ['I.6', 79, 100, 'NEAR', 80, -1],
    ['I.7a', 8, 10, 'MISSED', 10, -2],
    ['I.7b', 4, 5, 'NEAR', 5, -1],
    ['I.8', 57, 57, 'MET', 57, 0],
    ['I.9', '50 CĐCS', null, 'MET', 50, 0],
    ['II.1a', 0, 0, 'NOT_APPLICABLE', null, null],
    ['II.1b', 3, 4, 'MISSED', 4, -1],
    ['II.1c', 57, 63, 'MET', 57, 0],
    ['II.2', 57, 100, 'MISSED', 90, -33],
    ['II.3a', '100%', null, 'MET', null, 0],
    ['II.3b', 70, 100, 'MISSED', 80, -10],
    ['II.4', 1, null, 'MISSED', 2, -1],
    ['II.5', '11 cuộc', null, 'NEAR', 12, -1],
    ['II.6a', 1999, 2000, 'NEAR', 2000, -1],
    ['II.6b', null, 1500, 'NO_DATA', null, null],
    ['II.7a', 95, 100, 'MET', 95, 0],
    ['II.7b', 66, 100, 'MET', 66, 0],
  ];

  it('has a case for each of the 26 rules', () => {
    expect(cases.map((c) => c[0])).toEqual(catalogue.rules.map((r) => r.code));
  });

  it.each(cases)('%s: %j of %j is %s (required %j, gap %j)', (code, a, d, status, req, gap) => {
    const r = run(code, a, d);
    expect(r.code).toBe(code);
    expect(r.status).toBe(status);
    expect(r.required).toBe(req);
    expect(r.gap).toBe(gap);
    expect(r.targetOverridden).toBe(false);
    expect(r.comparator).toBe(rule(code).comparator);
    expect(r.message.vi.length).toBeGreaterThan(10);
    expect(r.message.en.length).toBeGreaterThan(10);
  });
});

describe('results and their fields', () => {
  it('keeps the rate finite and the shortfall visible when Tổng số is tiny', () => {
    const r = run('I.5a', 0, 5e-324);
    expect(r.status).toBe('MISSED');
    expect(r.rate).toBe(0);
    expect(r.message.vi).not.toMatch(/NaN|bằng đúng ngưỡng/);
    expect(r.message.vi).toMatch(/còn thiếu/);
  });

  it('count rules: rate is Thực hiện ÷ target, gap in the rule unit, Tổng số ignored', () => {
    const r = run('I.1a', 121, 'anything');
    expect(r).toMatchObject({
      status: 'MET',
      actual: 121,
      denominator: null,
      rate: 1.1,
      target: 110,
      required: 110,
      gap: 11,
      gapUnit: 'count',
      invalidField: null,
    });
    expect(r.message.vi).toBe('Đạt: 121 đoàn viên (yêu cầu ≥ 110).');
  });

  it('ratio rules: the short message of SPEC', () => {
    const r = run('I.2b', 45, 52);
    expect(r.rate).toBeCloseTo(0.8653846, 7);
    expect(r.message.vi).toBe('Đạt: 45/52 = 86,5% (yêu cầu ≥ 80%, tối thiểu 42 CĐCS).');
    expect(r.message.en).toBe('Met: 45/52 = 86.5% (target ≥ 80%, at least 42 grassroots unions).');
    const missed = run('I.2b', 30, 52);
    expect(missed.status).toBe('MISSED');
    expect(missed.message.vi).toBe(
      'Không đạt: 30/52 = 57,7% (yêu cầu ≥ 80%, tối thiểu 42 CĐCS), còn thiếu 12 CĐCS.',
    );
  });

  it('plan rules: may exceed the budget; gap in đồng; required is p × dự toán exactly', () => {
    const r = run('I.5a', '1.250.000.000', 1_200_000_000);
    expect(r).toMatchObject({ status: 'MET', required: 1.2e9, gap: 5e7, gapUnit: 'money' });
    expect(r.message.vi).toBe(
      'Đạt: 1.250.000.000/1.200.000.000 đồng = 104,2% dự toán (yêu cầu ≥ 100%).',
    );
    const partial = run('I.5b', '1.234,5', 1000, { target: '95%' });
    expect(partial).toMatchObject({ status: 'MET', required: 950, gap: 284.5 });
    const odd = run('I.5a', 100, 333, { target: '≥ 33,3%' });
    expect(odd.exact.required?.eq(Rational.of(110889, 1000))).toBe(true);
    expect(odd.status).toBe('NEAR');
  });

  it('a strict count target needs one more than the target', () => {
    expect(run('I.1b', 5, null, { target: 'Trên 5' })).toMatchObject({
      status: 'NEAR',
      required: 6,
      gap: -1,
    });
    const met = run('I.1b', 6, null, { target: 'trên 5 CĐCS' });
    expect(met).toMatchObject({ status: 'MET', required: 6, gap: 0 });
    expect(met.message.vi).toContain('theo chỉ tiêu giao cho đơn vị');
  });

  it('a unit target keeps the catalogue comparator when it has no word for one', () => {
    expect(run('II.7b', 13, 20, { target: '65%' })).toMatchObject({
      comparator: '>',
      status: 'NEAR',
    });
    expect(run('II.7b', 13, 20, { target: '≥ 65%' })).toMatchObject({
      comparator: '>=',
      status: 'MET',
    });
  });

  it('says when the target cannot be met with this Tổng số', () => {
    const r = run('I.2b', 20, 20, { target: 'Trên 100%' });
    expect(r).toMatchObject({ cannotMeet: true, required: 21, gap: -1 });
    expect(r.status).not.toBe('MET');
    expect(r.message.vi).toContain('không thể đạt với Tổng số 20');
    expect(r.message.en).toContain('cannot be met with a total of 20');
    expect(run('I.2b', 20, 20).cannotMeet).toBe(false);
  });

  it('NEAR follows the setting', () => {
    expect(run('I.1a', 100).status).toBe('NEAR');
    expect(run('I.1a', 98).status).toBe('MISSED');
    const strict = { nearThreshold: Rational.of(19, 20) };
    expect(run('I.1a', 100, null, { settings: strict }).status).toBe('MISSED');
    expect(run('I.1a', 105, null, { settings: strict }).status).toBe('NEAR');
    expect(DEFAULT_SETTINGS.nearThreshold.eq(Rational.of(9, 10))).toBe(true);
    // Ratio rules: attainment is rate ÷ target rate: 72% of ≥ 80% is exactly 0.9.
    expect(run('I.2b', 72, 100).status).toBe('NEAR');
    expect(run('I.2b', 71, 100).status).toBe('MISSED');
  });

  it('keeps exact values for the consolidation', () => {
    const r = run('I.2a', 63, 70);
    expect(r.exact.actual?.eq(Rational.of(63))).toBe(true);
    expect(r.exact.denominator?.eq(Rational.of(70))).toBe(true);
    expect(r.exact.target.eq(Rational.of(9, 10))).toBe(true);
    expect(r.exact.required?.eq(Rational.of(63))).toBe(true);
    expect(r.exact.gap?.isZero()).toBe(true);
  });

  it('serialises its message to JSON and keeps it through a spread', () => {
    const r = run('I.2b', 45, 52);
    const json = JSON.parse(JSON.stringify({ ...r, exact: undefined }));
    expect(json.message).toEqual({ vi: r.message.vi, en: r.message.en });
    expect({ ...r }.message.vi).toBe(r.message.vi);
    expect(json).toMatchObject({ code: 'I.2b', status: 'MET', actual: 45, denominator: 52 });
  });
});

describe('direct rates', () => {
  it('uses a rate typed with % when Tổng số is empty: no required, gap in points', () => {
    const r = run('I.2a', '85%');
    expect(r).toMatchObject({
      status: 'NEAR',
      directRate: true,
      actual: 0.85,
      denominator: null,
      rate: 0.85,
      required: null,
      gapUnit: 'points',
    });
    expect(r.gap).toBeCloseTo(-0.05, 12);
    expect(r.exact.gap?.eq(Rational.of(-1, 20))).toBe(true);
    expect(r.message.vi).toContain('còn thiếu 5 điểm %');
  });

  it('uses a number in a percent-formatted cell the same way', () => {
    expect(run('I.2a', 0.95, null, { actualFormat: '0%' })).toMatchObject({
      status: 'MET',
      directRate: true,
      rate: 0.95,
    });
    expect(run('I.5a', 1.05, null, { actualFormat: '0.0%' })).toMatchObject({
      status: 'MET',
      directRate: true,
    });
  });

  it('a direct rate exactly at the threshold of a > rule is NEAR and says so', () => {
    const r = run('II.7b', '65%');
    expect(r).toMatchObject({ status: 'NEAR', gap: 0 });
    expect(r.message.vi).toContain('chỉ tiêu yêu cầu trên 65%');
    expect(run('II.7b', '65,1%').status).toBe('MET');
  });
});

describe('no data and not applicable', () => {
  it('empty Thực hiện is NO_DATA, even with Tổng số, and the message names the cell', () => {
    const r = run('I.2b', null, 52);
    expect(r).toMatchObject({ status: 'NO_DATA', actual: null, denominator: 52, rate: null });
    expect(r.message.vi).toBe("Trang 'Báo cáo', ô F12: chưa nhập Thực hiện.");
    for (const blank of ['', '   ', '……', '...', '-']) {
      expect(run('I.1a', blank).status).toBe('NO_DATA');
    }
  });

  it('Tổng số 0 with Thực hiện 0 is NOT_APPLICABLE', () => {
    const r = run('II.1b', 0, 0);
    expect(r).toMatchObject({ status: 'NOT_APPLICABLE', actual: 0, denominator: 0, gap: null });
    expect(r.message.vi).toContain('Không áp dụng');
  });
});

describe('every kind of invalid input has its own message naming the sheet and cell', () => {
  // code, Thực hiện, Tổng số, options, kind, field, cell, words of the Vietnamese message
  const cases: [string, CellValue, CellValue, Options, InvalidKind, string, string, string][] = [
    ['I.2a', 'abc', 10, {}, 'not-a-number', 'actual', 'F12', 'Thực hiện «abc» không phải là số.'],
    [
      'I.2a',
      9,
      'mười',
      {},
      'not-a-number',
      'denominator',
      'G12',
      'Tổng số «mười» không phải là số.',
    ],
    ['I.1a', -5, null, {}, 'negative', 'actual', 'F12', 'Thực hiện là số âm (-5)'],
    ['I.2a', 5, -10, {}, 'negative', 'denominator', 'G12', 'Tổng số là số âm (-10)'],
    [
      'I.1a',
      12.5,
      null,
      {},
      'not-whole',
      'actual',
      'F12',
      'Thực hiện 12,5 không phải là số nguyên',
    ],
    [
      'I.2b',
      5,
      10.5,
      {},
      'not-whole',
      'denominator',
      'G12',
      'Tổng số 10,5 không phải là số nguyên',
    ],
    [
      'I.2b',
      60,
      52,
      {},
      'actual-above-denominator',
      'actual',
      'F12',
      'Thực hiện (60) lớn hơn Tổng số (52, ô G12).',
    ],
    [
      'I.2b',
      3,
      0,
      {},
      'zero-denominator',
      'denominator',
      'G12',
      'Tổng số bằng 0 nhưng Thực hiện là 3.',
    ],
    [
      'I.2b',
      { error: '#DIV/0!' },
      52,
      {},
      'excel-error',
      'actual',
      'F12',
      'giá trị lỗi #DIV/0! của Excel',
    ],
    ['I.2b', '#N/A', 52, {}, 'excel-error', 'actual', 'F12', 'giá trị lỗi #N/A của Excel'],
    [
      'I.2b',
      5,
      { error: '#REF!' },
      {},
      'excel-error',
      'denominator',
      'G12',
      'Tổng số là giá trị lỗi #REF!',
    ],
    ['I.1a', true, null, {}, 'boolean', 'actual', 'F12', 'Thực hiện là giá trị logic TRUE'],
    ['I.2b', 5, false, {}, 'boolean', 'denominator', 'G12', 'Tổng số là giá trị logic FALSE'],
    [
      'I.1a',
      43831,
      null,
      { actualFormat: 'dd/mm/yyyy' },
      'date',
      'actual',
      'F12',
      'Thực hiện là ngày tháng (01/01/2020)',
    ],
    [
      'I.2b',
      5,
      '12/05/2020',
      {},
      'date',
      'denominator',
      'G12',
      'Tổng số là ngày tháng (12/05/2020)',
    ],
    ['I.1a', 2 ** 60, null, {}, 'too-large', 'actual', 'F12', 'Thực hiện quá lớn'],
    ['I.5a', 1, 1e300, {}, 'too-large', 'denominator', 'G12', 'Tổng số quá lớn'],
    [
      'I.2b',
      45,
      null,
      {},
      'missing-denominator',
      'denominator',
      'G12',
      'nhập Tổng số, hoặc nhập tỷ lệ dạng %',
    ],
    [
      'I.1a',
      '85%',
      null,
      {},
      'percent-for-count',
      'actual',
      'F12',
      'chỉ tiêu này đếm số đoàn viên',
    ],
    [
      'I.2b',
      45,
      '52%',
      {},
      'percent-denominator',
      'denominator',
      'G12',
      'Tổng số phải là số lượng',
    ],
    ['I.2b', '85%', 52, {}, 'rate-with-denominator', 'actual', 'F12', 'hoặc xóa Tổng số'],
    ['I.2b', '120%', null, {}, 'rate-above-100', 'actual', 'F12', 'vượt quá 100%'],
  ];

  it.each(cases)('%s %j / %j', (code, a, d, opts, kind, field, cell, words) => {
    const r = run(code, a, d, opts);
    expect(r.status).toBe('INVALID');
    expect(r.invalidKind).toBe(kind);
    expect(r.invalidField).toBe(field);
    expect(r.required).toBeNull();
    expect(r.gap).toBeNull();
    expect(r.rate).toBeNull();
    expect(r.message.vi.startsWith(`Trang 'Báo cáo', ô ${cell}: `)).toBe(true);
    expect(r.message.en.startsWith(`Sheet 'Báo cáo', cell ${cell}: `)).toBe(true);
    expect(r.message.vi).toContain(words);
  });

  it('gives the exact message of the brief for text in Thực hiện', () => {
    expect(run('I.2b', 'abc', 52).message.vi).toBe(
      "Trang 'Báo cáo', ô F12: Thực hiện «abc» không phải là số.",
    );
  });

  it('has a different message for each kind', () => {
    const byKind = new Map<string, string>();
    for (const [code, a, d, opts, kind] of cases) {
      const r = run(code, a, d, { ...opts, location: undefined });
      const message = r.message.vi.replace(/[\d.,]+/g, '#').replace(/«.*»|\(.*\)/g, '');
      const other = byKind.get(message);
      if (other !== undefined) expect(other).toBe(kind);
      byKind.set(message, kind);
    }
    expect(new Set(byKind.values()).size).toBe(new Set(cases.map((c) => c[4])).size);
  });

  it('names what it can when the location is partial or absent', () => {
    expect(run('I.2b', 'abc', 52, { location: undefined }).message.vi).toBe(
      'Thực hiện «abc» không phải là số.',
    );
    expect(run('I.2b', 'abc', 52, { location: { sheet: 'A' } }).message.vi).toBe(
      "Trang 'A': Thực hiện «abc» không phải là số.",
    );
    expect(run('I.2b', 'abc', 52, { location: { actualCell: 'F9' } }).message.en).toBe(
      'Cell F9: Actual (Thực hiện) «abc» is not a number.',
    );
    expect(
      run('I.2b', 45, null, { location: { sheet: 'A', actualCell: 'F9' } }).message.vi,
    ).toMatch(/^Trang 'A', ô F9: Thiếu Tổng số/);
  });

  it('never throws, even on malformed input objects', () => {
    const r = rule('I.2b');
    expect(evaluateRule(r, {} as RuleInput).status).toBe('NO_DATA');
    const broken = { actual: { kind: 'number', value: 5, percent: false } } as unknown as RuleInput;
    const result = evaluateRule(r, broken, LOCATION);
    expect(result.status).toBe('INVALID');
    expect(result.message.vi).toContain('Không đánh giá được');
    const badTarget = {
      actual: parseCell(120),
      denominator: parseCell(null),
      target: { value: 5 },
    };
    expect(evaluateRule(rule('I.1a'), badTarget as unknown as RuleInput)).toMatchObject({
      status: 'MET',
      target: 110,
      targetOverridden: false,
    });
  });
});

describe('properties', () => {
  const ratioRules = catalogue.rules.filter((r) => r.kind === 'ratio');
  const anyRule = fc.constantFrom(...catalogue.rules);

  /** Percent target as a BigInt fraction p/100 → numerator over 100·den, for an oracle. */
  function oracleMet(rule: Rule, a: bigint, d: bigint): boolean {
    const [whole, frac = ''] = rule.target.split('.');
    const scale = 10n ** BigInt(frac.length);
    const p = BigInt(whole + frac); // target × scale, in percent
    const left = a * 100n * scale;
    const right = p * d;
    return rule.comparator === '>' ? left > right : left >= right;
  }

  it('a ratio rule is met exactly when num·100 ≥ p·den (or >), and required is the least', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ratioRules),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, den, share) => {
          const num = Math.floor(den * share);
          const result = evaluateRule(r, {
            actual: parseCell(num),
            denominator: parseCell(den),
          });
          expect(result.status === 'MET').toBe(oracleMet(r, BigInt(num), BigInt(den)));
          const required = result.required as number;
          expect(oracleMet(r, BigInt(required), BigInt(den))).toBe(true);
          expect(oracleMet(r, BigInt(required - 1), BigInt(den))).toBe(false);
          expect(result.gap).toBe(num - required);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a status never gets worse when Thực hiện grows with the same Tổng số', () => {
    fc.assert(
      fc.property(
        anyRule,
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
        fc.constantFrom<CellValue>(null, 'Trên ', '≥ '),
        (r, x, y, den, targetFigure, word) => {
          const [low, high] = x <= y ? [x, y] : [y, x];
          const cap = r.kind === 'ratio' ? den : Number.MAX_SAFE_INTEGER;
          const figures = [Math.min(low, cap), Math.min(high, cap)];
          const target =
            targetFigure === undefined
              ? null
              : parseTarget(
                  `${word ?? ''}${targetFigure}${r.kind === 'count' ? '' : '%'}`,
                  undefined,
                  r,
                );
          const statuses = figures.map(
            (a) =>
              evaluateRule(r, {
                actual: parseCell(a),
                denominator: parseCell(r.kind === 'count' ? null : den),
                target: target && target.kind === 'ok' ? target.target : null,
              }).status,
          );
          expect(RANK[statuses[0]]).toBeGreaterThanOrEqual(0);
          expect(RANK[statuses[1]]).toBeGreaterThanOrEqual(RANK[statuses[0]]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws and always explains, whatever the cells hold', () => {
    const anyCell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer({ min: -1000, max: 1000 }),
      fc.boolean(),
      fc.constant(null),
      fc.record({ error: fc.constantFrom('#DIV/0!', '#N/A', '#REF!') }),
    ) as fc.Arbitrary<CellValue>;
    fc.assert(
      fc.property(anyRule, anyCell, anyCell, fc.boolean(), (r, a, d, percent) => {
        const result = evaluateRule(
          r,
          { actual: parseCell(a, percent ? '0%' : undefined), denominator: parseCell(d) },
          LOCATION,
        );
        expect(result.message.vi).not.toBe('');
        expect(result.message.en).not.toBe('');
        if (result.status === 'INVALID') {
          expect(result.message.vi).toMatch(/^Trang 'Báo cáo', ô [FG]12: /);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

it('Rational stays exact on the whole-number fast paths', () => {
  fc.assert(
    fc.property(
      fc.bigInt(-(10n ** 20n), 10n ** 20n),
      fc.bigInt(-(10n ** 20n), 10n ** 20n),
      (a, b) => {
        const x = Rational.of(a);
        const y = Rational.of(b);
        expect(x.add(y).num).toBe(a + b);
        expect(x.sub(y).num).toBe(a - b);
        expect(x.mul(y).num).toBe(a * b);
        expect(x.add(y).den).toBe(1n);
        expect(
          Rational.of(a, 3n)
            .add(Rational.of(b, 3n))
            .eq(Rational.of(a + b, 3n)),
        ).toBe(true);
      },
    ),
  );
  expect(Rational.of(7n).add(Rational.of(0n)).toString()).toBe('7');
});

/** Results are used by reference in several places; make sure nothing is shared between them. */
it('returns independent results', () => {
  const a: RuleResult = run('I.2b', 45, 52);
  const b: RuleResult = run('I.2b', 30, 52);
  expect(a.exact).not.toBe(b.exact);
  expect(a.message.vi).not.toBe(b.message.vi);
});
