import type { Catalogue, Localized } from '../catalogue/types';
import type {
  ConsolidatedResult,
  RuleInput,
  RuleLocation,
  RuleResult,
  TargetOverride,
} from '../engine/types';

/**
 * A cell value as both adapters deliver it: Office.js `values` and ExcelJS results reduce to this.
 * A formula cell is its computed value. Excel errors are `{ error: '#DIV/0!' }`.
 */
export type CellValue = string | number | boolean | null | { error: string };

/** A plain, serialisable copy of one worksheet's used range. */
export interface SheetSnapshot {
  name: string;
  /** 0-based absolute row and column of values[0][0] (the used range may not start at A1). */
  origin: { row: number; col: number };
  /** Rectangular, rows × columns. */
  values: CellValue[][];
  /** Same shape as values; "General" where none. */
  numberFormats: string[][];
  /**
   * Same shape as values: non-null where the cell holds a formula (its text, or just "=" when the
   * adapter knows only that there is one); omitted when the adapter did not look.
   */
  formulas?: (string | null)[][];
  /** Merged areas that overlap the used range, 0-based absolute and inclusive; omitted if unknown. */
  merges?: { top: number; left: number; bottom: number; right: number }[];
  /** Whether the sheet is protected (writing to it would fail). */
  protected?: boolean;
  /** Sheet visibility; hidden sheets are still read. */
  visible?: boolean;
}

export interface WorkbookSnapshot {
  /** Every worksheet, in tab order. */
  sheets: SheetSnapshot[];
  /** Workbook-level defined names (name → reference such as "'Báo cáo'!$H$5:$J$5"). */
  names?: Record<string, string>;
  /** The file the workbook came from (CLI), for issues and JSON. */
  file?: string;
}

export type ColumnKey =
  | 'stt'
  | 'code'
  | 'content'
  | 'unit'
  | 'target'
  | 'actual'
  | 'denominator'
  | 'rate'
  | 'gap'
  | 'status'
  | 'note';

export type OutputColumnKey = 'rate' | 'gap' | 'status';

export type Severity = 'error' | 'warning' | 'info';

/** A problem with the template or its input, always pointing at a sheet and (usually) a cell. */
export interface TemplateIssue {
  severity: Severity;
  /** Stable identifier of the kind of problem, e.g. "duplicate-code", "header-missing-actual". */
  kind: string;
  file?: string;
  sheet: string;
  /** A1 address, or null for sheet-wide problems. */
  cell: string | null;
  message: Localized;
  /** The rule concerned, when there is one. */
  code?: string;
}

/** One rule row of a report sheet. */
export interface RuleRow {
  code: string;
  /** 0-based absolute row. */
  row: number;
  input: RuleInput;
  location: RuleLocation;
  /** A1 address of each output cell of the row. */
  outputCells: Record<OutputColumnKey, string>;
  /**
   * Output cells of the row that neither evaluation nor clear may touch (an issue says why): one
   * that holds the unit's own formula, or all three when one of them lies in a merged area.
   */
  keptOutputs?: OutputColumnKey[];
  /**
   * The target typed in the row's Chỉ tiêu cell, read even when it equals the plan's (which
   * `input.target` leaves out): an allocated target is compared with it (SPEC §9).
   */
  typedTarget?: TargetOverride;
}

/** A sheet recognised as a report sheet, read into rule rows. */
export interface ReportSheet {
  sheet: string;
  /** From "Đơn vị báo cáo", or the sheet's name. */
  unit: string;
  year: number | null;
  /**
   * Months the report covers (SPEC §2 "Kỳ báo cáo"), 1…11, and the cell that says so; absent for
   * a whole-year report.
   */
  period?: number;
  periodCell?: string;
  /** 0-based absolute row of the (lower) header row. */
  headerRow: number;
  /** 0-based absolute column of each recognised column. */
  columns: Partial<Record<ColumnKey, number>>;
  /** Output columns, existing or to be added after the last header column. */
  outputColumns: Record<OutputColumnKey, number>;
  /** Output columns that the sheet lacks and evaluation adds (header label written). */
  addedOutputColumns: OutputColumnKey[];
  rows: RuleRow[];
  /** Catalogue codes absent from the sheet. */
  missingCodes: string[];
  /**
   * True when output columns must be added but the cells where they would go are not empty: the
   * sheet is evaluated but nothing is written to it (an error issue says why).
   */
  outputBlocked?: boolean;
  /**
   * Rows whose code is also on another row (SPEC §3): none is evaluated, and each gets "Lỗi số
   * liệu" written in its Đánh giá cell (SPEC §9) so a reviewer sees it in the sheet.
   */
  duplicateCodeRows?: { code: string; row: number; statusCell: string; keepStatus?: boolean }[];
}

export interface UnitResults {
  report: ReportSheet;
  file?: string;
  results: RuleResult[];
  /**
   * Another report of the same unit holds different figures (SPEC §9): which one is right is
   * unknown, so neither is in the consolidation (each counts in `unitsLacking`).
   */
  conflict?: boolean;
}

/** The allocated units that reported and those that did not (SPEC §9). */
export interface ReportingUnits {
  /** The allocation sheet ("Giao chỉ tiêu"). */
  sheet: string;
  file?: string;
  /** Every unit of the allocation, in its column order. */
  allocated: string[];
  /** Allocated units with a report, as the allocation spells them. */
  reported: string[];
  /** Allocated units with no report: who the secretariat must still chase. */
  missing: string[];
}

/** Everything one evaluation produces, before anything is written. */
export interface Evaluation {
  units: UnitResults[];
  consolidated: ConsolidatedResult[];
  issues: TemplateIssue[];
  /** The catalogue the workbooks were evaluated against (absent: the 2020 catalogue). */
  catalogue?: Catalogue;
  /**
   * Reports of a unit that an earlier report of the same unit already gives with identical
   * figures (SPEC §9): their sheets get their results written, but they are not among `units`.
   */
  ignoredUnits?: UnitResults[];
  /** Present when an allocation was used: who has reported and who has not. */
  reporting?: ReportingUnits;
  /**
   * The units' common report period in months, when it is shorter than the year (SPEC §2);
   * absent for whole-year reports and when the periods differ (then nothing is consolidated).
   */
  period?: number;
}

// ---------------------------------------------------------------------------------------------
// Write plans: what an adapter must do to a workbook. Plain data, so they can be tested, sized
// and applied by Office.js or ExcelJS alike.

export interface CellStyle {
  numberFormat?: string;
  /** '#RRGGBB'; null removes the fill. */
  fill?: string | null;
  /** '#RRGGBB'; null restores the automatic colour. */
  fontColor?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  border?: boolean;
  /** The typeface; absent in a SheetPlan cell: the plan's `defaultFont`. */
  fontName?: string;
  underline?: boolean;
}

/**
 * One cell to write. Strings are always literal text: an adapter must never let a string that
 * begins with "=", "+", "-" or "@" become a formula. null empties the cell.
 */
export interface CellWrite extends CellStyle {
  /** 0-based absolute row and column. */
  row: number;
  col: number;
  value: string | number | null;
  /**
   * A link to a cell: of this workbook, or of another workbook file (`file`, a path relative to
   * the folder of the workbook holding the link, with "/" separators).
   */
  link?: { sheet: string; cell: string; file?: string };
}

export interface SheetWrites {
  sheet: string;
  cells: CellWrite[];
}

/** A whole new sheet: the summary "Tổng hợp", or a blank report template. */
export interface SheetPlan {
  /** "Tổng hợp", or "Tổng hợp (2)" when the user owns a sheet of that name. */
  name: string;
  /** A sheet of this name exists and was made by the add-in: replace it. */
  replace: boolean;
  cells: CellWrite[];
  /** 0-based inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Width of each column in characters (Excel's column width unit), index 0 = column A. */
  columnWidths: number[];
  freeze: { rows: number; columns: number };
  page?: PageSetup;
  /** The font of every cell of the plan that names none (SPEC §10: one typeface). */
  defaultFont?: { name: string; size: number };
  /** 0-based row → height in points, set explicitly (LibreOffice does not re-fit rows on load). */
  rowHeights?: Record<number, number>;
  /** Data bars (conditional formats) over these 0-based inclusive areas. */
  dataBars?: DataBarPlan[];
  /** A native chart; only the Office.js adapter makes it, and a failure costs only the chart. */
  chart?: ChartPlan;
}

/** How a sheet prints (SPEC §10). Rows and columns are 0-based and inclusive. */
export interface PageSetup {
  orientation: 'landscape' | 'portrait';
  paperSize: 'A4';
  /** Pages wide and high to fit to (0 = as many as needed); absent: print at `scale`. */
  fitToWidth?: number;
  fitToHeight?: number;
  /** Print scale in percent (10–400); manual row breaks hold only without fit-to-page. */
  scale?: number;
  printTitleRows?: { first: number; last: number };
  printTitleColumns?: { first: number; last: number };
  /** Excel header/footer codes, e.g. "&CTrang &P/&N". */
  footer?: string;
  horizontalCentered?: boolean;
  /** Inches. */
  margins?: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  /** 0-based rows before which a page breaks (a heading kept with its table). */
  rowBreaks?: number[];
}

export interface DataBarPlan {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** '#RRGGBB' */
  color: string;
}

/** A native bar chart (Office.js only); areas are 0-based and inclusive. */
export interface ChartPlan {
  type: 'barClustered' | 'barStacked100';
  title: string;
  /** One series per column; its first row holds the series' names. */
  source: { top: number; left: number; bottom: number; right: number };
  /** The category labels, one per data row of `source` (a column elsewhere on the sheet). */
  labels: { top: number; left: number; bottom: number; right: number };
  /** Where the chart's top-left corner goes, and how many columns and rows it covers. */
  anchor: { row: number; col: number; rows: number; columns: number };
  /** '#RRGGBB' per series, in order. */
  colors?: string[];
}

export interface WritePlan {
  /** Output cells of report sheets (values, formats, fills, fonts), and added header labels. */
  sheets: SheetWrites[];
  /** Make or replace the summary sheet; absent: leave summaries alone. */
  summary?: SheetPlan;
  /** More sheets made with the summary (the unit matrix "Tổng hợp theo đơn vị"), applied like it. */
  extraSheets?: SheetPlan[];
  /** Summary sheets made by the add-in to delete (clear). */
  deleteSheets?: string[];
  /** Defined names to set (name → reference) and to remove; used to remember added columns. */
  setNames?: Record<string, string>;
  deleteNames?: string[];
}
