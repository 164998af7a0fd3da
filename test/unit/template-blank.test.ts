import { loadCatalogue } from '../../src/catalogue';
import { buildBlankTemplate } from '../../src/template/blank';
import type { SheetPlan } from '../../src/template/types';

const catalogue = loadCatalogue();

function rows(plan: SheetPlan): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  for (const cell of plan.cells) {
    out[cell.row] ??= [];
    out[cell.row][cell.col] = cell.value;
  }
  return out;
}

describe('the blank report template', () => {
  const plan = buildBlankTemplate();
  const sheet = rows(plan);

  it('has the administrative header, the date line and the title block (SPEC §10)', () => {
    expect(sheet[0][0]).toBe('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(sheet[1][0]).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH ……………');
    expect(sheet[0][4]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet[1][4]).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(sheet[2][4]).toBe('……………, ngày …… tháng …… năm ……');
    expect(sheet[2][0]).toBe('Đơn vị báo cáo: ……………………');
    expect(sheet[3][0]).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHẤN ĐẤU NĂM 2020');
    expect(sheet[4][0]).toBe('Năm: 2020');
    expect(plan.merges).toContainEqual({ top: 3, left: 0, bottom: 3, right: 10 });
    expect(plan.merges).toContainEqual({ top: 0, left: 4, bottom: 0, right: 10 });
  });

  it('ends with the signature block below the last rule', () => {
    const lastRule = Math.max(...plan.cells.filter((c) => c.col === 1).map((c) => c.row));
    const below = plan.cells.filter((c) => c.row > lastRule && typeof c.value === 'string');
    const texts = below.map((c) => c.value);
    expect(texts).toEqual(
      expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH']),
    );
    const chair = below.find((c) => c.value === 'CHỦ TỊCH')!;
    const onBehalf = below.find((c) => c.value === 'TM. BAN THƯỜNG VỤ')!;
    expect(chair.row).toBe(onBehalf.row + 1);
    expect(below.find((c) => c.value === 'NGƯỜI LẬP BIỂU')!.col).toBeLessThan(onBehalf.col);
  });

  it('prints in Times New Roman with row heights that fit the wrapped wording', () => {
    expect(plan.defaultFont).toEqual({ name: 'Times New Roman', size: 13 });
    expect(plan.cells.filter((c) => c.fontName !== undefined)).toEqual([]);
    const heights = plan.rowHeights!;
    for (const cell of plan.cells) expect(heights[cell.row]).toBeGreaterThan(0);
    const row = (code: string) => plan.cells.find((c) => c.value === code)!.row;
    // One line (I.2b) against three (II.1c, the longest wording).
    expect(heights[row('II.1c')]).toBeGreaterThanOrEqual(heights[row('I.2b')] * 2);
  });

  it('has the header row, frozen, and a width for each column', () => {
    expect(sheet[5]).toEqual([
      'STT',
      'Mã chỉ tiêu',
      'Nội dung chỉ tiêu',
      'ĐVT',
      'Chỉ tiêu',
      'Thực hiện',
      'Tổng số',
      'Tỷ lệ',
      'Chênh lệch',
      'Đánh giá',
      'Ghi chú',
    ]);
    expect(plan.freeze).toEqual({ rows: 6, columns: 0 });
    expect(plan.columnWidths).toHaveLength(11);
    expect(plan.page).toMatchObject({
      orientation: 'landscape',
      paperSize: 'A4',
      printTitleRows: { first: 5, last: 5 },
    });
    expect(plan.page!.footer).toContain('Trang &P/&N');
    // 13 pt printed at this scale stays at 9 pt or more.
    expect((plan.page!.scale! * 13) / 100).toBeGreaterThanOrEqual(9);
    expect(plan.name).toBe('Báo cáo');
  });

  it('lists every rule under its section heading with wording, ĐVT and the catalogue target', () => {
    const body = sheet.slice(6);
    const headings = body.filter((r) => r[0] === 'I' || r[0] === 'II');
    expect(headings.map((r) => r[2])).toEqual(catalogue.sections.map((s) => s.title.vi));
    const ruleRows = body.filter((r) => typeof r[1] === 'string');
    expect(ruleRows.map((r) => r[1])).toEqual(catalogue.rules.map((r) => r.code));
    const byCode = new Map(ruleRows.map((r) => [r[1], r]));
    expect(byCode.get('I.1a')!.slice(0, 5)).toEqual([
      1,
      'I.1a',
      catalogue.rules[0].wording.vi,
      'đoàn viên',
      '≥ 110',
    ]);
    expect(byCode.get('I.4b')![4]).toBe('> 90%');
    expect(byCode.get('II.7b')![4]).toBe('> 65%');
    expect(byCode.get('II.1a')![0]).toBe(1);
    for (const row of ruleRows) expect(row.slice(5)).toEqual(new Array(6).fill(null));
  });

  it('names the unit and the sheet it is given, and speaks English when asked', () => {
    const named = rows(buildBlankTemplate({ unitName: 'LĐLĐ huyện A', sheetName: 'Huyện A' }));
    expect(named[2][0]).toBe('Đơn vị báo cáo: LĐLĐ huyện A');
    expect(named[1][0]).toBe('LĐLĐ HUYỆN A');
    const en = buildBlankTemplate({ lang: 'en' });
    expect(en.name).toBe('Report');
    expect(rows(en)[5].slice(0, 6)).toEqual([
      'No.',
      'Code',
      'Description',
      'Unit',
      'Target',
      'Actual',
    ]);
    expect(rows(en)[4][0]).toBe('Year: 2020');
    expect(rows(en)[0][0]).toBe('VIETNAM GENERAL CONFEDERATION OF LABOUR');
    expect(en.page!.footer).toContain('Page &P of &N');
  });
});
