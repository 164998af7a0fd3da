import fc from 'fast-check';
import { loadCatalogue } from '../../src/catalogue';
import { findPlan, readPlanSheet, isPlanSheet } from '../../src/catalogue/plan-sheet-reader';
import { buildPlanSheet, catalogueToPlanSheetInput } from '../../src/template/plan-sheet';
import type { CellValue, SheetPlan, SheetSnapshot } from '../../src/template/types';
import { sheet } from './template-fixtures';

/** A write plan's values as a snapshot, as an adapter would read the sheet back. */
function snapshotOf(plan: SheetPlan): SheetSnapshot {
  const rows: CellValue[][] = [];
  for (const cell of plan.cells) {
    rows[cell.row] ??= [];
    rows[cell.row][cell.col] = cell.value;
  }
  return sheet(
    plan.name,
    Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null)),
  );
}

const HEADER = [
  'STT',
  'Mã',
  'Nội dung',
  'Loại chỉ tiêu',
  'Mức phấn đấu',
  'Đơn vị tính',
  'Tổng số là',
];

/** A plan for 2026 as a secretariat types it: mixed labels, sections I–III, odd codes. */
function typedPlan(extra: CellValue[][] = []): SheetSnapshot {
  return sheet('Chỉ tiêu 2026', [
    ['LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC NINH'],
    ['CÁC CHỈ TIÊU PHẤN ĐẤU NĂM 2026'],
    [],
    HEADER,
    ['I. CÔNG TÁC TỔ CHỨC'],
    [1, 'I.1a', 'Kết nạp mới 120 đoàn viên', 'Số lượng', 'ít nhất 120', 'đoàn viên', null],
    [2, 1.2, 'CĐCS xếp loại tốt', 'tỷ lệ', 0.9, '%', 'CĐCS'],
    [
      3,
      'CT05',
      'Bình quân mỗi CĐCS giới thiệu 1 đoàn viên ưu tú',
      'Bình quân',
      'ít nhất 1',
      'đoàn viên',
      'CĐCS',
    ],
    ['II', 'Chỉ tiêu phối hợp'],
    [1, 'II.1', 'Tranh chấp lao động tập thể', 'Số lượng', 'không để xảy ra', 'vụ', null],
    [2, 'II.2', 'Tai nạn lao động', 'Số lượng', 'không quá 5', 'vụ', null],
    [3, 'II.3', 'Tỷ lệ lao động nghỉ việc', 'Tỷ lệ', 'dưới 3%', null, 'lao động'],
    ['III - KINH PHÍ'],
    [1, 'III.1', 'Thu kinh phí công đoàn', 'Kinh phí', '90', 'đồng', null],
    [2, 'III.2', 'Cấp kinh phí', 'Dự toán', '90%', null, null],
    [3, 'III.3', 'Vụ cháy nổ', 'số lượng', 0, 'vụ', null],
    ...extra,
  ]);
}

describe('the plan sheet reader', () => {
  it('reads the exported 2020 plan back to the built-in catalogue', () => {
    const builtin = loadCatalogue();
    const snapshot = snapshotOf(buildPlanSheet(catalogueToPlanSheetInput(builtin)));
    expect(isPlanSheet(snapshot)).toBe(true);
    const reading = readPlanSheet(snapshot, 'ke-hoach.xlsx');
    expect(reading.issues).toEqual([]);
    const plan = reading.catalogue!;
    expect(plan.year).toBe(2020);
    expect(plan.id).toBe('2020');
    // The title under the administrative header, not the header's first line.
    expect(plan.title.vi).toBe(builtin.title.vi.toLocaleUpperCase('vi'));
    expect(plan.source).toEqual({ kind: 'sheet', file: 'ke-hoach.xlsx', sheet: 'Bộ chỉ tiêu' });
    expect(plan.sections.map((s) => [s.id, s.title.vi])).toEqual(
      builtin.sections.map((s) => [s.id, s.title.vi]),
    );
    expect(plan.rules).toHaveLength(26);
    plan.rules.forEach((rule, i) => {
      const b = builtin.rules[i];
      expect(rule.code).toBe(b.code);
      expect([rule.section, rule.kind, rule.comparator, rule.target]).toEqual([
        b.section,
        b.kind,
        b.comparator,
        b.target,
      ]);
      expect(rule.unit.vi).toBe(b.unit.vi);
      expect(rule.itemUnit.vi).toBe(b.itemUnit.vi);
      expect(rule.numerator.vi).toBe(b.numerator.vi);
      expect(rule.denominator?.vi ?? null).toBe(b.denominator?.vi ?? null);
      expect(rule.wording).toEqual(b.wording);
      expect(rule.integer).toBe(b.integer);
    });
  });

  it('reads a plan for another year typed as people type it', () => {
    const reading = readPlanSheet(typedPlan());
    expect(reading.issues).toEqual([]);
    const plan = reading.catalogue!;
    expect(plan.year).toBe(2026);
    expect(plan.title.vi).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC NINH');
    expect(plan.sections.map((s) => [s.id, s.title.vi])).toEqual([
      ['I', 'CÔNG TÁC TỔ CHỨC'],
      ['II', 'Chỉ tiêu phối hợp'],
      ['III', 'KINH PHÍ'],
    ]);
    const summary = plan.rules.map((r) => [r.code, r.section, r.kind, r.comparator, r.target]);
    expect(summary).toEqual([
      ['I.1a', 'I', 'count', '>=', '120'],
      ['1.2', 'I', 'ratio', '>=', '90'],
      ['CT05', 'I', 'average', '>=', '1'],
      ['II.1', 'II', 'count', '<=', '0'],
      ['II.2', 'II', 'count', '<=', '5'],
      ['II.3', 'II', 'ratio', '<', '3'],
      ['III.1', 'III', 'plan', '>=', '90'],
      ['III.2', 'III', 'plan', '>=', '90'],
      ['III.3', 'III', 'count', '<=', '0'],
    ]);
    const byCode = new Map(plan.rules.map((r) => [r.code, r]));
    expect(byCode.get('1.2')!.itemUnit.vi).toBe('CĐCS');
    expect(byCode.get('1.2')!.unit.vi).toBe('%');
    expect(byCode.get('III.2')!.denominator!.vi).toBe('dự toán');
    expect(byCode.get('III.2')!.integer).toBe(false);
    expect(byCode.get('II.1')!.denominator).toBeNull();
  });

  it.each([
    ['90%', '90'],
    [0.9, '90'],
    [90, '90'],
    ['90', '90'],
    ['trên 85,5%', '85.5'],
    ['từ 95% trở lên', '95'],
  ])('reads the ratio target %p as %s%%', (typed, target) => {
    const s = sheet('P', [
      ['Năm: 2027'],
      HEADER,
      [1, 'A1', 'Nội dung', 'Tỷ lệ', typed, null, 'CĐCS'],
    ]);
    const rule = readPlanSheet(s).catalogue!.rules[0];
    expect(rule.target).toBe(target);
  });

  it('reads a percent-formatted number as the percentage it shows', () => {
    const s = sheet('P', [HEADER, [1, 'A1', 'Nội dung', 'Tỷ lệ', 0.95, null, 'CĐCS']], {
      formats: { '1,4': '0%' },
    });
    const reading = readPlanSheet(s);
    expect(reading.catalogue!.rules[0].target).toBe('95');
    expect(reading.catalogue!.year).toBe(0);
    expect(reading.catalogue!.id).toBe('P');
    expect(reading.catalogue!.rules[0].section).toBe('');
    expect(reading.issues.map((i) => [i.kind, i.severity, i.cell])).toEqual([
      ['plan-no-year', 'warning', null],
    ]);
  });

  /** The errors of one bad row added to the typed plan, as [kind, cell]. */
  function errorsWith(row: CellValue[]): [string, string | null][] {
    const reading = readPlanSheet(typedPlan([row]));
    expect(reading.catalogue).toBeNull();
    for (const issue of reading.issues) {
      expect(issue.sheet).toBe('Chỉ tiêu 2026');
      expect(issue.message.vi).toMatch(/^Trang 'Chỉ tiêu 2026'/);
    }
    return reading.issues.filter((i) => i.severity === 'error').map((i) => [i.kind, i.cell]);
  }

  it.each<[string, CellValue[], [string, string | null][]]>([
    ['an empty code', [4, null, 'X', 'Số lượng', '5', 'vụ'], [['plan-code-missing', 'B17']]],
    [
      'a duplicated code',
      [4, 'ct 05', 'X', 'Số lượng', '5', 'vụ'],
      [['plan-duplicate-code', 'B17']],
    ],
    [
      'a code over 20 characters',
      [4, 'III.' + 'x'.repeat(20), 'X', 'Số lượng', '5', 'vụ'],
      [['plan-code-too-long', 'B17']],
    ],
    ['an unknown Loại', [4, 'III.4', 'X', 'Định tính', '5', 'vụ'], [['plan-kind-unknown', 'D17']]],
    [
      'an unreadable Mục tiêu',
      [4, 'III.4', 'X', 'Số lượng', 'khoảng năm', 'vụ'],
      [['plan-target-unreadable', 'E17']],
    ],
    [
      'an empty Mục tiêu',
      [4, 'III.4', 'X', 'Số lượng', null, 'vụ'],
      [['plan-target-empty', 'E17']],
    ],
    [
      'a ratio target above 100%',
      [4, 'III.4', 'X', 'Tỷ lệ', '120%', null, 'CĐCS'],
      [['plan-target-above-100', 'E17']],
    ],
    [
      'a ≥ target of 0',
      [4, 'III.4', 'X', 'Số lượng', '≥ 0', 'vụ'],
      [['plan-target-asks-nothing', 'E17']],
    ],
    [
      'a > target of 0%',
      [4, 'III.4', 'X', 'Tỷ lệ', 'trên 0%', null, 'CĐCS'],
      [['plan-target-asks-nothing', 'E17']],
    ],
    [
      'a ratio without Tổng số là',
      [4, 'III.4', 'X', 'Tỷ lệ', '50%', null, null],
      [['plan-denominator-missing', 'G17']],
    ],
    [
      'an average without Tổng số là',
      [4, 'III.4', 'X', 'Bình quân', '2', 'người', null],
      [['plan-denominator-missing', 'G17']],
    ],
    [
      'a fractional count target',
      [4, 'III.4', 'X', 'Số lượng', '2,5', 'vụ'],
      [['plan-target-not-whole', 'E17']],
    ],
    [
      'a count without ĐVT',
      [4, 'III.4', 'X', 'Số lượng', '2', null],
      [['plan-unit-missing', 'F17']],
    ],
    ['no wording', [4, 'III.4', null, 'Số lượng', '2', 'vụ'], [['plan-wording-missing', 'C17']]],
    [
      'a code of another section',
      [4, 'II.9', 'X', 'Số lượng', '2', 'vụ'],
      [['plan-code-section', 'B17']],
    ],
  ])('names the cell of %s', (_, row, expected) => {
    expect(errorsWith(row)).toEqual(expected);
  });

  it('names a missing required column, and a sheet with no rule', () => {
    const noKind = readPlanSheet(
      sheet('P', [
        ['Mã chỉ tiêu', 'Loại', 'Mục tiêu'],
        ['A', 'Số lượng', '5'],
      ]),
    );
    expect(noKind.issues.map((i) => [i.kind, i.message.vi])).toEqual([
      ['plan-column-missing', 'Trang \'P\': dòng tiêu đề (dòng 1) thiếu cột "Nội dung chỉ tiêu".'],
    ]);
    const empty = readPlanSheet(sheet('P', [['Năm: 2026'], HEADER, ['I', 'Mục một']]));
    expect(empty.catalogue).toBeNull();
    expect(empty.issues.map((i) => i.kind)).toEqual(['plan-no-rule']);
  });

  it('finds the plan sheet among the sheets of a workbook', () => {
    const report = sheet('Báo cáo', [
      ['Mã chỉ tiêu', 'Thực hiện'],
      ['I.1a', 3],
    ]);
    const plan = typedPlan();
    const found = findPlan({ sheets: [report, plan], file: 'kh.xlsx' });
    expect(found?.sheet).toBe(plan);
    expect(found?.reading.catalogue?.source).toEqual({
      kind: 'sheet',
      file: 'kh.xlsx',
      sheet: plan.name,
    });
    expect(findPlan({ sheets: [report] })).toBeNull();
  });

  it('is not a plan sheet when the header has a Thực hiện column (a report)', () => {
    expect(isPlanSheet(sheet('R', [['Mã chỉ tiêu', 'Loại', 'Mục tiêu', 'Thực hiện']]))).toBe(false);
  });

  it('never throws on random cells', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        'I',
        'II.',
        'Số lượng',
        'Tỷ lệ',
        'Bình quân',
        '≥ 0',
        'không quá',
        '90%',
        'CT05',
        'Mã',
        'Loại',
        'Mục tiêu',
        'Nội dung',
      ),
      fc.double(),
      fc.boolean(),
      fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!') }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
        const withHeader = [HEADER as CellValue[], ...rows];
        for (const s of [sheet('R', rows), sheet('H', withHeader)]) {
          const reading = readPlanSheet(s);
          expect(reading.catalogue === null || reading.catalogue.rules.length > 0).toBe(true);
          for (const issue of reading.issues) expect(issue.sheet).toBe(s.name);
        }
      }),
      { numRuns: 300 },
    );
  });
});
