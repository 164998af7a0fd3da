import { numberAsSeen } from '../parsing/cell';
import { toA1 } from '../template/address';
import { SheetGrid } from '../template/grid';
import { foldText } from '../template/header';
import { issueAt } from '../template/issues';
import {
  KIND_LABELS,
  PLAN_COLUMN_LABELS,
  periodColumnMonths,
  type PlanColumnKey,
} from '../template/plan-sheet-columns';
import { readTitleBlock } from '../template/title';
import type { CellValue, SheetSnapshot, TemplateIssue, WorkbookSnapshot } from '../template/types';
import { matchColumnLabel } from '../template/header';
import { decimalText, parsePlanTarget, type PlanTarget } from './plan-target';
import { codeKey, ruleKey } from './codes';
import { parseCatalogue } from './schema';
import type {
  Catalogue,
  Localized,
  PeriodTarget,
  PlanSource,
  Rule,
  RuleKind,
  SectionInfo,
} from './types';

/** What reading one plan sheet gives: the plan when it has no error, and every issue. */
export interface PlanReading {
  sheet: string;
  file?: string;
  /** Null when any error was found: then nothing is evaluated (SPEC §8). */
  catalogue: Catalogue | null;
  issues: TemplateIssue[];
}

const HEADER_SEARCH_ROWS = 30;
/** Lines of the administrative header (folded), in Vietnamese and English. */
const ADMINISTRATIVE_LINE =
  /^(?:tong lien doan lao dong|cong hoa xa hoi chu nghia|doc lap - tu do|vietnam general confederation|socialist republic of|independence - freedom)|ngay \S+ thang \S+ nam|^\S*, (?:date|\d+\/\d+\/\d+)/;
const MAX_CODE_LENGTH = 20;
const SHORT_LABEL_LENGTH = 60;

type Columns = Partial<Record<PlanColumnKey, number>> & { periods: Map<number, number> };

const LABEL_INDEX: ReadonlyMap<string, PlanColumnKey> = (() => {
  const index = new Map<string, PlanColumnKey>();
  for (const [key, labels] of Object.entries(PLAN_COLUMN_LABELS) as [
    PlanColumnKey,
    { vi: string[]; en: string[] },
  ][]) {
    for (const label of [...labels.vi, ...labels.en]) index.set(labelKey(label), key);
  }
  return index;
})();

const KIND_INDEX: ReadonlyMap<string, RuleKind> = (() => {
  const index = new Map<string, RuleKind>();
  for (const [kind, labels] of Object.entries(KIND_LABELS) as [
    RuleKind,
    { vi: string[]; en: string[] },
  ][]) {
    for (const label of [...labels.vi, ...labels.en]) index.set(labelKey(label), kind);
  }
  return index;
})();

function labelKey(text: string): string {
  return foldText(text).replace(/\s*:$/, '').replace(/\s+/g, '');
}

/** What a header cell says: a plan column, a period column's months, a report's Thực hiện. */
type HeaderLabel = { key: PlanColumnKey } | { months: number } | 'actual' | null;

/** Header texts repeat from sheet to sheet: remember what each says (bounded). */
const headerLabels = new Map<string, HeaderLabel>();
const MAX_REMEMBERED = 5000;

function headerLabel(text: string): HeaderLabel {
  let label = headerLabels.get(text);
  if (label === undefined) {
    const key = LABEL_INDEX.get(labelKey(text));
    const months = key ? null : periodColumnMonths(foldText(text));
    label = key
      ? { key }
      : months !== null
        ? { months }
        : matchColumnLabel(text) === 'actual'
          ? 'actual'
          : null;
    if (headerLabels.size >= MAX_REMEMBERED) headerLabels.clear();
    headerLabels.set(text, label);
  }
  return label;
}

/** The header row of a plan sheet: Mã chỉ tiêu, Loại and Mục tiêu, and no Thực hiện column. */
function findPlanHeader(grid: SheetGrid): { row: number; columns: Columns } | null {
  const end = Math.min(grid.bottom, grid.top + HEADER_SEARCH_ROWS);
  for (let r = grid.top; r < end; r++) {
    const columns: Columns = { periods: new Map() };
    let actual = false;
    for (let c = grid.left; c < grid.right; c++) {
      const text = grid.text(r, c);
      if (text === null || text.length > SHORT_LABEL_LENGTH) continue;
      const label = headerLabel(text);
      if (label === null) continue;
      if (label === 'actual') actual = true;
      else if ('key' in label) {
        if (columns[label.key] === undefined) columns[label.key] = c;
      } else if (!columns.periods.has(label.months)) columns.periods.set(label.months, c);
    }
    if (columns.code !== undefined && columns.kind !== undefined && columns.target !== undefined) {
      return actual ? null : { row: r, columns };
    }
  }
  return null;
}

/** Whether a sheet is a plan sheet (SPEC §8): a report reader leaves such a sheet alone. */
export function isPlanSheet(sheet: SheetSnapshot): boolean {
  try {
    return findPlanHeader(new SheetGrid(sheet)) !== null;
  } catch {
    return false;
  }
}

/**
 * The first plan sheet of a workbook, read, with the sheet itself; other sheets of the plan
 * workbook (the allocation "Giao chỉ tiêu", SPEC §9) are in `workbook.sheets` beside it.
 */
export function findPlan(
  workbook: WorkbookSnapshot,
): { reading: PlanReading; sheet: SheetSnapshot } | null {
  const sheet = workbook.sheets.find((s) => isPlanSheet(s) && !isDraftPlanSheet(s));
  return sheet ? { reading: readPlanSheet(sheet, workbook.file), sheet } : null;
}

/**
 * A draft plan sheet (SPEC §13, `plan draft`, the pane's "từ văn bản"): a plan sheet whose header
 * still has the "Cần xem lại" column. Nothing is evaluated against a draft; deleting that column
 * after the review makes it the plan.
 */
export function isDraftPlanSheet(sheet: SheetSnapshot): boolean {
  try {
    return findPlanHeader(new SheetGrid(sheet))?.columns.review !== undefined;
  } catch {
    return false;
  }
}

/** Every plan sheet of a workbook, read; drafts still under review are not plans yet. */
export function readPlanSheets(workbook: WorkbookSnapshot): PlanReading[] {
  return workbook.sheets
    .filter((s) => isPlanSheet(s) && !isDraftPlanSheet(s))
    .map((s) => readPlanSheet(s, workbook.file));
}

/**
 * Reads a plan sheet into a validated catalogue (SPEC §8). Every problem is an issue naming the
 * sheet and the cell; any error leaves `catalogue` null. Never throws, whatever the cells hold.
 */
export function readPlanSheet(sheet: SheetSnapshot, file?: string): PlanReading {
  const name = typeof sheet?.name === 'string' ? sheet.name : String(sheet?.name);
  try {
    return new PlanSheetReader(new SheetGrid(sheet), file).read();
  } catch (error) {
    const issue = issueAt(
      'error',
      'plan-unreadable',
      { sheet: name, cell: null, file },
      {
        vi: `không đọc được bộ chỉ tiêu (${String(error)}).`,
        en: `the plan cannot be read (${String(error)}).`,
      },
    );
    return { sheet: name, file, catalogue: null, issues: [issue] };
  }
}

const REQUIRED: { key: PlanColumnKey; vi: string; en: string }[] = [
  { key: 'code', vi: 'Mã chỉ tiêu', en: 'Mã chỉ tiêu (code)' },
  { key: 'wording', vi: 'Nội dung chỉ tiêu', en: 'Nội dung chỉ tiêu (wording)' },
  { key: 'kind', vi: 'Loại', en: 'Loại (kind)' },
  { key: 'target', vi: 'Mục tiêu', en: 'Mục tiêu (target)' },
];

const KIND_NAMES: Record<RuleKind, Localized> = {
  count: { vi: 'số lượng', en: 'count' },
  ratio: { vi: 'tỷ lệ', en: 'ratio' },
  plan: { vi: 'dự toán', en: 'budget' },
  average: { vi: 'bình quân', en: 'average' },
};

class PlanSheetReader {
  private readonly issues: TemplateIssue[] = [];

  constructor(
    private readonly grid: SheetGrid,
    private readonly file: string | undefined,
  ) {}

  private issue(severity: 'error' | 'warning', kind: string, cell: string | null, text: Localized) {
    this.issues.push(
      issueAt(severity, kind, { sheet: this.grid.name, cell, file: this.file }, text),
    );
  }

  private result(catalogue: Catalogue | null): PlanReading {
    const reading: PlanReading = { sheet: this.grid.name, catalogue, issues: this.issues };
    if (this.file !== undefined) reading.file = this.file;
    return reading;
  }

  read(): PlanReading {
    const { grid } = this;
    const header = this.findHeader();
    if (!header) return this.result(null);
    const { row: headerRow, columns } = header;

    const title = readTitleBlock(grid, grid.top, headerRow);
    const year = title.year?.value ?? null;
    if (year === null) {
      this.issue('warning', 'plan-no-year', null, {
        vi: 'không thấy năm của bộ chỉ tiêu (ghi "Năm: 2026" hoặc "NĂM 2026" trong tiêu đề); các tiêu đề sẽ không ghi năm.',
        en: 'the plan gives no year (write "Năm: 2026" or "NĂM 2026" in its title); titles will show no year.',
      });
    }
    const titleText = this.titleText(headerRow, title.year?.cell ?? null);

    const sections: SectionInfo[] = [];
    const rules: Rule[] = [];
    const seen = new Map<string, string>();
    let section = '';
    for (let r = headerRow + 1; r < grid.bottom; r++) {
      // A heading has no Loại and no Mục tiêu; its title may sit in the code column.
      const heading = this.hasRuleContent(r, columns) ? null : this.sectionHeading(r);
      if (heading) {
        section = heading.id;
        if (!sections.some((s) => s.id === heading.id)) {
          sections.push({ id: heading.id, title: { vi: heading.title, en: heading.title } });
        }
        continue;
      }
      const code = this.codeAt(r, columns.code as number);
      if (code === null) {
        if (this.hasRuleContent(r, columns)) {
          this.issue('error', 'plan-code-missing', toA1(r, columns.code as number), {
            vi: 'dòng này có Loại hoặc Mục tiêu nhưng thiếu Mã chỉ tiêu.',
            en: 'this row has a Loại (kind) or Mục tiêu (target) but no Mã chỉ tiêu (code).',
          });
        }
        continue;
      }
      const rule = this.readRule(r, code, section, columns);
      const codeCell = toA1(r, columns.code as number);
      const key = codeKey(code.text);
      const earlier = key === null ? undefined : seen.get(key);
      if (earlier !== undefined) {
        this.issue('error', 'plan-duplicate-code', codeCell, {
          vi: `mã chỉ tiêu "${code.text}" đã có ở ô ${earlier}; mỗi mã chỉ dùng cho một chỉ tiêu.`,
          en: `code "${code.text}" is already used in cell ${earlier}; each code names one target.`,
        });
        continue;
      }
      if (key !== null) seen.set(key, codeCell);
      if (rule) rules.push(rule);
    }

    if (seen.size === 0 && !this.issues.some((i) => i.severity === 'error')) {
      this.issue('error', 'plan-no-rule', null, {
        vi: `dưới dòng tiêu đề (dòng ${headerRow + 1}) không có chỉ tiêu nào.`,
        en: `there is no target below the header (row ${headerRow + 1}).`,
      });
    }
    if (this.issues.some((i) => i.severity === 'error')) return this.result(null);

    const source: PlanSource = { kind: 'sheet', file: this.file ?? null, sheet: grid.name };
    const data = {
      id: year === null ? grid.name : String(year),
      year: year ?? 0,
      title: { vi: titleText, en: titleText },
      sections,
      rules,
      source,
    };
    try {
      return this.result(parseCatalogue(data));
    } catch (error) {
      this.issue('error', 'plan-invalid', null, {
        vi: `bộ chỉ tiêu không hợp lệ: ${(error as Error).message}`,
        en: `the plan is not valid: ${(error as Error).message}`,
      });
      return this.result(null);
    }
  }

  private findHeader(): { row: number; columns: Columns } | null {
    const { grid } = this;
    const header = findPlanHeader(grid);
    if (!header) {
      this.issue('error', 'plan-no-header', null, {
        vi: 'không thấy dòng tiêu đề của bộ chỉ tiêu (trong 30 dòng đầu, một dòng có các cột "Mã chỉ tiêu", "Loại" và "Mục tiêu").',
        en: 'no header row of a plan (within the first 30 rows, a row with "Mã chỉ tiêu", "Loại" and "Mục tiêu" columns).',
      });
      return null;
    }
    for (const required of REQUIRED) {
      if (header.columns[required.key] === undefined) {
        this.issue('error', 'plan-column-missing', null, {
          vi: `dòng tiêu đề (dòng ${header.row + 1}) thiếu cột "${required.vi}".`,
          en: `the header (row ${header.row + 1}) lacks the column "${required.en}".`,
        });
      }
    }
    return this.issues.length > 0 ? null : header;
  }

  /**
   * The first text above the header that is not the year's own cell: the plan's title. The
   * administrative header above it (SPEC §10: the confederation, the national name and motto, the
   * place and date) is not the title: its rows, and the organisation's line among them, are skipped.
   */
  private titleText(headerRow: number, yearCell: string | null): string {
    const { grid } = this;
    let from = grid.top;
    for (let r = grid.top; r < headerRow; r++) {
      for (let c = grid.left; c < grid.right; c++) {
        const text = grid.text(r, c);
        if (text !== null && ADMINISTRATIVE_LINE.test(foldText(text))) from = r + 1;
      }
    }
    for (let r = from; r < headerRow; r++) {
      for (let c = grid.left; c < grid.right; c++) {
        const text = grid.text(r, c);
        if (text !== null && toA1(r, c) !== yearCell) return text.normalize('NFC');
      }
    }
    return grid.name;
  }

  /** A code as typed: text, or a number as it shows ("1.2" typed becomes the number 1.2). */
  private codeAt(row: number, col: number): { text: string; cell: string } | null {
    const v = this.grid.value(row, col);
    let text: string | null = null;
    if (typeof v === 'string') text = v.normalize('NFC').replace(/\s+/g, ' ').trim() || null;
    else if (typeof v === 'number' && Number.isFinite(v)) text = decimalText(numberAsSeen(v));
    return text === null ? null : { text, cell: toA1(row, col) };
  }

  /** Whether a codeless row looks like a rule (has a kind or a target). */
  private hasRuleContent(row: number, columns: Columns): boolean {
    return (
      !this.grid.isEmpty(row, columns.kind as number) ||
      !this.grid.isEmpty(row, columns.target as number)
    );
  }

  /**
   * A section heading (SPEC §8): the first non-empty cell is a Roman numeral and a title
   * ("I. CÔNG TÁC…", "II Chỉ tiêu…"), or a numeral alone with the title in the next cell.
   */
  private sectionHeading(row: number): { id: string; title: string } | null {
    const { grid } = this;
    let c = grid.left;
    while (c < grid.right && grid.isEmpty(row, c)) c++;
    const first = c < grid.right ? grid.text(row, c) : null;
    if (first === null) return null;
    const whole = ROMAN_ALONE.exec(first);
    if (whole && isRoman(whole[1])) {
      let next = c + 1;
      while (next < grid.right && grid.isEmpty(row, next)) next++;
      const title = next < grid.right ? grid.text(row, next) : null;
      return { id: whole[1], title: (title ?? whole[1]).normalize('NFC') };
    }
    const withTitle = ROMAN_WITH_TITLE.exec(first);
    if (withTitle && isRoman(withTitle[1])) {
      return { id: withTitle[1], title: withTitle[2].normalize('NFC').trim() };
    }
    return null;
  }

  private readRule(
    row: number,
    code: { text: string; cell: string },
    section: string,
    columns: Columns,
  ): Rule | null {
    const { grid } = this;
    const at = (key: PlanColumnKey) => toA1(row, columns[key] as number);
    const text = (key: PlanColumnKey): string | null => {
      const col = columns[key];
      if (col === undefined) return null;
      const v = grid.value(row, col);
      if (typeof v === 'number') return String(v);
      return typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() || null : null;
    };
    let ok = true;
    const error = (kind: string, cell: string, message: Localized) => {
      ok = false;
      this.issue('error', kind, cell, message);
    };

    if (code.text.length > MAX_CODE_LENGTH) {
      error('plan-code-too-long', code.cell, {
        vi: `mã chỉ tiêu "${code.text.slice(0, 30)}…" dài quá ${MAX_CODE_LENGTH} ký tự.`,
        en: `code "${code.text.slice(0, 30)}…" is longer than ${MAX_CODE_LENGTH} characters.`,
      });
    }
    const wording = text('wording');
    if (wording === null) {
      error('plan-wording-missing', at('wording'), {
        vi: `chỉ tiêu ${code.text} chưa có Nội dung chỉ tiêu.`,
        en: `target ${code.text} has no Nội dung chỉ tiêu (wording).`,
      });
    }
    const kindText = text('kind');
    const kind = kindText === null ? undefined : KIND_INDEX.get(labelKey(kindText));
    if (kind === undefined) {
      error('plan-kind-unknown', at('kind'), {
        vi: `Loại "${kindText ?? ''}" của ${code.text} không rõ; ghi một trong: Số lượng, Tỷ lệ, Dự toán (Kinh phí), Bình quân.`,
        en: `Loại (kind) "${kindText ?? ''}" of ${code.text} is unknown; write one of: Số lượng (count), Tỷ lệ (ratio), Dự toán (budget), Bình quân (average).`,
      });
      return null;
    }
    const targetCol = columns.target as number;
    const target = parsePlanTarget(grid.value(row, targetCol), grid.format(row, targetCol), kind);
    if (!target.ok)
      error(
        'plan-target-' + target.problem,
        at('target'),
        this.targetProblem(code.text, 'Mục tiêu', grid.value(row, targetCol), target, kind),
      );

    const periodTargets: PeriodTarget[] = [];
    for (const [months, col] of [...columns.periods].sort((a, b) => a[0] - b[0])) {
      const value = grid.value(row, col);
      if (grid.isEmpty(row, col)) continue;
      const parsed = parsePlanTarget(value, grid.format(row, col), kind);
      if (parsed.ok)
        periodTargets.push({ months, comparator: parsed.comparator, target: parsed.target });
      else
        error(
          'plan-period-target-' + parsed.problem,
          toA1(row, col),
          this.targetProblem(code.text, `Chỉ tiêu ${months} tháng`, value, parsed, kind),
        );
    }

    const roman = ruleKey(code.text);
    const numeral = roman === null ? null : roman.slice(0, roman.indexOf('.'));
    if (numeral !== null && numeral !== section) {
      error('plan-code-section', code.cell, {
        vi: section
          ? `mã ${code.text} thuộc mục ${numeral} nhưng nằm dưới mục ${section}.`
          : `mã ${code.text} thuộc mục ${numeral} nhưng không có dòng mục ${numeral} nào phía trên.`,
        en: section
          ? `code ${code.text} belongs to section ${numeral} but sits under section ${section}.`
          : `code ${code.text} belongs to section ${numeral} but no section ${numeral} heading is above it.`,
      });
    }
    const unit = text('unit');
    if (unit === null && (kind === 'count' || kind === 'average')) {
      error('plan-unit-missing', columns.unit === undefined ? code.cell : at('unit'), {
        vi: `chỉ tiêu ${code.text} (${KIND_NAMES[kind].vi}) cần ĐVT: Thực hiện đếm gì (đoàn viên, CĐCS, cuộc…).`,
        en: `target ${code.text} (${KIND_NAMES[kind].en}) needs an ĐVT (unit): what Thực hiện counts (members, unions, visits…).`,
      });
    }
    let denominator = text('denominator');
    if (denominator === null && (kind === 'ratio' || kind === 'average')) {
      error(
        'plan-denominator-missing',
        columns.denominator === undefined ? code.cell : at('denominator'),
        {
          vi: `chỉ tiêu ${code.text} (${KIND_NAMES[kind].vi}) cần cột "Tổng số là": Tổng số đếm gì.`,
          en: `target ${code.text} (${KIND_NAMES[kind].en}) needs "Tổng số là" (what Tổng số counts).`,
        },
      );
    }
    if (!ok || !target.ok || wording === null) return null;

    if (kind === 'plan') denominator ??= 'dự toán';
    if (kind === 'count') denominator = null;
    const numerator = text('numerator') ?? shorten(wording);
    const english = text('english');
    const money = kind === 'plan' || (unit !== null && MONEY.test(foldText(unit)));
    // ĐVT is what Thực hiện counts; a ratio's "%" says nothing of that, so gaps then count what
    // Tổng số counts ("còn thiếu 3 CĐCS").
    const itemUnit =
      unit !== null && unit !== '%' ? unit : kind === 'plan' ? 'đồng' : (denominator ?? wording);
    const shownUnit =
      kind === 'ratio' ? '%' : kind === 'plan' ? (unit ?? 'đồng') : (unit as string);
    const rule: Rule = {
      code: ruleKey(code.text) ?? code.text,
      section,
      kind,
      comparator: target.comparator,
      target: target.target,
      unit: both(shownUnit),
      itemUnit: both(itemUnit),
      numerator: both(numerator),
      denominator: denominator === null ? null : both(denominator),
      wording: { vi: wording, en: english ?? wording },
      integer: !money,
    };
    if (periodTargets.length > 0) rule.periodTargets = periodTargets;
    return rule;
  }

  private targetProblem(
    code: string,
    column: string,
    value: CellValue,
    target: Extract<PlanTarget, { ok: false }>,
    kind: RuleKind,
  ): Localized {
    const typed =
      typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
    switch (target.problem) {
      case 'empty':
        return {
          vi: `chỉ tiêu ${code} chưa có ${column}.`,
          en: `target ${code} has no ${column}.`,
        };
      case 'above-100':
        return {
          vi: `${column} "${typed}" của chỉ tiêu tỷ lệ ${code} lớn hơn 100%.`,
          en: `${column} "${typed}" of ratio target ${code} is above 100%.`,
        };
      case 'asks-nothing':
        return {
          vi: `${column} "${typed}" của ${code} không đòi hỏi gì (≥ 0); để không cho phép vụ nào, ghi "0" hoặc "không để xảy ra".`,
          en: `${column} "${typed}" of ${code} asks for nothing (≥ 0); for none at all write "0" or "không để xảy ra".`,
        };
      case 'not-whole':
        return {
          vi: `${column} "${typed}" của chỉ tiêu số lượng ${code} không phải số nguyên; nếu là số bình quân, ghi Loại "Bình quân".`,
          en: `${column} "${typed}" of count target ${code} is not a whole number; for an average, write Loại "Bình quân".`,
        };
      case 'negative':
        return {
          vi: `${column} "${typed}" của ${code} là số âm.`,
          en: `${column} "${typed}" of ${code} is negative.`,
        };
      default:
        return {
          vi: `không đọc được ${column} "${typed}" của ${code} (${KIND_NAMES[kind].vi}); ghi như "≥ 110", "trên 90%", "không quá 5", "dưới 3%", "không để xảy ra".`,
          en: `cannot read ${column} "${typed}" of ${code} (${KIND_NAMES[kind].en}); write e.g. "≥ 110", "> 90%", "≤ 5", "< 3%", "0".`,
        };
    }
  }
}

const MONEY = /(?:^|\s)(dong|vnd|trieu dong|ty dong)$/;
const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
/** "II" or "II." alone in its cell (upper case: "Vì" is a word, not a numeral). */
const ROMAN_ALONE = /^([MDCLXVI]+)[.):]?$/;
/** "I. CÔNG TÁC…", "II - Chỉ tiêu…", "III Chỉ tiêu…". */
const ROMAN_WITH_TITLE = /^([MDCLXVI]+)(?:\s*[.):\-–—]\s*|\s+)(\S.*)$/s;

function isRoman(text: string): boolean {
  return ROMAN.test(text);
}

function both(text: string): Localized {
  return { vi: text, en: text };
}

/** What Thực hiện counts when "Thực hiện là" is empty: the wording, cut at a word. */
function shorten(text: string): string {
  if (text.length <= SHORT_LABEL_LENGTH) return text;
  const cut = text.slice(0, SHORT_LABEL_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).trim()}…`;
}
