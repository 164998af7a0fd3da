import { loadCatalogue } from '../../src/catalogue';
import {
  buildPlanSheet,
  catalogueToPlanSheetInput,
  planTargetText,
  type PlanSheetInput,
} from '../../src/template/plan-sheet';
import type { SheetPlan } from '../../src/template/types';

function grid(plan: SheetPlan): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  for (const cell of plan.cells) {
    out[cell.row] ??= [];
    out[cell.row][cell.col] = cell.value;
  }
  return out;
}

describe('the plan sheet writer', () => {
  it('writes the 2020 plan with title year, header, section rows and all 26 rules', () => {
    const plan = buildPlanSheet(catalogueToPlanSheetInput(loadCatalogue()));
    const sheet = grid(plan);
    expect(plan.name).toBe('Bộ chỉ tiêu');
    expect(sheet[3][0]).toBe('CÁC CHỈ TIÊU PHẤN ĐẤU NĂM 2020');
    expect(sheet[4][0]).toBe('Năm: 2020');
    expect(sheet[6]).toEqual([
      'STT',
      'Mã chỉ tiêu',
      'Nội dung chỉ tiêu',
      'Loại',
      'Mục tiêu',
      'ĐVT',
      'Thực hiện là',
      'Tổng số là',
      'English',
    ]);
    expect(sheet[7].slice(0, 3)).toEqual([
      'I',
      null,
      'Chỉ tiêu thuộc trách nhiệm trực tiếp của tổ chức Công đoàn',
    ]);
    const codes = sheet
      .slice(7)
      .map((r) => r[1])
      .filter((c) => typeof c === 'string');
    expect(codes).toHaveLength(26);
    expect(sheet[8].slice(0, 8)).toEqual([
      1,
      'I.1a',
      'Trong năm, kết nạp mới được 110 đoàn viên trở lên.',
      'Số lượng',
      '≥ 110',
      'đoàn viên',
      'Đoàn viên kết nạp mới trong năm',
      null,
    ]);
    const i4b = sheet.find((r) => r[1] === 'I.4b')!;
    expect(i4b[3]).toBe('Tỷ lệ');
    expect(i4b[4]).toBe('> 90%');
    expect(i4b[5]).toBe('người');
    const i5a = sheet.find((r) => r[1] === 'I.5a')!;
    expect(i5a[3]).toBe('Dự toán');
    expect(plan.columnWidths).toHaveLength(9);
    expect(plan.freeze).toEqual({ rows: 7, columns: 0 });
    expect(plan.page?.orientation).toBe('landscape');
  });

  it('prints like the other sheets: administrative header, signature, footer, repeated header', () => {
    const plan = buildPlanSheet(catalogueToPlanSheetInput(loadCatalogue()));
    const sheet = grid(plan);
    expect(sheet[0]).toContain('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(sheet[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const texts = plan.cells.map((c) => c.value);
    for (const words of ['NGƯỜI LẬP BIỂU', 'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH']) {
      expect(texts).toContain(words);
    }
    // The signature's right half is right of Loại and Mục tiêu, so the reader sees no rule there.
    const chair = plan.cells.find((c) => c.value === 'CHỦ TỊCH')!;
    expect(chair.col).toBeGreaterThan(4);
    expect(plan.defaultFont).toEqual({ name: 'Times New Roman', size: 13 });
    expect(plan.page).toMatchObject({
      paperSize: 'A4',
      printTitleRows: { first: 6, last: 6 },
      footer: expect.stringContaining('Trang &P/&N'),
    });
    expect(plan.page?.scale).toBeGreaterThanOrEqual(70);
    for (const row of new Set(plan.cells.map((c) => c.row))) {
      expect(plan.rowHeights?.[row]).toBeGreaterThan(0);
    }
  });

  it('adds period columns and the "Cần xem lại" column of a draft', () => {
    const input: PlanSheetInput = {
      year: null,
      sections: [{ id: 'III', title: 'Mục ba' }],
      reviewColumn: true,
      rows: [
        {
          code: 'CT05',
          section: 'III',
          wording: 'Không để xảy ra tranh chấp lao động tập thể',
          kind: 'count',
          target: 'không để xảy ra',
          unit: 'vụ',
          numerator: 'tranh chấp',
          denominator: null,
          periodTargets: { 9: '0', 6: '0' },
          review: 'Kiểm tra mục tiêu',
        },
      ],
    };
    const plan = buildPlanSheet(input);
    const sheet = grid(plan);
    expect(sheet[3][0]).toBe('CÁC CHỈ TIÊU PHẤN ĐẤU');
    expect(sheet[4][0]).toBe('Năm: ……');
    expect(sheet[6].slice(8)).toEqual([
      'Chỉ tiêu 6 tháng',
      'Chỉ tiêu 9 tháng',
      'English',
      'Cần xem lại',
    ]);
    expect(sheet[7][0]).toBe('III');
    expect(sheet[8].slice(8)).toEqual(['0', '0', null, 'Kiểm tra mục tiêu']);
    const review = plan.cells.find((c) => c.row === 8 && c.col === 11)!;
    expect(review.fill).toBe('#FFEB9C');
  });

  it('writes targets exactly, with a decimal comma in Vietnamese', () => {
    expect(planTargetText('>=', '12.5', 'ratio')).toBe('≥ 12,5%');
    expect(planTargetText('<', '3', 'count', 'en')).toBe('< 3');
    expect(planTargetText('<=', '0', 'count')).toBe('≤ 0');
  });
});
