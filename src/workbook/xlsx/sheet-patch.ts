/**
 * Writes a report sheet's output cells into its worksheet XML by splicing the text: each written
 * cell's `<c>` element is replaced (or inserted in column order, in a row made for it only when
 * the sheet has none), and every other byte of the part stays as it was: sheet views, page setup,
 * validations, conditional formats, drawings, hyperlinks (SPEC §11).
 */
import type { Localized } from '../../catalogue/types';
import { parseA1, toA1 } from '../../template/address';
import type { CellWrite } from '../../template/types';
import { scanSheet, type ScannedCell, type ScannedRow, type ScannedSheet } from './sheet-scan';
import type { StyleBook } from './style-book';
import { elements, escapeXml } from './xml-text';

/** A plan that does not fit the workbook; nothing has been changed when it is thrown. */
export class PatchError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
    this.name = 'PatchError';
  }
}

/** A value as a `<c>` element; strings are always inline text, never a formula. */
export function cellXml(
  row: number,
  col: number,
  style: number,
  value: CellWrite['value'],
): string {
  const r = toA1(row, col);
  const s = style > 0 ? ` s="${style}"` : '';
  if (value === null) return `<c r="${r}"${s}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} at ${r}`);
    return `<c r="${r}"${s}><v>${value}</v></c>`;
  }
  const space =
    value !== '' &&
    (value.charCodeAt(0) <= 0x20 ||
      value.charCodeAt(value.length - 1) <= 0x20 ||
      value.includes('\n'))
      ? ' xml:space="preserve"'
      : '';
  return `<c r="${r}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

import type { Area } from './used-range';

export function mergedAreas(xml: string): Area[] {
  const start = xml.indexOf('<mergeCells');
  if (start < 0) return [];
  const areas: Area[] = [];
  for (const { attrs } of elements(xml, 'mergeCell', start)) {
    const [a, b = a] = (attrs.ref ?? '').split(':');
    const from = parseA1(a);
    const to = parseA1(b);
    if (from && to) areas.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  return areas;
}

export function isProtectedSheet(xml: string): boolean {
  const at = xml.indexOf('<sheetProtection');
  if (at < 0) return false;
  const sheet = /\bsheet="(1|true)"/.exec(xml.slice(at, xml.indexOf('>', at)));
  return sheet !== null;
}

/** The style of each column from `<cols>` (min..max, 1-based in the file). */
export function columnStyles(xml: string): { min: number; max: number; style: number }[] {
  const start = xml.indexOf('<cols>');
  if (start < 0) return [];
  const end = xml.indexOf('</cols>', start);
  return [...elements(xml, 'col', start, end)]
    .filter((c) => c.attrs.style !== undefined)
    .map((c) => ({
      min: Number(c.attrs.min) - 1,
      max: Number(c.attrs.max) - 1,
      style: Number(c.attrs.style),
    }));
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Checks a sheet's writes before anything changes: not protected, no cell inside a merge. */
export function checkSheetWrites(sheet: string, xml: string, writes: readonly CellWrite[]): void {
  if (writes.length === 0) return;
  if (isProtectedSheet(xml)) {
    throw new PatchError({
      vi: `Trang "${sheet}" đang được bảo vệ (Bảo vệ Trang tính); hãy bỏ bảo vệ rồi đánh giá lại.`,
      en: `Sheet "${sheet}" is protected; unprotect it and evaluate again.`,
    });
  }
  const merges = mergedAreas(xml);
  for (const w of writes) {
    if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 0 || w.col < 0) {
      throw new Error(`Write plan for "${sheet}" has a bad cell position ${w.row},${w.col}`);
    }
    const m = merges.find(
      (a) =>
        w.row >= a.top &&
        w.row <= a.bottom &&
        w.col >= a.left &&
        w.col <= a.right &&
        (w.row !== a.top || w.col !== a.left),
    );
    if (m) {
      const cell = toA1(w.row, w.col);
      const master = toA1(m.top, m.left);
      throw new PatchError({
        vi: `Trang "${sheet}", ô ${cell} nằm trong vùng gộp ô bắt đầu từ ${master}; hãy bỏ gộp ô (Hợp nhất và Căn giữa → Bỏ hợp nhất Ô) rồi đánh giá lại.`,
        en: `Sheet "${sheet}", cell ${cell} is inside cells merged from ${master}; unmerge them and evaluate again.`,
      });
    }
  }
}

/** The sheet's XML with `writes` applied (values and styles); the rest of the text unchanged. */
export function patchSheetXml(
  xml: string,
  writes: readonly CellWrite[],
  styles: StyleBook,
  scan: ScannedSheet = scanSheet(xml),
): string {
  if (writes.length === 0) return xml;
  const cols = columnStyles(xml);
  const rows = new Map(scan.rows.map((r) => [r.row, r]));

  // The cells each row gets, in column order; a cell written twice keeps the last value and
  // both restylings, as writing it twice in Excel would.
  const byRow = new Map<number, Map<number, { style: number; value: CellWrite['value'] }>>();
  for (const w of writes) {
    let line = byRow.get(w.row);
    if (!line) byRow.set(w.row, (line = new Map()));
    const row = rows.get(w.row);
    const existing = row?.cells.find((c) => c.col === w.col);
    const before = line.get(w.col);
    const base = before
      ? before.style
      : existing
        ? Number(existing.attrs.s ?? 0)
        : row && row.attrs.customFormat && /^(1|true)$/.test(row.attrs.customFormat)
          ? Number(row.attrs.s ?? 0)
          : (cols.find((c) => w.col >= c.min && w.col <= c.max)?.style ?? 0);
    line.set(w.col, { style: styles.derive(base, w), value: w.value });
  }

  const edits: Edit[] = [];
  const newRows: { row: number; text: string }[] = [];
  for (const [r, line] of byRow) {
    const cells = [...line.entries()].sort((a, b) => a[0] - b[0]);
    const row = rows.get(r);
    if (!row) {
      const text = cells.map(([c, v]) => cellXml(r, c, v.style, v.value)).join('');
      newRows.push({ row: r, text: `<row r="${r + 1}">${text}</row>` });
      continue;
    }
    edits.push(...rowEdits(xml, row, cells));
  }

  if (newRows.length > 0) {
    newRows.sort((a, b) => a.row - b.row);
    if (scan.sheetData.empty) {
      edits.push({
        start: scan.sheetData.start,
        end: scan.sheetData.end,
        text: `<sheetData>${newRows.map((n) => n.text).join('')}</sheetData>`,
      });
    } else {
      for (const n of newRows) {
        const next = scan.rows.find((row) => row.row > n.row);
        const at = next ? next.start : scan.sheetData.contentEnd;
        edits.push({ start: at, end: at, text: n.text });
      }
    }
  }
  return splice(xml, edits);
}

function rowEdits(
  xml: string,
  row: ScannedRow,
  cells: [number, { style: number; value: CellWrite['value'] }][],
): Edit[] {
  const edits: Edit[] = [];
  if (row.contentStart < 0) {
    // `<row r="9" …/>`: the same start tag, opened, with the new cells in it.
    const tag = xml.slice(row.start, row.end - 2).replace(/\s+$/, '');
    const text = cells.map(([c, v]) => cellXml(row.row, c, v.style, v.value)).join('');
    edits.push({ start: row.start, end: row.end, text: `${tag}>${text}</row>` });
    return edits;
  }
  const byCol = new Map<number, ScannedCell>(row.cells.map((c) => [c.col, c]));
  const rowContentEnd = row.end - '</row>'.length;
  for (const [c, v] of cells) {
    const text = cellXml(row.row, c, v.style, v.value);
    const existing = byCol.get(c);
    if (existing) {
      edits.push({ start: existing.start, end: existing.end, text });
    } else {
      const next = row.cells.find((cell) => cell.col > c);
      const at = next ? next.start : rowContentEnd;
      edits.push({ start: at, end: at, text });
    }
  }
  return edits;
}

/** Applies non-overlapping edits; insertions at one place keep the order they were made in. */
export function splice(xml: string, edits: Edit[]): string {
  if (edits.length === 0) return xml;
  const sorted = edits
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(xml.slice(at, e.start), e.text);
    at = Math.max(at, e.end);
  }
  parts.push(xml.slice(at));
  return parts.join('');
}
