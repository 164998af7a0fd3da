/**
 * SPEC §2 "Report period": the period read from the title block, period targets of the plan,
 * pro rata exactly, a unit's own target pro-rated, messages that say "tiến độ", reports of
 * different periods not consolidated together, JSON "period".
 */
import { CATALOGUE_2020, loadCatalogue, validateCatalogue } from '../../src/catalogue';
import type { Catalogue, Rule } from '../../src/catalogue/types';
import { evaluationToJson } from '../../src/cli/json';
import { consolidate, describeGap, evaluateRule } from '../../src/engine';
import { Rational } from '../../src/engine/rational';
import type { RuleInput } from '../../src/engine/types';
import { parseCell } from '../../src/parsing';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { readReportSheet } from '../../src/template/reader';
import { buildSummarySheet } from '../../src/template/summary';
import type { CellValue, SheetSnapshot } from '../../src/template/types';
import { filledTemplate, sheet } from './template-fixtures';

const builtin = loadCatalogue();
const rule2020 = (code: string) => builtin.rules.find((r) => r.code === code)!;

/** The 2020 plan with I.1b at ≥ 25, a 6-month target for I.3, and a ≤ rule added. */
function planWithPeriods(): Catalogue {
  const data = JSON.parse(JSON.stringify(CATALOGUE_2020)) as Catalogue;
  data.id = '2026';
  data.year = 2026;
  const i1b = data.rules.find((r) => r.code === 'I.1b')!;
  i1b.target = '25';
  const i3 = data.rules.find((r) => r.code === 'I.3')!;
  i3.periodTargets = [{ months: 6, comparator: '>=', target: '300' }];
  const i2a = data.rules.find((r) => r.code === 'I.2a')!;
  i2a.periodTargets = [{ months: 6, comparator: '>=', target: '50' }];
  data.rules.push({
    ...data.rules[0],
    code: 'I.10',
    comparator: '<=',
    target: '4',
    unit: { vi: 'vụ', en: 'cases' },
    itemUnit: { vi: 'vụ', en: 'cases' },
  });
  return validateCatalogue(data);
}
const PLAN = planWithPeriods();
const rule = (code: string) => PLAN.rules.find((r) => r.code === code)!;

const n = (x: number | string) => parseCell(x);
const EMPTY = { kind: 'empty' } as const;

function at(r: Rule, input: Partial<RuleInput>, period?: number) {
  return evaluateRule(r, { actual: EMPTY, denominator: EMPTY, ...input, period });
}

describe('targets for an N-month report', () => {
  it('pro-rates count rules exactly: ≥ 110 for 6 months is ≥ 55, and says so', () => {
    const r = at(rule2020('I.1a'), { actual: n(50) }, 6);
    expect(r).toMatchObject({ status: 'NEAR', target: 55, required: 55, gap: -5 });
    expect(r.progress).toEqual({
      months: 6,
      basis: 'pro-rata',
      yearlyTarget: 110,
      yearlyComparator: '>=',
    });
    expect(r.message.vi).toContain('tiến độ 6 tháng: cần ≥ 55 (cả năm ≥ 110)');
    expect(r.message.en).toContain('6-month progress: ≥ 55 needed (full year ≥ 110)');
    expect(describeGap(rule2020('I.1a'), r, 'vi')).toBe(
      'còn thiếu 5 đoàn viên; tiến độ 6 tháng: cần ≥ 55 (cả năm ≥ 110)',
    );
  });

  it('≥ 25 for 9 months is a target of 18.75 and 19 required', () => {
    const r = at(rule('I.1b'), { actual: n(18) }, 9);
    expect(r).toMatchObject({ status: 'NEAR', target: 18.75, required: 19, gap: -1 });
    expect(r.exact.target.eq(Rational.of(75, 4))).toBe(true);
    expect(at(rule('I.1b'), { actual: n(19) }, 9).status).toBe('MET');
    expect(r.message.vi).toContain('cần ≥ 18,75 (cả năm ≥ 25)');
  });

  it('pro-rates a plan rule: 100% of dự toán for 6 months is 50%', () => {
    const r = at(rule2020('I.5a'), { actual: n(500), denominator: n(1000) }, 6);
    expect(r).toMatchObject({ status: 'MET', target: 0.5, required: 500, gap: 0 });
    expect(r.message.vi).toContain('tiến độ 6 tháng: cần ≥ 50% (cả năm ≥ 100%)');
  });

  it('keeps ratio, average, ≤ and < targets as they are', () => {
    const ratio = at(rule2020('I.2b'), { actual: n(8), denominator: n(10) }, 6);
    expect(ratio).toMatchObject({ status: 'MET', target: 0.8, required: 8 });
    expect(ratio.progress?.basis).toBe('yearly');
    expect(ratio.message.vi).not.toContain('tiến độ');
    const ceiling = at(rule('I.10'), { actual: n(4) }, 6);
    expect(ceiling).toMatchObject({ status: 'MET', target: 4, required: 4 });
  });

  it("uses the plan's Chỉ tiêu N tháng when it has one, pro rata otherwise", () => {
    const six = at(rule('I.3'), { actual: n(300) }, 6);
    expect(six).toMatchObject({ status: 'MET', target: 300, required: 300 });
    expect(six.progress?.basis).toBe('plan');
    expect(six.message.vi).toContain('tiến độ 6 tháng: cần ≥ 300 (cả năm ≥ 800)');
    // No 9-month target: 800 × 9/12 = 600.
    expect(at(rule('I.3'), { actual: n(300) }, 9)).toMatchObject({ target: 600, required: 600 });
    // A ratio rule with a period target is judged against it.
    const i2a = at(rule('I.2a'), { actual: n(5), denominator: n(10) }, 6);
    expect(i2a).toMatchObject({ status: 'MET', target: 0.5, required: 5 });
  });

  it("pro-rates a unit's own yearly target, which wins over the plan's period target", () => {
    const own = { value: Rational.of(400), comparator: null };
    const r = at(rule('I.3'), { actual: n(200), target: own }, 6);
    expect(r).toMatchObject({ status: 'MET', target: 200, targetOverridden: true });
    expect(r.message.vi).toContain('cần ≥ 200 (cả năm ≥ 400) theo chỉ tiêu giao cho đơn vị');
  });

  it('judges a whole-year report (12, or nothing) as before', () => {
    for (const period of [undefined, 12, 0, 13, 6.5]) {
      const r = at(rule2020('I.1a'), { actual: n(100) }, period);
      expect(r).toMatchObject({ status: 'NEAR', target: 110, required: 110 });
      expect(r.progress).toBeUndefined();
    }
  });

  it('consolidates the units of one period against the pro-rated provincial target', () => {
    const entries = [30, 40].map((a) => {
      const input: RuleInput = { actual: n(a), denominator: EMPTY, period: 6 };
      return { input, result: evaluateRule(rule2020('I.1a'), input) };
    });
    const c = consolidate(rule2020('I.1a'), entries, undefined, 6);
    expect(c).toMatchObject({ status: 'MET', actual: 70, target: 55, required: 55, gap: 15 });
  });
});

// ---------------------------------------------------------------------------------------------

const HEADER = ['STT', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Chỉ tiêu', 'Thực hiện', 'Tổng số'];
const BODY: CellValue[][] = [HEADER, [1, 'I.1a', 'Kết nạp đoàn viên', null, 50, null]];

function periodOf(title: CellValue[][]) {
  const { report, issues } = readReportSheet(sheet('Báo cáo', [...title, ...BODY]), builtin);
  return { period: report!.period, cell: report!.periodCell, issues };
}

describe('the period in the title block', () => {
  it.each<[string, CellValue[][], number | undefined, string | undefined]>([
    ['"Kỳ báo cáo: 6 tháng"', [['Kỳ báo cáo: 6 tháng']], 6, 'A1'],
    ['the label with the period to its right', [['Kỳ báo cáo', null, '9 tháng']], 9, 'C1'],
    ['a bare number', [['KỲ BÁO CÁO:', '06']], 6, 'B1'],
    ['"SÁU THÁNG" in a title', [['BÁO CÁO KẾT QUẢ SÁU THÁNG ĐẦU NĂM 2020']], 6, 'A1'],
    ['"9 THÁNG" in a title', [[null, 'BÁO CÁO 9 THÁNG NĂM 2020']], 9, 'B1'],
    ['"CHÍN THÁNG"', [['KẾT QUẢ CHÍN THÁNG']], 9, 'A1'],
    ['"3 tháng"', [['Báo cáo 3 tháng đầu năm']], 3, 'A1'],
    ['"cả năm"', [['Kỳ báo cáo: cả năm']], undefined, undefined],
    ['"12 THÁNG"', [['BÁO CÁO 12 THÁNG']], undefined, undefined],
    ['nothing', [['BÁO CÁO NĂM 2020']], undefined, undefined],
    ['a date line', [['Hà Nội, ngày 10 tháng 7 năm 2020']], undefined, undefined],
  ])('reads %s', (_, title, months, cell) => {
    const { period, cell: where, issues } = periodOf(title);
    expect(period).toBe(months);
    expect(where).toBe(cell);
    expect(issues.map((i) => i.kind)).not.toContain('period-unreadable');
  });

  it('prefers the labelled cell to a title', () => {
    expect(periodOf([['BÁO CÁO 6 THÁNG'], ['Kỳ báo cáo: 9 tháng']]).period).toBe(9);
  });

  it('warns about a period it cannot read, and takes the whole year', () => {
    const { period, issues } = periodOf([['Kỳ báo cáo: Quý II']]);
    expect(period).toBeUndefined();
    const warning = issues.find((i) => i.kind === 'period-unreadable')!;
    expect(warning).toMatchObject({ severity: 'warning', cell: 'A1' });
    expect(warning.message.vi).toContain('không đọc được kỳ báo cáo «Kỳ báo cáo: Quý II»');
  });
});

/** A 2020 template sheet with a period line written into its title block. */
function report(name: string, unit: string, months: string | null, inputs = {}): SheetSnapshot {
  const s = filledTemplate(name, unit, inputs);
  if (months !== null) s.values[2][4] = `Kỳ báo cáo: ${months}`;
  return s;
}

describe('evaluating mid-year reports', () => {
  it('judges and consolidates 6-month reports, in the JSON and the summary title', () => {
    const evaluation = evaluateWorkbooks([
      { sheets: [report('A', 'LĐLĐ huyện A', '6 tháng', { 'I.1a': { actual: 30 } })] },
      // The template's own period target ("≥ 55") is not a target of the unit's own.
      {
        sheets: [
          report('B', 'LĐLĐ huyện B', '6 tháng', { 'I.1a': { actual: 30, target: '≥ 55' } }),
        ],
      },
    ]);
    expect(evaluation.period).toBe(6);
    const [a, b] = evaluation.units.map((u) => u.results.find((r) => r.code === 'I.1a')!);
    expect(a).toMatchObject({ status: 'MISSED', target: 55, required: 55, gap: -25 });
    expect(b).toMatchObject({ target: 55, targetOverridden: false });
    const c = evaluation.consolidated.find((r) => r.code === 'I.1a')!;
    expect(c).toMatchObject({ status: 'MET', actual: 60, target: 55, gap: 5, unitsCounted: 2 });
    expect(evaluation.issues.map((i) => i.kind)).not.toContain('mixed-periods');

    const json = evaluationToJson(evaluation, 'vi');
    expect(json.units.map((u) => u.period)).toEqual([6, 6]);
    expect(json.units[0].results.find((r) => r.code === 'I.1a')).toMatchObject({ target: 55 });

    const summary = buildSummarySheet(evaluation, {
      name: 'Tổng hợp',
      replace: false,
      lang: 'vi',
      now: new Date(2020, 6, 1),
    });
    const title = summary.cells.find((cell) => cell.row === 0 && cell.col === 0)!.value;
    expect(title).toBe('TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2020');
  });

  it('does not consolidate reports of different periods, and names them', () => {
    const evaluation = evaluateWorkbooks([
      {
        sheets: [report('A', 'LĐLĐ huyện A', '6 tháng', { 'I.1a': { actual: 60 } })],
        file: 'a.xlsx',
      },
      { sheets: [report('B', 'LĐLĐ huyện B', null, { 'I.1a': { actual: 120 } })], file: 'b.xlsx' },
    ]);
    const error = evaluation.issues.find((i) => i.kind === 'mixed-periods')!;
    expect(error.severity).toBe('error');
    expect(error.message.vi).toContain("'a.xlsx › A' (6 tháng), 'b.xlsx › B' (cả năm)");
    expect(error.message.en).toContain("'a.xlsx › A' (6 months), 'b.xlsx › B' (full year)");
    // Each unit is still judged for its own period.
    const results = evaluation.units.map((u) => u.results.find((r) => r.code === 'I.1a')!);
    expect(results.map((r) => [r.status, r.target])).toEqual([
      ['MET', 55],
      ['MET', 110],
    ]);
    expect(evaluation.period).toBeUndefined();
    for (const c of evaluation.consolidated) {
      expect(c).toMatchObject({ status: 'NO_DATA', unitsCounted: 0, unitsLacking: 2 });
      expect(c.message.vi).toContain('không cùng kỳ báo cáo');
    }
    expect(evaluationToJson(evaluation, 'en').units.map((u) => u.period)).toEqual([6, 12]);
  });
});
