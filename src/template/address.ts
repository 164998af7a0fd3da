/**
 * A1 addresses and sheet references, the way Excel writes them: columns A…Z, AA…; sheet names
 * quoted when they are not plain identifiers, with apostrophes doubled ("'Báo cáo'!F12").
 */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col0: number): string {
  let n = Math.floor(col0) + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based row and column → "F12". */
export function toA1(row0: number, col0: number): string {
  return `${columnLetters(col0)}${Math.floor(row0) + 1}`;
}

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
/** Excel's last column is XFD (16,384 columns) and last row 1,048,576. */
const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;

/** "F12", "$F$12" → 0-based { row, col }; null for anything else. */
export function parseA1(a1: string): { row: number; col: number } | null {
  const m = A1_PATTERN.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

/** Names Excel accepts without quotes: a letter or "_" first, then letters, digits, "_" or ".". */
const PLAIN_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** Plain names that would read as a cell (A1 or R1C1) still need quotes. */
const LOOKS_LIKE_CELL = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$/;

/** "Sheet1" → "Sheet1"; "Báo cáo" → "'Báo cáo'"; "Bob's" → "'Bob''s'". */
export function quoteSheetName(name: string): string {
  if (PLAIN_SHEET_NAME.test(name) && !LOOKS_LIKE_CELL.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Báo cáo'!F12". */
export function sheetRef(sheet: string, a1: string): string {
  return `${quoteSheetName(sheet)}!${a1}`;
}

/** A rectangular range of one sheet, 0-based inclusive. */
export interface SheetRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "'Báo cáo'!$H$5:$J$5" for a range (a single cell when it is one). */
export function rangeRef(range: SheetRange): string {
  const start = `$${columnLetters(range.left)}$${range.top + 1}`;
  const single = range.top === range.bottom && range.left === range.right;
  const end = `$${columnLetters(range.right)}$${range.bottom + 1}`;
  return `${quoteSheetName(range.sheet)}!${single ? start : `${start}:${end}`}`;
}

/**
 * Reads a reference as a defined name holds it ("'Báo cáo'!$H$5:$J$5", "=Sheet1!$A$1", with or
 * without quotes); null for anything else, e.g. "#REF!" after the sheet was deleted.
 */
export function parseRangeRef(reference: string): SheetRange | null {
  const text = reference.trim().replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 3) return null;
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const [startText, endText, extra] = text.slice(bang + 1).split(':');
  if (extra !== undefined) return null;
  const start = parseA1(startText);
  const end = endText === undefined ? start : parseA1(endText);
  if (!start || !end) return null;
  return {
    sheet,
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}
