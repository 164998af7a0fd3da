import { loadCatalogue } from '../catalogue';
import { sectionsInOrder, yearWords } from '../catalogue/sections';
import type { Catalogue, Lang } from '../catalogue/types';
import { catalogueTargetText } from './format';
import type { CellStyle, CellWrite, SheetPlan } from './types';

export interface BlankTemplateOptions {
  /**
   * The unit's allocated targets (SPEC §9) as the Chỉ tiêu column shows them, by rule code
   * ("≥ 30", "> 85%"); a rule without one shows the plan's target.
   */
  targets?: Record<string, string>;
  /** Written after "Đơn vị báo cáo:"; dots to fill in when absent. */
  unitName?: string;
  sheetName?: string;
  catalogue?: Catalogue;
  lang?: Lang;
}

/** The template's columns in order; every label is one the reader accepts. */
const HEADER: Record<Lang, string[]> = {
  vi: [
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
  ],
  en: [
    'No.',
    'Code',
    'Description',
    'Unit',
    'Target',
    'Actual',
    'Total',
    'Rate',
    'Gap',
    'Status',
    'Note',
  ],
};
const COLUMN_WIDTHS = [6, 10, 60, 11, 11, 14, 14, 10, 13, 15, 20];
const COL = { stt: 0, code: 1, content: 2, unit: 3, target: 4, denominator: 6, last: 10 } as const;
const HEADER_ROW = 5;
const PLACEHOLDER = '……………………';

const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: '#DDEBF7',
  wrap: true,
  horizontal: 'center',
  vertical: 'middle',
  border: true,
};
const SECTION_STYLE: CellStyle = { bold: true, fill: '#EDEDED', border: true };
const BODY: CellStyle = { border: true, vertical: 'top' };
/** Tổng số of count rules: nothing to enter. */
const NOT_NEEDED: CellStyle = { ...BODY, fill: '#F2F2F2' };

const TITLE_LINES: Record<Lang, { federation: string; title: (year: string) => string }> = {
  vi: {
    federation: `LIÊN ĐOÀN LAO ĐỘNG TỈNH ${PLACEHOLDER}`,
    title: (year) => `BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHẤN ĐẤU${year}`,
  },
  en: {
    federation: `PROVINCIAL LABOUR FEDERATION OF ${PLACEHOLDER}`,
    title: (year) => `REPORT ON THE RESULTS AGAINST THE${year} TARGETS`,
  },
};

/**
 * The blank reporting template (SPEC §3): title block, header, section heading rows and every rule
 * of the catalogue with its wording, ĐVT and target; the input cells are left empty.
 */
export function buildBlankTemplate(opts: BlankTemplateOptions = {}): SheetPlan {
  const catalogue = opts.catalogue ?? loadCatalogue();
  const lang = opts.lang ?? 'vi';
  const cells: CellWrite[] = [];
  const merges: SheetPlan['merges'] = [];
  const put = (row: number, col: number, value: string | number | null, style: CellStyle = {}) =>
    cells.push({ row, col, value, ...style });
  const mergeRow = (row: number, left: number, right: number) =>
    merges.push({ top: row, left, bottom: row, right });

  const lines = TITLE_LINES[lang];
  put(0, 0, lines.federation, { bold: true });
  mergeRow(0, 0, COL.content);
  put(1, 0, lines.title(yearWords(catalogue)[lang]), {
    bold: true,
    fontSize: 14,
    horizontal: 'center',
  });
  mergeRow(1, 0, COL.last);
  const unit = opts.unitName?.trim() || PLACEHOLDER;
  put(2, 0, `${lang === 'vi' ? 'Đơn vị báo cáo' : 'Reporting unit'}: ${unit}`);
  mergeRow(2, 0, COL.content);
  put(3, 0, `${lang === 'vi' ? 'Năm' : 'Year'}: ${catalogue.year || PLACEHOLDER}`);
  mergeRow(3, 0, COL.content);

  HEADER[lang].forEach((label, col) => put(HEADER_ROW, col, label, HEADER_STYLE));

  let row = HEADER_ROW + 1;
  for (const section of sectionsInOrder(catalogue)) {
    if (section.id !== '') {
      put(row, COL.stt, section.id, { ...SECTION_STYLE, horizontal: 'center' });
      put(row, COL.code, null, SECTION_STYLE);
      put(row, COL.content, section.title[lang], SECTION_STYLE);
      mergeRow(row, COL.content, COL.last);
      row++;
    }
    let index = 0;
    for (const rule of catalogue.rules) {
      if (rule.section !== section.id) continue;
      put(row, COL.stt, ++index, { ...BODY, horizontal: 'center' });
      put(row, COL.code, rule.code, { ...BODY, horizontal: 'center' });
      put(row, COL.content, rule.wording[lang], { ...BODY, wrap: true });
      put(row, COL.unit, rule.unit[lang], { ...BODY, horizontal: 'center' });
      const target = opts.targets?.[rule.code] ?? catalogueTargetText(rule, lang);
      put(row, COL.target, target, { ...BODY, horizontal: 'center' });
      for (let col = COL.target + 1; col <= COL.last; col++) {
        const countRuleTotal = col === COL.denominator && rule.kind === 'count';
        put(row, col, null, countRuleTotal ? NOT_NEEDED : BODY);
      }
      row++;
    }
  }

  return {
    name: opts.sheetName ?? (lang === 'vi' ? 'Báo cáo' : 'Report'),
    replace: false,
    cells,
    merges,
    columnWidths: COLUMN_WIDTHS,
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
    page: { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1 },
  };
}
