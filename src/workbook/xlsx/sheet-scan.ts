/**
 * The rows and cells of a worksheet part (<sheetData>), each with its place in the XML text, found
 * in one pass without building a tree: the light reader takes the cells' values from it, and the
 * patcher splices new `<c>` elements in at those places, leaving every other byte as it was.
 * Validations, conditional formats and merges are elsewhere in the part and cost nothing here,
 * however large the ranges they name.
 */
import { elements, startTagEnd } from './xml-text';

export interface ScannedCell {
  /** 0-based row and column. */
  row: number;
  col: number;
  start: number;
  end: number;
  attrs: Record<string, string>;
  /** The element's content, null when it is self-closing (`<c r="A1" s="2"/>`). */
  inner: string | null;
}

export interface ScannedRow {
  row: number;
  start: number;
  end: number;
  /** Just after the start tag's ">"; -1 for a self-closing `<row …/>`. */
  contentStart: number;
  attrs: Record<string, string>;
  cells: ScannedCell[];
}

export interface ScannedSheet {
  /** Where rows go: just inside <sheetData>, or the whole `<sheetData/>` when it is empty. */
  sheetData: {
    start: number;
    end: number;
    contentStart: number;
    contentEnd: number;
    empty: boolean;
  };
  rows: ScannedRow[];
}

/** The 0-based column of an A1 reference ("AB12" → 27), -1 when it has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

export function scanSheet(xml: string): ScannedSheet {
  const start = xml.indexOf('<sheetData');
  if (start < 0) throw new Error('worksheet without <sheetData>');
  const tagEnd = startTagEnd(xml, start);
  if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
    return {
      sheetData: { start, end: tagEnd + 1, contentStart: -1, contentEnd: -1, empty: true },
      rows: [],
    };
  }
  const contentEnd = xml.indexOf('</sheetData>', tagEnd);
  if (contentEnd < 0) throw new Error('worksheet with an unclosed <sheetData>');
  const rows: ScannedRow[] = [];
  let nextRow = 0;
  for (const el of elements(xml, 'row', tagEnd + 1, contentEnd)) {
    const r = el.attrs.r !== undefined ? Number(el.attrs.r) - 1 : nextRow;
    nextRow = r + 1;
    const cells: ScannedCell[] = [];
    let contentStart = -1;
    if (el.inner !== null) {
      contentStart = el.end - '</row>'.length - el.inner.length;
      let nextCol = 0;
      for (const c of elements(el.inner, 'c')) {
        const at = c.attrs.r ? columnOf(c.attrs.r) : -1;
        const col = at >= 0 ? at : nextCol;
        nextCol = col + 1;
        cells.push({
          row: r,
          col,
          start: contentStart + c.start,
          end: contentStart + c.end,
          attrs: c.attrs,
          inner: c.inner,
        });
      }
    }
    rows.push({ row: r, start: el.start, end: el.end, contentStart, attrs: el.attrs, cells });
  }
  return {
    sheetData: {
      start,
      end: contentEnd + '</sheetData>'.length,
      contentStart: tagEnd + 1,
      contentEnd,
      empty: false,
    },
    rows,
  };
}
