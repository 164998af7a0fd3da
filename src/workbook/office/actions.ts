/**
 * What the task pane and the ribbon commands do to the open workbook, each in one Excel.run:
 * evaluate (and make the summary), clear, insert a blank template, select a cell, watch for
 * changes. The reader, the engine and the planner are the ones the CLI uses; only reading and
 * writing cells is Office.js. Every failure reaches the caller as a UserFacingError.
 */
import type { Lang, Localized } from '../../catalogue/types';
import { STATUSES, type Status } from '../../engine/types';
import { buildBlankTemplate } from '../../template/blank';
import { evaluateWorkbooks } from '../../template/evaluate';
import { planClear, planEvaluation } from '../../template/plan';
import type { Evaluation, SheetPlan, WritePlan } from '../../template/types';
import { UserFacingError } from '../errors';
import { addSheet, applyWritePlan } from './adapter';
import { officeErrorCode, toUserFacingError, type OfficeActivity } from './errors';
import {
  forgetLiveSnapshot,
  liveSnapshot,
  onlyChangedSheets,
  rememberLiveSnapshot,
} from './live-snapshot';
import {
  isOwnChange,
  notePendingChange,
  restorePendingSheets,
  takePendingSheets,
} from './own-writes';
import {
  addPlanSheet,
  builtinPlanSheet,
  planOfWorkbook,
  planOfWorkbookOrBuiltin,
} from './plan-actions';
import { readWorkbook } from './read';
import { supportsExcelApi, SyncCounter } from './sync';

export interface Progress {
  step: 'reading' | 'evaluating' | 'writing' | 'summary' | 'done';
  /** 0 to 1. */
  fraction: number;
}

export interface ActionOutcome {
  evaluation: Evaluation;
  /** How many results of all report sheets have each status. */
  counts: Record<Status, number>;
  /** The summary sheet written, or null. */
  summarySheet: string | null;
  /** Round trips to Excel the evaluation took (at most 3, whatever the workbook's size). */
  syncs: number;
  /** What did not go as planned but cost no result (the summary's layout), in plain words. */
  notes?: Localized[];
}

/**
 * Excel API requirement set every action needs: used ranges, names, hyperlinks and freeze panes
 * (1.7); styles set on many ranges at once (RangeAreas), page layout and live mode's
 * WorksheetCollection.onChanged (1.9). The manifest asks for the same.
 */
export const REQUIRED_API = '1.9';

function notInExcel(): UserFacingError {
  return new UserFacingError({
    vi: 'Chức năng này chỉ chạy khi add-in được mở trong Excel.',
    en: 'This only works when the add-in is open in Excel.',
  });
}

function tooOld(): UserFacingError {
  return new UserFacingError({
    vi: 'Phiên bản Excel này quá cũ cho add-in. Hãy cập nhật Microsoft 365, hoặc dùng Excel trên web.',
    en: 'This version of Excel is too old for the add-in. Update Microsoft 365, or use Excel on the web.',
  });
}

/** One Excel.run, its failures in plain words. */
export async function inExcel<T>(
  activity: OfficeActivity,
  work: (context: Excel.RequestContext, counter: SyncCounter) => Promise<T>,
): Promise<T> {
  if (typeof Excel === 'undefined' || typeof Office === 'undefined') throw notInExcel();
  if (!supportsExcelApi(REQUIRED_API)) throw tooOld();
  const counter = new SyncCounter();
  try {
    // While the user is typing in a cell a batch fails at once; this one waits for the edit to
    // end instead (docs/excel/excel-add-ins-delay-in-cell-edit.md, Excel.RunOptions).
    return await Excel.run({ delayForCellEdit: true }, (context) => work(context, counter));
  } catch (error) {
    throw toUserFacingError(error, { activity });
  }
}

const NO_REPORT_SHEET: Localized = {
  vi: 'Sổ làm việc chưa có trang tính báo cáo nào: cần một hàng tiêu đề có cột “Mã chỉ tiêu” và cột “Thực hiện” trong 30 hàng đầu của trang tính. Hãy dùng “Chèn mẫu báo cáo” để thêm một trang tính mẫu. Chưa có gì được ghi.',
  en: 'The workbook has no report sheet: one needs a header row with a “Mã chỉ tiêu” (code) column and a “Thực hiện” (actual) column within its first 30 rows. Use “Insert report template” to add one. Nothing has been written.',
};

function countStatuses(evaluation: Evaluation): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const unit of evaluation.units) {
    for (const result of unit.results) counts[result.status]++;
  }
  return counts;
}

function isEmptyPlan(plan: WritePlan): boolean {
  return (
    plan.sheets.every((s) => s.cells.length === 0) &&
    !plan.summary &&
    (plan.deleteSheets ?? []).length === 0 &&
    Object.keys(plan.setNames ?? {}).length === 0 &&
    (plan.deleteNames ?? []).length === 0
  );
}

/** The last outcome, which live mode shows again when it has to wait for the user. */
let lastOutcome: ActionOutcome | null = null;
/** Live mode's scheduler, to be asked again when an evaluation had to wait (see useLiveMode). */
let liveListener: (() => void) | null = null;

function isCellEditRefusal(error: unknown): boolean {
  const cause = error instanceof UserFacingError ? error.cause : error;
  const code = officeErrorCode(cause);
  return code === 'InvalidOperationInCellEditMode';
}

/**
 * *Đánh giá* (and, with `summary`, *Tạo bảng tổng hợp*): reads every sheet, evaluates the report
 * sheets, writes the output cells and, if asked, the summary sheet. Three syncs. In live mode
 * (`live`), only the sheets changed since the last evaluation are read and written; the others
 * are evaluated from what was read last, so the results stay whole.
 */
export async function evaluateInExcel(opts: {
  summary: boolean;
  lang: Lang;
  onProgress?: (p: Progress) => void;
  live?: boolean;
}): Promise<ActionOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  const changed = opts.live ? takePendingSheets() : [];
  const partial =
    opts.live === true && !opts.summary && changed.length > 0 && liveSnapshot() !== null;
  try {
    const outcome = await inExcel('write', async (context, counter) => {
      progress({ step: 'reading', fraction: 0 });
      const read = await readWorkbook(context, counter, partial ? { onlySheetIds: changed } : {});
      const snapshot = rememberLiveSnapshot(read, partial);
      progress({ step: 'evaluating', fraction: 0.4 });
      // The workbook's own plan sheet, if any (SPEC §8).
      const catalogue = planOfWorkbook(snapshot);
      const evaluation = evaluateWorkbooks([snapshot], { catalogue });
      if (evaluation.units.length === 0) throw new UserFacingError(NO_REPORT_SHEET);
      if (opts.summary) progress({ step: 'summary', fraction: 0.55 });
      const planned = planEvaluation(evaluation, snapshot, {
        summary: opts.summary,
        lang: opts.lang,
        now: new Date(),
      });
      const plan = partial ? onlyChangedSheets(planned, read) : planned;
      progress({ step: 'writing', fraction: 0.7 });
      const applied = await applyWritePlan(context, read, plan, counter, {
        activity: 'write',
        activateSummary: opts.summary,
      });
      progress({ step: 'done', fraction: 1 });
      const result: ActionOutcome = {
        evaluation,
        counts: countStatuses(evaluation),
        summarySheet: plan.summary?.name ?? null,
        syncs: counter.count,
      };
      if (applied.notes.length > 0) result.notes = applied.notes;
      return result;
    });
    lastOutcome = outcome;
    return outcome;
  } catch (error) {
    // Never lose a change live mode has not evaluated yet.
    if (opts.live) restorePendingSheets(changed);
    // Live mode waits quietly while the user types (an Excel without delayForCellEdit).
    if (opts.live && lastOutcome && isCellEditRefusal(error)) {
      liveListener?.();
      return lastOutcome;
    }
    throw error;
  }
}

/** *Xóa kết quả*: empties the output cells, removes their fills and the add-in's summary sheet. */
export async function clearInExcel(): Promise<void> {
  forgetLiveSnapshot();
  await inExcel('clear', async (context, counter) => {
    const read = await readWorkbook(context, counter);
    const plan = planClear(read.snapshot, planOfWorkbookOrBuiltin(read.snapshot));
    if (isEmptyPlan(plan)) return;
    await applyWritePlan(context, read, plan, counter, { activity: 'clear' });
  });
}

/** Excel compares sheet names ignoring case, and allows at most 31 characters. */
export function freeSheetName(base: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase()));
  if (!used.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}

/**
 * *Chèn mẫu báo cáo*: adds a blank report template of the workbook's plan (SPEC §8) as a new
 * sheet; returns its name.
 */
export async function insertTemplateInExcel(lang: Lang): Promise<string> {
  return inExcel('insert', async (context, counter) => {
    const read = await readWorkbook(context, counter);
    if (read.structureProtected) throw structureProtected();
    const catalogue = planOfWorkbook(read.snapshot);
    const draft = buildBlankTemplate({ catalogue, lang });
    const name = freeSheetName(
      draft.name,
      read.snapshot.sheets.map((ws) => ws.name),
    );
    const plan =
      name === draft.name ? draft : buildBlankTemplate({ catalogue, lang, sheetName: name });
    await addSheet(context, plan, counter);
    return plan.name;
  });
}

/** *Chèn bộ chỉ tiêu*: adds the 2020 plan as a plan sheet to edit (SPEC §8); returns its name. */
export async function insertPlanSheetInExcel(lang: Lang): Promise<string> {
  return insertPlanSheet((sheetName) => builtinPlanSheet(lang, sheetName));
}

/**
 * Adds a plan sheet (the 2020 plan, or a draft from text) under its name, or the next free one,
 * as the active sheet; returns its name. Two syncs.
 */
export async function insertPlanSheet(build: (sheetName?: string) => SheetPlan): Promise<string> {
  return inExcel('insert', async (context, counter) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    const structure = context.workbook.protection;
    structure.load('protected');
    await counter.sync(context);
    if (structure.protected) throw structureProtected();
    const draft = build();
    const name = freeSheetName(
      draft.name,
      worksheets.items.map((ws) => ws.name),
    );
    const plan = name === draft.name ? draft : build(name);
    await addPlanSheet(context, plan, counter);
    forgetLiveSnapshot();
    return plan.name;
  });
}

export function structureProtected(): UserFacingError {
  return new UserFacingError({
    vi: 'Cấu trúc sổ làm việc đang được bảo vệ (Bảo vệ Sổ làm việc) nên không thể thêm trang tính. Hãy bỏ bảo vệ rồi thử lại.',
    en: 'The workbook structure is protected (Protect Workbook), so no sheet can be added. Turn it off and try again.',
  });
}

/** Shows a cell: activates its sheet and selects it (a result's or an error's cell in the pane). */
export async function selectCellInExcel(sheet: string, cell: string): Promise<void> {
  await inExcel('select', async (context, counter) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load('visibility');
    await counter.sync(context);
    if (ws.isNullObject) {
      throw new UserFacingError({
        vi: `Không còn trang tính "${sheet}" (có thể đã được đổi tên hoặc xóa). Hãy đánh giá lại.`,
        en: `Sheet "${sheet}" is no longer there (it may have been renamed or deleted). Evaluate again.`,
      });
    }
    if (ws.visibility !== 'Visible') {
      throw new UserFacingError({
        vi: `Trang tính "${sheet}" đang bị ẩn. Hãy hiện lại (bấm chuột phải vào một thẻ trang tính › Bỏ ẩn) để xem ô ${cell}.`,
        en: `Sheet "${sheet}" is hidden. Unhide it (right-click a sheet tab › Unhide) to see cell ${cell}.`,
      });
    }
    ws.activate();
    ws.getRange(cell).select();
    await counter.sync(context);
  });
}

/**
 * Live mode: calls `onChange` whenever someone else changes cells; the add-in's own writes (and
 * the ribbon's) are not reported (./own-writes). The changed sheets wait for the next live
 * evaluation. The handler only calls `onChange`; debouncing is the caller's. Resolves to a
 * function that stops watching.
 */
export async function watchReportSheets(onChange: () => void): Promise<() => Promise<void>> {
  const registration = await inExcel('watch', async (context, counter) => {
    const handler = context.workbook.worksheets.onChanged.add(async (event) => {
      const change = {
        worksheetId: event.worksheetId,
        address: event.address,
        triggerSource: (event as { triggerSource?: string }).triggerSource,
      };
      if (isOwnChange(change)) return;
      notePendingChange(change);
      onChange();
    });
    await counter.sync(context);
    return handler;
  });
  liveListener = onChange;
  return async () => {
    if (liveListener === onChange) liveListener = null;
    try {
      await Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    } catch (error) {
      throw toUserFacingError(error, { activity: 'watch' });
    }
  };
}
