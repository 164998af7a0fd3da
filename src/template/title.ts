import { toA1 } from './address';
import type { SheetGrid } from './grid';
import { foldText } from './header';
import { monthsInTitle, monthsOfPeriodText } from './period';

/** What the title block above the header says (SPEC §3). */
export interface TitleBlock {
  /** The reporting unit's name, or null when none is written (placeholder dots count as none). */
  unit: string | null;
  /** The year, and the cell that gave it. */
  year: { value: number; cell: string } | null;
  /**
   * The report period in months (SPEC §2 "Kỳ báo cáo"), and the cell that gave it; null when the
   * title block names none (the whole year).
   */
  period: { months: number; cell: string } | null;
  /** A "Kỳ báo cáo" cell whose period cannot be read: the report is taken as the whole year. */
  unreadablePeriod?: { text: string; cell: string };
}

const UNIT_LABELS = ['don vi bao cao', 'reporting unit'];
const PERIOD_LABEL = /^(?:ky bao cao|reporting period)(?![a-z])\s*:?\s*(.*)$/;
const YEAR_CELL = /^(?:nam(?: bao cao)?|year)(?![a-z])\s*:?\s*(.*)$/;
const FOUR_DIGIT_YEAR = /(?:^|\D)((?:19|20)\d{2})(?!\d)/;
/** "NĂM 2020" inside a title; a date line ("ngày 10 tháng 01 năm 2021") is not the year. */
const YEAR_IN_TITLE = /(?:^|[^a-z])(?:nam|year)\s*:?\s*((?:19|20)\d{2})(?!\d)/;
const DATE_LINE = /(?:^|[^a-z])ngay(?![a-z])/;
/** Dots, ellipses, underscores, dashes: a blank to fill in, not a name. */
const PLACEHOLDER = /^[\s.…_\-–—·:]*$/;
const LEADING_SEPARATOR = /^[\s:\-–—]+/;

/** Reads the unit's name and the year from the rows above the header. */
export function readTitleBlock(grid: SheetGrid, fromRow: number, toRow: number): TitleBlock {
  let unit: string | null = null;
  let unitSeen = false;
  let labelledYear: TitleBlock['year'] = null;
  let titleYear: TitleBlock['year'] = null;
  let labelledPeriod: TitleBlock['period'] = null;
  let titlePeriod: TitleBlock['period'] = null;
  let unreadablePeriod: TitleBlock['unreadablePeriod'];

  for (let r = fromRow; r < toRow; r++) {
    for (let c = grid.left; c < grid.right; c++) {
      const text = grid.text(r, c);
      if (text === null) continue;
      const folded = foldText(text);

      if (!unitSeen && UNIT_LABELS.some((label) => folded.startsWith(label))) {
        unitSeen = true;
        unit = unitNameAfterLabel(text) ?? unitNameToTheRight(grid, r, c);
        continue;
      }

      const periodCell: RegExpExecArray | null =
        labelledPeriod === null ? PERIOD_LABEL.exec(folded) : null;
      if (periodCell) {
        const found: RegExpExecArray | null = periodCell[1] !== '' ? periodCell : null;
        const at: { r: number; c: number; text: string } | null = found
          ? { r, c, text: found[1] }
          : periodToTheRight(grid, r, c);
        const months: number | null = at ? monthsOfPeriodText(at.text) : null;
        if (at && months !== null) labelledPeriod = { months, cell: toA1(at.r, at.c) };
        else if (at)
          unreadablePeriod ??= { text: grid.text(at.r, at.c) ?? '', cell: toA1(at.r, at.c) };
      } else if (titlePeriod === null && !DATE_LINE.test(folded)) {
        const months = monthsInTitle(folded);
        if (months !== null) titlePeriod = { months, cell: toA1(r, c) };
      }

      const yearCell =
        labelledYear === null && !DATE_LINE.test(folded) ? YEAR_CELL.exec(folded) : null;
      if (yearCell) {
        const inCell = FOUR_DIGIT_YEAR.exec(yearCell[1]);
        if (inCell) labelledYear = { value: Number(inCell[1]), cell: toA1(r, c) };
        else if (yearCell[1] === '') labelledYear = yearToTheRight(grid, r, c);
        continue;
      }

      if (titleYear === null && !DATE_LINE.test(folded)) {
        const inTitle = YEAR_IN_TITLE.exec(folded);
        if (inTitle) titleYear = { value: Number(inTitle[1]), cell: toA1(r, c) };
      }
    }
  }
  const block: TitleBlock = {
    unit,
    year: labelledYear ?? titleYear,
    period: labelledPeriod ?? titlePeriod,
  };
  if (unreadablePeriod && block.period === null) block.unreadablePeriod = unreadablePeriod;
  return block;
}

/** The first non-empty cell right of a "Kỳ báo cáo" label, folded, or null. */
function periodToTheRight(
  grid: SheetGrid,
  row: number,
  col: number,
): { r: number; c: number; text: string } | null {
  for (let c = col + 1; c < grid.right; c++) {
    if (grid.isEmpty(row, c)) continue;
    const v = grid.value(row, c);
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    return { r: row, c, text: foldText(String(v)) };
  }
  return null;
}

function nameOrNull(text: string): string | null {
  const name = text.normalize('NFC').trim();
  return PLACEHOLDER.test(name) ? null : name;
}

/**
 * The name written in the label's own cell: after ":" when there is one, else after the four
 * words of the label ("Đơn vị báo cáo – LĐLĐ huyện A").
 */
function unitNameAfterLabel(text: string): string | null {
  const colon = text.indexOf(':');
  if (colon >= 0) return nameOrNull(text.slice(colon + 1));
  const words = text.trim().split(/\s+/);
  const labelWords = foldText(text).startsWith('reporting unit') ? 2 : 4;
  return nameOrNull(words.slice(labelWords).join(' ').replace(LEADING_SEPARATOR, ''));
}

/** The first non-empty cell right of the label, unless it is the year's label or a blank. */
function unitNameToTheRight(grid: SheetGrid, row: number, col: number): string | null {
  for (let c = col + 1; c < grid.right; c++) {
    if (grid.isEmpty(row, c)) continue;
    const v = grid.value(row, c);
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    const text = String(v);
    return YEAR_CELL.test(foldText(text)) ? null : nameOrNull(text);
  }
  return null;
}

function yearToTheRight(grid: SheetGrid, row: number, col: number): TitleBlock['year'] {
  for (let c = col + 1; c < grid.right; c++) {
    if (grid.isEmpty(row, c)) continue;
    const v = grid.value(row, c);
    const m =
      typeof v === 'string' || typeof v === 'number' ? FOUR_DIGIT_YEAR.exec(String(v)) : null;
    return m ? { value: Number(m[1]), cell: toA1(row, c) } : null;
  }
  return null;
}
