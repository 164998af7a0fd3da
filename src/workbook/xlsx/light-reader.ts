/**
 * Reads a workbook snapshot straight from the package's XML: each sheet's cells (shared strings,
 * the number format of each cell style, formulas and their cached results, merges, protection,
 * visibility) and the workbook's defined names. Nothing is expanded cell by cell: a validation, a
 * conditional format, a merge or a name over whole columns or the whole sheet costs what its one
 * element costs. It gives the same snapshot as the ExcelJS reader (test/integration compares them).
 */
import { columnLetters, parseA1 } from '../../template/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../template/types';
import type { XlsxPackage } from './package';
import { columnStyles, isProtectedSheet, mergedAreas } from './sheet-patch';
import { scanSheet, type ScannedCell, type ScannedSheet } from './sheet-scan';
import { StyleBook } from './style-book';
import {
  GENERAL,
  spreadArrayFormulas,
  usedRangeSnapshot,
  type Area,
  type UsedCell,
} from './used-range';
import { elements, unescapeXml } from './xml-text';

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/** The text of a shared or inline string: its `<t>` runs joined (phonetic runs left out). */
function stringText(xml: string): string {
  const withoutPhonetics = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const t of elements(withoutPhonetics, 't')) text += t.inner ?? '';
  return unescapeXml(text);
}

function sharedStrings(pkg: XlsxPackage): string[] {
  const xml = pkg.sharedStringsPart ? pkg.text(pkg.sharedStringsPart) : null;
  if (!xml) return [];
  return [...elements(xml, 'si')].map((si) => stringText(si.inner ?? ''));
}

/** Whether a number format shows a date or time (as ExcelJS decides it when it reads). */
function isDateFormat(format: string): boolean {
  if (format === GENERAL) return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** A date-formatted number as ExcelJS rounds it, to the millisecond (then back to a serial). */
function roundedSerial(value: number): number {
  const ms = Math.round((value - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return Math.round((UNIX_EPOCH_SERIAL + ms / MS_PER_DAY) * 1e9) / 1e9;
}

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** A shared formula moved from its first cell to another, relative references shifted. */
function slideFormula(
  formula: string,
  from: { row: number; col: number },
  to: { row: number; col: number },
): string {
  return formula.replace(CANDIDATE, (whole, sheet: string | undefined, _s, part: string, paren) => {
    if (paren) return whole;
    const m = CELL_REF.exec(part);
    if (!m) return whole;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return whole;
    const at = parseA1(`${letters}1`);
    if (!at) return whole;
    const col = m[1] ? at.col : at.col + to.col - from.col;
    const row = m[3] ? Number(m[4]) : Number(m[4]) + to.row - from.row;
    return `${sheet ?? ''}${m[1] ?? ''}${columnLetters(col)}${m[3] ?? ''}${row}`;
  });
}

function cellValue(cell: ScannedCell, inner: string, strings: string[], format: string): CellValue {
  const type = cell.attrs.t;
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    return is ? stringText(is[1]) : null;
  }
  const open = inner.indexOf('<v>');
  if (open < 0) return null;
  const close = inner.indexOf('</v>', open);
  if (close < 0) return null;
  const text = inner.slice(open + 3, close);
  switch (type) {
    case 's':
      return strings[Number(text)] ?? '';
    case 'str':
      return unescapeXml(text);
    case 'b':
      return text === '1' || text === 'true';
    case 'e':
      return { error: unescapeXml(text) };
    case 'd': {
      const time = Date.parse(text);
      return Number.isNaN(time)
        ? unescapeXml(text)
        : roundedSerial(UNIX_EPOCH_SERIAL + time / MS_PER_DAY);
    }
    default: {
      if (text === '') return null;
      const n = Number(text);
      if (Number.isNaN(n)) return unescapeXml(text);
      return isDateFormat(format) ? roundedSerial(n) : n;
    }
  }
}

/** The sheet's used range as a SheetSnapshot, as the ExcelJS reader makes it. */
export function snapshotSheetXml(
  name: string,
  xml: string,
  strings: string[],
  styles: StyleBook,
  visible: boolean,
  scan: ScannedSheet = scanSheet(xml),
): SheetSnapshot {
  const merges = mergedAreas(xml);
  const covered = (row: number, col: number) =>
    merges.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        col >= m.left &&
        col <= m.right &&
        (row !== m.top || col !== m.left),
    );
  const used: UsedCell[] = [];
  const cellStyles = new Map<string, number>();
  const rowStyles = new Map<number, number>();
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  const arrays: { area: Area; formula: string }[] = [];
  for (const row of scan.rows) {
    if (row.attrs.s !== undefined && /^(1|true)$/.test(row.attrs.customFormat ?? '')) {
      rowStyles.set(row.row, Number(row.attrs.s));
    }
    for (const cell of row.cells) {
      const style = Number(cell.attrs.s ?? 0);
      cellStyles.set(`${cell.row},${cell.col}`, style);
      if (merges.length > 0 && covered(cell.row, cell.col)) continue;
      const inner = cell.inner ?? '';
      let formula: string | null = null;
      const f = inner.includes('<f') ? /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner) : null;
      if (f) {
        const attrs = f[1];
        const text = unescapeXml(f[2] ?? '');
        const si = /\bsi="(\d+)"/.exec(attrs)?.[1];
        if (/\bt="shared"/.test(attrs) && si !== undefined) {
          const master = shared.get(si);
          if (text !== '') {
            shared.set(si, { formula: text, row: cell.row, col: cell.col });
            formula = `=${text}`;
          } else if (master) {
            formula = `=${slideFormula(master.formula, master, cell)}`;
          }
        } else if (text !== '') {
          formula = `=${text}`;
          const ref = /\bref="([^"]+)"/.exec(attrs)?.[1];
          if (/\bt="array"/.test(attrs) && ref) {
            const [a, b = a] = ref.split(':');
            const from = parseA1(a);
            const to = parseA1(b);
            if (from && to) {
              arrays.push({
                area: { top: from.row, left: from.col, bottom: to.row, right: to.col },
                formula,
              });
            }
          }
        }
      }
      const numberFormat = styles.numberFormat(style);
      const value = cellValue(cell, inner, strings, numberFormat);
      if (value === null && formula === null) continue;
      used.push({ row: cell.row, col: cell.col, value, numberFormat, formula });
    }
  }

  const columns = columnStyles(xml);
  const emptyCellFormat = (row: number, col: number): string => {
    const own = cellStyles.get(`${row},${col}`);
    if (own !== undefined) return styles.numberFormat(own);
    const rowStyle = rowStyles.get(row);
    if (rowStyle !== undefined) return styles.numberFormat(rowStyle);
    const colStyle = columns.find((c) => col >= c.min && col <= c.max);
    return colStyle ? styles.numberFormat(colStyle.style) : GENERAL;
  };

  if (arrays.length > 0) spreadArrayFormulas(used, arrays, emptyCellFormat);
  return usedRangeSnapshot(
    { name, protected: isProtectedSheet(xml), visible },
    used,
    merges,
    emptyCellFormat,
  );
}

const RANGE = /^(?:(?:'(?:[^']|'')+'|[^'!]+)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** The references of a defined name split at commas outside quoted sheet names. */
function referenceParts(text: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ',' && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim().replace(/^=/, '')).filter((p) => RANGE.test(p));
}

/** Defined names that are cell ranges (print areas and titles are the sheets' own). */
function definedNames(workbook: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const e of elements(workbook, 'definedName')) {
    const name = e.attrs.name;
    if (e.attrs.localSheetId !== undefined && /^_xlnm\.Print_(Area|Titles)$/.test(name)) continue;
    const ranges = referenceParts(unescapeXml(e.inner ?? ''));
    if (ranges.length > 0) names[name] = ranges.join(',');
  }
  return names;
}

/** Every worksheet in tab order, and the workbook's defined names. */
export function snapshotFromPackage(pkg: XlsxPackage, file?: string): WorkbookSnapshot {
  const strings = sharedStrings(pkg);
  const styles = pkg.stylesPart
    ? pkg.derived(pkg.stylesPart, 'styles', (xml) => new StyleBook(xml))
    : new StyleBook('<styleSheet/>');
  const workbook = pkg.requireText(pkg.workbookPart);
  const snapshot: WorkbookSnapshot = {
    sheets: pkg.sheets.map((sheet) =>
      snapshotSheetXml(
        sheet.name,
        pkg.requireText(sheet.part),
        strings,
        styles,
        sheet.state === undefined || sheet.state === 'visible',
        pkg.derived(sheet.part, 'scan', scanSheet),
      ),
    ),
    names: definedNames(workbook),
  };
  if (file !== undefined) snapshot.file = file;
  return snapshot;
}
