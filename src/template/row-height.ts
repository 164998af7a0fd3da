/**
 * Row heights that fit wrapped text (SPEC §10). LibreOffice does not re-fit rows when it opens a
 * file, and Excel fits only rows it edits, so every row of a sheet the product makes gets an
 * explicit height, estimated from the text, its font and the width of its column (or of its merged
 * columns).
 *
 * Widths are Times New Roman's advance widths (the Adobe core Times-Roman and Times-Bold metrics,
 * which Times New Roman and Liberation Serif share), in thousandths of an em, for the printable
 * ASCII characters. Vietnamese letters are their base letter: the tone and vowel marks stack above
 * or below it without widening it. A table of 190 numbers costs the pane nothing; a text-width
 * library (string-pixel-width, @pdf-lib/standard-fonts) would bring every font's metrics along.
 */
import type { CellWrite, SheetPlan } from './types';

// prettier-ignore
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space … /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0 … ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ … O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P … _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` … o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, //      p … ~
];
// prettier-ignore
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
  930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
  333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
  556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
/** Characters outside the table: the ellipsis and dashes the product writes, else an "n". */
const OTHER: Record<string, number> = { '…': 1000, '–': 500, '—': 1000, '≥': 564, '≤': 564 };
const FALLBACK = 500;

/** The text of a character for width purposes: its base letter (đ → d, ơ → o, ư → u). */
function baseLetter(ch: string): string {
  if (ch === 'đ') return 'd';
  if (ch === 'Đ') return 'D';
  return ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '') || ch;
}

/** The width of `text` in ems. */
export function textWidthEm(text: string, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let width = 0;
  for (const ch of text) {
    const base = baseLetter(ch);
    const code = base.charCodeAt(0);
    const w =
      base.length === 1 && code >= 32 && code <= 126 ? table[code - 32] : (OTHER[ch] ?? FALLBACK);
    width += w;
  }
  // Hooked ơ and ư are a little wider than o and u; the margin below covers them.
  return width / 1000;
}

/**
 * A column width in Excel's characters to points. Excel and LibreOffice count characters in the
 * workbook's default font, whatever the cells' font: Calibri 11 has a 7-pixel digit (and 5 pixels
 * of padding); where Calibri is missing LibreOffice measures its stand-in (DejaVu Sans, about 9.6
 * pixels). Text wraps in the narrowest of these (so rows are never too short) and pages are laid
 * out for the widest (so a sheet never spills onto a second page across). A pixel is 0.75 pt.
 */
export const NARROW_DIGIT_PX = 7;
export const WIDE_DIGIT_PX = 9.6;

export function columnPoints(characters: number, digitPx = NARROW_DIGIT_PX): number {
  return Math.trunc(characters * digitPx + 5) * 0.75;
}

/** Inner margins of a cell (both sides), and a share of the width held back for safety. */
const CELL_PADDING_PT = 4;
const SAFETY = 0.92;

/** Lines that `text` wraps to in a cell `widthPt` wide, breaking at spaces like a spreadsheet. */
export function wrappedLines(text: string, widthPt: number, sizePt: number, bold = false): number {
  const room = Math.max(1, (widthPt - CELL_PADDING_PT) * SAFETY) / sizePt;
  const space = textWidthEm(' ', bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      let w = textWidthEm(word, bold);
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the cell breaks inside it.
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return lines;
}

/** Line height of Times New Roman (Excel's 16.5 pt row at 13 pt), and the row's spare points. */
const LINE_FACTOR = 1.25;
const ROW_PADDING_PT = 3;

/** The height a row needs for `lines` lines of text of `sizePt`. */
export function rowHeightFor(lines: number, sizePt: number): number {
  return Math.ceil((lines * sizePt * LINE_FACTOR + ROW_PADDING_PT) * 4) / 4;
}

/** The text a cell shows, roughly: numbers as their digits with grouping and a decimal or two. */
function shownText(cell: CellWrite): string {
  if (cell.value === null) return '';
  if (typeof cell.value === 'number') return `${cell.value.toFixed(2)}%`;
  return cell.value;
}

/**
 * Every row of the plan that holds text gets the height of its tallest cell: wrapped cells by
 * their lines in the width of their column or merged columns, others by their font size.
 */
export function estimateRowHeights(plan: SheetPlan): Record<number, number> {
  const defaultSize = plan.defaultFont?.size ?? 11;
  const widthOf = (col: number) => columnPoints(plan.columnWidths[col] ?? 8.43);
  const mergeAt = new Map<string, SheetPlan['merges'][number]>();
  for (const m of plan.merges) mergeAt.set(`${m.top}:${m.left}`, m);
  const heights: Record<number, number> = {};
  for (const cell of plan.cells) {
    const size = cell.fontSize ?? defaultSize;
    const merge = mergeAt.get(`${cell.row}:${cell.col}`);
    // A merge over several rows shares its height out; the product merges along rows only.
    if (merge && merge.bottom > merge.top) continue;
    let lines = 1;
    if (cell.wrap) {
      let width = 0;
      for (let c = cell.col; c <= (merge?.right ?? cell.col); c++) width += widthOf(c);
      lines = wrappedLines(shownText(cell), width, size, cell.bold ?? false);
    }
    const height = rowHeightFor(lines, size);
    heights[cell.row] = Math.max(heights[cell.row] ?? 0, height);
  }
  return heights;
}
