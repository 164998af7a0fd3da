/**
 * The corpus of bad input (issue 5): one .xlsx fixture per kind of problem a unit's workbook can
 * have, with what the product must say about it: the status (or the template issue), the sheet
 * and cell the message must name, and words the message must contain. The expectations come from
 * SPEC §2–§4, not from the product's output.
 */
import type ExcelJS from 'exceljs';
import type { InvalidKind, Status } from '../../src/engine/types';
import type { Severity } from '../../src/template/types';
import {
  addOwnLayoutSheet,
  addTemplateSheet,
  COL,
  errorFormula,
  putRows,
  restyle,
  type TemplateSheet,
} from './builders';

/** A rule result of one unit (report sheet). */
export interface ResultExpectation {
  sheet: string;
  code: string;
  status: Status;
  invalidKind?: InvalidKind;
  /** The cell the message must name (with the sheet); null when the message names none. */
  cell: string | null;
  message: RegExp;
}

/** A template issue (a problem with the sheet's layout rather than one figure). */
export interface IssueExpectation {
  issue: string | RegExp;
  severity: Severity;
  /** '' for a workbook-wide issue. */
  sheet: string;
  cell: string | null;
  message: RegExp;
}

export type Expectation = ResultExpectation | IssueExpectation;

export interface Case {
  name: string;
  build: (wb: ExcelJS.Workbook) => void | Promise<void>;
  expect: Expectation[];
  /** The workbook holds no readable report sheet: nothing is evaluated or written. */
  noReportSheet?: true;
  /** Writing the results must be refused, naming the sheet; nothing is written. */
  refused?: { sheet: string; message: RegExp };
  /** Texts the summary sheet must hold as literal text (unit names…). */
  summaryTexts?: string[];
  /** Links the summary must hold, exactly as stored in the file ("#'Bob''s'!F8"). */
  summaryLinks?: string[];
  /** Also run through the Office.js path with the in-memory host. */
  office?: boolean;
}

const SHEET = 'Báo cáo';

/** A template report sheet named "Báo cáo" with the given rows filled in. */
function template(fill: (sheet: TemplateSheet) => void) {
  return (wb: ExcelJS.Workbook) => fill(addTemplateSheet(wb));
}

function invalid(
  code: string,
  kind: InvalidKind,
  cell: string,
  message: RegExp,
  sheet = SHEET,
): ResultExpectation {
  return { sheet, code, status: 'INVALID', invalidKind: kind, cell, message };
}

function judged(code: string, status: Status, message: RegExp, sheet = SHEET): ResultExpectation {
  return { sheet, code, status, cell: null, message };
}

const LONG_TEXT = 'Số liệu đang được các công đoàn cơ sở tổng hợp, sẽ báo cáo sau. '
  .repeat(700)
  .slice(0, 40_000);

const NFD = (text: string) => text.normalize('NFD');

/** A sheet of free layout: `labels[0]` (the title) in A1, then from row 3 the header and rows. */
function unicodeSheet(
  wb: ExcelJS.Workbook,
  name: string,
  labels: string[],
  rows: ExcelJS.CellValue[][],
): void {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = labels[0];
  putRows(ws, 3, 1, [labels.slice(1), ...rows]);
}

export const CASES: Case[] = [
  {
    name: 'text that is not a number',
    build: template((s) => s.fill('I.2b', 'khoảng 40', 52)),
    expect: [invalid('I.2b', 'not-a-number', 'F11', /«khoảng 40» không phải là số/)],
    office: true,
  },
  {
    name: 'a negative Thực hiện',
    build: template((s) => s.fill('I.1a', -5)),
    expect: [invalid('I.1a', 'negative', 'F8', /số âm/)],
  },
  {
    name: 'a negative Tổng số',
    build: template((s) => s.fill('I.2b', 3, -52)),
    expect: [invalid('I.2b', 'negative', 'G11', /Tổng số là số âm/)],
  },
  {
    name: 'a fractional count of people',
    build: template((s) => s.fill('I.1a', 12.5)),
    expect: [invalid('I.1a', 'not-whole', 'F8', /12,5 không phải là số nguyên/)],
  },
  {
    name: 'a fractional Tổng số of people',
    build: template((s) => s.fill('I.6', 2450, 2900.5)),
    expect: [invalid('I.6', 'not-whole', 'G17', /không phải là số nguyên/)],
  },
  {
    name: 'Thực hiện greater than Tổng số',
    build: template((s) => s.fill('I.2b', 60, 52)),
    expect: [invalid('I.2b', 'actual-above-denominator', 'F11', /lớn hơn Tổng số.*G11/)],
  },
  {
    name: 'Tổng số 0 with Thực hiện above 0',
    build: template((s) => s.fill('I.2b', 3, 0)),
    expect: [invalid('I.2b', 'zero-denominator', 'G11', /bằng 0/)],
  },
  {
    name: 'Tổng số 0 and Thực hiện 0',
    build: template((s) => s.fill('II.1b', 0, 0)),
    expect: [judged('II.1b', 'NOT_APPLICABLE', /Tổng số bằng 0/)],
  },
  {
    name: 'the Excel error #DIV/0! as a formula result',
    build: template((s) => s.fill('I.1a', errorFormula('G8/G9', '#DIV/0!'))),
    expect: [invalid('I.1a', 'excel-error', 'F8', /#DIV\/0!/)],
    office: true,
  },
  {
    name: 'the Excel error #REF! as a formula result',
    build: template((s) => s.fill('I.2b', errorFormula('#REF!*2', '#REF!'), 52)),
    expect: [invalid('I.2b', 'excel-error', 'F11', /#REF!/)],
  },
  {
    name: 'the Excel error #N/A in Tổng số',
    build: template((s) => s.fill('I.2b', 40, errorFormula('VLOOKUP("x",K1:K2,1,FALSE)', '#N/A'))),
    expect: [invalid('I.2b', 'excel-error', 'G11', /#N\/A/)],
  },
  {
    name: 'the Excel error #VALUE! as a formula result',
    build: template((s) => s.fill('I.5a', errorFormula('"a"+1', '#VALUE!'), 1_300_000_000)),
    expect: [invalid('I.5a', 'excel-error', 'F15', /#VALUE!/)],
  },
  {
    name: 'an Excel error typed as text',
    build: template((s) => s.fill('I.9', '#N/A')),
    expect: [invalid('I.9', 'excel-error', 'F21', /#N\/A/)],
  },
  {
    name: 'a boolean',
    build: template((s) => s.fill('I.9', true)),
    expect: [invalid('I.9', 'boolean', 'F21', /TRUE/)],
    office: true,
  },
  {
    name: 'a date in a number cell',
    build: template((s) => {
      const cell = s.ws.getCell(s.row('I.3'), COL.actual);
      cell.value = new Date(Date.UTC(2020, 4, 12));
      restyle(cell, { numFmt: 'dd/mm/yyyy' });
    }),
    expect: [invalid('I.3', 'date', 'F12', /12\/05\/2020/)],
    office: true,
  },
  {
    name: 'a date typed as text',
    build: template((s) => s.fill('I.3', '12/05/2020')),
    expect: [invalid('I.3', 'date', 'F12', /ngày tháng/)],
  },
  {
    name: 'a number beyond 2^53',
    build: template((s) => s.fill('I.5a', 2 ** 60, 1_300_000_000)),
    expect: [invalid('I.5a', 'too-large', 'F15', /2\^53/)],
  },
  {
    name: 'a number beyond 2^53 typed as text',
    build: template((s) => s.fill('I.5b', '1.300.000.000', '12345678901234567890 đồng')),
    expect: [invalid('I.5b', 'too-large', 'G16', /2\^53/)],
  },
  {
    name: 'very long text (40,000 characters)',
    build: template((s) => s.fill('I.1a', LONG_TEXT)),
    expect: [invalid('I.1a', 'not-a-number', 'F8', /không phải là số/)],
    office: true,
  },
  {
    name: 'a plain number with no Tổng số for a ratio rule',
    build: template((s) => s.fill('I.2b', 45)),
    expect: [invalid('I.2b', 'missing-denominator', 'G11', /nhập Tổng số, hoặc nhập tỷ lệ dạng %/)],
  },
  {
    name: 'a percent typed for a count rule',
    build: template((s) => s.fill('I.1a', '95%')),
    expect: [invalid('I.1a', 'percent-for-count', 'F8', /không nhập %/)],
  },
  {
    name: 'a percent-formatted number for a count rule',
    build: template((s) => {
      const cell = s.ws.getCell(s.row('I.1b'), COL.actual);
      cell.value = 0.5;
      restyle(cell, { numFmt: '0%' });
    }),
    expect: [invalid('I.1b', 'percent-for-count', 'F9', /tỷ lệ/)],
  },
  {
    name: 'a rate above 100%',
    build: template((s) => s.fill('I.2b', '120%')),
    expect: [invalid('I.2b', 'rate-above-100', 'F11', /vượt quá 100%/)],
  },
  {
    name: 'a percent in Tổng số',
    build: template((s) => s.fill('I.2b', 40, '52%')),
    expect: [invalid('I.2b', 'percent-denominator', 'G11', /Tổng số phải là số lượng/)],
  },
  {
    name: 'a header lacking the Thực hiện column',
    noReportSheet: true,
    build: (wb) => {
      const ws = wb.addWorksheet(SHEET);
      putRows(ws, 3, 1, [
        ['STT', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Tổng số', 'Ghi chú'],
        [1, 'I.1a', 'Kết nạp đoàn viên', null, '120'],
      ]);
    },
    expect: [
      {
        issue: 'header-missing-actual',
        severity: 'error',
        sheet: SHEET,
        cell: 'B3',
        message: /không có cột "Thực hiện"/,
      },
    ],
  },
  {
    name: 'a header lacking the Mã chỉ tiêu column',
    noReportSheet: true,
    build: (wb) => {
      const ws = wb.addWorksheet(SHEET);
      putRows(ws, 2, 2, [
        ['STT', 'Nội dung chỉ tiêu', 'Chỉ tiêu', 'Thực hiện', 'Tổng số'],
        [1, 'Kết nạp đoàn viên', 110, 120],
      ]);
    },
    expect: [
      {
        issue: 'header-missing-code',
        severity: 'error',
        sheet: SHEET,
        cell: 'E2',
        message: /không có cột "Mã chỉ tiêu"/,
      },
    ],
  },
  {
    name: 'a header below row 30',
    noReportSheet: true,
    build: (wb) => {
      const ws = wb.addWorksheet(SHEET);
      ws.getCell('A1').value = 'Đơn vị báo cáo: LĐLĐ huyện Thanh Sơn';
      putRows(ws, 35, 1, [
        ['STT', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Thực hiện', 'Tổng số'],
        [1, 'I.1a', 'Kết nạp đoàn viên', 120],
      ]);
    },
    expect: [
      {
        issue: 'no-report-sheet',
        severity: 'error',
        sheet: '',
        cell: null,
        message: /"Báo cáo".*30 dòng đầu/,
      },
    ],
  },
  {
    name: 'a header label twice',
    noReportSheet: true,
    build: (wb) => {
      const ws = wb.addWorksheet(SHEET);
      putRows(ws, 3, 1, [
        ['STT', 'Mã', 'Nội dung', 'Thực hiện', 'Tổng số', 'Ghi chú', 'Thực hiện'],
        [1, 'I.1a', 'Kết nạp đoàn viên', 120, null, null, 95],
      ]);
    },
    expect: [
      {
        issue: 'duplicate-header',
        severity: 'error',
        sheet: SHEET,
        cell: 'D3',
        message: /"Thực hiện".*D3, G3/,
      },
    ],
  },
  {
    name: 'a code on two rows',
    build: template((s) => {
      s.ws.getCell(s.row('I.1b'), COL.code).value = 'I.1a';
      s.fill('I.1a', 120);
      s.ws.getCell(s.row('I.1a') + 1, COL.actual).value = 95;
    }),
    expect: [
      { issue: 'duplicate-code', severity: 'error', sheet: SHEET, cell: 'B8', message: /B8, B9/ },
      { issue: 'duplicate-code', severity: 'error', sheet: SHEET, cell: 'B9', message: /B8, B9/ },
    ],
  },
  {
    name: 'an unknown code',
    build: template((s) => {
      s.ws.getCell(s.row('I.1b'), COL.code).value = 'I.10';
      s.fill('I.1b', 7);
    }),
    expect: [
      {
        issue: 'unknown-code',
        severity: 'warning',
        sheet: SHEET,
        cell: 'B9',
        message: /"I\.10" không có trong danh mục/,
      },
    ],
  },
  {
    name: 'Thực hiện merged across two rule rows',
    build: template((s) => {
      s.fill('I.1a', 120);
      s.ws.mergeCells(s.row('I.1a'), COL.actual, s.row('I.1b'), COL.actual);
    }),
    expect: [
      judged('I.1a', 'MET', /^Đạt: 120 đoàn viên/),
      { sheet: SHEET, code: 'I.1b', status: 'NO_DATA', cell: 'F9', message: /chưa nhập/ },
    ],
  },
  {
    name: 'Đánh giá merged across two rule rows',
    build: template((s) => {
      s.fill('I.1a', 120).fill('I.1b', 2);
      s.ws.mergeCells(s.row('I.1a'), COL.status, s.row('I.1b'), COL.status);
    }),
    // I.1b's status written into J9 would land in J8, the merge's own cell, where I.1a would then
    // read "Không đạt": neither row gets anything written (the comparison of the cells outside
    // the written ones holds J8:J9 and both rows' other outputs to that), and an error names the
    // merged range.
    expect: [
      judged('I.1a', 'MET', /^Đạt: 120/),
      judged('I.1b', 'MISSED', /^Không đạt: 2 CĐCS/),
      {
        issue: 'output-cell-merged',
        severity: 'error',
        sheet: SHEET,
        cell: 'J8',
        message: /ô J8:J9: ô Đánh giá đang gộp qua 2 hàng chỉ tiêu \(I\.1a, I\.1b\).*bỏ gộp ô/,
      },
    ],
    office: true,
  },
  {
    name: 'Tỷ lệ to Đánh giá merged on one rule row',
    build: template((s) => {
      s.fill('I.2b', 45, 52).fill('I.6', 2450, 2900);
      s.ws.mergeCells(s.row('I.2b'), COL.rate, s.row('I.2b'), COL.status);
    }),
    expect: [
      judged('I.2b', 'MET', /^Đạt: 45\/52/),
      judged('I.6', 'MET', /^Đạt: 2\.450\/2\.900/),
      {
        issue: 'output-cell-merged',
        severity: 'error',
        sheet: SHEET,
        cell: 'H11',
        message: /ô H11:J11: các ô Tỷ lệ, Chênh lệch, Đánh giá của chỉ tiêu I\.2b đang gộp làm một/,
      },
    ],
    office: true,
  },
  {
    name: 'hidden rows and columns are still evaluated',
    build: template((s) => {
      s.fill('I.1a', 120).fill('I.2b', 45, 52);
      s.ws.getRow(s.row('I.1a')).hidden = true;
      s.ws.getColumn(COL.actual).hidden = true;
      s.ws.getColumn(COL.denominator).hidden = true;
    }),
    expect: [judged('I.1a', 'MET', /^Đạt: 120 đoàn viên/), judged('I.2b', 'MET', /^Đạt: 45\/52/)],
    office: true,
  },
  {
    name: 'Vietnamese text in decomposed Unicode (NFD)',
    build: (wb) =>
      unicodeSheet(
        wb,
        'Đơn vị NFD',
        [
          NFD('Đơn vị báo cáo: Công đoàn ngành Giáo dục'),
          ...['STT', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Thực hiện', 'Tổng số'].map(NFD),
        ],
        [
          [1, 'I.1a', NFD('Kết nạp đoàn viên'), NFD('120 đoàn viên')],
          [2, NFD('I.2b'), NFD('CĐCS hoàn thành tốt nhiệm vụ'), '45', NFD('52 CĐCS')],
          [3, 'I.6', NFD('Đoàn viên hoàn thành tốt'), NFD('khoảng hai nghìn'), 2900],
        ],
      ),
    expect: [
      judged('I.1a', 'MET', /^Đạt: 120 đoàn viên/, 'Đơn vị NFD'),
      judged('I.2b', 'MET', /^Đạt: 45\/52/, 'Đơn vị NFD'),
      invalid('I.6', 'not-a-number', 'D6', /khoảng hai nghìn/, 'Đơn vị NFD'),
    ],
    summaryTexts: ['Công đoàn ngành Giáo dục'],
  },
  {
    name: 'non-breaking and full-width spaces in numbers and labels',
    build: (wb) =>
      unicodeSheet(
        wb,
        'Khoảng trắng',
        [
          'Đơn vị báo cáo:\u00a0CĐ Khu kinh tế',
          'STT',
          'Mã\u00a0chỉ\u00a0tiêu',
          'Nội dung',
          'Thực\u3000hiện',
          '\u00a0Tổng số\u00a0',
        ],
        [
          [1, 'I.1a', 'Kết nạp đoàn viên', '1\u00a0250'],
          [2, 'I.2b', 'CĐCS hoàn thành tốt', '\u300045\u3000', '５２'],
          [3, 'I.1b', 'CĐCS thành lập mới', '\u00a0\u00a0'],
        ],
      ),
    expect: [
      judged('I.1a', 'MET', /^Đạt: 1\.250 đoàn viên/, 'Khoảng trắng'),
      judged('I.2b', 'MET', /^Đạt: 45\/52/, 'Khoảng trắng'),
      { sheet: 'Khoảng trắng', code: 'I.1b', status: 'NO_DATA', cell: 'D6', message: /chưa nhập/ },
    ],
    summaryTexts: ['CĐ Khu kinh tế'],
  },
  {
    name: 'an unreadable Chỉ tiêu',
    build: template((s) => {
      s.ws.getCell(s.row('I.1a'), COL.target).value = 'khoảng hai chục';
      s.fill('I.1a', 120);
    }),
    expect: [
      {
        issue: 'target-unreadable',
        severity: 'warning',
        sheet: SHEET,
        cell: 'E8',
        message: /"khoảng hai chục".*≥ 110/,
      },
      judged('I.1a', 'MET', /yêu cầu ≥ 110/),
    ],
  },
  {
    name: 'an empty workbook',
    noReportSheet: true,
    build: (wb) => {
      wb.addWorksheet('Sheet1');
    },
    expect: [
      {
        issue: 'no-report-sheet',
        severity: 'error',
        sheet: '',
        cell: null,
        message: /không có trang tính báo cáo nào.*"Sheet1"/,
      },
    ],
    office: true,
  },
  {
    name: 'a workbook with only an instructions sheet',
    noReportSheet: true,
    build: (wb) => {
      const ws = wb.addWorksheet('Hướng dẫn');
      putRows(ws, 1, 1, [
        ['HƯỚNG DẪN ĐIỀN BÁO CÁO'],
        ['1. Điền cột Thực hiện và Tổng số theo từng mã chỉ tiêu.'],
        ['2. Mã chỉ tiêu: I.1a, I.2b… như trong danh mục.'],
      ]);
    },
    expect: [
      {
        issue: 'no-report-sheet',
        severity: 'error',
        sheet: '',
        cell: null,
        message: /không có trang tính báo cáo nào.*"Hướng dẫn"/,
      },
    ],
  },
  {
    name: 'sheet names with quotes, apostrophes and spaces',
    build: (wb) => {
      addTemplateSheet(wb, 'Bob\'s "A" sheet', 'Công đoàn Bob').fill('I.1a', 'chưa có');
      addTemplateSheet(wb, "CĐ ngành Y'tế 2020", 'Công đoàn ngành Y tế').fill('I.2b', 60, 52);
    },
    expect: [
      invalid('I.1a', 'not-a-number', 'F8', /«chưa có»/, 'Bob\'s "A" sheet'),
      invalid('I.2b', 'actual-above-denominator', 'F11', /G11/, "CĐ ngành Y'tế 2020"),
    ],
    summaryLinks: [`#'Bob''s "A" sheet'!F8`, `#'CĐ ngành Y''tế 2020'!F11`],
    office: true,
  },
  {
    name: 'formula-like text as unit names and notes',
    build: (wb) => {
      const units = ['=SUM(A1)', '+84 912', '@abc', '-'];
      units.forEach((unit, i) => {
        const s = addTemplateSheet(wb, `Đơn vị ${i + 1}`, unit);
        s.fill('I.1a', 100 + i);
        s.ws.getCell(s.row('I.1a'), COL.note).value = units[(i + 1) % units.length];
      });
      addTemplateSheet(wb, '=Đơn vị 5', 'Đơn vị 5').fill('I.9', '@abc');
    },
    expect: [invalid('I.9', 'not-a-number', 'F21', /«@abc»/, '=Đơn vị 5')],
    // "-" is a blank to fill in, so that unit is named after its sheet.
    summaryTexts: ['=SUM(A1)', '+84 912', '@abc', 'Đơn vị 4', '=Đơn vị 5'],
    office: true,
  },
  {
    name: 'output columns blocked by user content',
    build: (wb) => {
      const ws = addOwnLayoutSheet(wb, SHEET);
      ws.getCell('G5').value = 'đã đối chiếu với sổ';
    },
    expect: [
      {
        issue: 'output-column-occupied',
        severity: 'error',
        sheet: SHEET,
        cell: 'G5',
        message: /cột G/,
      },
    ],
  },
  {
    name: 'a sheet of the unit’s own layout, output columns added',
    build: (wb) => {
      addOwnLayoutSheet(wb, SHEET);
    },
    expect: [
      judged('I.1a', 'MET', /^Đạt: 140 đoàn viên/),
      judged('I.2b', 'NEAR', /^Gần đạt: 30\/40/),
      judged('I.6', 'MET', /^Đạt: 450\/500/),
    ],
    office: true,
  },
  {
    name: 'a header on row 30, the last row searched',
    build: (wb) => {
      const ws = wb.addWorksheet(SHEET);
      ws.getCell('A1').value = 'Đơn vị báo cáo: LĐLĐ huyện Thanh Sơn';
      putRows(ws, 30, 1, [
        ['STT', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Thực hiện', 'Tổng số'],
        [1, 'I.1a', 'Kết nạp đoàn viên', 'một trăm'],
      ]);
    },
    expect: [invalid('I.1a', 'not-a-number', 'D31', /«một trăm»/)],
  },
  {
    name: 'a hidden report sheet',
    build: template((s) => {
      s.fill('I.2b', 'abc', 52);
      s.ws.state = 'hidden';
    }),
    expect: [invalid('I.2b', 'not-a-number', 'F11', /«abc»/)],
    summaryLinks: [`#'Báo cáo'!F11`],
  },
  {
    name: 'a two-row header under a merged “Kết quả thực hiện”',
    build: (wb) => {
      const ws = wb.addWorksheet(SHEET);
      ws.getCell('A1').value = 'Đơn vị báo cáo: Công đoàn Viên chức tỉnh';
      putRows(ws, 3, 1, [
        ['STT', 'Mã', 'Nội dung', 'Kết quả thực hiện', null, 'Tỷ lệ', 'Chênh lệch', 'Đánh giá'],
        [null, null, null, 'Thực hiện', 'Tổng số'],
        [1, 'I.1a', 'Kết nạp đoàn viên', 120],
        [2, 'I.2b', 'CĐCS hoàn thành tốt nhiệm vụ', 45, 52],
        [3, 'I.6', 'Đoàn viên hoàn thành tốt nhiệm vụ', 2950, 2900],
      ]);
      ws.mergeCells('D3:E3');
      for (const col of ['A', 'B', 'C', 'F', 'G', 'H']) ws.mergeCells(`${col}3:${col}4`);
    },
    expect: [
      judged('I.1a', 'MET', /^Đạt: 120/),
      judged('I.2b', 'MET', /^Đạt: 45\/52/),
      invalid('I.6', 'actual-above-denominator', 'D7', /E7/),
    ],
  },
  {
    name: 'a formula whose result was never computed',
    build: template((s) => {
      s.fill('I.1a', { formula: 'SUM(K40:K60)', date1904: false } as ExcelJS.CellFormulaValue);
    }),
    // Not "nothing typed": the cell holds a formula that Excel has not calculated yet.
    expect: [
      {
        sheet: SHEET,
        code: 'I.1a',
        status: 'NO_DATA',
        cell: 'F8',
        message: /ô F8: Thực hiện có công thức nhưng chưa có kết quả tính; .*tính lại/,
      },
    ],
  },
  {
    name: 'a Tổng số formula whose result was never computed',
    build: template((s) => {
      s.fill('I.2b', 45, { formula: 'SUM(K40:K60)', date1904: false } as ExcelJS.CellFormulaValue);
    }),
    expect: [
      invalid(
        'I.2b',
        'missing-denominator',
        'G11',
        /ô G11: Tổng số có công thức nhưng chưa có kết quả tính/,
      ),
    ],
  },
  {
    name: 'rich text in labels and figures',
    build: (wb) => {
      const ws = wb.addWorksheet(SHEET);
      const rich = (...runs: string[]): ExcelJS.CellRichTextValue => ({
        richText: runs.map((text, i) => (i % 2 ? { text, font: { bold: true } } : { text })),
      });
      putRows(ws, 2, 1, [
        ['STT', rich('Mã ', 'chỉ tiêu'), 'Nội dung', rich('Thực ', 'hiện'), 'Tổng số'],
        [1, rich('I.', '1a'), 'Kết nạp đoàn viên', rich('1', '20')],
        [2, 'I.2b', 'CĐCS hoàn thành tốt', rich('4', '5'), rich('5', '2 CĐCS')],
      ]);
    },
    expect: [judged('I.1a', 'MET', /^Đạt: 120/), judged('I.2b', 'MET', /^Đạt: 45\/52/)],
  },
  {
    name: 'shared formulas in input cells',
    build: template((s) => {
      s.fill('I.2a', null, 10).fill('I.2b', null, 52);
      s.ws.getCell(s.at('I.2a', 'actual')).value = {
        formula: 'G10*0.9',
        result: 9,
        shareType: 'shared',
        ref: `${s.at('I.2a', 'actual')}:${s.at('I.2b', 'actual')}`,
      } as ExcelJS.CellFormulaValue;
      s.ws.getCell(s.at('I.2b', 'actual')).value = {
        sharedFormula: s.at('I.2a', 'actual'),
        result: 46.8,
      } as ExcelJS.CellSharedFormulaValue;
    }),
    expect: [
      judged('I.2a', 'MET', /^Đạt: 9\/10/),
      invalid('I.2b', 'not-whole', 'F11', /46,8 không phải là số nguyên/),
    ],
  },
  {
    name: 'notes, data validation, conditional formats and names on input cells',
    build: template((s) => {
      s.fill('I.1a', 120).fill('I.2b', 45, 52);
      s.ws.workbook.definedNames.add(`'Báo cáo'!$F$8:$F$34`, 'ThucHien');
      const f8 = s.ws.getCell(s.at('I.1a', 'actual'));
      f8.note = 'Số liệu đến ngày 30/11/2020';
      for (let r = s.row('I.1a'); r <= s.row('II.7b'); r++) {
        s.ws.getCell(r, COL.actual).dataValidation = {
          type: 'decimal',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          error: 'Nhập số từ 0 trở lên',
        };
      }
      s.ws.addConditionalFormatting({
        ref: `G${s.row('I.1a')}:G${s.row('II.7b')}`,
        rules: [
          {
            type: 'cellIs',
            operator: 'lessThan',
            formulae: [0],
            priority: 1,
            style: { font: { color: { argb: 'FFFF0000' } } },
          },
        ],
      });
    }),
    expect: [judged('I.1a', 'MET', /^Đạt: 120/), judged('I.2b', 'MET', /^Đạt: 45\/52/)],
    office: true,
  },
  {
    name: 'a sheet of the user’s own named “Tổng hợp”',
    build: (wb) => {
      const own = wb.addWorksheet('Tổng hợp');
      putRows(own, 1, 1, [['Bảng tổng hợp của văn phòng'], ['Lập ngày 05/01/2021'], [1, 2, 3]]);
      addTemplateSheet(wb).fill('I.1a', 'nhiều', null);
    },
    expect: [invalid('I.1a', 'not-a-number', 'F8', /«nhiều»/)],
    summaryLinks: [`#'Báo cáo'!F8`],
  },
  {
    name: 'output columns formatted by the unit (percent, fill, font colour)',
    build: template((s) => {
      s.fill('I.2b', 45, 52).fill('I.1a', 100);
      for (let r = s.row('I.1a'); r <= s.row('II.7b'); r++) {
        restyle(s.ws.getCell(r, COL.rate), { numFmt: '0.0%' });
        restyle(s.ws.getCell(r, COL.gap), { numFmt: '#,##0;[Red]-#,##0' });
        restyle(s.ws.getCell(r, COL.status), {
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } },
          font: { bold: true, color: { argb: 'FF1F4E79' } },
        });
      }
    }),
    // Evaluation keeps the unit's number formats and clear gives them back: they are the unit's,
    // not the add-in's. Fills and font colours of the output cells clear removes (SPEC §4), as
    // checkCleared expects of every fixture.
    expect: [judged('I.2b', 'MET', /^Đạt: 45\/52/), judged('I.1a', 'NEAR', /^Gần đạt: 100/)],
    office: true,
  },
  {
    name: 'the unit’s own formulas in the Tỷ lệ column',
    build: template((s) => {
      s.fill('I.2b', 45, 52).fill('I.6', 2450, 2900);
      for (const code of ['I.2b', 'I.6']) {
        const r = s.row(code);
        s.ws.getCell(r, COL.rate).value = {
          formula: `F${r}/G${r}`,
          result: code === 'I.2b' ? 45 / 52 : 2450 / 2900,
        };
      }
    }),
    // The unit's formulas are never written over, formatted or cleared (the comparison of the
    // cells outside the written ones holds H11 and H17 to that); a warning names them.
    expect: [
      judged('I.2b', 'MET', /^Đạt: 45\/52/),
      judged('I.6', 'MET', /^Đạt: 2\.450\/2\.900/),
      {
        issue: 'output-cell-formula',
        severity: 'warning',
        sheet: SHEET,
        cell: 'H11',
        message: /ô H11, H17: có công thức của đơn vị; giữ nguyên, không ghi Tỷ lệ vào các ô này/,
      },
    ],
    office: true,
  },
  {
    name: 'a protected report sheet',
    build: async (wb) => {
      const s = addTemplateSheet(wb);
      s.fill('I.1a', 120);
      await s.ws.protect('', { formatCells: false });
    },
    expect: [judged('I.1a', 'MET', /^Đạt: 120/)],
    refused: { sheet: SHEET, message: /bảo vệ/ },
    office: true,
  },
];

/** Large fixtures: a report sheet of 5,000 rows, and 200 report sheets. */
export const LARGE_ROWS = 5000;
export const LARGE_SHEETS = 200;

/** Thực hiện and Tổng số of the rule rows of the long sheet. */
const LONG_FIGURES: [string, ExcelJS.CellValue, ExcelJS.CellValue][] = [
  ['I.1a', 130, null],
  ['I.2b', 45, 52],
  ['I.6', 2450, 2900],
  ['II.2', 40, 58],
  ['II.7b', 'chưa tổng hợp', 3000],
];
/** The long sheet's rule rows: every 1,000th row, the last at row 5,003. */
const LONG_STEP = LARGE_ROWS / LONG_FIGURES.length;
const longRow = (i: number) => 3 + (i + 1) * LONG_STEP;

/**
 * One report sheet of 5,000 rows below its header: the rule rows spread among detail rows (base
 * unions with their own figures, no code), the last rule with a bad figure near the bottom.
 */
function buildLongSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET);
  ws.getCell('A1').value = 'Đơn vị báo cáo: LĐLĐ tỉnh';
  putRows(ws, 3, 1, [['STT', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Thực hiện', 'Tổng số']]);
  for (let r = 4; r < 4 + LARGE_ROWS; r++) putRows(ws, r, 3, [[`CĐCS số ${r - 3}`, r % 90, 100]]);
  LONG_FIGURES.forEach(([code, actual, denominator], i) =>
    putRows(ws, longRow(i), 1, [[i + 1, code, 'Chỉ tiêu', actual, denominator]]),
  );
}

function buildManySheets(wb: ExcelJS.Workbook): void {
  for (let i = 1; i <= LARGE_SHEETS; i++) {
    const s = addTemplateSheet(wb, `Đơn vị ${i}`, `LĐLĐ huyện số ${i}`);
    s.fill('I.1a', 100 + (i % 20)).fill('I.2b', 40, 52);
    if (i === LARGE_SHEETS) s.fill('II.4', 'hai');
  }
}

export const LARGE_CASES: Case[] = [
  {
    name: 'a report sheet of 5,000 rows',
    build: buildLongSheet,
    expect: [
      judged('I.1a', 'MET', /^Đạt: 130/),
      judged('I.2b', 'MET', /^Đạt: 45\/52/),
      judged('I.6', 'MET', /^Đạt: 2\.450\/2\.900/),
      judged('II.2', 'MISSED', /^Không đạt: 40\/58/),
      invalid('II.7b', 'not-a-number', `D${longRow(4)}`, /«chưa tổng hợp»/),
    ],
    summaryLinks: [`#'Báo cáo'!D${longRow(4)}`],
    office: true,
  },
  {
    name: '200 report sheets',
    build: buildManySheets,
    expect: [
      judged('I.2b', 'NEAR', /^Gần đạt: 40\/52/, 'Đơn vị 1'),
      invalid('II.4', 'not-a-number', 'F29', /«hai»/, `Đơn vị ${LARGE_SHEETS}`),
    ],
    summaryLinks: [`#'Đơn vị ${LARGE_SHEETS}'!F29`],
    summaryTexts: ['LĐLĐ huyện số 1', `LĐLĐ huyện số ${LARGE_SHEETS}`],
    office: true,
  },
];
