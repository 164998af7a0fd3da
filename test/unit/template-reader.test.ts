import fc from 'fast-check';
import { loadCatalogue } from '../../src/catalogue';
import { Rational } from '../../src/engine/rational';
import { buildBlankTemplate } from '../../src/template/blank';
import { readReportSheet } from '../../src/template/reader';
import { parseA1 } from '../../src/template/address';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import type {
  CellValue,
  ReportSheet,
  SheetSnapshot,
  TemplateIssue,
} from '../../src/template/types';
import { filledTemplate, MemoryWorkbook, rowOf, sheet } from './template-fixtures';

const catalogue = loadCatalogue();
const read = (s: Parameters<typeof readReportSheet>[0]) => readReportSheet(s, catalogue, 'a.xlsx');
const kinds = (issues: TemplateIssue[]) => issues.map((i) => i.kind);

const HEADER = ['STT', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Chỉ tiêu', 'Thực hiện', 'Tổng số'];

describe('the blank template read back', () => {
  it.each(['vi', 'en'] as const)(
    'is a report sheet with all 26 rules and no issues (%s)',
    (lang) => {
      const book = new MemoryWorkbook();
      book.addSheetPlan(buildBlankTemplate({ lang, sheetName: 'Mẫu' }));
      const { report, issues } = read(book.snapshot().sheets[0]);
      expect(issues).toEqual([]);
      expect(report).not.toBeNull();
      expect(report!.rows.map((r) => r.code)).toEqual(catalogue.rules.map((r) => r.code));
      expect(report!.missingCodes).toEqual([]);
      expect(report!.year).toBe(2020);
      // "Đơn vị báo cáo: ……" is a blank to fill in: the sheet's name stands in.
      expect(report!.unit).toBe('Mẫu');
      expect(report!.addedOutputColumns).toEqual([]);
      expect(report!.outputColumns).toEqual({ rate: 7, gap: 8, status: 9 });
      for (const row of report!.rows) {
        expect(row.input.actual).toEqual({ kind: 'empty' });
        expect(row.input.target ?? null).toBeNull();
      }
    },
  );

  it('carries the unit name it was made with', () => {
    const s = filledTemplate('Báo cáo', 'LĐLĐ huyện Tân Phú', {});
    expect(read(s).report!.unit).toBe('LĐLĐ huyện Tân Phú');
  });
});

describe('header labels', () => {
  it('matches aliases in any order, ignoring case, diacritics, spacing and a trailing colon', () => {
    const labels = [
      'KẾT QUẢ ĐÁNH GIÁ',
      'so với chỉ tiêu:',
      'Tỉ  lệ',
      'Mẫu số',
      'So\u00a0thực\nhiện'.replace('So', 'Số'),
      'Kế hoạch',
      'Mã số'.normalize('NFD'),
      'Ｓｏ ＴＴ'.replace('Ｓｏ', 'Số'),
      'Ghi chú :',
      'nội dung',
      'đvt',
    ];
    const s = sheet('Sheet1', [labels, ['', '', '', '10', '9', '', '', '', '', 'I.2a', '']]);
    const { report, issues } = read(s);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report!.columns).toEqual({
      status: 0,
      gap: 1,
      rate: 2,
      denominator: 3,
      actual: 4,
      target: 5,
      code: 6,
      stt: 7,
      note: 8,
      content: 9,
      unit: 10,
    });
    expect(report!.rows).toHaveLength(0);
    expect(kinds(issues)).toEqual(['no-rule-rows']);
  });

  it('reads a rule row under a header in reversed order', () => {
    const s = sheet('Sheet1', [
      ['Tổng số', 'Thực hiện', 'Mã'],
      [10, 9, 'I.2a'],
    ]);
    const row = read(s).report!.rows[0];
    expect(row.code).toBe('I.2a');
    expect(row.location).toEqual({
      sheet: 'Sheet1',
      actualCell: 'B2',
      denominatorCell: 'A2',
    });
    expect(row.input.actual).toMatchObject({ kind: 'number', percent: false });
    expect((row.input.actual as { value: Rational }).value.eq(Rational.of(9))).toBe(true);
  });

  it('takes a two-row header with a merged group label; the lower row wins for its columns', () => {
    const s = sheet('Sheet1', [
      ['STT', 'Mã chỉ tiêu', 'Nội dung', 'Kết quả thực hiện', null, 'Tỷ lệ', 'Đánh giá'],
      [null, null, null, 'Thực hiện', 'Tổng số', null, null],
      [1, 'I.2b', 'CĐCS hoàn thành tốt nhiệm vụ', 45, 52, null, null],
    ]);
    const { report, issues } = read(s);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report!.headerRow).toBe(1);
    expect(report!.columns).toMatchObject({
      code: 1,
      actual: 3,
      denominator: 4,
      rate: 5,
      status: 6,
    });
    expect(report!.addedOutputColumns).toEqual(['gap']);
    expect(report!.outputColumns.gap).toBe(7);
    expect(report!.rows[0].location.actualCell).toBe('D3');
  });

  it('takes a two-row header whose merged labels repeat in every cell, code in the lower row', () => {
    const s = sheet('Sheet1', [
      ['Chỉ tiêu', 'Chỉ tiêu', 'Kết quả thực hiện', 'Kết quả thực hiện', 'Ghi chú'],
      ['Mã', 'Nội dung', 'Thực hiện', 'Tổng số', 'Ghi chú'],
      ['I.6', 'Đoàn viên hoàn thành tốt nhiệm vụ', 800, 1000, null],
    ]);
    const { report, issues } = read(s);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report!.columns).toEqual({ code: 0, content: 1, actual: 2, denominator: 3, note: 4 });
    expect(report!.rows.map((r) => r.code)).toEqual(['I.6']);
  });

  it('reports a label used twice, naming both cells, and does not evaluate the sheet', () => {
    const s = sheet('Sheet1', [
      ['Mã', 'Thực hiện', 'Tổng số', 'Số thực hiện'],
      ['I.6', 1, 2, 3],
    ]);
    const { report, issues } = read(s);
    expect(report).toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', kind: 'duplicate-header', cell: 'B1' });
    expect(issues[0].message.vi).toContain('B1, D1');
    expect(issues[0].message.en).toContain('B1, D1');
  });

  it('uses the first of two Ghi chú columns, with an error', () => {
    const s = sheet('Sheet1', [
      ['Mã', 'Ghi chú', 'Thực hiện', 'Ghi chú'],
      ['I.3', null, 900, null],
    ]);
    const { report, issues } = read(s);
    expect(report!.columns.note).toBe(1);
    expect(kinds(issues)).toContain('duplicate-header');
  });

  it('says which required column is missing in a sheet that looks like a report', () => {
    const noActual = sheet('Chỉ tiêu', [
      ['STT', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Chỉ tiêu'],
      [1, 'I.1a', 'Kết nạp đoàn viên', '≥ 110'],
    ]);
    const a = read(noActual);
    expect(a.report).toBeNull();
    expect(a.issues).toHaveLength(1);
    expect(a.issues[0]).toMatchObject({
      severity: 'error',
      kind: 'header-missing-actual',
      sheet: 'Chỉ tiêu',
      cell: 'B1',
      file: 'a.xlsx',
    });
    expect(a.issues[0].message.vi).toMatch(/^Trang 'Chỉ tiêu', ô B1: .*Thực hiện/);

    const noCode = sheet('S', [['STT', 'Nội dung', 'Thực hiện', 'Tổng số']]);
    expect(kinds(read(noCode).issues)).toEqual(['header-missing-code']);
  });

  it('leaves other sheets alone, silently', () => {
    const instructions = sheet('Hướng dẫn', [
      ['Hướng dẫn điền mẫu báo cáo'],
      ['Cột Thực hiện: nhập số đã làm được.'],
      ['Thực hiện'],
    ]);
    expect(read(instructions)).toEqual({ report: null, issues: [] });
    expect(read(sheet('Trống', []))).toEqual({ report: null, issues: [] });
  });

  it('looks for the header in the first 30 absolute rows only', () => {
    const rows: CellValue[][] = [
      ['Mã', 'Thực hiện'],
      ['I.3', 800],
    ];
    expect(
      read(sheet('S', rows, { origin: { row: 28, col: 3 } })).report!.rows[0].location,
    ).toEqual({ sheet: 'S', actualCell: 'E30' });
    expect(read(sheet('S', rows, { origin: { row: 30, col: 0 } })).report).toBeNull();
  });
});

describe('title block', () => {
  const body: CellValue[][] = [HEADER, [1, 'I.3', 'Giới thiệu đoàn viên ưu tú', null, 800, null]];

  it('takes the unit from the next non-empty cell right of the label, and the year cell', () => {
    const s = sheet('Sheet 3', [
      ['Đơn vị báo cáo:', null, 'Công đoàn ngành Giáo dục'],
      ['Năm', 2020],
      ...body,
    ]);
    const { report, issues } = read(s);
    expect(report!.unit).toBe('Công đoàn ngành Giáo dục');
    expect(report!.year).toBe(2020);
    expect(issues.filter((i) => i.kind === 'year-mismatch')).toEqual([]);
  });

  it('falls back to the sheet name for placeholder dots, and warns about another year', () => {
    const s = sheet('Huyện B', [
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2019'],
      ['Hà Nội, ngày 10 tháng 01 năm 2020'],
      ['ĐƠN VỊ BÁO CÁO: .........'],
      ...body,
    ]);
    const { report, issues } = read(s);
    expect(report!.unit).toBe('Huyện B');
    expect(report!.year).toBe(2019);
    const warning = issues.find((i) => i.kind === 'year-mismatch')!;
    expect(warning).toMatchObject({ severity: 'warning', cell: 'A1' });
    expect(warning.message.en).toContain('2019');
  });

  it('keeps a unit name that looks like a formula as plain text', () => {
    const s = sheet('S', [['Đơn vị báo cáo: =HYPERLINK("x")'], ...body]);
    expect(read(s).report!.unit).toBe('=HYPERLINK("x")');
  });
});

describe('rule rows', () => {
  it('matches codes spelled variously and skips heading rows', () => {
    const s = sheet('S', [
      HEADER,
      ['I', null, 'Chỉ tiêu thuộc trách nhiệm trực tiếp của tổ chức Công đoàn'],
      [1, 'I.1.a', null, null, 100],
      [2, ' i-1B ', null, null, 3],
      [3, 'Ｉ．３', null, null, 800],
      [null, 'II', 'Chỉ tiêu phối hợp'],
      [4, 'ii.7 B', null, null, 10, 20],
    ]);
    const { report, issues } = read(s);
    expect(report!.rows.map((r) => [r.code, r.row])).toEqual([
      ['I.1a', 2],
      ['I.1b', 3],
      ['I.3', 4],
      ['II.7b', 6],
    ]);
    expect(kinds(issues)).toEqual(['missing-codes']);
    expect(report!.missingCodes).toHaveLength(22);
    expect(issues[0].message.vi).toContain('I.2a');
  });

  it('warns about an unknown code and errs on a code on two rows, evaluating neither', () => {
    const s = sheet('S', [
      HEADER,
      [1, 'I.10', null, null, 5],
      [2, 'I.3', null, null, 800],
      [3, 'I.6', null, null, 1, 2],
      [4, 'I-3', null, null, 700],
    ]);
    const { report, issues } = read(s);
    expect(report!.rows.map((r) => r.code)).toEqual(['I.6']);
    expect(report!.missingCodes).not.toContain('I.3');
    const unknown = issues.find((i) => i.kind === 'unknown-code')!;
    expect(unknown).toMatchObject({ severity: 'warning', cell: 'B2' });
    const duplicates = issues.filter((i) => i.kind === 'duplicate-code');
    expect(duplicates.map((i) => [i.severity, i.cell, i.code])).toEqual([
      ['error', 'B3', 'I.3'],
      ['error', 'B5', 'I.3'],
    ]);
    expect(duplicates[0].message.vi).toContain('B3, B5');
  });

  it('reads per-unit targets, and warns about an unreadable one', () => {
    const s = filledTemplate('S', 'A', {
      'I.4b': { target: 'Trên 85%', actual: 9, denominator: 10 },
      'I.1a': { target: 30 },
      'I.6': { target: 'nhiều' },
      'I.3': { target: '≥ 800' },
      'I.9': { target: '> 50' },
    });
    const { report, issues } = read(s);
    const byCode = new Map(report!.rows.map((r) => [r.code, r]));
    const i4b = byCode.get('I.4b')!.input.target!;
    expect(i4b.comparator).toBe('>');
    expect(i4b.value.eq(Rational.of(85, 100))).toBe(true);
    expect(byCode.get('I.1a')!.input.target!.value.eq(Rational.of(30))).toBe(true);
    expect(byCode.get('I.6')!.input.target ?? null).toBeNull();
    // The template's own catalogue target is not an override; a stricter comparator is.
    expect(byCode.get('I.3')!.input.target ?? null).toBeNull();
    expect(byCode.get('I.9')!.input.target).toMatchObject({ comparator: '>' });
    const warning = issues.find((i) => i.kind === 'target-unreadable')!;
    expect(warning).toMatchObject({
      severity: 'warning',
      cell: `E${rowOf(s, 'I.6') + 1}`,
      code: 'I.6',
    });
    expect(warning.message.vi).toContain('≥ 80%');
  });

  it('passes each cell number format to the parser (a percent-formatted rate)', () => {
    const s = filledTemplate('S', 'A', { 'I.8': { actual: 0.95, actualFormat: '0%' } });
    const row = read(s).report!.rows.find((r) => r.code === 'I.8')!;
    expect(row.input.actual).toMatchObject({ kind: 'number', percent: true });
    expect(row.outputCells).toEqual({
      rate: `H${row.row + 1}`,
      gap: `I${row.row + 1}`,
      status: `J${row.row + 1}`,
    });
  });
});

describe('output columns', () => {
  it('adds missing ones after the last header column, in the order Tỷ lệ, Chênh lệch, Đánh giá', () => {
    const s = sheet('S', [
      ['Mã', 'Thực hiện', 'Chênh lệch', 'Nguồn'],
      ['I.3', 800, null, 'BC quý'],
    ]);
    const report = read(s).report!;
    expect(report.addedOutputColumns).toEqual(['rate', 'status']);
    expect(report.outputColumns).toEqual({ rate: 4, gap: 2, status: 5 });
    expect(report.rows[0].outputCells).toEqual({ rate: 'E2', gap: 'C2', status: 'F2' });
    expect(report.outputBlocked).toBeUndefined();
  });

  it('refuses to add them over data, with an error naming the cell', () => {
    const s = sheet('S', [
      ['Mã', 'Thực hiện'],
      ['I.3', 800, null, null, 'ghi chú tay'],
    ]);
    const { report, issues } = read(s);
    expect(report!.outputBlocked).toBe(true);
    const error = issues.find((i) => i.kind === 'output-column-occupied')!;
    expect(error).toMatchObject({ severity: 'error', cell: 'E2' });
    expect(error.message.vi).toMatch(/^Trang 'S', ô E2: /);
  });
});

/** The template with a formula (or just "=", as Office.js knows it) at some cells. */
function withFormulas(
  s: SheetSnapshot,
  formulas: Record<string, string>,
  values: Record<string, CellValue> = {},
): SheetSnapshot {
  const grid = s.values.map((row) => row.map((): string | null => null));
  const cells = s.values.map((row) => [...row]);
  for (const [a1, formula] of Object.entries(formulas)) {
    const at = parseA1(a1)!;
    grid[at.row - s.origin.row][at.col - s.origin.col] = formula;
    cells[at.row - s.origin.row][at.col - s.origin.col] = values[a1] ?? null;
  }
  return { ...s, values: cells, formulas: grid };
}

describe('output cells the unit owns', () => {
  const template = () =>
    filledTemplate('Báo cáo', 'A', {
      'I.1a': { actual: 120 },
      'I.1b': { actual: 2 },
      'I.2b': { actual: 45, denominator: 52 },
      'I.6': { actual: 2450, denominator: 2900 },
    });
  const rowCode = (report: ReportSheet, code: string) => report.rows.find((r) => r.code === code)!;

  it('keeps both rows of a Đánh giá cell merged over two rule rows, with an error naming it', () => {
    const s: SheetSnapshot = { ...template(), merges: [{ top: 7, left: 9, bottom: 8, right: 9 }] };
    const { report, issues } = read(s);
    expect(rowCode(report!, 'I.1a').keptOutputs).toEqual(['rate', 'gap', 'status']);
    expect(rowCode(report!, 'I.1b').keptOutputs).toEqual(['rate', 'gap', 'status']);
    expect(rowCode(report!, 'I.2b').keptOutputs).toBeUndefined();
    const merged = issues.filter((i) => i.kind === 'output-cell-merged');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ severity: 'error', sheet: 'Báo cáo', cell: 'J8' });
    expect(merged[0].message.vi).toBe(
      "Trang 'Báo cáo', ô J8:J9: ô Đánh giá đang gộp qua 2 hàng chỉ tiêu (I.1a, I.1b); kết quả của các chỉ tiêu này không được ghi. Hãy bỏ gộp ô để ghi kết quả.",
    );
    expect(merged[0].message.en).toBe(
      "Sheet 'Báo cáo', cells J8:J9: the Status (Đánh giá) cell is merged across 2 target rows (I.1a, I.1b); their results are not written. Unmerge the cells to have them written.",
    );
  });

  it('keeps a rule row whose output cells are merged into one, or with a heading row', () => {
    const s: SheetSnapshot = {
      ...template(),
      merges: [
        { top: 10, left: 7, bottom: 10, right: 9 },
        // II.1a's Tỷ lệ merged with the section heading row above it (row 22, "II").
        { top: 21, left: 7, bottom: 22, right: 7 },
        // One cell "merged" alone, and a merge beside the output columns: nothing to keep.
        { top: 16, left: 8, bottom: 16, right: 8 },
        { top: 16, left: 4, bottom: 17, right: 6 },
      ],
    };
    const { report, issues } = read(s);
    const kept = report!.rows.filter((r) => r.keptOutputs).map((r) => r.code);
    expect(kept).toEqual(['I.2b', 'II.1a']);
    const merged = issues.filter((i) => i.kind === 'output-cell-merged');
    expect(merged.map((i) => [i.cell, i.code])).toEqual([
      ['H11', 'I.2b'],
      ['H22', 'II.1a'],
    ]);
    expect(merged[0].message.vi).toMatch(
      /^Trang 'Báo cáo', ô H11:J11: các ô Tỷ lệ, Chênh lệch, Đánh giá của chỉ tiêu I\.2b đang gộp làm một;/,
    );
    expect(merged[1].message).toMatchObject({
      vi: "Trang 'Báo cáo', ô H22:H23: ô Tỷ lệ của chỉ tiêu II.1a đang gộp với ô khác; kết quả của chỉ tiêu này không được ghi. Hãy bỏ gộp ô để ghi kết quả.",
      en: "Sheet 'Báo cáo', cells H22:H23: the Rate (Tỷ lệ) cell of II.1a is merged with other cells; its results are not written. Unmerge the cells to have them written.",
    });
  });

  it('keeps output cells holding a formula, with one warning per column', () => {
    const rows = ['I.2b', 'I.6'].map((code) => rowOf(template(), code) + 1);
    const s = withFormulas(
      template(),
      { [`H${rows[0]}`]: `=F${rows[0]}/G${rows[0]}`, [`H${rows[1]}`]: '=', [`J${rows[1]}`]: '=' },
      { [`H${rows[0]}`]: 45 / 52, [`H${rows[1]}`]: 0.84, [`J${rows[1]}`]: 'Tốt' },
    );
    const { report, issues } = read(s);
    expect(rowCode(report!, 'I.2b').keptOutputs).toEqual(['rate']);
    expect(rowCode(report!, 'I.6').keptOutputs).toEqual(['rate', 'status']);
    const warnings = issues.filter((i) => i.kind === 'output-cell-formula');
    expect(warnings.map((i) => [i.severity, i.cell, i.code])).toEqual([
      ['warning', `H${rows[0]}`, undefined],
      ['warning', `J${rows[1]}`, 'I.6'],
    ]);
    expect(warnings[0].message.vi).toBe(
      `Trang 'Báo cáo', ô H${rows[0]}, H${rows[1]}: có công thức của đơn vị; giữ nguyên, không ghi Tỷ lệ vào các ô này.`,
    );
    expect(warnings[1].message).toEqual({
      vi: `Trang 'Báo cáo', ô J${rows[1]}: có công thức của đơn vị; giữ nguyên, không ghi Đánh giá vào ô này.`,
      en: `Sheet 'Báo cáo', cell J${rows[1]}: holds the unit's own formula; it is kept, and the Status (Đánh giá) is not written there.`,
    });
  });

  it('names at most five cells of a column of formulas', () => {
    const formulas: Record<string, string> = {};
    for (const row of read(template()).report!.rows) formulas[`I${row.row + 1}`] = '=';
    const { issues } = read(withFormulas(template(), formulas));
    const warning = issues.find((i) => i.kind === 'output-cell-formula')!;
    expect(warning.message.vi).toMatch(/ô I8, I9, I10, I11, I12 và 21 ô khác: có công thức/);
    expect(warning.message.en).toMatch(/cells I8, I9, I10, I11, I12 and 21 more: hold the unit/);
  });
});

describe('formulas Excel never computed', () => {
  it('says so for Thực hiện, Tổng số and Chỉ tiêu, naming each cell', () => {
    const base = filledTemplate('Báo cáo', 'A', { 'I.2b': { actual: 45 } });
    const r = rowOf(base, 'I.2b') + 1;
    const s = withFormulas(base, {
      [`F${rowOf(base, 'I.1a') + 1}`]: '=SUM(K40:K60)',
      [`G${r}`]: '=SUM(K1:K9)',
      [`E${rowOf(base, 'I.3') + 1}`]: '=K1',
    });
    const evaluation = evaluateWorkbooks([{ sheets: [s] }]);
    const result = (code: string) => evaluation.units[0].results.find((x) => x.code === code)!;
    expect(result('I.1a')).toMatchObject({ status: 'NO_DATA' });
    const { vi, en } = result('I.1a').message;
    expect({ vi, en }).toEqual({
      vi: "Trang 'Báo cáo', ô F8: Thực hiện có công thức nhưng chưa có kết quả tính; hãy mở tệp bằng Excel, tính lại (F9) và lưu.",
      en: "Sheet 'Báo cáo', cell F8: Actual (Thực hiện) holds a formula with no computed result; open the file in Excel, recalculate (F9) and save it.",
    });
    expect(result('I.2b')).toMatchObject({ status: 'INVALID', invalidKind: 'missing-denominator' });
    expect(result('I.2b').message.vi).toBe(
      `Trang 'Báo cáo', ô G${r}: Tổng số có công thức nhưng chưa có kết quả tính; hãy mở tệp bằng Excel, tính lại (F9) và lưu.`,
    );
    const target = evaluation.issues.find((i) => i.kind === 'target-not-computed')!;
    expect(target).toMatchObject({ severity: 'warning', cell: 'E12', code: 'I.3' });
    expect(target.message.vi).toMatch(
      /Chỉ tiêu có công thức nhưng chưa có kết quả tính; dùng chỉ tiêu chung ≥ 800/,
    );
    // An empty cell without a formula is still just empty.
    expect(result('I.1b').message.vi).toMatch(/chưa nhập Thực hiện/);
  });
});

describe('robustness', () => {
  const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.constantFrom(1e308, -1e308, 2 ** 60, Number.MAX_SAFE_INTEGER + 2),
    fc.string(),
    fc.constantFrom(
      'Mã',
      'Thực hiện',
      'Tổng số',
      'Tỷ lệ',
      'Chỉ tiêu',
      'Kết quả thực hiện',
      'I.1a',
      'I.2b',
      'I-1a',
      'II.7b',
      'I.10',
      'Đơn vị báo cáo:',
      'Năm',
      '……',
      '1.234,5',
      '85%',
      '≥ 20',
    ),
    fc.constantFrom('#DIV/0!', '#REF!', '#N/A').map((error) => ({ error })),
  );
  const ragged = fc.array(fc.array(cellValue, { maxLength: 9 }), { maxLength: 40 });

  it('never throws, whatever the cells hold', () => {
    fc.assert(
      fc.property(
        ragged,
        fc.nat(40),
        fc.nat(5),
        fc.array(fc.array(fc.constantFrom('General', '0%', 'dd/mm/yyyy', '@', ''))),
        fc.array(fc.array(fc.constantFrom<unknown>(null, '=', '=A1', '', 5, undefined))),
        fc.array(
          fc.oneof(
            fc.record({ top: fc.nat(45), left: fc.nat(14), bottom: fc.nat(45), right: fc.nat(14) }),
            fc.constantFrom<unknown>(null, {}, { top: -1, left: 0, bottom: 2, right: 1 }, 'A1:B2'),
          ),
          { maxLength: 6 },
        ),
        (values, row, col, numberFormats, formulas, merges) => {
          const s = {
            name: 'P',
            origin: { row, col },
            values,
            numberFormats,
            // What a faulty adapter might hand over, as well as real formulas and merges.
            formulas: formulas as (string | null)[][],
            merges: merges as SheetSnapshot['merges'],
          };
          const { report, issues } = readReportSheet(s, catalogue);
          for (const issue of issues) {
            expect(typeof issue.message.vi).toBe('string');
            expect(issue.sheet).toBe('P');
          }
          if (report) expect(report.rows.length).toBeLessThanOrEqual(values.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});
