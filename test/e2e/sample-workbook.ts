// A realistic sample workbook for the browser test: two reporting units filled in the standard
// template, with figures chosen to show every status (and the boundaries of SPEC §2).
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../../src/catalogue';
import type { Status } from '../../src/engine/types';

type Figure = string | number | null;

/** One rule row: Thực hiện, Tổng số, and the status SPEC §2 gives those figures. */
export interface SampleRow {
  actual: Figure;
  denominator: Figure;
  expected: Status;
}

export interface SampleUnit {
  sheet: string;
  unit: string;
  rows: Record<string, SampleRow>;
  /** A code typed below the rules that is not in the catalogue (a template warning). */
  unknownCode?: string;
}

const row = (actual: Figure, denominator: Figure, expected: Status): SampleRow => ({
  actual,
  denominator,
  expected,
});

/** LĐLĐ huyện: a unit with a bit of everything. */
const DISTRICT: SampleUnit = {
  sheet: 'Báo cáo',
  unit: 'LĐLĐ huyện Thanh Sơn',
  rows: {
    'I.1a': row(95, null, 'MISSED'), // 95 of ≥ 110 new members: 15 short
    'I.1b': row(5, null, 'MET'),
    'I.2a': row(9, 10, 'MET'), // exactly 90%
    'I.2b': row(38, 52, 'NEAR'), // 73.1% of ≥ 80%: 4 short
    'I.3': row(812, null, 'MET'),
    'I.4a': row(14, 15, 'NEAR'),
    'I.4b': row(1350, 1500, 'NEAR'), // exactly 90% against > 90%
    'I.5a': row(1250000000, 1300000000, 'NEAR'),
    'I.5b': row(980000000, 980000000, 'MET'),
    'I.6': row(2450, 2900, 'MET'),
    'I.7a': row('100%', null, 'MET'), // a direct rate
    'I.7b': row(30, 40, 'NEAR'),
    'I.8': row(52, 52, 'MET'),
    'I.9': row(41, null, 'MISSED'),
    'II.1a': row(36, 36, 'MET'),
    'II.1b': row(0, 0, 'NOT_APPLICABLE'), // no state enterprise
    'II.1c': row(64, 70, 'MET'),
    'II.2': row(45, 58, 'MISSED'),
    'II.3a': row(3, 3, 'MET'),
    'II.3b': row('khoảng 40', 50, 'INVALID'), // text that is not a number
    'II.4': row(2, null, 'MET'),
    'II.5': row(14, null, 'MET'),
    'II.6a': row(null, 3100, 'NO_DATA'),
    'II.6b': row(3100, 3100, 'MET'),
    'II.7a': row(2900, 3000, 'MET'),
    'II.7b': row(1950, 3000, 'NEAR'), // exactly 65% against > 65%
  },
};

/** CĐ các Khu công nghiệp: mostly met, one miss, one impossible figure. */
const INDUSTRIAL_ZONE: SampleUnit = {
  sheet: 'KCN',
  unit: 'CĐ các Khu công nghiệp',
  unknownCode: 'I.10',
  rows: {
    'I.1a': row(180, null, 'MET'),
    'I.1b': row(6, null, 'MET'),
    'I.2a': row(4, 4, 'MET'),
    'I.2b': row(40, 45, 'MET'),
    'I.3': row(120, null, 'MISSED'),
    'I.4a': row(20, 20, 'MET'),
    'I.4b': row(2300, 2500, 'MET'),
    'I.5a': row(2000000000, 2000000000, 'MET'),
    'I.5b': row(1500000000, 1500000000, 'MET'),
    'I.6': row(9000, 10500, 'MET'),
    'I.7a': row(4, 4, 'MET'),
    'I.7b': row(35, 40, 'MET'),
    'I.8': row(45, 45, 'MET'),
    'I.9': row(60, null, 'MET'),
    'II.1a': row(2, 2, 'MET'),
    'II.1b': row(3, 3, 'MET'),
    'II.1c': row(40, 42, 'MET'),
    'II.2': row(43, 45, 'MET'),
    'II.3a': row(3, 3, 'MET'),
    'II.3b': row(42, 40, 'INVALID'), // Thực hiện > Tổng số
    'II.4': row(2, null, 'MET'),
    // No row for II.5: the pane lists it as missing for this unit.
    'II.6a': row(12000, 12000, 'MET'),
    'II.6b': row(12000, 12000, 'MET'),
    'II.7a': row(11500, 12000, 'MET'),
    'II.7b': row(8000, 12000, 'MET'),
  },
};

export const SAMPLE_UNITS: readonly SampleUnit[] = [DISTRICT, INDUSTRIAL_ZONE];

const HEADER = [
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
];
/** Row (1-based) of the header; rule rows follow, with a heading row per section. */
export const HEADER_ROW = 5;
const COLUMN = { code: 2, actual: 6, denominator: 7 };

function addUnitSheet(workbook: ExcelJS.Workbook, unit: SampleUnit) {
  const catalogue = loadCatalogue();
  const sheet = workbook.addWorksheet(unit.sheet);
  sheet.getCell('A1').value = 'LIÊN ĐOÀN LAO ĐỘNG TỈNH';
  sheet.getCell('A2').value = 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2020';
  sheet.getCell('A3').value = `Đơn vị báo cáo: ${unit.unit}`;
  sheet.getRow(HEADER_ROW).values = HEADER;
  let r = HEADER_ROW + 1;
  for (const section of catalogue.sections) {
    sheet.getCell(r, 1).value = section.id;
    sheet.getCell(r, 3).value = section.title.vi;
    r += 1;
    catalogue.rules
      .filter((rule) => rule.section === section.id)
      .forEach((rule, i) => {
        const figures = unit.rows[rule.code];
        if (!figures) return;
        sheet.getCell(r, 1).value = i + 1;
        sheet.getCell(r, COLUMN.code).value = rule.code;
        sheet.getCell(r, 3).value = rule.wording.vi;
        sheet.getCell(r, 4).value = rule.unit.vi;
        sheet.getCell(r, COLUMN.actual).value = figures.actual;
        sheet.getCell(r, COLUMN.denominator).value = figures.denominator;
        if (rule.kind === 'plan') {
          sheet.getCell(r, COLUMN.actual).numFmt = '#,##0';
          sheet.getCell(r, COLUMN.denominator).numFmt = '#,##0';
        }
        r += 1;
      });
  }
  if (unit.unknownCode) {
    sheet.getCell(r, COLUMN.code).value = unit.unknownCode;
    sheet.getCell(r, 3).value = 'Chỉ tiêu do đơn vị tự đặt thêm';
    sheet.getCell(r, COLUMN.actual).value = 5;
  }
}

/** The sheet and A1 address of the industrial zone's unknown code, below its rule rows. */
export function unknownCodeCell(): { sheet: string; cell: string } {
  const rows =
    HEADER_ROW + 1 + loadCatalogue().sections.length + Object.keys(INDUSTRIAL_ZONE.rows).length;
  return { sheet: INDUSTRIAL_ZONE.sheet, cell: `B${rows}` };
}

/** The A1 address of a rule's Thực hiện cell on the district's sheet (which has every row). */
export function actualCellOf(code: string): string {
  const catalogue = loadCatalogue();
  let r = HEADER_ROW + 1;
  for (const section of catalogue.sections) {
    r += 1;
    for (const rule of catalogue.rules.filter((x) => x.section === section.id)) {
      if (rule.code === code) return `F${r}`;
      r += 1;
    }
  }
  throw new Error(`No rule ${code} in the catalogue`);
}

export async function writeSampleWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const unit of SAMPLE_UNITS) addUnitSheet(workbook, unit);
  await workbook.xlsx.writeFile(file);
}

/** The statuses SPEC §2 gives the sample's figures, counted. */
export function expectedCounts(): Record<Status, number> {
  const counts: Record<Status, number> = {
    MET: 0,
    NEAR: 0,
    MISSED: 0,
    NO_DATA: 0,
    NOT_APPLICABLE: 0,
    INVALID: 0,
  };
  for (const unit of SAMPLE_UNITS) {
    for (const figures of Object.values(unit.rows)) counts[figures.expected] += 1;
  }
  return counts;
}
