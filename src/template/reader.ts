import { findRule, ruleKey } from '../catalogue';
import type { Catalogue, Localized, Rule } from '../catalogue/types';
import { catalogueTarget, quoteCellText } from '../engine';
import type { ParsedValue, RuleInput, RuleLocation, TargetOverride } from '../engine/types';
import { parseCell, parseTarget } from '../parsing';
import { columnLetters, toA1 } from './address';
import { catalogueTargetText } from './format';
import { SheetGrid } from './grid';
import { foldText, matchColumnLabel, OUTPUT_COLUMN_LABELS } from './header';
import { issueAt } from './issues';
import { isAddinSummarySheet } from './marker';
import { readTitleBlock } from './title';
import type {
  CellValue,
  ColumnKey,
  OutputColumnKey,
  ReportSheet,
  RuleRow,
  SheetSnapshot,
  Severity,
  TemplateIssue,
} from './types';

/** The header must start within the first 30 rows of the sheet (SPEC §3). */
const HEADER_SEARCH_ROWS = 30;
const OUTPUT_ORDER: readonly OutputColumnKey[] = ['rate', 'gap', 'status'];
/**
 * Columns the evaluation reads or writes: if one of them is labelled twice, which one holds the
 * data is unknown, so the sheet is not evaluated.
 */
const DATA_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  'code',
  'target',
  'actual',
  'denominator',
  'rate',
  'gap',
  'status',
]);
const COLUMN_NAMES: Record<ColumnKey, string> = {
  stt: 'STT',
  code: 'Mã chỉ tiêu',
  content: 'Nội dung chỉ tiêu',
  unit: 'Đơn vị tính',
  target: 'Chỉ tiêu',
  actual: 'Thực hiện',
  denominator: 'Tổng số',
  rate: 'Tỷ lệ',
  gap: 'Chênh lệch',
  status: 'Đánh giá',
  note: 'Ghi chú',
};
/** Text in the code column that is meant as a code ("I.10", "II-8b") rather than a heading. */
const CODE_LIKE = /^[ivx]{1,4}[.\-_]?\d{1,2}(?:[.\-_]?[a-z])?\.?$/;
const SPACES = /\s+/g;
const EMPTY: ParsedValue = { kind: 'empty' };

interface Label {
  key: ColumnKey;
  row: number;
  col: number;
}

type HeaderSearch =
  | { kind: 'found'; top: number; bottom: number; labels: Label[] }
  | { kind: 'incomplete'; labels: Label[]; missing: 'code' | 'actual' }
  | { kind: 'none' };

export interface SheetReading {
  report: ReportSheet | null;
  issues: TemplateIssue[];
}

/**
 * Reads one sheet of the standard template (SPEC §3). Returns null as the report when the sheet is
 * not a report sheet, or when its header is too broken to read (then an error issue says why).
 * Never throws, whatever the snapshot holds.
 */
export function readReportSheet(
  sheet: SheetSnapshot,
  catalogue: Catalogue,
  file?: string,
): SheetReading {
  if (isAddinSummarySheet(sheet)) return { report: null, issues: [] };
  const reader = new SheetReader(new SheetGrid(sheet), catalogue, file);
  return { report: reader.read(), issues: reader.issues };
}

/** One reading of one sheet: the steps of SPEC §3 in order, collecting issues as they come. */
class SheetReader {
  readonly issues: TemplateIssue[] = [];

  constructor(
    private readonly grid: SheetGrid,
    private readonly catalogue: Catalogue,
    private readonly file: string | undefined,
  ) {}

  private issue(
    severity: Severity,
    kind: string,
    cell: string | null,
    text: Localized,
    code?: string,
  ): void {
    const at = { sheet: this.grid.name, cell, file: this.file, code };
    this.issues.push(issueAt(severity, kind, at, text));
  }

  read(): ReportSheet | null {
    const { grid, catalogue } = this;
    const header = findHeader(grid, catalogue);
    if (header.kind === 'none') return null;
    if (header.kind === 'incomplete') {
      this.reportIncompleteHeader(header.labels, header.missing);
      return null;
    }
    const columns = this.resolveColumns(header.labels);
    if (!columns) return null;

    const title = readTitleBlock(grid, grid.top, header.top);
    if (title.year && title.year.value !== catalogue.year) {
      this.issue('warning', 'year-mismatch', title.year.cell, {
        vi: `báo cáo ghi năm ${title.year.value} nhưng đang đánh giá theo chỉ tiêu năm ${catalogue.year}.`,
        en: `the report says ${title.year.value} but it is evaluated against the ${catalogue.year} targets.`,
      });
    }

    const { ruleRows, missingCodes } = this.findRuleRows(columns.code as number, header.bottom);
    const output = this.placeOutputColumns(columns, header, ruleRows);
    const report: ReportSheet = {
      sheet: grid.name,
      unit: title.unit ?? grid.name,
      year: title.year?.value ?? null,
      headerRow: header.bottom,
      columns,
      outputColumns: output.columns,
      addedOutputColumns: output.added,
      rows: ruleRows.map(({ rule, row }) => this.readRuleRow(rule, row, columns, output.columns)),
      missingCodes,
    };
    if (output.blocked) report.outputBlocked = true;
    return report;
  }

  private reportIncompleteHeader(labels: Label[], missing: 'code' | 'actual'): void {
    const present = missing === 'actual' ? 'code' : 'actual';
    const first = labels.find((l) => l.key === present) ?? labels[0];
    const [has, lacks] =
      missing === 'actual' ? ['Mã chỉ tiêu', 'Thực hiện'] : ['Thực hiện', 'Mã chỉ tiêu'];
    this.issue('error', `header-missing-${missing}`, toA1(first.row, first.col), {
      vi: `dòng tiêu đề có cột "${has}" nhưng không có cột "${lacks}", nên sheet này không được đánh giá. Thêm cột "${lacks}" vào dòng tiêu đề.`,
      en: `the header row has a "${has}" column but no "${lacks}" column, so this sheet is not evaluated. Add a "${lacks}" column to the header row.`,
    });
  }

  /** Column of each label; null when a data column is labelled twice (which one is unclear). */
  private resolveColumns(labels: Label[]): Partial<Record<ColumnKey, number>> | null {
    const columns: Partial<Record<ColumnKey, number>> = {};
    const byKey = new Map<ColumnKey, Label[]>();
    for (const label of labels) {
      const same = byKey.get(label.key);
      if (same) same.push(label);
      else byKey.set(label.key, [label]);
    }
    let unreadable = false;
    for (const [key, same] of byKey) {
      same.sort((a, b) => a.col - b.col);
      columns[key] = same[0].col;
      if (same.length < 2) continue;
      const cells = same.map((l) => toA1(l.row, l.col)).join(', ');
      const blocking = DATA_COLUMNS.has(key);
      unreadable ||= blocking;
      this.issue('error', 'duplicate-header', toA1(same[0].row, same[0].col), {
        vi:
          `cột "${COLUMN_NAMES[key]}" có nhãn ở nhiều ô (${cells}). ` +
          (blocking
            ? 'Không biết dùng cột nào nên sheet này không được đánh giá: xóa hoặc đổi tên một cột.'
            : 'Dùng cột đầu tiên.'),
        en:
          `the "${COLUMN_NAMES[key]}" column is labelled in several cells (${cells}). ` +
          (blocking
            ? 'Which one holds the data is unclear, so this sheet is not evaluated: remove or rename one of them.'
            : 'The first one is used.'),
      });
    }
    return unreadable ? null : columns;
  }

  /** Rows below the header whose code is in the catalogue, once each; codes on two rows are out. */
  private findRuleRows(
    codeCol: number,
    headerBottom: number,
  ): { ruleRows: { rule: Rule; row: number }[]; missingCodes: string[] } {
    const { grid, catalogue } = this;
    const found = new Map<string, { rule: Rule; rows: number[] }>();
    for (let r = headerBottom + 1; r < grid.bottom; r++) {
      const typed = grid.text(r, codeCol);
      if (typed === null) continue;
      const rule = findRule(catalogue, typed);
      if (rule) {
        const entry = found.get(rule.code);
        if (entry) entry.rows.push(r);
        else found.set(rule.code, { rule, rows: [r] });
      } else if (ruleKey(typed) !== null || CODE_LIKE.test(foldText(typed).replace(SPACES, ''))) {
        this.issue('warning', 'unknown-code', toA1(r, codeCol), {
          vi: `mã chỉ tiêu "${typed}" không có trong danh mục chỉ tiêu năm ${catalogue.year}; dòng này không được đánh giá.`,
          en: `code "${typed}" is not in the ${catalogue.year} catalogue of targets; this row is not evaluated.`,
        });
      }
      // Anything else in the code column (a section numeral, a heading) is not a rule row.
    }

    const ruleRows: { rule: Rule; row: number }[] = [];
    for (const { rule, rows } of found.values()) {
      if (rows.length === 1) {
        ruleRows.push({ rule, row: rows[0] });
        continue;
      }
      const cells = rows.map((r) => toA1(r, codeCol)).join(', ');
      for (const r of rows) {
        const text = {
          vi: `mã chỉ tiêu ${rule.code} có ở nhiều dòng (${cells}); không dòng nào được đánh giá cho đến khi chỉ còn một dòng.`,
          en: `code ${rule.code} is on several rows (${cells}); none of them is evaluated until only one remains.`,
        };
        this.issue('error', 'duplicate-code', toA1(r, codeCol), text, rule.code);
      }
    }
    ruleRows.sort((a, b) => a.row - b.row);

    const missingCodes = catalogue.rules.filter((r) => !found.has(r.code)).map((r) => r.code);
    if (found.size === 0) {
      this.issue('warning', 'no-rule-rows', null, {
        vi: `dưới dòng tiêu đề (dòng ${headerBottom + 1}) không có dòng nào mang mã chỉ tiêu của danh mục năm ${catalogue.year}.`,
        en: `no row below the header (row ${headerBottom + 1}) has a code of the ${catalogue.year} catalogue.`,
      });
    } else if (missingCodes.length > 0) {
      this.issue('warning', 'missing-codes', null, {
        vi: `thiếu ${missingCodes.length} chỉ tiêu của danh mục năm ${catalogue.year}: ${missingCodes.join(', ')}; các chỉ tiêu này được coi là chưa có số liệu.`,
        en: `${missingCodes.length} target(s) of the ${catalogue.year} catalogue are missing: ${missingCodes.join(', ')}; they count as having no data.`,
      });
    }
    return { ruleRows, missingCodes };
  }

  /**
   * Output columns: the header's own, or added after the last header column, in the order Tỷ lệ,
   * Chênh lệch, Đánh giá, provided the cells they would fill (header and rule rows) are empty.
   */
  private placeOutputColumns(
    columns: Partial<Record<ColumnKey, number>>,
    header: { top: number; bottom: number },
    ruleRows: { row: number }[],
  ): { columns: Record<OutputColumnKey, number>; added: OutputColumnKey[]; blocked: boolean } {
    const grid = this.grid;
    let lastHeaderCol = -1;
    for (let r = header.top; r <= header.bottom; r++) {
      for (let c = grid.right - 1; c > lastHeaderCol; c--) {
        if (!grid.isEmpty(r, c)) {
          lastHeaderCol = c;
          break;
        }
      }
    }
    const placed = {} as Record<OutputColumnKey, number>;
    const added: OutputColumnKey[] = [];
    let nextCol = lastHeaderCol + 1;
    for (const key of OUTPUT_ORDER) {
      const existing = columns[key];
      if (existing !== undefined) placed[key] = existing;
      else {
        placed[key] = nextCol++;
        added.push(key);
      }
    }

    const rowsToFill: number[] = [];
    for (let r = header.top; r <= header.bottom; r++) rowsToFill.push(r);
    for (const { row } of ruleRows) rowsToFill.push(row);
    let blocked = false;
    for (const key of added) {
      const col = placed[key];
      const taken = rowsToFill.find((r) => !grid.isEmpty(r, col));
      if (taken === undefined) continue;
      blocked = true;
      const label = OUTPUT_COLUMN_LABELS[key];
      const letter = columnLetters(col);
      this.issue('error', 'output-column-occupied', toA1(taken, col), {
        vi: `sheet không có cột "${label.vi}" và cột ${letter}, nơi cần thêm cột này, đã có dữ liệu; kết quả không được ghi vào sheet này. Thêm cột "${label.vi}" vào dòng tiêu đề, hoặc dời dữ liệu ở cột ${letter} đi chỗ khác.`,
        en: `the sheet has no "${label.vi}" (${label.en}) column and column ${letter}, where it would be added, already holds data; no results are written to this sheet. Add a "${label.vi}" column to the header row, or move the data out of column ${letter}.`,
      });
    }
    return { columns: placed, added, blocked };
  }

  /** A rule row's inputs, parsed with each cell's number format, and where its cells are. */
  private readRuleRow(
    rule: Rule,
    row: number,
    columns: Partial<Record<ColumnKey, number>>,
    output: Record<OutputColumnKey, number>,
  ): RuleRow {
    const grid = this.grid;
    const location: RuleLocation = { sheet: grid.name };
    const readInput = (col: number | undefined, field: 'actualCell' | 'denominatorCell') => {
      if (col === undefined) return EMPTY;
      location[field] = toA1(row, col);
      return parseCell(grid.value(row, col), grid.format(row, col));
    };
    const input: RuleInput = {
      actual: readInput(columns.actual, 'actualCell'),
      denominator: readInput(columns.denominator, 'denominatorCell'),
      target: null,
    };
    const targetCol = columns.target;
    if (targetCol !== undefined) {
      const cell = toA1(row, targetCol);
      location.targetCell = cell;
      const target = parseTargetCached(
        grid.value(row, targetCol),
        grid.format(row, targetCol),
        rule,
      );
      if (target.kind === 'ok' && !isCatalogueTarget(target.target, rule)) {
        input.target = target.target;
      } else if (target.kind === 'unreadable') {
        const text = {
          vi: `không đọc được chỉ tiêu "${quoteCellText(target.text)}" của ${rule.code}; dùng chỉ tiêu chung ${catalogueTargetText(rule, 'vi')}.`,
          en: `cannot read the target "${quoteCellText(target.text)}" of ${rule.code}; the catalogue target ${catalogueTargetText(rule, 'en')} is used.`,
        };
        this.issue('warning', 'target-unreadable', cell, text, rule.code);
      }
    }
    return {
      code: rule.code,
      row,
      input,
      location,
      outputCells: {
        rate: toA1(row, output.rate),
        gap: toA1(row, output.gap),
        status: toA1(row, output.status),
      },
    };
  }
}

/**
 * Every sheet made from the template repeats the same Chỉ tiêu texts ("≥ 110", "> 90%"), so a
 * batch of units parses each once. Results are immutable; the cache is bounded.
 */
const targetCache = new Map<string, ReturnType<typeof parseTarget>>();
const TARGET_CACHE_LIMIT = 10_000;

function parseTargetCached(
  value: CellValue,
  format: string | undefined,
  rule: Rule,
): ReturnType<typeof parseTarget> {
  if (typeof value !== 'string') return parseTarget(value, format, rule);
  const key = `${rule.code}\u0000${format ?? ''}\u0000${value}`;
  let parsed = targetCache.get(key);
  if (parsed === undefined) {
    if (targetCache.size >= TARGET_CACHE_LIMIT) targetCache.clear();
    parsed = parseTarget(value, format, rule);
    targetCache.set(key, parsed);
  }
  return parsed;
}

/** The template's own "≥ 110" is the catalogue target, not a unit's override. */
function isCatalogueTarget(target: TargetOverride, rule: Rule): boolean {
  return (
    target.value.eq(catalogueTarget(rule)) &&
    (target.comparator === null || target.comparator === rule.comparator)
  );
}

function labelsOfRow(grid: SheetGrid, row: number): Label[] {
  const labels: Label[] = [];
  for (let c = grid.left; c < grid.right; c++) {
    const text = grid.text(row, c);
    if (text === null) continue;
    const key = matchColumnLabel(text);
    if (key) labels.push({ key, row, col: c });
  }
  return labels;
}

function rowHasRuleCode(grid: SheetGrid, row: number, catalogue: Catalogue): boolean {
  for (let c = grid.left; c < grid.right; c++) {
    const text = grid.text(row, c);
    if (text !== null && text.length <= 12 && findRule(catalogue, text)) return true;
  }
  return false;
}

/**
 * Two header rows: the lower row's labels win for their columns, and a group label above them
 * ("Kết quả thực hiện" over "Thực hiện | Tổng số") gives way to the lower row's label of the same
 * column kind.
 */
function combineHeaderRows(upper: Label[], lower: Label[]): Label[] {
  const lowerCols = new Set(lower.map((l) => l.col));
  const lowerKeys = new Set(lower.map((l) => l.key));
  return [...upper.filter((l) => !lowerCols.has(l.col) && !lowerKeys.has(l.key)), ...lower];
}

/** The header: the first row (with the row below it, when that is a header row too) within the
 * first 30 rows that holds both the code column and the Thực hiện column. */
function findHeader(grid: SheetGrid, catalogue: Catalogue): HeaderSearch {
  const end = Math.min(grid.bottom, HEADER_SEARCH_ROWS);
  let incomplete: HeaderSearch = { kind: 'none' };
  let upper = grid.top < end ? labelsOfRow(grid, grid.top) : [];
  for (let r = grid.top; r < end; r++) {
    const lower = r + 1 < grid.bottom ? labelsOfRow(grid, r + 1) : [];
    if (upper.length > 0) {
      const twoRows = lower.length > 0 && !rowHasRuleCode(grid, r + 1, catalogue);
      const labels = twoRows ? combineHeaderRows(upper, lower) : upper;
      const keys = new Set(labels.map((l) => l.key));
      const hasCode = keys.has('code');
      const hasActual = keys.has('actual');
      if (hasCode && hasActual)
        return { kind: 'found', top: r, bottom: twoRows ? r + 1 : r, labels };
      // Three known labels, one of them a required one: a report with a column missing.
      if (incomplete.kind === 'none' && keys.size >= 3 && (hasCode || hasActual)) {
        incomplete = { kind: 'incomplete', labels, missing: hasCode ? 'actual' : 'code' };
      }
    }
    upper = lower;
  }
  return incomplete;
}
