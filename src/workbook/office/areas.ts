/**
 * Multi-area addresses as Excel gives them (RangeAreas.address, change events): "Sheet1!A1:B4,
 * Sheet1!D1:D4". Excel documents "," between areas (office-js#1985); ";", the list separator of
 * some regional settings (office-js#1167), is read too. A quoted sheet name may hold either.
 */
import { parseA1 } from '../../template/address';

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "Sheet1!A1:B2", "A1", "'a,b'!A1:B2" → the rectangle; null when unreadable. */
function parseArea(text: string): Rect | null {
  const local = text.slice(text.lastIndexOf('!') + 1).trim();
  const [first, last = first] = local.split(':');
  const a = parseA1(first.replace(/\$/g, ''));
  const b = parseA1(last.replace(/\$/g, ''));
  if (!a || !b) return null;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** The areas of an address joined by "," or ";" (quoted sheet names may hold either). */
export function parseAreasAddress(address: string): Rect[] | null {
  const rects: Rect[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (i === address.length || ((ch === ',' || ch === ';') && !quoted)) {
      const rect = parseArea(address.slice(start, i));
      if (!rect) return null;
      rects.push(rect);
      start = i + 1;
    }
  }
  return rects;
}
