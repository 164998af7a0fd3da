/**
 * What makes a sheet the product makes print like an office's document (SPEC §10): one typeface,
 * the administrative header and the signature block, the footer with page numbers, a print scale
 * that keeps text at 9 pt or more, and page breaks that never leave a heading alone at the foot of
 * a page. The template, the plan sheet and the summary all go through here.
 */
import type { Lang } from '../catalogue/types';
import { columnPoints, estimateRowHeights, WIDE_DIGIT_PX } from './row-height';
import type { CellStyle, CellWrite, PageSetup, SheetPlan } from './types';

/** The administrative standard's typeface and body size. */
export const FONT_NAME = 'Times New Roman';
export const BODY_SIZE = 13;
export const TITLE_SIZE = 15;
/** Dots the user fills in. */
export const DOTS = '……………';

type Span = { left: number; right: number };

/** Cells and merges of a block of rows, placed from `row` on. */
export interface Block {
  cells: CellWrite[];
  merges: SheetPlan['merges'];
  /** The first row after the block. */
  nextRow: number;
}

const HEADER_TEXT: Record<
  Lang,
  { confederation: string; federation: string; republic: string; motto: string }
> = {
  vi: {
    confederation: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM',
    federation: `LIÊN ĐOÀN LAO ĐỘNG TỈNH ${DOTS}`,
    republic: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
  },
  en: {
    confederation: 'VIETNAM GENERAL CONFEDERATION OF LABOUR',
    federation: `PROVINCIAL LABOUR FEDERATION OF ${DOTS}`,
    republic: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: 'Independence - Freedom - Happiness',
  },
};

const CENTER: CellStyle = { horizontal: 'center', vertical: 'middle', wrap: true };

/** The styles of the tables the product makes: a header row, a section heading, a body cell. */
export const TABLE_HEADER: CellStyle = {
  bold: true,
  fill: '#DDEBF7',
  wrap: true,
  horizontal: 'center',
  vertical: 'middle',
  border: true,
};
export const TABLE_SECTION: CellStyle = { bold: true, fill: '#EDEDED', border: true };
export const TABLE_BODY: CellStyle = { border: true, vertical: 'top' };

/** A block being laid out: centred text in a span of columns, merged across it. */
function blockWriter() {
  const cells: CellWrite[] = [];
  const merges: SheetPlan['merges'] = [];
  const put = (r: number, span: Span, value: string, style: CellStyle) => {
    cells.push({ row: r, col: span.left, value, ...CENTER, ...style });
    if (span.right > span.left) {
      merges.push({ top: r, left: span.left, bottom: r, right: span.right });
    }
  };
  return { cells, merges, put };
}

/** "……, ngày 15 tháng 3 năm 2026", or dots for every part when the date is not known. */
export function placeAndDate(lang: Lang, date?: Date): string {
  const d = date ? String(date.getDate()) : '……';
  const m = date ? String(date.getMonth() + 1) : '……';
  const y = date ? String(date.getFullYear()) : '……';
  return lang === 'vi'
    ? `${DOTS}, ngày ${d} tháng ${m} năm ${y}`
    : `${DOTS}, ${date ? `${d}/${m}/${y}` : 'date ……'}`;
}

export interface AdministrativeHeaderOptions {
  lang: Lang;
  /** The second line on the left: the unit or the federation; dots when unknown. */
  organisation?: string;
  /** The date of the place-and-date line; dots when absent. */
  date?: Date;
  left: Span;
  right: Span;
}

/**
 * The administrative header: the confederation over the federation (or the unit) on the left, the
 * national name over the motto on the right, then the place-and-date line on the right.
 */
export function administrativeHeader(row: number, opts: AdministrativeHeaderOptions): Block {
  const text = HEADER_TEXT[opts.lang];
  const organisation = opts.organisation?.trim()
    ? opts.organisation.trim().toLocaleUpperCase('vi')
    : text.federation;
  const { cells, merges, put } = blockWriter();
  put(row, opts.left, text.confederation, {});
  put(row, opts.right, text.republic, { bold: true });
  put(row + 1, opts.left, organisation, { bold: true });
  put(row + 1, opts.right, text.motto, { bold: true, underline: true });
  put(row + 2, opts.right, placeAndDate(opts.lang, opts.date), { italic: true });
  return { cells, merges, nextRow: row + 3 };
}

const SIGNATURE_TEXT: Record<
  Lang,
  { preparer: string; preparerHint: string; onBehalf: string; chair: string; chairHint: string }
> = {
  vi: {
    preparer: 'NGƯỜI LẬP BIỂU',
    preparerHint: '(Ký, ghi rõ họ tên)',
    onBehalf: 'TM. BAN THƯỜNG VỤ',
    chair: 'CHỦ TỊCH',
    chairHint: '(Ký tên, đóng dấu)',
  },
  en: {
    preparer: 'PREPARED BY',
    preparerHint: '(Signature and full name)',
    onBehalf: 'FOR THE STANDING COMMITTEE',
    chair: 'CHAIR',
    chairHint: '(Signature and seal)',
  },
};

/** Blank rows left for the signatures. */
const SIGNING_ROWS = 3;

/**
 * The signature block: the person who made the table on the left, the standing committee's chair
 * on the right, room to sign, and dots for both names.
 */
export function signatureBlock(row: number, opts: { lang: Lang; left: Span; right: Span }): Block {
  const text = SIGNATURE_TEXT[opts.lang];
  const { cells, merges, put } = blockWriter();
  put(row, opts.left, text.preparer, { bold: true });
  put(row, opts.right, text.onBehalf, { bold: true });
  put(row + 1, opts.left, text.preparerHint, { italic: true });
  put(row + 1, opts.right, text.chair, { bold: true });
  put(row + 2, opts.right, text.chairHint, { italic: true });
  const names = row + 3 + SIGNING_ROWS;
  put(names, opts.left, DOTS + DOTS, {});
  put(names, opts.right, DOTS + DOTS, {});
  return { cells, merges, nextRow: names + 1 };
}

/** "Trang 2/5" in the footer's centre, in the sheet's typeface. */
export function pageFooter(lang: Lang): string {
  const font = `&"${FONT_NAME},Regular"&11`;
  return lang === 'vi' ? `&C${font}Trang &P/&N` : `&C${font}Page &P of &N`;
}

// ---------------------------------------------------------------------------------------------
// Pages

/** A4 in points, and the margins every sheet prints with (inches). */
const A4_PT = { short: 595.3, long: 841.9 };
export const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Text never prints smaller than this (SPEC §10). */
export const MIN_PRINTED_PT = 9;
/** A share of each page held back, so a page computed full is never one line too long. */
const PAGE_SAFETY = 0.96;

export interface PrintOptions {
  lang: Lang;
  orientation: 'landscape' | 'portrait';
  /** Rows repeated on every page (the table's header). */
  titleRows?: { first: number; last: number };
  /** Columns repeated on every page (code and content of the unit matrix). */
  titleColumns?: { first: number; last: number };
  /** Groups of rows never split across pages: a heading and the first rows under it. */
  keepTogether?: { first: number; last: number }[];
  /** Print the sheet one page wide (else at the smallest scale that keeps 9 pt). */
  oneWide?: boolean;
}

/** The rows' printed heights in points. */
function heightOf(heights: Record<number, number>, row: number): number {
  return heights[row] ?? 15;
}

/**
 * Row breaks for pages of `pageHeight` (points, before scaling by `scale`): a page ends where the
 * next row no longer fits, or earlier where a group kept together would be split.
 */
export function pageBreaks(
  lastRow: number,
  heights: Record<number, number>,
  pageHeight: number,
  titleRows: { first: number; last: number } | undefined,
  keepTogether: { first: number; last: number }[],
): number[] {
  const titleHeight = titleRows
    ? Array.from({ length: titleRows.last - titleRows.first + 1 }, (_, i) =>
        heightOf(heights, titleRows.first + i),
      ).reduce((a, b) => a + b, 0)
    : 0;
  const groupAt = new Map(keepTogether.map((g) => [g.first, g]));
  const breaks: number[] = [];
  let pageStart = 0;
  let used = 0;
  const rowsHeight = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += heightOf(heights, r);
    return h;
  };
  for (let row = 0; row <= lastRow; row++) {
    const h = heightOf(heights, row);
    const group = groupAt.get(row);
    const groupHeight = group ? rowsHeight(group.first, Math.min(group.last, lastRow)) : h;
    const fits = used + Math.max(h, groupHeight) <= pageHeight;
    if (!fits && row > pageStart) {
      breaks.push(row);
      pageStart = row;
      // Title rows repeat above the rows of every later page.
      used = titleRows && row > titleRows.last ? titleHeight : 0;
    }
    used += h;
  }
  return breaks;
}

/**
 * Finishes a sheet for print: Times New Roman at 13 pt wherever a cell names no font, row heights
 * that fit the text, A4 with margins, the footer, repeated header rows and columns, a scale that
 * fits the width (or keeps 9 pt for wide sheets) and page breaks that keep headings with their
 * tables.
 */
export function finishForPrint(plan: SheetPlan, opts: PrintOptions): SheetPlan {
  const withFont: SheetPlan = { ...plan, defaultFont: { name: FONT_NAME, size: BODY_SIZE } };
  const rowHeights = estimateRowHeights(withFont);
  const landscape = opts.orientation === 'landscape';
  const pageWidth = (landscape ? A4_PT.long : A4_PT.short) - (MARGINS.left + MARGINS.right) * 72;
  const pageHeight = (landscape ? A4_PT.short : A4_PT.long) - (MARGINS.top + MARGINS.bottom) * 72;
  const sheetWidth = plan.columnWidths.reduce((sum, w) => sum + columnPoints(w, WIDE_DIGIT_PX), 0);
  const smallest = Math.min(BODY_SIZE, ...plan.cells.map((c) => c.fontSize ?? BODY_SIZE));
  const minScale = Math.ceil((MIN_PRINTED_PT / smallest) * 100);
  const fitScale = Math.floor((pageWidth / sheetWidth) * 100);
  const scale = Math.max(minScale, Math.min(100, opts.oneWide === false ? minScale : fitScale));
  const lastRow = Math.max(0, ...plan.cells.map((c) => c.row));
  const rowBreaks = pageBreaks(
    lastRow,
    rowHeights,
    (pageHeight * PAGE_SAFETY * 100) / scale,
    opts.titleRows,
    opts.keepTogether ?? [],
  );
  const page: PageSetup = {
    orientation: opts.orientation,
    paperSize: 'A4',
    scale,
    footer: pageFooter(opts.lang),
    horizontalCentered: true,
    margins: MARGINS,
  };
  if (opts.titleRows) page.printTitleRows = opts.titleRows;
  if (opts.titleColumns) page.printTitleColumns = opts.titleColumns;
  if (rowBreaks.length > 0) page.rowBreaks = rowBreaks;
  return { ...withFont, rowHeights, page };
}
