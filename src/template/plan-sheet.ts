import type { Catalogue, Comparator, Lang, Rule, RuleKind } from '../catalogue/types';
import {
  KIND_LABELS,
  PLAN_COLUMN_LABELS,
  periodColumnLabel,
  type PlanColumnKey,
} from './plan-sheet-columns';
import {
  administrativeHeader,
  finishForPrint,
  signatureBlock,
  TABLE_HEADER,
  TABLE_SECTION,
  TITLE_SIZE,
} from './print-layout';
import type { CellStyle, CellWrite, SheetPlan } from './types';

/** One rule of a plan sheet, as the secretariat would type it (TEAM.md, SPEC §8). */
export interface PlanSheetRow {
  code: string;
  section: string;
  wording: string;
  kind: RuleKind;
  /** As typed in Mục tiêu, e.g. "≥ 110", "trên 90%", "không để xảy ra". */
  target: string;
  unit: string | null;
  numerator: string | null;
  denominator: string | null;
  /** Months → the target as typed in "Chỉ tiêu N tháng". */
  periodTargets?: Record<number, string>;
  english?: string | null;
  /** What a person should check on this row (issue-12's draft); shown in "Cần xem lại". */
  review?: string | null;
}

export interface PlanSheetInput {
  year: number | null;
  title?: string;
  lang?: Lang;
  sheetName?: string;
  sections: { id: string; title: string }[];
  rows: PlanSheetRow[];
  /** Adds the "Cần xem lại" column (a draft to review). */
  reviewColumn?: boolean;
}

export const PLAN_SHEET_NAME: Record<Lang, string> = { vi: 'Bộ chỉ tiêu', en: 'Plan' };

// Below the administrative header (rows 0–2, SPEC §10): the title, the year, the hint, the header.
const TITLE_ROW = 3;
const YEAR_ROW = 4;
const HINT_ROW = 5;
const HEADER_ROW = 6;
const PLACEHOLDER = '……';

const HINT: Record<Lang, string> = {
  vi: 'Mỗi dòng một chỉ tiêu. Loại: Số lượng, Tỷ lệ, Dự toán, Bình quân. Mục tiêu như «≥ 110», «trên 90%», «từ 95% trở lên», «không quá 5», «dưới 3%», «không để xảy ra». Dòng mục: số La Mã và tên mục.',
  en: 'One target per row. Kind: Count, Ratio, Budget, Average. Target such as "≥ 110", "> 90%", "at least 95%", "≤ 5", "< 3%", "0". Section rows: a Roman numeral and the section title.',
};

/**
 * About 150 characters in all, like the template: the plan prints one A4 page wide with text at
 * 9 pt or more (SPEC §10). Period and review columns make it wider; then STT, Mã and Nội dung
 * repeat on the pages to the right. Every cell wraps and rows get heights that fit.
 */
const WIDTHS: Record<PlanColumnKey, number> = {
  stt: 5,
  code: 8,
  wording: 40,
  kind: 9,
  target: 11,
  unit: 9,
  numerator: 20,
  denominator: 20,
  english: 28,
  review: 22,
};
/** An English column nobody filled (a draft's) is kept narrow, leaving room for "Cần xem lại". */
const EMPTY_ENGLISH_WIDTH = 8;
const PERIOD_WIDTH = 10;

const HEADER_STYLE: CellStyle = TABLE_HEADER;
const SECTION_STYLE: CellStyle = { ...TABLE_SECTION, vertical: 'top', wrap: true };
const BODY: CellStyle = { border: true, vertical: 'top', wrap: true };
const CENTRED: CellStyle = { ...BODY, horizontal: 'center' };
const REVIEW_STYLE: CellStyle = { ...BODY, fill: '#FFEB9C', fontColor: '#9C5700' };

type Column = { key: PlanColumnKey; months?: undefined } | { key: 'period'; months: number };

/** The columns in order: the fixed ones, a "Chỉ tiêu N tháng" per period used, then English. */
function planColumns(input: PlanSheetInput): Column[] {
  const months = new Set<number>();
  for (const row of input.rows) {
    for (const key of Object.keys(row.periodTargets ?? {})) months.add(Number(key));
  }
  const columns: Column[] = (
    ['stt', 'code', 'wording', 'kind', 'target', 'unit', 'numerator', 'denominator'] as const
  ).map((key) => ({ key }));
  for (const m of [...months].sort((a, b) => a - b)) columns.push({ key: 'period', months: m });
  columns.push({ key: 'english' });
  if (input.reviewColumn) columns.push({ key: 'review' });
  return columns;
}

function defaultTitle(year: number | null, lang: Lang): string {
  if (lang === 'en') return year === null ? 'TARGETS OF THE YEAR' : `TARGETS FOR ${year}`;
  return year === null ? 'CÁC CHỈ TIÊU PHẤN ĐẤU' : `CÁC CHỈ TIÊU PHẤN ĐẤU NĂM ${year}`;
}

/**
 * The plan sheet "Bộ chỉ tiêu" (SPEC §8): title with the year, "Năm:", a one-line hint, the header,
 * then each section's heading row (numeral in STT, title in Nội dung) followed by its rules.
 * Everything written is text or a number the plan sheet reader reads back to the same plan.
 */
export function buildPlanSheet(input: PlanSheetInput): SheetPlan {
  const lang = input.lang ?? 'vi';
  const columns = planColumns(input);
  const last = columns.length - 1;
  const colOf = (key: PlanColumnKey) => columns.findIndex((c) => c.key === key);
  const cells: CellWrite[] = [];
  const merges: SheetPlan['merges'] = [];
  const put = (row: number, col: number, value: string | number | null, style: CellStyle = {}) =>
    cells.push({ row, col, value, ...style });
  const mergeRow = (row: number, left: number, right: number) =>
    merges.push({ top: row, left, bottom: row, right });

  // The right half starts after Loại and Mục tiêu, where the reader looks for rules' content.
  const halves = {
    left: { left: 0, right: colOf('wording') },
    right: { left: colOf('numerator'), right: last },
  };
  const header = administrativeHeader(0, { lang, ...halves });
  cells.push(...header.cells);
  merges.push(...header.merges);
  put(TITLE_ROW, 0, input.title?.trim() || defaultTitle(input.year, lang), {
    bold: true,
    fontSize: TITLE_SIZE,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  });
  mergeRow(TITLE_ROW, 0, last);
  put(YEAR_ROW, 0, `${lang === 'vi' ? 'Năm' : 'Year'}: ${input.year ?? PLACEHOLDER}`, {
    bold: true,
  });
  mergeRow(YEAR_ROW, 0, colOf('wording'));
  put(HINT_ROW, 0, HINT[lang], { italic: true, wrap: true, vertical: 'top' });
  mergeRow(HINT_ROW, 0, last);

  columns.forEach((column, col) => {
    const label =
      column.key === 'period'
        ? periodColumnLabel(column.months, lang)
        : PLAN_COLUMN_LABELS[column.key][lang][0];
    put(HEADER_ROW, col, label, HEADER_STYLE);
  });

  let row = HEADER_ROW + 1;
  const keepTogether: { first: number; last: number }[] = [];
  const sectionIds = input.sections.map((s) => s.id);
  const orphans = input.rows.filter((r) => !sectionIds.includes(r.section));
  const writeRule = (rule: PlanSheetRow, index: number) => {
    columns.forEach((column, col) => {
      const [value, style] = ruleCell(rule, column, index, lang);
      put(row, col, value, style);
    });
    row++;
  };
  // Rules of no listed section come first: the reader puts rules above the first heading in none.
  orphans.forEach((rule, i) => writeRule(rule, i + 1));
  for (const section of input.sections) {
    // A section heading prints with the first two rules under it.
    keepTogether.push({ first: row, last: row + 2 });
    put(row, colOf('stt'), section.id, { ...SECTION_STYLE, horizontal: 'center' });
    put(row, colOf('code'), null, SECTION_STYLE);
    put(row, colOf('wording'), section.title, SECTION_STYLE);
    for (let col = colOf('wording') + 1; col <= last; col++) put(row, col, null, SECTION_STYLE);
    row++;
    input.rows.filter((r) => r.section === section.id).forEach((rule, i) => writeRule(rule, i + 1));
  }

  // The signature block prints with the last rules above it.
  const signature = signatureBlock(row + 1, { lang, ...halves });
  cells.push(...signature.cells);
  merges.push(...signature.merges);
  keepTogether.push({ first: Math.max(HEADER_ROW + 1, row - 2), last: signature.nextRow - 1 });

  const plan: SheetPlan = {
    name: input.sheetName ?? PLAN_SHEET_NAME[lang],
    replace: false,
    cells,
    merges,
    columnWidths: columns.map((c) => {
      if (c.key === 'period') return PERIOD_WIDTH;
      if (c.key === 'english' && !input.rows.some((r) => r.english)) return EMPTY_ENGLISH_WIDTH;
      return WIDTHS[c.key];
    }),
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
  };
  return finishForPrint(plan, {
    lang,
    orientation: 'landscape',
    titleRows: { first: HEADER_ROW, last: HEADER_ROW },
    titleColumns: { first: colOf('stt'), last: colOf('wording') },
    keepTogether,
  });
}

function ruleCell(
  rule: PlanSheetRow,
  column: Column,
  index: number,
  lang: Lang,
): [string | number | null, CellStyle] {
  switch (column.key) {
    case 'stt':
      return [index, CENTRED];
    case 'code':
      return [rule.code, CENTRED];
    case 'wording':
      return [rule.wording, BODY];
    case 'kind':
      return [KIND_LABELS[rule.kind][lang][0], CENTRED];
    case 'target':
      return [rule.target, CENTRED];
    case 'unit':
      return [rule.unit, CENTRED];
    case 'numerator':
      return [rule.numerator, BODY];
    case 'denominator':
      return [rule.denominator, BODY];
    case 'period':
      return [rule.periodTargets?.[column.months] ?? null, CENTRED];
    case 'english':
      return [rule.english ?? null, BODY];
    case 'review':
      return rule.review ? [rule.review, REVIEW_STYLE] : [null, BODY];
  }
}

const SIGN: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** "≥ 110", "> 90%", "≤ 0", "≥ 12,5%": exact (the decimal as stored), with a decimal comma. */
export function planTargetText(
  comparator: Comparator,
  target: string,
  kind: RuleKind,
  lang: Lang = 'vi',
): string {
  const number = lang === 'vi' ? target.replace('.', ',') : target;
  const percent = kind === 'ratio' || kind === 'plan' ? '%' : '';
  return `${SIGN[comparator]} ${number}${percent}`;
}

/**
 * A catalogue as a plan sheet's rows (`union-targets plan export`, the pane's *Chèn bộ chỉ
 * tiêu*). ĐVT holds what Thực hiện counts (itemUnit), so that gaps read the same once read back.
 */
export function catalogueToPlanSheetInput(catalogue: Catalogue, lang: Lang = 'vi'): PlanSheetInput {
  return {
    year: catalogue.year,
    title: catalogue.title[lang].toLocaleUpperCase('vi'),
    lang,
    sections: catalogue.sections.map((s) => ({ id: s.id, title: s.title[lang] })),
    rows: catalogue.rules.map((rule) => planSheetRow(rule, lang)),
  };
}

function planSheetRow(rule: Rule, lang: Lang): PlanSheetRow {
  const row: PlanSheetRow = {
    code: rule.code,
    section: rule.section,
    wording: rule.wording[lang],
    kind: rule.kind,
    target: planTargetText(rule.comparator, rule.target, rule.kind, lang),
    unit: rule.itemUnit[lang],
    numerator: rule.numerator[lang],
    denominator: rule.denominator?.[lang] ?? null,
    english: lang === 'vi' ? rule.wording.en : null,
  };
  if (rule.periodTargets?.length) {
    row.periodTargets = Object.fromEntries(
      rule.periodTargets.map((p) => [
        p.months,
        planTargetText(p.comparator, p.target, rule.kind, lang),
      ]),
    );
  }
  return row;
}
