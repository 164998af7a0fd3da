/**
 * SPEC §9 in the core: the allocation sheet, allocated targets at evaluation, who has not
 * reported, the same unit twice, one unit is not a province, a code on two rows.
 */
import { loadCatalogue } from '../../src/catalogue';
import { Rational } from '../../src/engine/rational';
import { STATUS_INFO } from '../../src/engine/status';
import { readAllocationSheet, unitKey } from '../../src/template/allocation';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { planClear, planEvaluation } from '../../src/template/plan';
import { buildSummarySheet } from '../../src/template/summary';
import type { CellValue, Evaluation, SheetPlan } from '../../src/template/types';
import { filledTemplate, MemoryWorkbook, rowOf, sheet } from './template-fixtures';

const catalogue = loadCatalogue();
const now = new Date(2021, 0, 15, 9, 5);

/** Rows 1–3 a title; the header on row 4 (D4, E4, F4 the units). */
const allocationSheet = (rows: CellValue[][] = []) =>
  sheet('Giao chỉ tiêu', [
    ['GIAO CHỈ TIÊU NĂM 2020'],
    [],
    [],
    [
      'Mã chỉ tiêu',
      'Nội dung',
      'Chỉ tiêu toàn tỉnh',
      'LĐLĐ huyện A',
      'LĐLĐ huyện B',
      'LĐLĐ huyện C',
    ],
    ['I.1b', 'CĐCS thành lập mới', '≥ 4', 1, '≥ 2', null],
    ['I.2a', 'Tỷ lệ…', '≥ 90%', '80%', 'trên 85%', '≥ 95%'],
    ...rows,
  ]);

function summaryCells(plan: SheetPlan): unknown[] {
  return plan.cells.map((c) => c.value);
}

describe('the allocation sheet "Giao chỉ tiêu"', () => {
  it('reads one column per unit, each cell a target in the Chỉ tiêu syntax', () => {
    const { allocation, issues } = readAllocationSheet(allocationSheet(), catalogue, 'plan.xlsx');
    expect(issues).toEqual([]);
    expect(allocation!.units.map((u) => [u.name, u.cell])).toEqual([
      ['LĐLĐ huyện A', 'D4'],
      ['LĐLĐ huyện B', 'E4'],
      ['LĐLĐ huyện C', 'F4'],
    ]);
    const [a, b, c] = allocation!.units;
    expect(a.targets.get('I.1b')!.target!.value.eq(Rational.of(1))).toBe(true);
    expect(a.targets.get('I.2a')!.target!.value.eq(Rational.of(8, 10))).toBe(true);
    expect(b.targets.get('I.2a')).toMatchObject({ cell: 'E6', target: { comparator: '>' } });
    // Empty: the plan's target.
    expect(c.targets.get('I.1b')).toEqual({ target: null, cell: 'F5' });
  });

  it('names the cell of every problem: a unit twice, an unknown code, an unreadable target, a code on two rows', () => {
    const s = sheet('Giao chỉ tiêu', [
      ['Mã', 'LĐLĐ huyện A', 'ldld  HUYEN a', 'LĐLĐ huyện B'],
      ['I.99', 1, 2, 3],
      ['I.1b', 'nhiều', 2, 3],
      ['I.3', 100, 2, 3],
      ['I-3', 100, 2, 3],
    ]);
    const { allocation, issues } = readAllocationSheet(s, catalogue);
    expect(issues.map((i) => [i.severity, i.kind, i.cell])).toEqual([
      ['error', 'allocation-duplicate-unit', 'C1'],
      ['warning', 'allocation-unknown-code', 'A2'],
      ['error', 'allocation-unreadable-target', 'B3'],
      ['error', 'allocation-duplicate-code', 'A4'],
      ['error', 'allocation-duplicate-code', 'A5'],
    ]);
    expect(issues[0].message.vi).toContain("Trang 'Giao chỉ tiêu', ô C1");
    expect(issues[0].message.vi).toContain('B1');
    expect(allocation!.units.map((u) => u.name)).toEqual(['LĐLĐ huyện A', 'LĐLĐ huyện B']);
    expect(allocation!.units[0].targets.has('I.1b')).toBe(false);
    expect(allocation!.units[0].targets.has('I.3')).toBe(false);
  });

  it('says so when there is no header', () => {
    const { allocation, issues } = readAllocationSheet(
      sheet('Giao chỉ tiêu', [['ghi chú']]),
      catalogue,
    );
    expect(allocation).toBeNull();
    expect(issues.map((i) => i.kind)).toEqual(['allocation-no-header']);
  });

  it('matches unit names ignoring case, diacritics and spacing', () => {
    expect(unitKey('LĐLĐ huyện Tiên Du')).toBe(unitKey(' ldld  HUYEN tien du '));
    expect(unitKey('LĐLĐ huyện Tiên Du')).not.toBe(unitKey('LĐLĐ huyện Tiên Sơn'));
  });
});

describe('allocated targets at evaluation', () => {
  const unitA = () =>
    filledTemplate('A', 'ldld huyen A', {
      'I.1b': { actual: 1, target: '≥ 4' },
      'I.2a': { actual: 8, denominator: 10, target: '80%' },
    });
  const unitB = () =>
    filledTemplate('B', 'LĐLĐ huyện B', {
      'I.1b': { actual: 2, target: 2 },
      'I.2a': { actual: 9, denominator: 10, target: 'Trên 85%' },
    });
  const unitX = () =>
    filledTemplate('X', 'Công đoàn ngành Y tế', {
      'I.1b': { actual: 3, target: '≥ 3' },
    });
  const evaluation = evaluateWorkbooks([
    { sheets: [allocationSheet()], file: 'ke-hoach.xlsx' },
    { sheets: [unitA()], file: 'a.xlsx' },
    { sheets: [unitB()], file: 'b.xlsx' },
    { sheets: [unitX()], file: 'x.xlsx' },
  ]);
  const result = (sheetName: string, code: string) =>
    evaluation.units
      .find((u) => u.report.sheet === sheetName)!
      .results.find((r) => r.code === code)!;

  it('uses a matching unit’s allocated targets', () => {
    // A: 1 against its allocated ≥ 1 (the province's ≥ 4 would miss), 80% against 80%.
    expect(result('A', 'I.1b')).toMatchObject({ status: 'MET', target: 1, targetOverridden: true });
    expect(result('A', 'I.2a')).toMatchObject({ status: 'MET', target: 0.8 });
    // B: 9/10 against "trên 85%".
    expect(result('B', 'I.2a')).toMatchObject({ status: 'MET', comparator: '>', target: 0.85 });
    expect(result('B', 'I.1b')).toMatchObject({ status: 'MET', target: 2 });
  });

  it('warns on a different target typed in the unit’s own Chỉ tiêu cell, naming it', () => {
    const warnings = evaluation.issues.filter((i) => i.kind === 'target-differs-from-allocation');
    expect(warnings.map((w) => [w.file, w.sheet, w.cell, w.code])).toEqual([
      ['a.xlsx', 'A', `E${rowOf(unitA(), 'I.1b') + 1}`, 'I.1b'],
    ]);
    expect(warnings[0].message.vi).toContain('ghi ≥ 4');
    expect(warnings[0].message.vi).toContain('ô D5');
    expect(warnings[0].message.vi).toContain('≥ 1');
  });

  it('warns about a unit not in the allocation, whose own Chỉ tiêu applies', () => {
    const warning = evaluation.issues.find((i) => i.kind === 'unit-not-allocated')!;
    expect(warning).toMatchObject({ severity: 'warning', sheet: 'X', file: 'x.xlsx' });
    expect(warning.message.vi).toContain('Công đoàn ngành Y tế');
    expect(result('X', 'I.1b')).toMatchObject({ status: 'MET', target: 3 });
  });

  it('lists the allocated units that have not reported', () => {
    expect(evaluation.reporting).toEqual({
      sheet: 'Giao chỉ tiêu',
      file: 'ke-hoach.xlsx',
      allocated: ['LĐLĐ huyện A', 'LĐLĐ huyện B', 'LĐLĐ huyện C'],
      reported: ['LĐLĐ huyện A', 'LĐLĐ huyện B'],
      missing: ['LĐLĐ huyện C'],
    });
    const summary = buildSummarySheet(evaluation, {
      name: 'Tổng hợp',
      replace: false,
      lang: 'vi',
      now,
    });
    expect(summaryCells(summary)).toContain('2/3 đơn vị đã báo cáo; chưa nộp: LĐLĐ huyện C.');
  });

  it('leaves targets alone without an allocation', () => {
    const plain = evaluateWorkbooks([{ sheets: [unitA()], file: 'a.xlsx' }]);
    expect(plain.reporting).toBeUndefined();
    expect(plain.units[0].results.find((r) => r.code === 'I.1b')).toMatchObject({
      status: 'MISSED',
      target: 4,
    });
  });
});

describe('the same unit twice', () => {
  const report = (actual: number, sheetName = 'Báo cáo') =>
    filledTemplate(sheetName, 'LĐLĐ huyện A', { 'I.1b': { actual }, 'I.9': { actual: 20 } });
  const other = () => filledTemplate('Báo cáo', 'LĐLĐ huyện B', { 'I.9': { actual: 20 } });

  it('ignores a later copy with identical figures, with a warning naming both', () => {
    const files = [
      { sheets: [report(2)], file: 'a.xlsx' },
      { sheets: [other()], file: 'b.xlsx' },
      { sheets: [report(2)], file: 'a (1).xlsx' },
    ];
    const evaluation = evaluateWorkbooks(files);
    expect(evaluation.units.map((u) => u.file)).toEqual(['a.xlsx', 'b.xlsx']);
    expect(evaluation.ignoredUnits!.map((u) => u.file)).toEqual(['a (1).xlsx']);
    // I.9 is 20 + 20 < 50, not 20 + 20 + 20.
    expect(evaluation.consolidated.find((r) => r.code === 'I.9')).toMatchObject({
      actual: 40,
      status: 'MISSED',
      unitsLacking: 0,
    });
    const warning = evaluation.issues.find((i) => i.kind === 'same-unit-identical')!;
    expect(warning).toMatchObject({ severity: 'warning', file: 'a (1).xlsx' });
    expect(warning.message.vi).toContain('a (1).xlsx');
    expect(warning.message.vi).toContain('a.xlsx');
    // The copy's sheet still gets its results written.
    const plan = planEvaluation(evaluation, files[2], { summary: false, lang: 'vi', now });
    expect(plan.sheets[0].cells.length).toBeGreaterThan(0);
    const summary = buildSummarySheet(evaluation, {
      name: 'Tổng hợp',
      replace: false,
      lang: 'vi',
      now,
    });
    expect(summaryCells(summary)).toContain('Số đơn vị báo cáo: 2');
  });

  it('leaves both out of the consolidation when their figures differ, with an error naming both', () => {
    const evaluation = evaluateWorkbooks([
      { sheets: [report(2)], file: 'a.xlsx' },
      { sheets: [other()], file: 'b.xlsx' },
      { sheets: [report(3, 'Huyện A')], file: 'a-sua.xlsx' },
    ]);
    expect(evaluation.units.map((u) => [u.file, u.conflict ?? false])).toEqual([
      ['a.xlsx', true],
      ['b.xlsx', false],
      ['a-sua.xlsx', true],
    ]);
    const error = evaluation.issues.find((i) => i.kind === 'same-unit-different')!;
    expect(error.severity).toBe('error');
    expect(error.message.vi).toContain("trang 'Báo cáo' (tệp a.xlsx)");
    expect(error.message.vi).toContain("Trang 'Huyện A' (tệp a-sua.xlsx)");
    expect(evaluation.consolidated.find((r) => r.code === 'I.9')).toMatchObject({
      actual: 20,
      unitsLacking: 2,
      unitsCounted: 1,
    });
  });
});

describe('one unit is not a province', () => {
  const unit = () =>
    filledTemplate('Báo cáo', 'LĐLĐ huyện Tiên Du', {
      'I.3': { actual: 120, target: '≥ 100' },
      'I.9': { actual: 10 },
    });
  const evaluation: Evaluation = evaluateWorkbooks([{ sheets: [unit()], file: 'tien-du.xlsx' }]);
  const summary = buildSummarySheet(evaluation, {
    name: 'Tổng hợp',
    replace: false,
    lang: 'vi',
    now,
  });
  const values = summaryCells(summary);

  it('shows the unit’s results against its own targets, with no consolidated block', () => {
    const header = summary.cells.filter((c) => c.value === 'STT')[0];
    const headerCells = summary.cells.filter((c) => c.row === header.row).map((c) => c.value);
    expect(headerCells).not.toContain('LĐLĐ huyện Tiên Du');
    expect(values).toContain('LĐLĐ huyện Tiên Du');
    expect(values.some((v) => typeof v === 'string' && v.startsWith('Tổng hợp 1'))).toBe(false);
    const i3 = summary.cells.find((c) => c.value === 'I.3' && c.row > header.row)!;
    const row = new Map(summary.cells.filter((c) => c.row === i3.row).map((c) => [c.col, c.value]));
    expect(row.get(3)).toBe('≥ 100');
    expect(row.get(4)).toBe(120);
    expect(row.get(8)).toBe(STATUS_INFO.MET.label.vi);
    expect(Math.max(...summary.cells.map((c) => c.col))).toBeLessThanOrEqual(8);
    expect(values).toContain('Số chỉ tiêu theo kết quả của đơn vị');
  });

  it('heads the consolidated columns "Tổng hợp N đơn vị" with several units', () => {
    const two = evaluateWorkbooks([
      { sheets: [unit()], file: 'a.xlsx' },
      { sheets: [filledTemplate('Báo cáo', 'LĐLĐ huyện B', {})], file: 'b.xlsx' },
    ]);
    const plan = buildSummarySheet(two, { name: 'Tổng hợp', replace: false, lang: 'vi', now });
    expect(summaryCells(plan)).toContain('Tổng hợp 2 đơn vị');
  });
});

describe('a code on two rows', () => {
  const report = () => {
    const s = filledTemplate('Báo cáo', 'LĐLĐ huyện A', { 'I.3': { actual: 800 } });
    // Row of I.9 gets the code I.3 too.
    s.values[rowOf(s, 'I.9')][1] = 'I-3';
    return s;
  };

  it('is an error on both rows, and both get "Lỗi số liệu" in Đánh giá; clear empties them', () => {
    const book = new MemoryWorkbook([report()], 'a.xlsx');
    const before = book.state();
    const snap = book.snapshot();
    const evaluation = evaluateWorkbooks([snap]);
    const errors = evaluation.issues.filter((i) => i.kind === 'duplicate-code');
    expect(errors.map((e) => e.code)).toEqual(['I.3', 'I.3']);
    const rows = [rowOf(report(), 'I.3'), rowOf(report(), 'I-3')];
    book.apply(planEvaluation(evaluation, snap, { summary: false, lang: 'vi', now }));
    const status = STATUS_INFO.INVALID;
    for (const row of rows) {
      expect(book.sheets.get('Báo cáo')!.get(`${row},9`)).toMatchObject({
        value: status.label.vi,
        fill: status.fill,
      });
    }
    // Evaluating twice equals once.
    const once = book.state();
    const again = book.snapshot();
    book.apply(
      planEvaluation(evaluateWorkbooks([again]), again, { summary: false, lang: 'vi', now }),
    );
    expect(book.state()).toEqual(once);
    book.apply(planClear(book.snapshot()));
    expect(book.state()).toEqual(before);
  });
});
