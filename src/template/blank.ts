import { loadCatalogue } from '../catalogue';
import { sectionsInOrder, yearWords } from '../catalogue/sections';
import type { Catalogue, Lang } from '../catalogue/types';
import { catalogueTargetText } from './format';
import { periodName } from './period';
import {
  administrativeHeader,
  finishForPrint,
  signatureBlock,
  TABLE_BODY,
  TABLE_HEADER,
  TABLE_SECTION,
  TITLE_SIZE,
} from './print-layout';
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
  /** Months of a mid-year report (SPEC §2), 1…11: said in the title and in "Kỳ báo cáo". */
  period?: number;
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
const COLUMN_WIDTHS = [5, 8, 44, 10, 10, 12, 12, 9, 11, 14, 14];
const COL = { stt: 0, code: 1, content: 2, unit: 3, target: 4, denominator: 6, last: 10 } as const;
/**
 * The administrative header takes rows 1–3 (the unit beside the date line), the title row 4, the
 * year row 5: the header row stays where earlier templates have it.
 */
const HEADER_ROW = 5;
/** The administrative header's and the signature block's halves. */
const LEFT_HALF = { left: 0, right: COL.content };
const RIGHT_HALF = { left: COL.target, right: COL.last };
const PLACEHOLDER = '……………………';

const HEADER_STYLE = TABLE_HEADER;
const SECTION_STYLE = TABLE_SECTION;
const BODY = TABLE_BODY;
/** Tổng số of count rules: nothing to enter. */
const NOT_NEEDED: CellStyle = { ...BODY, fill: '#F2F2F2' };

const TITLE_LINES: Record<
  Lang,
  { title: (year: string, months?: number) => string; period: string }
> = {
  vi: {
    title: (year, months) =>
      months
        ? `BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHẤN ĐẤU ${months} THÁNG ĐẦU${year}`
        : `BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHẤN ĐẤU${year}`,
    period: 'Kỳ báo cáo',
  },
  en: {
    title: (year, months) =>
      months
        ? `REPORT ON THE RESULTS AGAINST THE${year} TARGETS, FIRST ${months} ${months === 1 ? 'MONTH' : 'MONTHS'}`
        : `REPORT ON THE RESULTS AGAINST THE${year} TARGETS`,
    period: 'Kỳ báo cáo (period)',
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
  const header = administrativeHeader(0, {
    lang,
    organisation: opts.unitName,
    left: LEFT_HALF,
    right: RIGHT_HALF,
  });
  cells.push(...header.cells);
  merges.push(...header.merges);
  const titleRow = header.nextRow;
  const months = opts.period !== undefined && opts.period < 12 ? opts.period : undefined;
  put(titleRow, 0, lines.title(yearWords(catalogue)[lang], months), {
    bold: true,
    fontSize: TITLE_SIZE,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  });
  mergeRow(titleRow, 0, COL.last);
  const unit = opts.unitName?.trim() || PLACEHOLDER;
  put(titleRow - 1, 0, `${lang === 'vi' ? 'Đơn vị báo cáo' : 'Reporting unit'}: ${unit}`, {
    vertical: 'middle',
  });
  mergeRow(titleRow - 1, 0, COL.content);
  put(titleRow + 1, 0, `${lang === 'vi' ? 'Năm' : 'Year'}: ${catalogue.year || PLACEHOLDER}`);
  mergeRow(titleRow + 1, 0, COL.content);
  if (months) {
    // The Chỉ tiêu column keeps the yearly targets: the reader judges the period from them.
    put(titleRow + 1, RIGHT_HALF.left, `${lines.period}: ${periodName(months, lang)}`);
    mergeRow(titleRow + 1, RIGHT_HALF.left, RIGHT_HALF.right);
  }

  HEADER[lang].forEach((label, col) => put(HEADER_ROW, col, label, HEADER_STYLE));

  let row = HEADER_ROW + 1;
  const keepTogether: { first: number; last: number }[] = [];
  for (const section of sectionsInOrder(catalogue)) {
    if (section.id !== '') {
      // A section heading prints with the first two rules under it.
      keepTogether.push({ first: row, last: row + 2 });
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
      put(row, COL.unit, rule.unit[lang], { ...BODY, horizontal: 'center', wrap: true });
      const target = opts.targets?.[rule.code] ?? catalogueTargetText(rule, lang);
      put(row, COL.target, target, { ...BODY, horizontal: 'center', wrap: true });
      for (let col = COL.target + 1; col <= COL.last; col++) {
        const countRuleTotal = col === COL.denominator && rule.kind === 'count';
        put(row, col, null, countRuleTotal ? NOT_NEEDED : BODY);
      }
      row++;
    }
  }

  // The signature block prints with the last rules above it.
  const signature = signatureBlock(row + 1, { lang, left: LEFT_HALF, right: RIGHT_HALF });
  cells.push(...signature.cells);
  merges.push(...signature.merges);
  keepTogether.push({ first: row - 2, last: signature.nextRow - 1 });

  const plan: SheetPlan = {
    name: opts.sheetName ?? (lang === 'vi' ? 'Báo cáo' : 'Report'),
    replace: false,
    cells,
    merges,
    columnWidths: COLUMN_WIDTHS,
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
  };
  return finishForPrint(plan, {
    lang,
    orientation: 'landscape',
    titleRows: { first: HEADER_ROW, last: HEADER_ROW },
    keepTogether,
  });
}
