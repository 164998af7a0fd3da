/**
 * A1 addresses for the in-memory host. Its own, deliberately: the host stands in for Excel, so it
 * must not share the code under test (src/template/address.ts).
 */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnName(col: number): string {
  let n = col + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellKey(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

export function parseCell(text: string): { row: number; col: number } | null {
  const m = CELL.exec(text.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLUMNS) return null;
  return { row, col };
}

/** "B2", "B2:K40", "A:C" (whole columns) or "3:5" (whole rows), without a sheet name. */
export function parseRect(address: string): Rect | null {
  const [a, b = a, extra] = address.trim().split(':');
  if (extra !== undefined) return null;
  const c1 = parseCell(a);
  const c2 = parseCell(b);
  if (c1 && c2) {
    return {
      top: Math.min(c1.row, c2.row),
      left: Math.min(c1.col, c2.col),
      bottom: Math.max(c1.row, c2.row),
      right: Math.max(c1.col, c2.col),
    };
  }
  const k1 = COLUMN.exec(a);
  const k2 = COLUMN.exec(b);
  if (k1 && k2) {
    const l = columnIndex(k1[1]);
    const r = columnIndex(k2[1]);
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const r1 = ROW.exec(a);
  const r2 = ROW.exec(b);
  if (r1 && r2) {
    const t = Number(r1[1]) - 1;
    const u = Number(r2[1]) - 1;
    return { top: Math.min(t, u), bottom: Math.max(t, u), left: 0, right: MAX_COLUMNS - 1 };
  }
  return null;
}

export function rectAddress(r: Rect): string {
  const first = cellKey(r.top, r.left);
  return r.top === r.bottom && r.left === r.right
    ? first
    : `${first}:${cellKey(r.bottom, r.right)}`;
}

/** How Excel writes a sheet name in an address: quoted unless it is a plain word. */
export function quotedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseCell(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/**
 * The areas of a `Worksheet.getRanges` address: rectangles separated by commas or semicolons,
 * spaces allowed around them ("A1:B2, A5:B5" or "A1:B2; A5:B5"). Null if any part is not an
 * address of this sheet.
 */
export function parseAreas(address: string): Rect[] | null {
  const rects: Rect[] = [];
  for (const part of address.split(/[,;]/)) {
    const rect = parseRect(part);
    if (!rect) return null;
    rects.push(rect);
  }
  return rects;
}
