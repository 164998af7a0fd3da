import { loadCatalogue } from '../../src/catalogue';
import { STATUS_INFO } from '../../src/engine/status';
import type { Status } from '../../src/engine/types';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { buildSummarySheet } from '../../src/template/summary';
import { buildUnitMatrixSheet } from '../../src/template/unit-matrix';
import type { CellWrite, Evaluation, SheetPlan } from '../../src/template/types';
import { filledTemplate, rowOf, sheet } from './template-fixtures';

const catalogue = loadCatalogue();
const now = new Date(2021, 0, 15, 9, 5);

const unitA = () =>
  filledTemplate('Báo cáo', 'LĐLĐ huyện A', {
    'I.1b': { actual: 1 },
    'I.2a': { actual: 9, denominator: 10 },
    'I.2b': { actual: '78,5%' },
    'I.5a': { actual: 80000000, denominator: 100000000 },
    'I.6': { actual: 'abc', denominator: 10 },
  });
const unitB = () =>
  filledTemplate('Báo cáo', '=Công đoàn KCN', {
    'I.1b': { actual: 2 },
    'I.2a': { actual: 5, denominator: 10 },
  });

function evaluation(): Evaluation {
  return evaluateWorkbooks([
    { sheets: [unitA()], file: 'a.xlsx' },
    {
      sheets: [unitB(), sheet('Ghi chép', [['STT', 'Mã chỉ tiêu', 'Nội dung', 'Chỉ tiêu']])],
      file: 'b.xlsx',
    },
  ]);
}

/** Rows of the plan as arrays of cells, for reading it like a sheet. */
function grid(plan: SheetPlan): Map<number, Map<number, CellWrite>> {
  const rows = new Map<number, Map<number, CellWrite>>();
  for (const cell of plan.cells) {
    if (!rows.has(cell.row)) rows.set(cell.row, new Map());
    rows.get(cell.row)!.set(cell.col, cell);
  }
  return rows;
}
const rowWith = (plan: SheetPlan, col: number, value: unknown, after = -1) =>
  [...grid(plan).entries()]
    .filter(([r]) => r > after)
    .sort((a, b) => a[0] - b[0])
    .find(([, cells]) => cells.get(col)?.value === value)?.[1];

describe('the summary sheet', () => {
  const plan = buildSummarySheet(evaluation(), {
    name: 'Tổng hợp',
    replace: false,
    lang: 'vi',
    now,
    links: { file: 'a.xlsx' },
  });
  const value = (row: number, col: number) => grid(plan).get(row)?.get(col)?.value;

  it('opens with the administrative header, the title, the time it was made and the units', () => {
    expect(value(0, 0)).toBe('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(value(0, 3)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(value(1, 3)).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(value(2, 3)).toBe('……………, ngày 15 tháng 1 năm 2021');
    expect(value(3, 0)).toBe('TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2020');
    expect(value(4, 0)).toBe('Lập bởi Union Targets lúc 15/01/2021 09:05');
    expect(value(5, 0)).toBe('Số đơn vị báo cáo: 2');
    expect(plan.merges).toContainEqual({ top: 3, left: 0, bottom: 3, right: 8 });
    expect(plan).toMatchObject({
      name: 'Tổng hợp',
      replace: false,
      page: { orientation: 'landscape', paperSize: 'A4' },
      defaultFont: { name: 'Times New Roman', size: 13 },
    });
    // Printed one page wide, never below 9 pt.
    expect((plan.page!.scale! * 13) / 100).toBeGreaterThanOrEqual(9);
  });

  it('ends with the signature block, and no label in English', () => {
    const texts = plan.cells.map((c) => c.value);
    expect(texts).toEqual(
      expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Trang tính']),
    );
    expect(texts).not.toContain('Sheet');
    const last = Math.max(...plan.cells.map((c) => c.row));
    const names = plan.cells.filter((c) => c.row === last).map((c) => c.value);
    expect(names).toEqual([expect.stringMatching(/^…+$/), expect.stringMatching(/^…+$/)]);
  });

  it('counts each unit’s results, with a data bar on the share met and a chart of them', () => {
    const heading = rowWith(plan, 0, 'KẾT QUẢ THEO ĐƠN VỊ')!.get(0)!.row;
    const a = rowWith(plan, 1, 'LĐLĐ huyện A', heading)!;
    const tallyA = evaluation().units[0].results;
    const count = (status: Status) => tallyA.filter((r) => r.status === status).length;
    expect([3, 4, 5].map((col) => a.get(col)!.value)).toEqual([
      count('MET'),
      count('NEAR'),
      count('MISSED'),
    ]);
    expect(a.get(7)!.value).toBeCloseTo(count('MET') / 26, 10);
    const aRow = a.get(1)!.row;
    expect(plan.dataBars).toContainEqual(
      expect.objectContaining({ top: aRow, bottom: aRow + 1, left: 7, right: 7 }),
    );
    expect(plan.chart).toMatchObject({
      type: 'barStacked100',
      source: { top: aRow - 1, left: 3, bottom: aRow + 1, right: 5 },
      labels: { top: aRow, left: 1, bottom: aRow + 1, right: 1 },
    });
  });

  it('counts the consolidated results per status for section I, section II and all', () => {
    const header = rowWith(plan, 3, 'Đạt')!;
    const statuses = [...header.entries()]
      .filter(([col]) => col >= 3)
      .map(([col, cell]) => [col, cell.value]);
    const consolidated = evaluation().consolidated;
    const count = (status: Status, section?: string) =>
      consolidated.filter(
        (r) =>
          r.status === status &&
          (!section || catalogue.rules.find((x) => x.code === r.code)!.section === section),
      ).length;
    for (const [label, section] of [
      [`I. ${catalogue.sections[0].title.vi}`, 'I'],
      [`II. ${catalogue.sections[1].title.vi}`, 'II'],
      ['Tất cả (26 chỉ tiêu)', undefined],
    ] as const) {
      const row = rowWith(plan, 0, label)!;
      for (const [col, statusLabel] of statuses) {
        const status = (Object.keys(STATUS_INFO) as Status[]).find(
          (s) => STATUS_INFO[s].label.vi === statusLabel,
        )!;
        expect(row.get(col as number)!.value).toBe(count(status, section));
      }
    }
    // Both units miss I.1b (1 + 2 < 4) and I.2a (14/20 < 90%), A misses I.5a.
    expect(rowWith(plan, 0, 'Tất cả (26 chỉ tiêu)')!.get(5)!.value).toBe(3);
  });

  it('has the main table with consolidated figures and a data bar in the rate column', () => {
    const header = rowWith(plan, 1, 'Mã')!;
    expect([...header.values()].map((c) => c.value)).toEqual([
      'STT',
      'Mã',
      'Nội dung',
      'Chỉ tiêu',
      'Thực hiện',
      'Tổng số',
      'Tỷ lệ',
      'Chênh lệch',
      'Đánh giá',
    ]);
    const headerRow = header.get(0)!.row;
    expect(plan.freeze).toEqual({ rows: headerRow + 1, columns: 3 });

    const section = rowWith(plan, 0, 'II', headerRow)!;
    expect(section.get(1)!.value).toBe(catalogue.sections[1].title.vi);

    const i2a = rowWith(plan, 1, 'I.2a', headerRow)!;
    expect(i2a.get(3)!.value).toBe('≥ 90%');
    expect(i2a.get(4)!.value).toBe(14);
    expect(i2a.get(5)!.value).toBe(20);
    expect(i2a.get(6)).toMatchObject({ value: 0.7, numberFormat: '0.0%' });
    expect(i2a.get(7)!.value).toBe(-4);
    expect(i2a.get(8)).toMatchObject({ value: 'Không đạt', fill: STATUS_INFO.MISSED.fill });
    expect(i2a.has(9)).toBe(false);

    const i5a = rowWith(plan, 1, 'I.5a', headerRow)!;
    expect(i5a.get(8)!.value).toBe('Không đạt (thiếu 1 đơn vị)');
    const lastRule = rowWith(plan, 1, 'II.7b', headerRow)!.get(1)!.row;
    expect(plan.dataBars).toContainEqual({
      top: headerRow + 1,
      bottom: lastRule,
      left: 6,
      right: 6,
      color: '#5B9BD5',
    });
    // The column groups' row above the labels repeats with them.
    expect(plan.page!.printTitleRows).toEqual({ first: headerRow - 1, last: headerRow });
  });

  it('puts one coloured column per unit on the sheet "Tổng hợp theo đơn vị"', () => {
    const matrix = buildUnitMatrixSheet(evaluation(), {
      name: 'Tổng hợp theo đơn vị',
      replace: false,
      lang: 'vi',
      now,
    });
    const header = rowWith(matrix, 0, 'Mã')!;
    expect([...header.values()].map((c) => c.value)).toEqual([
      'Mã',
      'Nội dung',
      'Chỉ tiêu',
      'LĐLĐ huyện A',
      '=Công đoàn KCN',
    ]);
    const headerRow = header.get(0)!.row;
    const i2a = rowWith(matrix, 0, 'I.2a', headerRow)!;
    expect(i2a.get(3)).toMatchObject({ value: 0.9, fill: STATUS_INFO.MET.fill });
    expect(i2a.get(4)).toMatchObject({ value: 0.5, fill: STATUS_INFO.MISSED.fill });
    expect(rowWith(matrix, 0, 'I.1b', headerRow)!.get(3)).toMatchObject({
      value: 1,
      numberFormat: '#,##0',
    });
    expect(rowWith(matrix, 0, 'I.5a', headerRow)!.get(4)!.value).toBe('Chưa có số liệu');
    expect(rowWith(matrix, 0, 'I.6', headerRow)!.get(3)).toMatchObject({
      value: 'Lỗi số liệu',
      fill: STATUS_INFO.INVALID.fill,
    });
    // Code, content and target repeat on every page, as does the header row; 9 pt at least.
    expect(matrix.page).toMatchObject({
      orientation: 'landscape',
      printTitleColumns: { first: 0, last: 2 },
      printTitleRows: { first: headerRow, last: headerRow },
    });
    expect((matrix.page!.scale! * 13) / 100).toBeGreaterThanOrEqual(9);
    expect(matrix.freeze).toEqual({ rows: headerRow + 1, columns: 3 });
    expect(matrix.cells.some((c) => c.value === 'Lập bởi Union Targets lúc 15/01/2021 09:05')).toBe(
      true,
    );
  });

  it('lists every target not met, consolidated and per unit, with the shortfall in words', () => {
    const heading = rowWith(plan, 0, 'CÁC CHỈ TIÊU CHƯA ĐẠT')!;
    const start = heading.get(0)!.row;
    const listed = [...grid(plan).entries()]
      .filter(([r, cells]) => r > start + 1 && typeof cells.get(0)?.value === 'number')
      .sort((a, b) => a[0] - b[0])
      .map(([, cells]) => cells)
      .filter((cells) => cells.size === 7 && cells.get(1)!.value !== 'Mã');
    const lines = listed.map((c) => [c.get(1)!.value, c.get(2)!.value, c.get(6)!.value]);
    expect(lines).toEqual([
      ['I.1b', 'Tổng hợp 2 đơn vị', 'còn thiếu 1 CĐCS'],
      ['I.1b', 'LĐLĐ huyện A', 'còn thiếu 3 CĐCS'],
      ['I.1b', '=Công đoàn KCN', 'còn thiếu 2 CĐCS'],
      ['I.2a', 'Tổng hợp 2 đơn vị', expect.stringMatching(/^còn thiếu 4 /)],
      ['I.2a', '=Công đoàn KCN', expect.stringMatching(/^còn thiếu 4 /)],
      ['I.2b', 'LĐLĐ huyện A', 'còn thiếu 1,5 điểm %'],
      ['I.5a', 'Tổng hợp 2 đơn vị', 'còn thiếu 20.000.000 đồng'],
      ['I.5a', 'LĐLĐ huyện A', 'còn thiếu 20.000.000 đồng'],
    ]);
    // Unit A is in the linked file: its rows link to the Thực hiện cell; B's cannot.
    const a = listed.find((c) => c.get(1)!.value === 'I.1b' && c.get(2)!.value === 'LĐLĐ huyện A')!;
    expect(a.get(2)!.link).toEqual({ sheet: 'Báo cáo', cell: `F${rowOf(unitA(), 'I.1b') + 1}` });
    expect(listed.find((c) => c.get(2)!.value === '=Công đoàn KCN')!.get(2)!.link).toBeUndefined();
    expect(a.get(5)).toMatchObject({ value: 'Không đạt', fill: STATUS_INFO.MISSED.fill });
  });

  it('lists data errors and template problems with their sheet and a link to the cell', () => {
    const heading = rowWith(plan, 0, 'LỖI SỐ LIỆU')!;
    const start = heading.get(0)!.row;
    const rows = [...grid(plan).entries()]
      .filter(([r]) => r > start + 1)
      .sort((a, b) => a[0] - b[0])
      .map(([, cells]) => cells);
    const invalid = rows.find((c) => c.get(1)?.value === 'I.6')!;
    const cell = `F${rowOf(unitA(), 'I.6') + 1}`;
    expect(invalid.get(2)!.value).toContain(cell);
    expect(invalid.get(3)!.value).toBe('a.xlsx / Báo cáo');
    expect(invalid.get(4)).toMatchObject({ value: cell, link: { sheet: 'Báo cáo', cell } });
    expect(invalid.get(5)).toMatchObject({ value: 'Lỗi', fill: STATUS_INFO.INVALID.fill });

    // The other file's problem is listed, without a link that could not work from here.
    const other = rows.find((c) => c.get(3)?.value === 'b.xlsx / Ghi chép')!;
    expect(other.get(2)!.value).toContain('Thực hiện');
    expect(other.get(4)!.link).toBeUndefined();
  });

  it('writes every string as data: no formulas, no HYPERLINK()', () => {
    for (const cell of plan.cells) {
      if (typeof cell.value === 'string' && cell.value.startsWith('=')) {
        expect(cell.value).toBe('=Công đoàn KCN');
      }
      expect(String(cell.value)).not.toMatch(/HYPERLINK\(/i);
    }
  });

  it('has widths for every column, wide for Nội dung', () => {
    expect(plan.columnWidths).toHaveLength(9);
    expect(plan.columnWidths[2]).toBe(40);
    for (const w of plan.columnWidths) expect(w).toBeGreaterThanOrEqual(6);
  });

  it('speaks English when asked', () => {
    const en = buildSummarySheet(evaluation(), {
      name: 'Tổng hợp',
      replace: true,
      lang: 'en',
      now,
    });
    const values = en.cells.map((c) => c.value);
    expect(values).toContain('SUMMARY OF RESULTS AGAINST THE 2020 TARGETS');
    expect(values).toContain('Made by Union Targets at 15/01/2021 09:05');
    expect(values).toContain('short by 3 grassroots unions');
    expect(values).toContain('Missed');
    expect(en.replace).toBe(true);
    // Links default to every cell.
    expect(en.cells.some((c) => c.link?.sheet === 'Báo cáo')).toBe(true);
  });
});
