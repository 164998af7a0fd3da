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

  it('has the title block', () => {
    expect(sheet[0][0]).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH ……………………');
    expect(sheet[1][0]).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHẤN ĐẤU NĂM 2020');
    expect(sheet[2][0]).toBe('Đơn vị báo cáo: ……………………');
    expect(sheet[3][0]).toBe('Năm: 2020');
    expect(plan.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: 10 });
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
    expect(plan.page).toEqual({ orientation: 'landscape', paperSize: 'A4', fitToWidth: 1 });
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
    expect(rows(en)[3][0]).toBe('Year: 2020');
  });
});
