import type { Lang } from '../catalogue/types';
import { SheetGrid } from './grid';
import { foldText } from './header';
import type { SheetSnapshot } from './types';

/**
 * The summary sheets say who made them and when, in column A under their title: "Lập bởi Union
 * Targets lúc 15/03/2021 10:30" (A2 before the administrative header, A5 since). That line is also
 * how the add-in tells its own summary from a user's sheet of the same name.
 */
const MARKER_ROW = 4;
const MARKER_COL = 0;
/** Rows of column A searched for the marker: every layout the add-in has written. */
const MARKER_ROWS = 8;
const MARKER_PREFIXES = ['lap boi union targets', 'made by union targets'];

/** dd/mm/yyyy hh:mm in local time. */
export function formatDateTime(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(now.getDate())}/${two(now.getMonth() + 1)}/${now.getFullYear()} ` +
    `${two(now.getHours())}:${two(now.getMinutes())}`
  );
}

/** The marker line written in A2 of every summary sheet. */
export function summaryMarker(now: Date, lang: Lang): string {
  const time = formatDateTime(now);
  return lang === 'vi' ? `Lập bởi Union Targets lúc ${time}` : `Made by Union Targets at ${time}`;
}

/** The position of the marker on the summary sheet, 0-based. */
export const SUMMARY_MARKER_CELL = { row: MARKER_ROW, col: MARKER_COL } as const;

/** Whether a sheet is a summary sheet the add-in made (and may replace or delete). */
export function isAddinSummarySheet(sheet: SheetSnapshot): boolean {
  const grid = new SheetGrid(sheet);
  for (let row = 0; row < MARKER_ROWS; row++) {
    const text = grid.text(row, MARKER_COL);
    if (text === null) continue;
    const folded = foldText(text);
    if (MARKER_PREFIXES.some((prefix) => folded.startsWith(prefix))) return true;
  }
  return false;
}
