/**
 * Which changes Excel reports are the add-in's own, so that live mode never answers its own
 * writes. Excel raises WorksheetCollection.onChanged for changes made by add-in code, formats
 * included (docs/excel/excel-add-ins-events.md), possibly before the write's sync resolves. So:
 * - ExcelApi 1.14 names the cause: `triggerSource === "ThisLocalAddin"` (Excel.EventTriggerSource);
 * - otherwise, a change wholly inside cells the add-in has written or is writing is its own. The
 *   cells are remembered before the write is sent, and a multi-area address is split on "," or ";"
 *   (Excel's addresses use ",", office-js#1985; the regional separator is ";" on some desktops).
 * The ribbon's commands run in another runtime with their own memory, but write the same output
 * cells as the pane's last evaluation, so the pane recognises them by address too.
 */
import { parseAreasAddress, type Rect } from './areas';

export type { Rect };

/** A change Excel reported (the fields of WorksheetChangedEventArgs live mode uses). */
export interface SheetChange {
  worksheetId: string;
  address: string;
  triggerSource?: string;
}

export const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };

/** Where this add-in has written, per worksheet id. */
const ownWrites = new Map<string, Map<string, Rect>>();

export function rememberOwnWrite(sheetId: string, rect: Rect): void {
  const rects = ownWrites.get(sheetId) ?? new Map<string, Rect>();
  rects.set(`${rect.top},${rect.left},${rect.bottom},${rect.right}`, rect);
  ownWrites.set(sheetId, rects);
}

function inside(outer: Rect, inner: Rect): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

/** Whether a change Excel reports is the add-in's own write. */
export function isOwnChange(change: SheetChange): boolean {
  if (change.triggerSource === 'ThisLocalAddin') return true;
  const rects = ownWrites.get(change.worksheetId);
  const areas = parseAreasAddress(change.address);
  if (!rects || !areas || areas.length === 0) return false;
  return areas.every((area) => [...rects.values()].some((r) => inside(r, area)));
}

// ---------------------------------------------------------------------------------------------
// Live mode's pending changes: noted by the event handler, taken by the next live evaluation.

const pending: SheetChange[] = [];

export function notePendingChange(change: SheetChange): void {
  pending.push(change);
}

/**
 * The worksheets changed by someone else since the last live evaluation. Checked again now: an
 * event that arrived before its write's sync resolved is known as the add-in's own by now.
 */
export function takePendingSheets(): string[] {
  const changes = pending.splice(0);
  return [...new Set(changes.filter((c) => !isOwnChange(c)).map((c) => c.worksheetId))];
}

/** Whether any change waits that is not the add-in's own. */
export function hasPendingChanges(): boolean {
  return pending.some((c) => !isOwnChange(c));
}

/** Puts sheets back for the next live evaluation (this one could not run). */
export function restorePendingSheets(sheetIds: string[]): void {
  for (const id of sheetIds) pending.push({ worksheetId: id, address: '' });
}
