/**
 * What live mode knows between evaluations: every sheet as last read, by worksheet id, so that a
 * change re-reads only the sheet that changed (SPEC §5) while the evaluation, the pane's results
 * and the consolidated figures still cover every sheet. Clear and template insertion forget it.
 */
import type { SheetSnapshot, WorkbookSnapshot, WritePlan } from '../../template/types';
import type { OfficeWorkbookRead } from './read';

let cache: Map<string, SheetSnapshot> | null = null;

export function liveSnapshot(): ReadonlyMap<string, SheetSnapshot> | null {
  return cache;
}

export function forgetLiveSnapshot(): void {
  cache = null;
}

/**
 * The whole workbook for this evaluation: what was just read, and, for a partial read, every other
 * sheet as last read (renamed as it is now; gone if deleted). Remembered for the next one.
 */
export function rememberLiveSnapshot(read: OfficeWorkbookRead, partial: boolean): WorkbookSnapshot {
  const readById = new Map(read.sheets.map((info, i) => [info.id, read.snapshot.sheets[i]]));
  if (!partial || !cache) {
    cache = readById;
    return read.snapshot;
  }
  const next = new Map<string, SheetSnapshot>();
  for (const { id, name } of read.workbookSheets) {
    const sheet = readById.get(id) ?? cache.get(id);
    if (sheet) next.set(id, sheet.name === name ? sheet : { ...sheet, name });
  }
  cache = next;
  return { ...read.snapshot, sheets: [...next.values()] };
}

/** The sheet a reference such as "'Báo cáo 2'!H7:J7" points to. */
function sheetOf(reference: string): string {
  const sheet = reference.slice(0, reference.lastIndexOf('!'));
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** The part of a plan that writes the sheets just read (a live evaluation writes nothing else). */
export function onlyChangedSheets(plan: WritePlan, read: OfficeWorkbookRead): WritePlan {
  const names = new Set(read.sheets.map((s) => s.name));
  const result: WritePlan = { sheets: plan.sheets.filter((s) => names.has(s.sheet)) };
  const setNames = Object.entries(plan.setNames ?? {}).filter(([, ref]) => names.has(sheetOf(ref)));
  if (setNames.length > 0) result.setNames = Object.fromEntries(setNames);
  return result;
}
