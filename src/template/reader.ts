import { findRule, ruleKey } from '../catalogue';
import { decimalText } from '../catalogue/plan-target';
import { numberAsSeen } from '../parsing/cell';
import type { Catalogue, Comparator, Localized, Rule } from '../catalogue/types';
import { catalogueTarget, planTargetFor, quoteCellText } from '../engine';
import type { Rational } from '../engine/rational';
import type { ParsedValue, RuleInput, RuleLocation, TargetOverride } from '../engine/types';
import { parseCell, parseTarget } from '../parsing';
import { columnLetters, toA1 } from './address';
import { catalogueTargetText } from './format';
import { SheetGrid, type MergedArea } from './grid';
import { foldText, matchColumnLabel, OUTPUT_COLUMN_LABELS } from './header';
import { issueAt, makeIssue } from './issues';
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
  /** The report's period in months, from its title block (SPEC §2); 12 is the whole year. */
  private months = 12;

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
    if (title.year && catalogue.year !== 0 && title.year.value !== catalogue.year) {
      this.issue('warning', 'year-mismatch', title.year.cell, {
        vi: `báo cáo ghi năm ${title.year.value} nhưng đang đánh giá theo chỉ tiêu năm ${catalogue.year}.`,
        en: `the report says ${title.year.value} but it is evaluated against the ${catalogue.year} targets.`,
      });
    }
    if (title.period) this.months = title.period.months;
    if (title.unreadablePeriod) {
      const typed = quoteCellText(title.unreadablePeriod.text);
      this.issue('warning', 'period-unreadable', title.unreadablePeriod.cell, {
        vi: `không đọc được kỳ báo cáo «${typed}» (ví dụ: "6 tháng", "9 tháng", "cả năm"); báo cáo được đánh giá như cả năm.`,
        en: `cannot read the reporting period «${typed}» (e.g. "6 tháng", "9 tháng", "cả năm"); the report is evaluated as a whole year.`,
      });
    }

    const { ruleRows, duplicateRows, missingCodes } = this.findRuleRows(
      columns.code as number,
      header.bottom,
    );
    const output = this.placeOutputColumns(columns, header, [...ruleRows, ...duplicateRows]);
    const rows = ruleRows.map(({ rule, row }) =>
      this.readRuleRow(rule, row, columns, output.columns),
    );
    if (!output.blocked) {
      this.keepMergedOutputs(rows, output.columns);
      this.keepFormulaOutputs(rows, output.columns);
    }
    const report: ReportSheet = {
      sheet: grid.name,
      unit: title.unit ?? grid.name,
      year: title.year?.value ?? null,
      headerRow: header.bottom,
      columns,
      outputColumns: output.columns,
      addedOutputColumns: output.added,
      rows,
      missingCodes,
    };
    if (output.blocked) report.outputBlocked = true;
    if (title.period && title.period.months < 12) {
      report.period = title.period.months;
      report.periodCell = title.period.cell;
    }
    if (duplicateRows.length > 0) {
      const statusCol = output.columns.status;
      report.duplicateCodeRows = duplicateRows.map(({ code, row }) => {
        const entry: NonNullable<ReportSheet['duplicateCodeRows']>[number] = {
          code,
          row,
          statusCell: toA1(row, statusCol),
        };
        // The unit's own formula, or a merged cell, is never written over.
        if (grid.hasFormula(row, statusCol) || grid.mergeAt(row, statusCol)) {
          entry.keepStatus = true;
        }
        return entry;
      });
    }
    return report;
  }

  private reportIncompleteHeader(labels: Label[], missing: 'code' | 'actual'): void {
    const present = missing === 'actual' ? 'code' : 'actual';
    const first = labels.find((l) => l.key === present) ?? labels[0];
    const [has, lacks] =
      missing === 'actual' ? ['Mã chỉ tiêu', 'Thực hiện'] : ['Thực hiện', 'Mã chỉ tiêu'];
    this.issue('error', `header-missing-${missing}`, toA1(first.row, first.col), {
      vi: `dòng tiêu đề có cột "${has}" nhưng không có cột "${lacks}", nên trang tính này không được đánh giá. Thêm cột "${lacks}" vào dòng tiêu đề.`,
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
            ? 'Không biết dùng cột nào nên trang tính này không được đánh giá: xóa hoặc đổi tên một cột.'
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
  ): {
    ruleRows: { rule: Rule; row: number }[];
    duplicateRows: { code: string; row: number }[];
    missingCodes: string[];
  } {
    const { grid, catalogue } = this;
    const found = new Map<string, { rule: Rule; rows: number[] }>();
    for (let r = headerBottom + 1; r < grid.bottom; r++) {
      const typed = grid.text(r, codeCol) ?? numericCode(grid.value(r, codeCol), catalogue);
      if (typed === null) continue;
      const rule = findRule(catalogue, typed);
      if (rule) {
        const entry = found.get(rule.code);
        if (entry) entry.rows.push(r);
        else found.set(rule.code, { rule, rows: [r] });
      } else if (ruleKey(typed) !== null || CODE_LIKE.test(foldText(typed).replace(SPACES, ''))) {
        this.issue('warning', 'unknown-code', toA1(r, codeCol), {
          vi: `mã chỉ tiêu "${typed}" không có trong danh mục chỉ tiêu ${planName(catalogue).vi}; dòng này không được đánh giá.`,
          en: `code "${typed}" is not in the ${planName(catalogue).en} catalogue of targets; this row is not evaluated.`,
        });
      }
      // Anything else in the code column (a section numeral, a heading) is not a rule row.
    }

    const ruleRows: { rule: Rule; row: number }[] = [];
    const duplicateRows: { code: string; row: number }[] = [];
    for (const { rule, rows } of found.values()) {
      if (rows.length === 1) {
        ruleRows.push({ rule, row: rows[0] });
        continue;
      }
      const cells = rows.map((r) => toA1(r, codeCol)).join(', ');
      for (const r of rows) {
        duplicateRows.push({ code: rule.code, row: r });
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
        vi: `dưới dòng tiêu đề (dòng ${headerBottom + 1}) không có dòng nào mang mã chỉ tiêu của danh mục ${planName(catalogue).vi}.`,
        en: `no row below the header (row ${headerBottom + 1}) has a code of the ${planName(catalogue).en} catalogue.`,
      });
    } else if (missingCodes.length > 0) {
      this.issue('warning', 'missing-codes', null, {
        vi: `thiếu ${missingCodes.length} chỉ tiêu của danh mục ${planName(catalogue).vi}: ${missingCodes.join(', ')}; các chỉ tiêu này được coi là chưa có số liệu.`,
        en: `${missingCodes.length} target(s) of the ${planName(catalogue).en} catalogue are missing: ${missingCodes.join(', ')}; they count as having no data.`,
      });
    }
    duplicateRows.sort((a, b) => a.row - b.row);
    return { ruleRows, duplicateRows, missingCodes };
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
    // A label merged over several columns ends where its merge ends.
    for (let widened = true; widened;) {
      widened = false;
      for (const m of grid.merges) {
        const onHeader = m.top <= header.bottom && m.bottom >= header.top;
        if (onHeader && m.left <= lastHeaderCol && m.right > lastHeaderCol) {
          lastHeaderCol = m.right;
          widened = true;
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
      const taken = rowsToFill.find(
        (r) => !grid.isEmpty(r, col) || grid.hasFormula(r, col) || grid.mergeAt(r, col),
      );
      if (taken === undefined) continue;
      blocked = true;
      const label = OUTPUT_COLUMN_LABELS[key];
      const letter = columnLetters(col);
      const merge = grid.isEmpty(taken, col) ? grid.mergeAt(taken, col) : undefined;
      const what = merge
        ? {
            vi: `có ô gộp (${areaA1(merge)})`,
            en: `has merged cells (${areaA1(merge)})`,
          }
        : { vi: 'đã có dữ liệu', en: 'already holds data' };
      this.issue('error', 'output-column-occupied', toA1(taken, col), {
        vi: `trang tính không có cột "${label.vi}" và cột ${letter}, nơi cần thêm cột này, ${what.vi}; kết quả không được ghi vào trang tính này. Thêm cột "${label.vi}" vào dòng tiêu đề, hoặc dời dữ liệu ở cột ${letter} đi chỗ khác.`,
        en: `the sheet has no "${label.vi}" (${label.en}) column and column ${letter}, where it would be added, ${what.en}; no results are written to this sheet. Add a "${label.vi}" column to the header row, or move the data out of column ${letter}.`,
      });
    }
    return { columns: placed, added, blocked };
  }

  /**
   * An output cell in a merged area of several cells cannot take its own value: in Excel it shows
   * the merge's first cell, which may be another rule row's. The rows concerned get nothing
   * written (by evaluation or clear), and one error per merged area says so.
   */
  private keepMergedOutputs(rows: RuleRow[], output: Record<OutputColumnKey, number>): void {
    const grid = this.grid;
    const cols = OUTPUT_ORDER.map((key) => output[key]);
    const merges = grid.merges.filter((m) => cols.some((c) => m.left <= c && c <= m.right));
    for (const merge of merges) {
      const inside = rows.filter((row) => merge.top <= row.row && row.row <= merge.bottom);
      if (inside.length === 0) continue;
      for (const row of inside) row.keptOutputs = [...OUTPUT_ORDER];
      const keys = OUTPUT_ORDER.filter((k) => merge.left <= output[k] && output[k] <= merge.right);
      const vi = keys.map((k) => OUTPUT_COLUMN_LABELS[k].vi).join(', ');
      const en = keys.map((k) => `${OUTPUT_COLUMN_LABELS[k].en} (${OUTPUT_COLUMN_LABELS[k].vi})`);
      const codes = inside.map((row) => row.code).join(', ');
      const several = keys.length > 1;
      const cells = {
        vi: `${several ? 'các ô' : 'ô'} ${vi}`,
        en: `the ${en.join(', ')} cell${several ? 's' : ''}`,
      };
      const text =
        inside.length > 1
          ? {
              vi: `${cells.vi} đang gộp qua ${inside.length} hàng chỉ tiêu (${codes}); kết quả của các chỉ tiêu này không được ghi. Hãy bỏ gộp ô để ghi kết quả.`,
              en: `${cells.en} ${several ? 'are' : 'is'} merged across ${inside.length} target rows (${codes}); their results are not written. Unmerge the cells to have them written.`,
            }
          : {
              vi: `${cells.vi} của chỉ tiêu ${codes} đang gộp ${several ? 'làm một' : 'với ô khác'}; kết quả của chỉ tiêu này không được ghi. Hãy bỏ gộp ô để ghi kết quả.`,
              en: `${cells.en} of ${codes} ${several ? 'are merged into one' : 'is merged with other cells'}; its results are not written. Unmerge the cells to have them written.`,
            };
      const area = areaA1(merge);
      const at = { row: merge.top, col: merge.left };
      const code = inside.length === 1 ? inside[0].code : undefined;
      this.issueNaming(
        'error',
        'output-cell-merged',
        at,
        { cells: area, plural: true, code },
        text,
      );
    }
  }

  /**
   * An output cell holding a formula is the unit's own work (a rate it computes itself): it is
   * never written over, formatted or cleared. One warning per output column lists such cells.
   */
  private keepFormulaOutputs(rows: RuleRow[], output: Record<OutputColumnKey, number>): void {
    const grid = this.grid;
    for (const key of OUTPUT_ORDER) {
      const col = output[key];
      const held = rows.filter(
        (row) => !row.keptOutputs?.includes(key) && grid.hasFormula(row.row, col),
      );
      if (held.length === 0) continue;
      for (const row of held) (row.keptOutputs ??= []).push(key);
      const label = OUTPUT_COLUMN_LABELS[key];
      const cells = listCells(held.map((row) => row.outputCells[key]));
      const one = held.length === 1;
      const text = {
        vi: `có công thức của đơn vị; giữ nguyên, không ghi ${label.vi} vào ${one ? 'ô này' : 'các ô này'}.`,
        en: one
          ? `holds the unit's own formula; it is kept, and the ${label.en} (${label.vi}) is not written there.`
          : `hold the unit's own formulas; they are kept, and the ${label.en} (${label.vi}) is not written there.`,
      };
      const code = one ? held[0].code : undefined;
      const at = { row: held[0].row, col };
      this.issueNaming('warning', 'output-cell-formula', at, { cells, plural: !one, code }, text);
    }
  }

  /**
   * An issue at one cell whose message begins with a range or a list of cells ("ô J8:J9",
   * "cells H11, H17") rather than that one cell.
   */
  private issueNaming(
    severity: Severity,
    kind: string,
    at: { row: number; col: number },
    named: { cells: Localized | string; plural: boolean; code?: string },
    text: Localized,
  ): void {
    const cells =
      typeof named.cells === 'string' ? { vi: named.cells, en: named.cells } : named.cells;
    const place = {
      sheet: this.grid.name,
      cell: toA1(at.row, at.col),
      file: this.file,
      code: named.code,
    };
    const sheet = this.grid.name;
    this.issues.push(
      makeIssue(severity, kind, place, {
        vi: `Trang '${sheet}', ô ${cells.vi}: ${text.vi}`,
        en: `Sheet '${sheet}', ${named.plural ? 'cells' : 'cell'} ${cells.en}: ${text.en}`,
      }),
    );
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
      const cell = toA1(row, col);
      location[field] = cell;
      // Read as empty; the result's message says why (engine/messages.ts).
      if (grid.isUncomputedFormula(row, col)) (location.uncomputedCells ??= []).push(cell);
      return parseCell(grid.value(row, col), grid.format(row, col));
    };
    const input: RuleInput = {
      actual: readInput(columns.actual, 'actualCell'),
      denominator: readInput(columns.denominator, 'denominatorCell'),
      target: null,
    };
    let typedTarget: TargetOverride | undefined;
    const targetCol = columns.target;
    if (targetCol !== undefined) {
      const cell = toA1(row, targetCol);
      location.targetCell = cell;
      if (grid.isUncomputedFormula(row, targetCol)) {
        const text = {
          vi: `Chỉ tiêu có công thức nhưng chưa có kết quả tính; dùng chỉ tiêu chung ${catalogueTargetText(rule, 'vi')}. Hãy mở tệp bằng Excel, tính lại (F9) và lưu.`,
          en: `the target (Chỉ tiêu) holds a formula with no computed result; the catalogue target ${catalogueTargetText(rule, 'en')} is used. Open the file in Excel, recalculate (F9) and save it.`,
        };
        this.issue('warning', 'target-not-computed', cell, text, rule.code);
      }
      const target = parseTargetCached(
        grid.value(row, targetCol),
        grid.format(row, targetCol),
        rule,
      );
      if (target.kind === 'ok') typedTarget = target.target;
      if (target.kind === 'ok' && !isCatalogueTarget(target.target, rule, this.months)) {
        input.target = target.target;
      } else if (target.kind === 'unreadable') {
        const text = {
          vi: `không đọc được chỉ tiêu "${quoteCellText(target.text)}" của ${rule.code}; dùng chỉ tiêu chung ${catalogueTargetText(rule, 'vi')}.`,
          en: `cannot read the target "${quoteCellText(target.text)}" of ${rule.code}; the catalogue target ${catalogueTargetText(rule, 'en')} is used.`,
        };
        this.issue('warning', 'target-unreadable', cell, text, rule.code);
      }
    }
    const ruleRow: RuleRow = {
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
    if (typedTarget) ruleRow.typedTarget = typedTarget;
    return ruleRow;
  }
}

/** "J8:J9", or "J8" for a single cell. */
function areaA1(m: MergedArea): string {
  const first = toA1(m.top, m.left);
  return m.top === m.bottom && m.left === m.right ? first : `${first}:${toA1(m.bottom, m.right)}`;
}

/** At most five cells by name, then how many more: "H8, H9, H10, H11, H12 và 21 ô khác". */
const LISTED_CELLS = 5;
function listCells(cells: string[]): Localized {
  const named = cells.slice(0, LISTED_CELLS).join(', ');
  const more = cells.length - LISTED_CELLS;
  if (more <= 0) return { vi: named, en: named };
  return { vi: `${named} và ${more} ô khác`, en: `${named} and ${more} more` };
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
  const key = `${rule.code}\u0000${rule.kind}\u0000${rule.comparator}\u0000${rule.unit.vi}\u0000${format ?? ''}\u0000${value}`;
  let parsed = targetCache.get(key);
  if (parsed === undefined) {
    if (targetCache.size >= TARGET_CACHE_LIMIT) targetCache.clear();
    parsed = parseTarget(value, format, rule);
    targetCache.set(key, parsed);
  }
  return parsed;
}

/**
 * The template's own "≥ 110" is the catalogue target, not a unit's override; so is the target
 * of the report's period ("≥ 55" in a 6-month template), which must not be pro-rated again.
 */
function isCatalogueTarget(target: TargetOverride, rule: Rule, months: number): boolean {
  const planned = planTargetFor(rule, months);
  const same = (value: Rational, comparator: Comparator) =>
    target.value.eq(value) && (target.comparator === null || target.comparator === comparator);
  return same(catalogueTarget(rule), rule.comparator) || same(planned.value, planned.comparator);
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

/** "năm 2020", or the plan sheet's name for a plan that gives no year (SPEC §8). */
function planName(catalogue: Catalogue): Localized {
  return catalogue.year === 0
    ? { vi: `"${catalogue.id}"`, en: `"${catalogue.id}"` }
    : { vi: `năm ${catalogue.year}`, en: String(catalogue.year) };
}

/** A plan code typed as a number ("1.2" becomes 1.2 in Excel), when the plan has that code. */
function numericCode(value: CellValue, catalogue: Catalogue): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const text = decimalText(numberAsSeen(value));
  return text !== null && findRule(catalogue, text) ? text : null;
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
