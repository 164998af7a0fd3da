import { loadCatalogue } from '../catalogue';
import { sectionsInOrder, yearWords } from '../catalogue/sections';
import type { Catalogue, Lang, Localized } from '../catalogue/types';
import { describeGap, describeValue, formatTarget } from '../engine';
import { isNotMet, STATUS_INFO } from '../engine/status';
import type { ConsolidatedResult, RuleResult, Status } from '../engine/types';
import { STATUSES } from '../engine/types';
import {
  AVERAGE_FORMAT,
  catalogueTargetText,
  cellNumber,
  gapFormat,
  RATE_FORMAT,
  valueFormat,
} from './format';
import { summaryMarker } from './marker';
import {
  administrativeHeader,
  finishForPrint,
  signatureBlock,
  TABLE_BODY,
  TABLE_HEADER,
  TABLE_SECTION,
  TITLE_SIZE,
} from './print-layout';
import { unitResultsTable } from './unit-results';
import { consolidatedLabel, reportingLine } from './reporting-text';
import type { CellStyle, CellWrite, Evaluation, Severity, SheetPlan, UnitResults } from './types';

export interface SummaryOptions {
  name: string;
  replace: boolean;
  lang: Lang;
  now: Date;
  /**
   * Which cells the summary may link to: all (default), none, or those of the units of one
   * workbook file (`file`), plus cells of other files through `otherFiles`: the file a unit came
   * from → the path to link to, relative to the summary's own folder (the CLI's consolidated
   * summary links into each `.evaluated.xlsx`).
   */
  links?: boolean | { file?: string; otherFiles?: Record<string, string> };
}

const TEXT: Record<string, Localized> = {
  units: { vi: 'Số đơn vị báo cáo', en: 'Reporting units' },
  counts: { vi: 'Số chỉ tiêu theo kết quả tổng hợp', en: 'Targets by consolidated result' },
  unitCounts: { vi: 'Số chỉ tiêu theo kết quả của đơn vị', en: 'Targets by the unit’s result' },
  unitNote: {
    vi: 'Ghi chú: kết quả của một đơn vị, so với chỉ tiêu của chính đơn vị (cột Chỉ tiêu); không có kết quả tổng hợp toàn tỉnh.',
    en: 'Note: the results of one unit, against its own targets (the Target column); there is no consolidated result.',
  },
  stt: { vi: 'STT', en: 'No.' },
  code: { vi: 'Mã', en: 'Code' },
  content: { vi: 'Nội dung', en: 'Description' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  actual: { vi: 'Thực hiện', en: 'Actual' },
  denominator: { vi: 'Tổng số', en: 'Total' },
  rate: { vi: 'Tỷ lệ', en: 'Rate' },
  gap: { vi: 'Chênh lệch', en: 'Gap' },
  status: { vi: 'Đánh giá', en: 'Status' },
  note: {
    vi: 'Ghi chú: Thực hiện và Tổng số của toàn tỉnh là tổng của các đơn vị có đủ số liệu; đơn vị chưa có số liệu, có lỗi số liệu hoặc chỉ nhập tỷ lệ thì không được cộng và được ghi ở cột Đánh giá.',
    en: 'Note: the province’s Actual and Total are the sums over the units with complete figures; units with no data, invalid data or only a rate typed are left out, as the Status column says.',
  },
  notMet: { vi: 'Các chỉ tiêu chưa đạt', en: 'Targets not met' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  result: { vi: 'Kết quả', en: 'Result' },
  shortfall: { vi: 'Còn thiếu', en: 'Shortfall' },
  noneNotMet: { vi: 'Không có chỉ tiêu nào chưa đạt.', en: 'No target is missed.' },
  errors: { vi: 'Lỗi số liệu', en: 'Data errors' },
  problem: { vi: 'Nội dung', en: 'Problem' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  cell: { vi: 'Ô', en: 'Cell' },
  severity: { vi: 'Mức độ', en: 'Severity' },
  noErrors: { vi: 'Không có lỗi.', en: 'No problems found.' },
  noRow: { vi: 'Không có dòng', en: 'No row' },
  duplicate: { vi: 'Trùng mã', en: 'Duplicate code' },
};

const SEVERITY_TEXT: Record<Severity, Localized> = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Lưu ý', en: 'Note' },
};
const SEVERITY_STATUS: Record<Severity, Status> = {
  error: 'INVALID',
  warning: 'NEAR',
  info: 'NO_DATA',
};

const HEADER_STYLE = TABLE_HEADER;
const SECTION_STYLE = TABLE_SECTION;
const BODY = TABLE_BODY;

/** Main table columns, 0-based (the unit-by-unit matrix is a sheet of its own, unit-matrix.ts). */
const C = {
  stt: 0,
  code: 1,
  content: 2,
  target: 3,
  actual: 4,
  denominator: 5,
  rate: 6,
  gap: 7,
  status: 8,
} as const;
/** Data bars in the rate columns (SPEC §10). */
export const DATA_BAR_COLOR = '#5B9BD5';

/** Cells and merges of a sheet being laid out, row by row. */
export class Layout {
  readonly cells: CellWrite[] = [];
  readonly merges: SheetPlan['merges'] = [];
  row = 0;

  put(col: number, value: string | number | null, style: CellStyle = {}, link?: CellWrite['link']) {
    const cell: CellWrite = { row: this.row, col, value, ...style };
    if (link) cell.link = link;
    this.cells.push(cell);
  }

  merge(left: number, right: number) {
    if (right > left) this.merges.push({ top: this.row, left, bottom: this.row, right });
  }

  /** Rows laid out elsewhere (the administrative header, the signature block). */
  add(block: { cells: CellWrite[]; merges: SheetPlan['merges']; nextRow: number }) {
    this.cells.push(...block.cells);
    this.merges.push(...block.merges);
    this.row = block.nextRow;
  }
}

/** What every part of the summary needs to know. */
interface SummaryContext {
  evaluation: Evaluation;
  catalogue: Catalogue;
  lang: Lang;
  t: (key: keyof typeof TEXT) => string;
  lastCol: number;
  unitNames: string[];
  consolidated: Map<string, ConsolidatedResult>;
  /** Each unit's results by code, in the order of the units. */
  unitResults: Map<string, RuleResult>[];
  /**
   * One unit is not a province (SPEC §9): with a single unit the summary shows its results
   * against its own targets where the consolidated ones would be, and no unit columns.
   */
  single: UnitResults | null;
  /** What the counts and the main table show: the consolidated results, or the single unit's. */
  shown: Map<string, RuleResult & { unitsLacking?: number }>;
  linkTo: (file: string | undefined, sheet: string, cell: string) => CellWrite['link'];
  out: Layout;
  /** Groups of rows that print on one page: a heading with the first rows under it. */
  keep: { first: number; last: number }[];
  dataBars: NonNullable<SheetPlan['dataBars']>;
}

/** The summary sheet of SPEC §4, for the whole evaluation. */
export function buildSummarySheet(evaluation: Evaluation, opts: SummaryOptions): SheetPlan {
  const lang = opts.lang;
  const single = evaluation.units.length === 1 ? evaluation.units[0] : null;
  const consolidated = new Map(evaluation.consolidated.map((r) => [r.code, r]));
  const ctx: SummaryContext = {
    evaluation,
    catalogue: evaluation.catalogue ?? loadCatalogue(),
    lang,
    t: (key) => TEXT[key][lang],
    lastCol: C.status,
    unitNames: unitHeaders(evaluation.units),
    consolidated,
    unitResults: evaluation.units.map((unit) => new Map(unit.results.map((r) => [r.code, r]))),
    single,
    shown: single ? new Map(single.results.map((r) => [r.code, r])) : consolidated,
    linkTo: linkResolver(opts.links),
    out: new Layout(),
    keep: [],
    dataBars: [],
  };
  writeTitle(ctx, opts.now);
  writeCounts(ctx);
  const units = unitResultsTable(ctx.out, evaluation, ctx.unitNames, lang, DATA_BAR_COLOR);
  ctx.keep.push(units.keep);
  ctx.dataBars.push(units.dataBar);
  const chart = units.chart;
  const headerRow = writeMainTable(ctx);
  writeNotMet(ctx);
  writeProblems(ctx);
  const half = { left: { left: 0, right: C.content }, right: { left: C.target, right: C.status } };
  const signatureRow = ctx.out.row + 1;
  ctx.out.add(signatureBlock(signatureRow, { lang, ...half }));
  ctx.keep.push({ first: signatureRow - 2, last: ctx.out.row - 1 });

  const plan: SheetPlan = {
    name: opts.name,
    replace: opts.replace,
    cells: ctx.out.cells,
    merges: ctx.out.merges,
    columnWidths: columnWidths(ctx.out, ctx.lastCol),
    freeze: { rows: headerRow + 1, columns: C.content + 1 },
    dataBars: ctx.dataBars,
  };
  if (chart) plan.chart = { ...chart, anchor: { ...chart.anchor, row: ctx.out.row + 1 } };
  return finishForPrint(plan, {
    lang,
    orientation: 'landscape',
    // The column groups' row and the labels' row repeat on every page.
    titleRows: { first: headerRow - 1, last: headerRow },
    keepTogether: ctx.keep,
  });
}

/**
 * 1. The administrative header, the title, the time it was made (also the add-in's marker), the
 * number of units.
 */
function writeTitle({ catalogue, lang, t, lastCol, evaluation, out }: SummaryContext, now: Date) {
  out.add(
    administrativeHeader(0, {
      lang,
      date: now,
      left: { left: 0, right: C.content },
      right: { left: C.target, right: lastCol },
    }),
  );
  out.put(0, titleText(catalogue, lang, evaluation.period), {
    bold: true,
    fontSize: TITLE_SIZE,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  });
  out.merge(0, lastCol);
  out.row++;
  out.put(0, summaryMarker(now, lang), { italic: true });
  out.merge(0, lastCol);
  out.row++;
  out.put(0, `${t('units')}: ${evaluation.units.length}`);
  out.merge(0, lastCol);
  out.row++;
  if (evaluation.units.length === 1) {
    out.put(0, `${t('unit')}: ${evaluation.units[0].report.unit}`, { bold: true });
    out.merge(0, lastCol);
    out.row++;
  }
  writeReporting(evaluation, lang, lastCol, out);
  out.row++;
}

/** Who has not reported, when an allocation names the units (SPEC §9). */
function writeReporting(evaluation: Evaluation, lang: Lang, lastCol: number, out: Layout) {
  const line = reportingLine(evaluation.reporting, lang);
  if (line === null) return;
  const missing = (evaluation.reporting?.missing.length ?? 0) > 0;
  out.put(0, line, { bold: missing, wrap: true, fontColor: missing ? '#C00000' : null });
  out.merge(0, lastCol);
  out.row++;
}

/** 2. Counts per status of the consolidated results, by section and in all. */
function writeCounts({ shown, single, catalogue, lang, t, out, keep }: SummaryContext) {
  keep.push({ first: out.row, last: out.row + catalogue.sections.length + 1 });
  out.put(0, t(single ? 'unitCounts' : 'counts'), HEADER_STYLE);
  out.merge(0, C.target - 1);
  STATUSES.forEach((status, i) => {
    const info = STATUS_INFO[status];
    out.put(C.target + i, info.label[lang], {
      ...HEADER_STYLE,
      fill: info.fill,
      fontColor: info.font,
    });
  });
  out.row++;
  const sections = new Map(catalogue.rules.map((rule) => [rule.code, rule.section]));
  const all = [...shown.values()];
  const groups: { label: string; results: RuleResult[]; bold: boolean }[] = [
    ...catalogue.sections.map((section) => ({
      label: `${section.id}. ${section.title[lang]}`,
      results: all.filter((r) => sections.get(r.code) === section.id),
      bold: false,
    })),
    {
      label: lang === 'vi' ? `Tất cả (${all.length} chỉ tiêu)` : `All (${all.length} targets)`,
      results: all,
      bold: true,
    },
  ];
  for (const group of groups) {
    out.put(0, group.label, { ...BODY, bold: group.bold, wrap: true });
    out.merge(0, C.target - 1);
    STATUSES.forEach((status, i) => {
      const count = group.results.filter((r) => r.status === status).length;
      out.put(C.target + i, count, { ...BODY, bold: group.bold, horizontal: 'center' });
    });
    out.row++;
  }
  out.row++;
}

/** 3. The main table; returns its header row, the one the panes freeze below. */
function writeMainTable(ctx: SummaryContext): number {
  const { catalogue, lang, t, lastCol, out } = ctx;
  const headers = [
    'stt',
    'code',
    'content',
    'target',
    'actual',
    'denominator',
    'rate',
    'gap',
    'status',
  ] as const;
  const headerRow = writeColumnGroups(ctx);
  headers.forEach((key, col) => out.put(col, t(key), HEADER_STYLE));
  out.row++;
  const firstRuleRow = out.row;

  for (const section of sectionsInOrder(catalogue)) {
    if (section.id !== '') {
      ctx.keep.push({ first: out.row, last: out.row + 2 });
      out.put(C.stt, section.id, SECTION_STYLE);
      out.put(C.code, section.title[lang], SECTION_STYLE);
      out.merge(C.code, lastCol);
      out.row++;
    }
    let index = 0;
    for (const rule of catalogue.rules) {
      if (rule.section !== section.id) continue;
      out.put(C.stt, ++index, { ...BODY, horizontal: 'center' });
      out.put(C.code, rule.code, BODY);
      out.put(C.content, rule.wording[lang], { ...BODY, wrap: true });
      const result = ctx.shown.get(rule.code);
      const target =
        ctx.single && result
          ? formatTarget(result.comparator, result.target, rule.kind, lang)
          : catalogueTargetText(rule, lang);
      out.put(C.target, target, { ...BODY, horizontal: 'center' });
      if (result) putConsolidated(out, result, lang);
      else if (ctx.single) putMissingRow(out, C.status, rule.code, ctx.single, lang);
      out.row++;
    }
  }
  ctx.dataBars.push({
    top: firstRuleRow,
    bottom: out.row - 1,
    left: C.rate,
    right: C.rate,
    color: DATA_BAR_COLOR,
  });
  out.put(0, t(ctx.single ? 'unitNote' : 'note'), { italic: true, wrap: true });
  out.merge(0, lastCol);
  out.row += 2;
  return headerRow;
}

/**
 * A unit's rule without a result: its row is missing, or its code is on two rows (the summary of
 * a single unit, and the unit matrix).
 */
export function putMissingRow(
  out: Layout,
  col: number,
  code: string,
  unit: UnitResults,
  lang: Lang,
) {
  const missing = unit.report.missingCodes.includes(code);
  const info = STATUS_INFO[missing ? 'NO_DATA' : 'INVALID'];
  out.put(col, (missing ? TEXT.noRow : TEXT.duplicate)[lang], {
    ...BODY,
    fill: info.fill,
    fontColor: info.font,
    horizontal: 'center',
    wrap: true,
  });
}

/** The consolidated Thực hiện, Tổng số, Tỷ lệ, Chênh lệch and Đánh giá of one rule. */
function putConsolidated(
  out: Layout,
  result: RuleResult & { unitsLacking?: number },
  lang: Lang,
): void {
  const info = STATUS_INFO[result.status];
  const figures = result.status !== 'NO_DATA' && result.status !== 'INVALID';
  putNumber(out, C.actual, figures ? cellNumber(result.actual) : null);
  putNumber(out, C.denominator, figures ? cellNumber(result.denominator) : null);
  out.put(C.rate, figures ? cellNumber(result.rate) : null, {
    ...BODY,
    numberFormat: result.averageRate ? AVERAGE_FORMAT : RATE_FORMAT,
  });
  out.put(C.gap, figures ? cellNumber(result.gap) : null, {
    ...BODY,
    numberFormat: gapFormat(result.gapUnit),
  });
  const lacking =
    result.unitsLacking !== undefined && result.unitsLacking > 0 && result.status !== 'NO_DATA'
      ? lackingText(result.unitsLacking, lang)
      : '';
  out.put(C.status, info.label[lang] + lacking, {
    ...BODY,
    fill: info.fill,
    fontColor: info.font,
    wrap: true,
  });
}

/** 4. Every result not met, consolidated and per unit, with the shortfall in words. */
function writeNotMet(ctx: SummaryContext) {
  const { evaluation, catalogue, lang, t, lastCol, out } = ctx;
  ctx.keep.push({ first: out.row, last: out.row + 3 });
  out.put(0, t('notMet').toUpperCase(), { bold: true });
  out.merge(0, lastCol);
  out.row++;
  const headers = ['stt', 'code', 'unit', 'target', 'result', 'status', 'shortfall'] as const;
  headers.forEach((key, col) => out.put(col, t(key), HEADER_STYLE));
  out.merge(headers.length - 1, C.status);
  out.row++;
  let count = 0;
  for (const rule of catalogue.rules) {
    const rows: { unit: string; result: RuleResult; link?: CellWrite['link'] }[] = [];
    const consolidated = ctx.consolidated.get(rule.code);
    if (!ctx.single && consolidated && isNotMet(consolidated.status)) {
      rows.push({ unit: consolidatedLabel(evaluation.units.length, lang), result: consolidated });
    }
    evaluation.units.forEach((unit, i) => {
      const result = ctx.unitResults[i].get(rule.code);
      if (!result || !isNotMet(result.status)) return;
      const cell = unit.report.rows.find((r) => r.code === rule.code)?.location.actualCell;
      const link = cell ? ctx.linkTo(unit.file, unit.report.sheet, cell) : undefined;
      rows.push({ unit: ctx.unitNames[i], result, link });
    });
    for (const row of rows) {
      const info = STATUS_INFO[row.result.status];
      out.put(0, ++count, { ...BODY, horizontal: 'center' });
      out.put(1, rule.code, BODY);
      out.put(2, row.unit, { ...BODY, wrap: true }, row.link);
      out.put(3, formatTarget(row.result.comparator, row.result.target, rule.kind, lang), BODY);
      out.put(4, describeValue(rule, row.result, lang), { ...BODY, wrap: true });
      out.put(5, info.label[lang], { ...BODY, fill: info.fill, fontColor: info.font });
      out.put(6, describeGap(rule, row.result, lang), { ...BODY, wrap: true });
      out.merge(6, C.status);
      out.row++;
    }
  }
  if (count === 0) {
    out.put(0, t('noneNotMet'), { italic: true });
    out.merge(0, headers.length - 1);
    out.row++;
  }
  out.row++;
}

/** 5. Invalid data (the engine's INVALID results are among the issues) and template problems. */
function writeProblems(ctx: SummaryContext) {
  const { evaluation, lang, t, lastCol, out } = ctx;
  const sheetLabel = sheetLabeller(evaluation);
  ctx.keep.push({ first: out.row, last: out.row + 3 });
  out.put(0, t('errors').toUpperCase(), { bold: true });
  out.merge(0, lastCol);
  out.row++;
  const headers = ['stt', 'code', 'problem', 'sheet', 'cell', 'severity'] as const;
  headers.forEach((key, col) => out.put(col, t(key), HEADER_STYLE));
  out.row++;
  evaluation.issues.forEach((issue, i) => {
    const info = STATUS_INFO[SEVERITY_STATUS[issue.severity]];
    const link =
      issue.cell !== null && issue.sheet !== ''
        ? ctx.linkTo(issue.file, issue.sheet, issue.cell)
        : undefined;
    out.put(0, i + 1, { ...BODY, horizontal: 'center' });
    out.put(1, issue.code ?? '', BODY);
    out.put(2, issue.message[lang], { ...BODY, wrap: true });
    out.put(3, sheetLabel(issue.file, issue.sheet), { ...BODY, wrap: true });
    out.put(4, issue.cell ?? '', BODY, link);
    out.put(5, SEVERITY_TEXT[issue.severity][lang], {
      ...BODY,
      fill: info.fill,
      fontColor: info.font,
    });
    out.row++;
  });
  if (evaluation.issues.length === 0) {
    out.put(0, t('noErrors'), { italic: true });
    out.merge(0, headers.length - 1);
    out.row++;
  }
}

/**
 * Above the main table's header: "Tổng hợp N đơn vị" over the consolidated columns and "Từng đơn
 * vị" over the units' (SPEC §9), or the single unit's name over its results. Returns the row of
 * the header proper.
 */
function writeColumnGroups(ctx: SummaryContext): number {
  const { out, evaluation, lang } = ctx;
  // One unit: its own name over its results (no consolidation to name).
  const label = ctx.single
    ? ctx.single.report.unit
    : consolidatedLabel(evaluation.units.length, lang);
  out.put(C.actual, label, HEADER_STYLE);
  out.merge(C.actual, C.status);
  out.row++;
  return out.row;
}

/**
 * The plan's year (none for a plan that gives none, SPEC §8), and the period of a mid-year
 * report: "… 6 THÁNG ĐẦU NĂM 2026" (SPEC §4).
 */
function titleText(catalogue: Catalogue, lang: Lang, months?: number): string {
  const year = yearWords(catalogue);
  if (months !== undefined && months < 12) {
    return lang === 'vi'
      ? `TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU ${months} THÁNG ĐẦU${year.vi}`
      : `SUMMARY OF RESULTS AGAINST THE${year.en} TARGETS, FIRST ${months} ${months === 1 ? 'MONTH' : 'MONTHS'}`;
  }
  return lang === 'vi'
    ? `TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU${year.vi}`
    : `SUMMARY OF RESULTS AGAINST THE${year.en} TARGETS`;
}

function lackingText(n: number, lang: Lang): string {
  return lang === 'vi' ? ` (thiếu ${n} đơn vị)` : ` (${n} unit${n === 1 ? '' : 's'} not counted)`;
}

function putNumber(out: Layout, col: number, value: number | null): void {
  out.put(col, value, value === null ? BODY : { ...BODY, numberFormat: valueFormat(value) });
}

/** Unit names as column headers; a name used by two units gets its sheet added. */
export function unitHeaders(units: UnitResults[]): string[] {
  const counts = new Map<string, number>();
  for (const unit of units) counts.set(unit.report.unit, (counts.get(unit.report.unit) ?? 0) + 1);
  return units.map((unit) =>
    (counts.get(unit.report.unit) ?? 0) > 1
      ? `${unit.report.unit} (${[baseName(unit.file), unit.report.sheet].filter(Boolean).join(' / ')})`
      : unit.report.unit,
  );
}

/** The sheet as a reader finds it: with its file's name when the evaluation spans files. */
function sheetLabeller(
  evaluation: Evaluation,
): (file: string | undefined, sheet: string) => string {
  const files = new Set([
    ...evaluation.units.map((u) => u.file),
    ...evaluation.issues.map((i) => i.file),
  ]);
  const manyFiles = files.size > 1;
  return (file, sheet) => {
    const name = baseName(file);
    if (sheet === '') return name;
    return manyFiles && name ? `${name} / ${sheet}` : sheet;
  };
}

function baseName(file: string | undefined): string {
  return file === undefined ? '' : (file.split(/[\\/]/).pop() ?? file);
}

function linkResolver(links: SummaryOptions['links']): SummaryContext['linkTo'] {
  if (links === false) return () => undefined;
  if (links === undefined || links === true) return (_file, sheet, cell) => ({ sheet, cell });
  return (file, sheet, cell) => {
    if (file === links.file) return { sheet, cell };
    const other = file === undefined ? undefined : links.otherFiles?.[file];
    return other === undefined ? undefined : { sheet, cell, file: other };
  };
}

/**
 * Widths that print one page wide at 9 pt or more (print-layout.ts): text wraps within them, and
 * a number column widens only as far as its longest figure needs (Times New Roman's digits are a
 * quarter wider than the character Excel counts widths in).
 */
const WIDTHS = [6, 8, 40, 11, 15, 15, 10, 13, 16];
const MAX_NUMBER_WIDTH = 20;

function columnWidths(out: Layout, lastCol: number): number[] {
  const widths = WIDTHS.slice(0, lastCol + 1);
  for (const cell of out.cells) {
    if (typeof cell.value !== 'number' || cell.col > lastCol) continue;
    // Digits are half an em, separators a quarter, at 13 pt (17.3 px) against 7-px characters.
    const digits = Math.abs(Math.round(cell.value)).toString().length;
    const ems = digits * 0.5 + Math.floor((digits - 1) / 3) * 0.25 + 1;
    const needed = Math.min(MAX_NUMBER_WIDTH, Math.ceil((ems * 17.3) / 7) + 1);
    widths[cell.col] = Math.max(widths[cell.col], needed);
  }
  return widths;
}
