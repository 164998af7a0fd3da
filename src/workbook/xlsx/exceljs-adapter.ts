/**
 * The file side of the product: ExcelJS workbooks to snapshots (what the reader and the engine
 * see) and write plans back onto ExcelJS workbooks. The same plans drive the Office.js adapter.
 */
import type ExcelJS from 'exceljs';
import type { Localized } from '../../catalogue/types';
import { columnLetters, parseA1, quoteSheetName, toA1 } from '../../template/address';
import type {
  CellStyle,
  CellValue,
  CellWrite,
  PageSetup,
  SheetPlan,
  SheetSnapshot,
  WorkbookSnapshot,
  WritePlan,
} from '../../template/types';

export { readXlsxFile, writeXlsxFile, XlsxError } from './file';
import {
  GENERAL,
  spreadArrayFormulas,
  usedRangeSnapshot,
  type Area,
  type UsedCell,
} from './used-range';
import { hasStyle } from './style-book';

/** ExcelJS's ValueType numbers (a const enum in its typings, so not importable at run time). */
const ValueType = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

/** A plan that does not fit the workbook; nothing has been changed when it is thrown. */
export class PlanApplyError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
    this.name = 'PlanApplyError';
  }
}
const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel serial (1900 system); the 1904 system is 1462 days less. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/** Excel's serial number of a date, as stored in the file. */
function dateToSerial(date: Date, date1904: boolean): number {
  const serial = UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY - (date1904 ? DATE1904_OFFSET : 0);
  // ExcelJS rounds to the millisecond when it reads; undo the float noise that leaves.
  return Math.round(serial * 1e9) / 1e9;
}

function richTextToPlain(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text).join('');
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) {
    return richTextToPlain(value as ExcelJS.CellRichTextValue);
  }
  return value === null || value === undefined ? '' : String(value);
}

/** A formula's cached result, reduced like any other value; null when the file has none. */
function resultValue(result: unknown, date1904: boolean): CellValue {
  if (result === undefined || result === null) return null;
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') {
    return result;
  }
  if (result instanceof Date) return dateToSerial(result, date1904);
  if (typeof result === 'object' && 'error' in result) {
    return { error: String((result as ExcelJS.CellErrorValue).error) };
  }
  return textOf(result);
}

/** A cell's value as the reader sees it: a formula is its result, rich text is its text. */
function cellValue(cell: ExcelJS.Cell, date1904: boolean): CellValue {
  const value = cell.value;
  switch (cell.type as number) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Number:
    case ValueType.String:
    case ValueType.Boolean:
      return value as number | string | boolean;
    case ValueType.Date:
      return dateToSerial(value as Date, date1904);
    case ValueType.Hyperlink:
      return textOf((value as ExcelJS.CellHyperlinkValue).text);
    case ValueType.RichText:
      return richTextToPlain(value as ExcelJS.CellRichTextValue);
    case ValueType.Formula:
      return resultValue(cell.result, date1904);
    case ValueType.Error:
      return { error: String((value as ExcelJS.CellErrorValue).error) };
    default:
      return textOf(value);
  }
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
    .sheetProtection;
  return Boolean(protection && protection.sheet);
}

/** A formula's cell value as ExcelJS reads it; `shareType` and `ref` are not in its typings. */
interface FormulaCellValue {
  formula?: string;
  shareType?: string;
  ref?: string;
}

/**
 * The range of an array formula. The file stores the formula in the range's top-left cell only
 * (the others hold plain results), but in Excel every cell of the range holds it: Office.js
 * counts each as a formula cell, and none of them can be written on its own.
 */
function arrayRange(cell: ExcelJS.Cell): Area | null {
  const value = cell.value as FormulaCellValue | null;
  if (!value || value.shareType !== 'array' || !value.ref) return null;
  const [first, last = first] = value.ref.split(':');
  const a = parseA1(first);
  const b = parseA1(last);
  return a && b ? { top: a.row, left: a.col, bottom: b.row, right: b.col } : null;
}

/** Widens the area of the merge that covers `cell` (ExcelJS marks covered cells, not areas). */
function coverMerge(merges: Map<string, Area>, cell: ExcelJS.Cell, row: number, col: number) {
  const master = cell.master.fullAddress;
  const key = master.address;
  const area = merges.get(key) ?? {
    top: master.row - 1,
    left: master.col - 1,
    bottom: master.row - 1,
    right: master.col - 1,
  };
  area.top = Math.min(area.top, row);
  area.left = Math.min(area.left, col);
  area.bottom = Math.max(area.bottom, row);
  area.right = Math.max(area.right, col);
  merges.set(key, area);
}

/**
 * The number format of a cell that holds nothing, which Office.js reads as well (a unit may format
 * its Tỷ lệ column before any figure is in it): the cell's own, else its row's or its column's,
 * as Excel shows it (and as ExcelJS gives a new cell).
 */
function emptyCellFormat(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const cell = ws.findCell(row + 1, col + 1);
  if (cell) return cell.numFmt || GENERAL;
  // `columns` lists the columns ExcelJS has, without making new ones as getColumn would.
  const columns = (ws.columns ?? []) as Partial<ExcelJS.Column>[];
  return ws.findRow(row + 1)?.numFmt || columns[col]?.numFmt || GENERAL;
}

/**
 * One worksheet's used range (cells that hold a value or a formula), read in a single pass over
 * its cells, with the formula of every cell that has one and the merged areas whose top-left
 * cell lies in the used range, whole (what Office.js reports for the same sheet).
 */
export function snapshotWorksheet(ws: ExcelJS.Worksheet, date1904 = false): SheetSnapshot {
  const used: UsedCell[] = [];
  const merges = new Map<string, Area>();
  const arrays: { area: Area; formula: string }[] = [];
  ws.eachRow((row, rowNumber) => {
    row.eachCell((cell, colNumber) => {
      const type = cell.type as number;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (type === ValueType.Merge) coverMerge(merges, cell, r, c);
      if (type === ValueType.Merge || type === ValueType.Null) return;
      const formula = type === ValueType.Formula ? `=${cell.formula}` : null;
      used.push({
        row: r,
        col: c,
        value: cellValue(cell, date1904),
        numberFormat: cell.numFmt || GENERAL,
        formula,
      });
      const area = formula ? arrayRange(cell) : null;
      if (area && formula) arrays.push({ area, formula });
    });
  });
  if (arrays.length > 0) {
    spreadArrayFormulas(used, arrays, (row, col) => emptyCellFormat(ws, row, col));
  }
  return usedRangeSnapshot(
    { name: ws.name, protected: isProtected(ws), visible: ws.state === 'visible' },
    used,
    merges.values(),
    (row, col) => emptyCellFormat(ws, row, col),
  );
}

/** Every worksheet in tab order, and the workbook's defined names. */
export function snapshotFromExcelJs(wb: ExcelJS.Workbook, file?: string): WorkbookSnapshot {
  const date1904 = Boolean(wb.properties?.date1904);
  const names: Record<string, string> = {};
  for (const { name, ranges } of wb.definedNames.model) {
    if (ranges.length > 0) names[name] = ranges.join(',');
  }
  const snapshot: WorkbookSnapshot = {
    sheets: wb.worksheets.map((ws) => snapshotWorksheet(ws, date1904)),
    names,
  };
  if (file !== undefined) snapshot.file = file;
  return snapshot;
}

// -----------------------------------------------------------------------------------------------
// Writing

function argb(hex: string): string {
  const digits = hex.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(digits)) throw new Error(`Not a #RRGGBB colour: ${hex}`);
  return `FF${digits}`;
}

const THIN = { style: 'thin' } as const;

function styleSignature(style: CellStyle): string {
  return [
    style.numberFormat,
    style.fill,
    style.fontColor,
    style.bold,
    style.italic,
    style.fontSize,
    style.wrap,
    style.horizontal,
    style.vertical,
    style.border,
    style.fontName,
    style.underline,
  ]
    .map((v) => (v === undefined ? '~' : String(v)))
    .join('|');
}

function restyled(base: Partial<ExcelJS.Style>, style: CellStyle): Partial<ExcelJS.Style> {
  const next: Partial<ExcelJS.Style> = { ...base };
  // "General" is what a cell without a number format shows.
  if (style.numberFormat === 'General') delete next.numFmt;
  else if (style.numberFormat !== undefined) next.numFmt = style.numberFormat;
  if (style.fill !== undefined) {
    if (style.fill === null) delete next.fill;
    else next.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  }
  if (
    style.fontColor !== undefined ||
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.fontSize !== undefined ||
    style.fontName !== undefined ||
    style.underline !== undefined
  ) {
    const font: Partial<ExcelJS.Font> = { ...next.font };
    if (style.fontColor === null) delete font.color;
    else if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontSize !== undefined) font.size = style.fontSize;
    if (style.fontName !== undefined) font.name = style.fontName;
    if (style.underline !== undefined) font.underline = style.underline;
    // A font with nothing left is no font: the cell shows the workbook's default again.
    if (Object.keys(font).length > 0) next.font = font;
    else delete next.font;
  }
  if (style.wrap !== undefined || style.horizontal !== undefined || style.vertical !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...next.alignment };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.horizontal !== undefined) alignment.horizontal = style.horizontal;
    if (style.vertical !== undefined) alignment.vertical = style.vertical;
    next.alignment = alignment;
  }
  if (style.border === true) next.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  else if (style.border === false) delete next.border;
  return next;
}

/**
 * Restyles cells, changing only what the plan names. ExcelJS shares one style object (and its
 * font, fill…) between all cells read with the same style, so a cell never has a shared object
 * edited: it gets a new one. Cells that had the same style and get the same change share that new
 * object (never edited either), which keeps ExcelJS from serialising one style per cell on write.
 */
class Restyler {
  private readonly made = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
  private readonly unstyled = new Map<string, Partial<ExcelJS.Style>>();

  apply(cell: ExcelJS.Cell, style: CellStyle): void {
    if (!hasStyle(style)) return;
    const current = cell.style as Partial<ExcelJS.Style> | undefined;
    // A new cell gets a fresh empty style object of its own: all of those are one "no style".
    const base = current && Object.keys(current).length > 0 ? current : null;
    let byChange = base ? this.made.get(base) : this.unstyled;
    if (!byChange) {
      byChange = new Map();
      if (base) this.made.set(base, byChange);
    }
    const key = styleSignature(style);
    let next = byChange.get(key);
    if (!next) {
      next = restyled(base ?? {}, style);
      byChange.set(key, next);
    }
    cell.style = next;
  }
}

/** Strings stay strings: ExcelJS only makes a formula from a `{ formula }` object. */
function writeCell(ws: ExcelJS.Worksheet, write: CellWrite, restyler: Restyler): void {
  const cell = ws.getCell(write.row + 1, write.col + 1);
  if (write.link) {
    const text = write.value === null || write.value === '' ? write.link.cell : String(write.value);
    cell.value = {
      text,
      // An internal link is "#location"; one into another workbook is "file#location".
      hyperlink: `${write.link.file ?? ''}#${quoteSheetName(write.link.sheet)}!${write.link.cell}`,
    };
  } else {
    cell.value = write.value;
  }
  restyler.apply(cell, write);
}

function checkCell(sheet: string, write: CellWrite): void {
  if (
    !Number.isInteger(write.row) ||
    !Number.isInteger(write.col) ||
    write.row < 0 ||
    write.col < 0
  ) {
    throw new Error(`Write plan for "${sheet}" has a bad cell position ${write.row},${write.col}`);
  }
  if (typeof write.value === 'number' && !Number.isFinite(write.value)) {
    throw new Error(`Write plan for "${sheet}" writes ${write.value} at ${write.row},${write.col}`);
  }
}

/**
 * ExcelJS sends a value written to a covered cell of a merge to the merge's top-left cell, which
 * may be another rule row's output: refuse rather than write into the wrong row.
 */
function checkNotMergedInto(ws: ExcelJS.Worksheet, write: CellWrite): void {
  const cell = ws.findCell(write.row + 1, write.col + 1);
  if (!cell || (cell.type as number) !== ValueType.Merge) return;
  const master = cell.master.address;
  throw new PlanApplyError({
    vi: `Trang "${ws.name}", ô ${cell.address} nằm trong vùng gộp ô bắt đầu từ ${master}; hãy bỏ gộp ô (Unmerge) rồi đánh giá lại.`,
    en: `Sheet "${ws.name}", cell ${cell.address} is inside cells merged from ${master}; unmerge them and evaluate again.`,
  });
}

/** The reference strings of a defined name, split at commas outside quoted sheet names. */
function splitReferences(reference: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < reference.length; i++) {
    const ch = reference[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      parts.push(reference.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(reference.slice(start));
  return parts.map((p) => p.trim().replace(/^=/, '')).filter((p) => p !== '');
}

/**
 * Names are rewritten through ExcelJS's `model`, which holds each name as its list of ranges:
 * removing a name cell by cell would leave the rest of a multi-cell range behind.
 */
function updateDefinedNames(
  wb: ExcelJS.Workbook,
  remove: readonly string[],
  set: Record<string, string>,
): void {
  const gone = new Set([...remove, ...Object.keys(set)]);
  if (gone.size === 0) return;
  const kept = wb.definedNames.model.filter((name) => !gone.has(name.name));
  const added = Object.entries(set).map(([name, reference]) => ({
    name,
    ranges: splitReferences(reference),
  }));
  wb.definedNames.model = [...kept, ...added];
}

const A4 = 9;

type WithOrder = ExcelJS.Worksheet & { orderNo: number };

/** A whole new sheet; `replace` swaps an earlier add-in summary for it at the same tab position. */
export function addSheetPlan(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  for (const write of plan.cells) checkCell(plan.name, write);
  const existing = wb.getWorksheet(plan.name);
  if (existing && !plan.replace) {
    throw new PlanApplyError({
      vi: `Đã có trang "${plan.name}" do người dùng tạo; không ghi đè lên nó.`,
      en: `A sheet "${plan.name}" made by the user already exists; it is not overwritten.`,
    });
  }
  // ExcelJS orders tabs by `orderNo`, which its typings leave out.
  const orderNo = existing ? (existing as WithOrder).orderNo : undefined;
  if (existing) wb.removeWorksheet(existing.id);

  const views: Partial<ExcelJS.WorksheetView>[] =
    plan.freeze.rows > 0 || plan.freeze.columns > 0
      ? [{ state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }]
      : [];
  const ws = wb.addWorksheet(plan.name, { views });
  if (orderNo !== undefined) (ws as WithOrder).orderNo = orderNo;
  if (plan.page) applyPageSetup(ws, plan.page);
  plan.columnWidths.forEach((width, i) => {
    if (width > 0) ws.getColumn(i + 1).width = width;
  });
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    ws.getRow(Number(row) + 1).height = height;
  }
  const restyler = new Restyler();
  const font = plan.defaultFont;
  for (const write of plan.cells) {
    // Every cell names its font: a style without one falls back to the workbook's (SPEC §10).
    const named: CellWrite = font
      ? { ...write, fontName: write.fontName ?? font.name, fontSize: write.fontSize ?? font.size }
      : write;
    writeCell(ws, named, restyler);
  }
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  plan.dataBars?.forEach((bar, i) => {
    ws.addConditionalFormatting({
      ref: `${toA1(bar.top, bar.left)}:${toA1(bar.bottom, bar.right)}`,
      rules: [
        {
          type: 'dataBar',
          priority: i + 1,
          // Rates: an empty bar at 0 %, a full one at 100 % (and beyond).
          cfvo: [
            { type: 'num', value: 0 },
            { type: 'num', value: 1 },
          ],
          color: { argb: argb(bar.color) },
        } as unknown as ExcelJS.DataBarRuleType,
      ],
    });
  });
  return ws;
}

/** Paper, scale, margins, repeated rows and columns, footer and page breaks of SPEC §10. */
function applyPageSetup(ws: ExcelJS.Worksheet, page: PageSetup): void {
  const fit = page.fitToWidth !== undefined || page.fitToHeight !== undefined;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: page.orientation,
    paperSize: A4,
    fitToPage: fit,
    ...(fit ? { fitToWidth: page.fitToWidth ?? 0, fitToHeight: page.fitToHeight ?? 0 } : {}),
    ...(page.scale !== undefined ? { scale: page.scale } : {}),
    ...(page.horizontalCentered !== undefined
      ? { horizontalCentered: page.horizontalCentered }
      : {}),
    ...(page.margins ? { margins: page.margins } : {}),
  };
  if (page.printTitleRows) {
    ws.pageSetup.printTitlesRow = `${page.printTitleRows.first + 1}:${page.printTitleRows.last + 1}`;
  }
  if (page.printTitleColumns) {
    const { first, last } = page.printTitleColumns;
    ws.pageSetup.printTitlesColumn = `${columnLetters(first)}:${columnLetters(last)}`;
  }
  if (page.footer !== undefined) ws.headerFooter = { ...ws.headerFooter, oddFooter: page.footer };
  // ExcelJS breaks after the row given (1-based): the row before the 0-based row that starts a page.
  for (const row of page.rowBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
}

/**
 * Applies a plan in memory. Everything is checked before anything changes, so a plan that does
 * not fit the workbook (a sheet gone, a sheet protected) leaves the workbook as it was.
 */
export function applyPlanToExcelJs(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const targets = plan.sheets.map((writes) => {
    const ws = wb.getWorksheet(writes.sheet);
    if (!ws) {
      throw new PlanApplyError({
        vi: `Không còn trang "${writes.sheet}" để ghi kết quả.`,
        en: `Sheet "${writes.sheet}" is no longer there to write the results to.`,
      });
    }
    if (isProtected(ws) && writes.cells.length > 0) {
      throw new PlanApplyError({
        vi: `Trang "${writes.sheet}" đang được bảo vệ (Bảo vệ Trang tính); hãy bỏ bảo vệ rồi đánh giá lại.`,
        en: `Sheet "${writes.sheet}" is protected; unprotect it and evaluate again.`,
      });
    }
    for (const write of writes.cells) {
      checkCell(writes.sheet, write);
      checkNotMergedInto(ws, write);
    }
    return { ws, writes };
  });

  for (const name of plan.deleteSheets ?? []) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  const restyler = new Restyler();
  for (const { ws, writes } of targets) {
    for (const write of writes.cells) writeCell(ws, write, restyler);
  }
  updateDefinedNames(wb, plan.deleteNames ?? [], plan.setNames ?? {});
  if (plan.summary) addSheetPlan(wb, plan.summary);
  for (const extra of plan.extraSheets ?? []) addSheetPlan(wb, extra);
}
