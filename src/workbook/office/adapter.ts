/**
 * WritePlans onto the open workbook through Office.js: the same plans as the ExcelJS adapter
 * applies, so the pane, the ribbon and the CLI give the same cells. (Reading is office-read.ts.)
 *
 * Round trips. After the two syncs of reading, writing is one more sync that starts with checks
 * that the workbook is still as it was read (every sheet still there under its name, the used
 * range of every report sheet to be written still the same rectangle): a failed check makes Excel
 * stop the batch before its first write, so a changed workbook gets nothing written. Three syncs
 * for one evaluation, whatever the number of sheets or rows: values and number formats go in one
 * call per rectangular block, styles in one call per distinct value per sheet (office-styles.ts),
 * so the request grows with the cells written, not with how their statuses alternate. A write
 * batch is split only when it would pass the 5 MB request limit of Excel on the web.
 *
 * Merged cells. Excel keeps a merged area's value in its top-left cell and drops, without an
 * error, a value written into any other cell of it. So a plan that writes into a covered cell is
 * refused before anything is queued whenever the snapshot knows the merge (ExcelApi 1.13: the
 * merged areas starting in the used range), as the ExcelJS adapter refuses it. Before 1.13
 * nothing can be refused in advance: no Office.js API shows a merge, and no write into one fails.
 * So for the cells the snapshot cannot speak for (all of them before 1.13; those outside the used
 * range, such as added output columns, after it) the write request also reads back what Excel
 * kept, with no extra sync, and a cell left empty is reported: which results were not written,
 * where, and why. (A merge that runs into the used range from above or from the left of it is
 * not reported by Excel, and is not seen: office-js issue 3611.)
 */
import type { Localized } from '../../catalogue/types';
import { columnLetters, sheetRef } from '../../template/address';
import type { CellWrite, SheetPlan, SheetSnapshot, WritePlan } from '../../template/types';
import { UserFacingError } from '../errors';
import { officeErrorCode, toUserFacingError, type OfficeActivity } from './errors';
import { printActions, queueChart, withFont } from './print';
import { rememberOwnWrite, WHOLE_SHEET } from './own-writes';
import type { OfficeWorkbookRead } from './read';
import { learnListSeparator, listSeparator, otherSeparator, type ListSeparator } from './separator';
import { borderEdges, queueStyle, styleGroups } from './styles';
import type { SyncCounter } from './sync';
import { charactersToPoints } from './units';

/** Excel on the web refuses requests over 5 MB; this leaves room for the request envelope. */
export const MAX_REQUEST_BYTES = 4_500_000;
/** What one queued action costs beyond its data: object path, action type, ids. */
const ACTION_OVERHEAD_BYTES = 256;

// ---------------------------------------------------------------------------------------------
// Writing: plan cells to rectangular blocks, styles to one call per distinct value

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Block extends Rect {
  /** rows × columns, every position filled. */
  cells: CellWrite[][];
}

/** One write per cell: a later write of the same cell wins. */
function latestWrites(writes: CellWrite[]): CellWrite[] {
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) byCell.set(`${w.row},${w.col}`, w);
  return [...byCell.values()];
}

/**
 * Groups a sheet's writes into rectangles: runs of consecutive rows per column, then side-by-side
 * columns with the same run joined. The output columns of a report sheet become one block per run
 * of rule rows; a later write of the same cell wins.
 */
function toBlocks(writes: CellWrite[]): Block[] {
  const byColumn = new Map<number, CellWrite[]>();
  for (const w of latestWrites(writes)) {
    const column = byColumn.get(w.col);
    if (column) column.push(w);
    else byColumn.set(w.col, [w]);
  }
  const runs: Block[] = [];
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    const cells = byColumn.get(col)!.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= cells.length; i++) {
      if (i === cells.length || cells[i].row !== cells[i - 1].row + 1) {
        const run = cells.slice(start, i);
        runs.push({
          top: run[0].row,
          bottom: run[run.length - 1].row,
          left: col,
          right: col,
          cells: run.map((c) => [c]),
        });
        start = i;
      }
    }
  }
  // Join a run to the block ending in the column just left of it with the same rows.
  const open = new Map<string, Block>();
  const blocks: Block[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}:${run.left - 1}`;
    const block = open.get(key);
    if (block) {
      open.delete(key);
      block.right = run.right;
      block.cells.forEach((row, i) => row.push(run.cells[i][0]));
      open.set(`${block.top}:${block.bottom}:${block.right}`, block);
    } else {
      blocks.push(run);
      open.set(`${run.top}:${run.bottom}:${run.right}`, run);
    }
  }
  return blocks;
}

/**
 * The value Office.js gets for a plan value. Office parses `values` like typed input ("1/2"
 * becomes a date, "=x" a formula, "-x" a formula too), so every string goes in behind an
 * apostrophe: Excel's quote prefix, which keeps it literal text, is not part of the value, and
 * goes when the cell is emptied. (Number format "@" would also keep text, but it stays on the cell
 * after clear and changes how the user's later entries there are read.)
 */
function officeValue(value: string | number | null): string | number {
  if (value === null || value === '') return '';
  return typeof value === 'string' ? `'${value}` : value;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The request size of one action carrying `data`, as an upper estimate. */
function actionBytes(data: unknown): number {
  return ACTION_OVERHEAD_BYTES + (data === undefined ? 0 : utf8Length(JSON.stringify(data)));
}

/** A piece of a write batch: queues its actions on a context; knows its request size. */
interface Step {
  bytes: number;
  queue(scope: BatchScope): void;
}

/** Proxies shared by the steps of one batch, so each sheet is looked up once per request. */
class BatchScope {
  private readonly sheets = new Map<string, Excel.Worksheet>();

  constructor(readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }

  remember(name: string, ws: Excel.Worksheet): void {
    this.sheets.set(name, ws);
  }
}

function rangeOf(ws: Excel.Worksheet, r: Rect): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** Row slices of a block, each carrying at most about `budget` bytes of values and formats. */
function sliceRows(block: Block, budget: number): Block[] {
  const slices: Block[] = [];
  let start = 0;
  let bytes = 0;
  block.cells.forEach((row, i) => {
    const rowBytes = utf8Length(JSON.stringify(row.map((w) => [w.value, w.numberFormat ?? null])));
    if (i > start && bytes + rowBytes > budget) {
      slices.push({
        ...block,
        top: block.top + start,
        bottom: block.top + i - 1,
        cells: block.cells.slice(start, i),
      });
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  slices.push({ ...block, top: block.top + start, cells: block.cells.slice(start) });
  return slices;
}

/** The steps writing `writes` onto the sheet named `sheet`: values and formats, styles, links. */
function cellSteps(
  sheet: string,
  planned: CellWrite[],
  maxBytes: number,
  separator: ListSeparator,
): Step[] {
  const writes = latestWrites(planned);
  const steps: Step[] = [];
  const slices = toBlocks(writes).flatMap((block) => sliceRows(block, maxBytes / 2));
  for (const block of slices) {
    const values = block.cells.map((row) =>
      row.map((w) =>
        officeValue(w.link && (w.value === null || w.value === '') ? w.link.cell : w.value),
      ),
    );
    const hasFormats = block.cells.some((row) => row.some((w) => w.numberFormat !== undefined));
    const formats = hasFormats
      ? block.cells.map((row) => row.map((w) => w.numberFormat ?? null))
      : null;
    steps.push({
      bytes: actionBytes(values) + (formats ? actionBytes(formats) : 0),
      queue: (scope) => {
        const range = rangeOf(scope.sheet(sheet), block);
        if (formats) range.numberFormat = formats as string[][];
        range.values = values;
      },
    });
  }
  for (const group of styleGroups(writes, separator)) {
    // Excel gets the address once; the in-memory host counts it in every action's path.
    const calls = group.key === 'border' ? borderEdges(group).length : 1;
    steps.push({
      bytes: calls * (actionBytes(group.value) + utf8Length(group.address)),
      queue: (scope) => queueStyle(scope.sheet(sheet).getRanges(group.address).format, group),
    });
  }
  for (const w of writes) {
    if (!w.link) continue;
    const hyperlink: Excel.RangeHyperlink = {
      documentReference: sheetRef(w.link.sheet, w.link.cell),
      screenTip: sheetRef(w.link.sheet, w.link.cell),
    };
    // A cell of another workbook: the file, then the place in it.
    if (w.link.file !== undefined) hyperlink.address = w.link.file;
    // Without textToDisplay, some Excels show the link's address in the cell; say what it shows.
    if (typeof w.value === 'string' && w.value !== '') hyperlink.textToDisplay = w.value;
    steps.push({
      bytes: actionBytes(hyperlink),
      queue: (scope) => {
        rangeOf(scope.sheet(sheet), {
          top: w.row,
          left: w.col,
          bottom: w.row,
          right: w.col,
        }).hyperlink = hyperlink;
      },
    });
  }
  return steps;
}

/** Runs of consecutive columns with the same width: one action each. */
function widthRuns(widths: number[]): { left: number; right: number; width: number }[] {
  const runs: { left: number; right: number; width: number }[] = [];
  widths.forEach((width, col) => {
    if (!(width > 0)) return;
    const last = runs[runs.length - 1];
    if (last && last.right === col - 1 && last.width === width) last.right = col;
    else runs.push({ left: col, right: col, width });
  });
  return runs;
}

interface SheetPlanOptions {
  /** Tab position to put the new sheet at (a replaced summary keeps its place). */
  position?: number;
  activate?: boolean;
  /** Called with the new sheet's proxy, e.g. to load its id. */
  onCreated?: (ws: Excel.Worksheet) => void;
}

/**
 * Calls reported to fail with GeneralException on some Excels whatever their arguments (freeze
 * panes, activate, merge, page layout: docs/excel/excel-add-ins-troubleshooting.md; office-js#2196,
 * #1860). They go last, after every result, so a failure costs only the look of a sheet.
 */
const COSMETIC_CALL =
  /freeze|activate|merge|pageLayout|zoom|columnWidth|rowHeight|autofit|conditionalFormat|headersFooters|printTitle|PageBreak/i;

/** Whether an Office error happened in one of the cosmetic calls (its errorLocation says where). */
function failedInCosmetics(error: unknown): boolean {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo
    ?.errorLocation;
  return typeof location === 'string' && COSMETIC_CALL.test(location);
}

/** A whole sheet from a SheetPlan (the summary, a blank template): content, then its look. */
interface SheetPlanSteps {
  content: Step[];
  /** The layout, then the printing (row heights, page setup, data bars). */
  cosmetics: Step[];
}

function sheetPlanSteps(
  plan: SheetPlan,
  options: SheetPlanOptions,
  maxBytes: number,
  separator: ListSeparator,
): SheetPlanSteps {
  const create: Step = {
    bytes: actionBytes(plan.name) * 2,
    queue: (scope) => {
      const ws = scope.context.workbook.worksheets.add(plan.name);
      if (options.position !== undefined) ws.position = options.position;
      scope.remember(plan.name, ws);
      options.onCreated?.(ws);
    },
  };
  const print: Step[] = printActions(plan).map((action) => ({
    bytes: action.calls * (ACTION_OVERHEAD_BYTES + 2 * utf8Length(plan.name)),
    queue: (scope) => action.queue(scope.sheet(plan.name)),
  }));
  const layout: Step = {
    bytes:
      actionBytes(plan.merges) +
      actionBytes(plan.columnWidths) +
      ACTION_OVERHEAD_BYTES * (plan.merges.length + plan.columnWidths.length + 6),
    queue: (scope) => {
      const ws = scope.sheet(plan.name);
      // Values before merges: a merge keeps its top-left cell's value.
      for (const m of plan.merges) rangeOf(ws, m).merge(false);
      for (const run of widthRuns(plan.columnWidths)) {
        const columns = `${columnLetters(run.left)}:${columnLetters(run.right)}`;
        ws.getRange(columns).format.columnWidth = charactersToPoints(run.width);
      }
      const { rows, columns } = plan.freeze;
      if (rows > 0 && columns > 0)
        ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, columns));
      else if (rows > 0) ws.freezePanes.freezeRows(rows);
      else if (columns > 0) ws.freezePanes.freezeColumns(columns);
      if (options.activate) ws.activate();
    },
  };
  // Values before merges: a merge keeps its top-left cell's value; heights after the text.
  return {
    content: [create, ...cellSteps(plan.name, withFont(plan), maxBytes, separator)],
    cosmetics: [layout, ...print],
  };
}

/** Splits steps into batches under the request limit; a step is never split. */
function toBatches(steps: Step[], maxBytes: number): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  for (const step of steps) {
    if (current.length > 0 && bytes + step.bytes > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function quoteList(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** Raised before anything is queued: the plan writes to a protected sheet. */
function protectedSheetsError(names: string[]): UserFacingError {
  const one = names.length === 1;
  return new UserFacingError({
    vi: `${one ? 'Trang tính' : 'Các trang tính'} ${quoteList(names)} đang được bảo vệ nên không thể ghi kết quả. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ Trang tính) rồi thử lại. Chưa có gì được ghi.`,
    en: `${one ? 'Sheet' : 'Sheets'} ${quoteList(names)} ${one ? 'is' : 'are'} protected, so the results cannot be written. Unprotect ${one ? 'it' : 'them'} (Review › Unprotect Sheet) and try again. Nothing has been written.`,
  });
}

const STRUCTURE_PROTECTED: Localized = {
  vi: 'Cấu trúc sổ làm việc đang được bảo vệ nên không thể thêm hay xóa trang tính Tổng hợp. Hãy bỏ bảo vệ (Xem lại › Bảo vệ Sổ làm việc) rồi thử lại. Chưa có gì được ghi.',
  en: 'The workbook structure is protected (Protect Workbook), so the summary sheet cannot be added or removed. Turn it off (Review › Protect Workbook) and try again. Nothing has been written.',
};

const WORKBOOK_CHANGED: Localized = {
  vi: 'Sổ làm việc đã thay đổi kể từ lúc đọc (một trang tính đã được đổi tên hoặc xóa, hoặc có hàng, cột được chèn hay xóa trong trang tính báo cáo). Chưa có gì được ghi. Hãy chạy lại.',
  en: 'The workbook changed after it was read (a sheet was renamed or deleted, or rows or columns were inserted or deleted in a report sheet). Nothing has been written. Please run it again.',
};

/** A planned cell inside a merged area, other than the area's top-left cell. */
interface CoveredCell {
  sheet: string;
  cell: string;
  /** The merged area's top-left cell, which shows its value. */
  anchor: string;
}

/** The cells of `writes` that lie in a merged area of `sheet` and are not its top-left cell. */
function coveredCells(sheet: SheetSnapshot, writes: CellWrite[]): CoveredCell[] {
  const covered: CoveredCell[] = [];
  for (const w of writes) {
    const merge = sheet.merges?.find(
      (m) => w.row >= m.top && w.row <= m.bottom && w.col >= m.left && w.col <= m.right,
    );
    if (merge && (w.row !== merge.top || w.col !== merge.left)) {
      covered.push({
        sheet: sheet.name,
        cell: `${columnLetters(w.col)}${w.row + 1}`,
        anchor: `${columnLetters(merge.left)}${merge.top + 1}`,
      });
    }
  }
  return covered;
}

/** Raised before anything is queued: the plan writes into merged cells. */
function mergedCellsError(covered: CoveredCell[]): UserFacingError {
  const [{ sheet, cell, anchor }] = covered;
  const more = covered.length - 1;
  return new UserFacingError({
    vi: `Trang "${sheet}", ô ${cell} nằm trong vùng gộp ô bắt đầu từ ${anchor}${more > 0 ? ` (cùng ${more} ô khác)` : ''}, nơi Excel không giữ được kết quả. Hãy bỏ gộp các ô này rồi đánh giá lại. Chưa có gì được ghi.`,
    en: `Sheet "${sheet}", cell ${cell} is inside cells merged from ${anchor}${more > 0 ? ` (and ${more} more cells)` : ''}, where Excel cannot keep a result. Unmerge them and evaluate again. Nothing has been written.`,
  });
}

/** Cells a write request filled, read back in the same request (merges unknown). */
interface ReadBack {
  sheet: string;
  blocks: Block[];
  ranges: Excel.Range[];
}

/**
 * The cells `writes` gives a value whose merges the snapshot does not know: every one when it has
 * no merges (before ExcelApi 1.13), else those outside the used range, where none were read.
 */
function unknownMergeCells(sheet: SheetSnapshot, writes: CellWrite[]): CellWrite[] {
  const filled = latestWrites(writes).filter(
    (w) => (w.value !== null && w.value !== '') || w.link !== undefined,
  );
  if (!sheet.merges) return filled;
  const { row, col } = sheet.origin;
  const rows = sheet.values.length;
  const columns = sheet.values[0]?.length ?? 0;
  return filled.filter(
    (w) => w.row < row || w.row >= row + rows || w.col < col || w.col >= col + columns,
  );
}

/**
 * Reads back, after the writes of `sheet`, the cells of `filled`: Excel drops a value written
 * into a covered cell of a merge, and where the merges are not known that is the only way to know.
 */
function readBackStep(sheet: string, filled: CellWrite[], readBacks: ReadBack[]): Step {
  const blocks = toBlocks(filled);
  return {
    bytes: ACTION_OVERHEAD_BYTES * blocks.length,
    queue: (scope) => {
      const ws = scope.sheet(sheet);
      readBacks.push({
        sheet,
        blocks,
        ranges: blocks.map((b) => rangeOf(ws, b).load('valueTypes')),
      });
    },
  };
}

/** The cells read back empty, by sheet. */
function droppedCells(readBacks: ReadBack[]): Map<string, string[]> {
  const dropped = new Map<string, string[]>();
  for (const { sheet, blocks, ranges } of readBacks) {
    blocks.forEach((block, i) => {
      ranges[i].valueTypes.forEach((row, r) =>
        row.forEach((type, c) => {
          if (type !== 'Empty') return;
          const cells = dropped.get(sheet) ?? [];
          cells.push(`${columnLetters(block.left + c)}${block.top + r + 1}`);
          dropped.set(sheet, cells);
        }),
      );
    });
  }
  return dropped;
}

const MAX_CELLS_NAMED = 6;

/** After the writes: the results Excel did not keep (covered cells of merges not known before). */
function droppedCellsError(dropped: Map<string, string[]>): UserFacingError {
  const parts = [...dropped].map(([sheet, cells]) => {
    const named = cells.slice(0, MAX_CELLS_NAMED).join(', ');
    const rest = cells.length - MAX_CELLS_NAMED;
    return {
      vi: `trang "${sheet}": ô ${named}${rest > 0 ? ` và ${rest} ô khác` : ''}`,
      en: `sheet "${sheet}": cell${cells.length > 1 ? 's' : ''} ${named}${rest > 0 ? ` and ${rest} more` : ''}`,
    };
  });
  return new UserFacingError({
    vi: `Excel không giữ được kết quả ở ${parts.map((p) => p.vi).join('; ')}. Các ô này nằm trong vùng gộp ô, nơi Excel chỉ giữ ô trên cùng bên trái. Các kết quả khác đã được ghi. Hãy bỏ gộp các ô này rồi đánh giá lại.`,
    en: `Excel did not keep the results in ${parts.map((p) => p.en).join('; ')}. These cells are merged (Merge), and Excel keeps only the top-left cell of merged cells. The other results have been written. Unmerge the cells and evaluate again.`,
  });
}

export interface ApplyOutcome {
  /** What did not go as planned but cost no result (the summary's layout), in plain words. */
  notes: Localized[];
}

export interface ApplyOptions {
  activity: Extract<OfficeActivity, 'write' | 'clear'>;
  /** Show the summary sheet once made (the secretariat asked for it). */
  activateSummary?: boolean;
  maxRequestBytes?: number;
}

/**
 * Applies a write plan to the workbook that `read` describes. Checks first, in JavaScript, what
 * the snapshot already tells (protected sheets, a protected structure); then one write batch
 * (more only past the request limit) that opens with the checks that the workbook has not changed.
 */
export async function applyWritePlan(
  context: Excel.RequestContext,
  read: OfficeWorkbookRead,
  plan: WritePlan,
  counter: SyncCounter,
  options: ApplyOptions,
): Promise<ApplyOutcome> {
  const byName = new Map(read.sheets.map((s) => [s.name, s]));
  const written = plan.sheets.filter((s) => s.cells.length > 0);
  for (const s of written) {
    if (!byName.has(s.sheet)) {
      throw new UserFacingError({
        vi: `Không tìm thấy trang tính "${s.sheet}" để ghi kết quả. Chưa có gì được ghi; hãy chạy lại.`,
        en: `Sheet "${s.sheet}" to write the results to was not found. Nothing has been written; please run it again.`,
      });
    }
  }
  const locked = written.filter((s) => byName.get(s.sheet)!.protected).map((s) => s.sheet);
  if (locked.length > 0) throw protectedSheetsError(locked);
  const snapshots = new Map(read.snapshot.sheets.map((sheet) => [sheet.name, sheet]));
  const covered = written.flatMap((s) => coveredCells(snapshots.get(s.sheet)!, s.cells));
  if (covered.length > 0) throw mergedCellsError(covered);
  const deleteSheets = (plan.deleteSheets ?? []).filter((name) => byName.has(name));
  // The summary and the sheets made with it (the unit matrix), each made or replaced alike.
  const madeSheets = plan.summary ? [plan.summary, ...(plan.extraSheets ?? [])] : [];
  if (read.structureProtected && (madeSheets.length > 0 || deleteSheets.length > 0)) {
    throw new UserFacingError(STRUCTURE_PROTECTED);
  }
  for (const made of madeSheets) {
    if (made.replace || !byName.has(made.name)) continue;
    throw new UserFacingError({
      vi: `Đã có trang tính "${made.name}" do người dùng tạo; add-in không ghi đè lên nó. Chưa có gì được ghi.`,
      en: `A sheet "${made.name}" made by the user already exists; the add-in does not overwrite it. Nothing has been written.`,
    });
  }
  const existingNames = read.snapshot.names ?? {};
  const namesToDelete = [
    ...new Set([...(plan.deleteNames ?? []), ...Object.keys(plan.setNames ?? {})]),
  ].filter((name) => name in existingNames);

  // The checks: each throws ItemNotFound before any write if the workbook is not as read.
  const guard: Step = {
    bytes: ACTION_OVERHEAD_BYTES * (read.sheets.length + written.length * 6 + namesToDelete.length),
    queue: (scope) => {
      for (const info of read.sheets) scope.sheet(info.name).load('name');
      for (const s of written) {
        const usedRange = byName.get(s.sheet)!.usedRange;
        if (!usedRange) continue;
        const [first, last = first] = usedRange.split(':');
        const ws = scope.sheet(s.sheet);
        const used = ws.getUsedRange(true);
        used.getCell(0, 0).getIntersection(ws.getRange(first)).load('address');
        used.getLastCell().getIntersection(ws.getRange(last)).load('address');
      }
      for (const name of namesToDelete) scope.context.workbook.names.getItem(name).load('name');
    },
  };

  const maxBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const notes: Localized[] = [];
  const readBacks: ReadBack[] = [];
  const readBackSteps = new Set<Step>();
  let madeProxies: Excel.Worksheet[] = [];

  /**
   * Every step of the write, with styles joined by `separator`: the results and the made sheets'
   * content first, then their look (cosmetics, printing), then the summary's chart.
   */
  const stepsWith = (separator: ListSeparator): { steps: Step[]; late: Set<Step> } => {
    readBacks.length = 0;
    readBackSteps.clear();
    madeProxies = [];
    const steps: Step[] = [guard, separatorProbe(written, separator)];
    const late: Step[] = [];
    madeSheets.forEach((made, i) => {
      const replaced = made.replace ? byName.get(made.name) : undefined;
      if (replaced) {
        steps.push({
          bytes: actionBytes(made.name),
          queue: (scope) => scope.sheet(made.name).delete(),
        });
      }
      const madeSteps = sheetPlanSteps(
        made,
        {
          position: replaced?.position,
          activate: i === 0 && options.activateSummary,
          onCreated: (ws) => {
            ws.load('id');
            madeProxies.push(ws);
          },
        },
        maxBytes,
        separator,
      );
      steps.push(...madeSteps.content);
      late.push(...madeSteps.cosmetics);
    });
    for (const name of deleteSheets) {
      steps.push({ bytes: actionBytes(name), queue: (scope) => scope.sheet(name).delete() });
    }
    for (const s of written) {
      steps.push(...cellSteps(s.sheet, s.cells, maxBytes, separator));
      const unknown = unknownMergeCells(snapshots.get(s.sheet)!, s.cells);
      if (unknown.length > 0) {
        const step = readBackStep(s.sheet, unknown, readBacks);
        readBackSteps.add(step);
        steps.push(step);
      }
    }
    if (namesToDelete.length > 0 || plan.setNames) {
      const setNames = Object.entries(plan.setNames ?? {});
      steps.push({
        bytes: actionBytes(namesToDelete) + actionBytes(setNames),
        queue: (scope) => {
          const names = scope.context.workbook.names;
          for (const name of namesToDelete) names.getItem(name).delete();
          for (const [name, reference] of setNames) names.add(name, `=${reference}`);
        },
      });
    }
    // The summary's chart comes last, after every result (see chartStep).
    const chart = chartStep(madeSheets);
    if (chart) late.push(chart);
    steps.push(...late);
    return { steps, late: new Set(late) };
  };

  // Known before the request goes: Excel may report the change before the sync resolves.
  for (const s of written) {
    const id = byName.get(s.sheet)!.id;
    for (const block of toBlocks(s.cells)) rememberOwnWrite(id, block);
  }

  let separator = listSeparator(read.decimalSeparator);
  let retried = false;
  for (;;) {
    const { steps, late } = stepsWith(separator);
    const batches = toBatches(steps, maxBytes);
    try {
      for (let i = 0; i < batches.length; i++) {
        const scope = new BatchScope(context);
        const readBacksBefore = readBacks.length;
        if (i === 0) eventsOff(scope);
        for (const step of batches[i]) step.queue(scope);
        if (i === batches.length - 1) eventsOn(scope);
        try {
          await counter.sync(context);
        } catch (error) {
          const last = i === batches.length - 1;
          if (
            last &&
            batches[i].some((step) => late.has(step)) &&
            (failedInCosmetics(error) || isChartFailure(error))
          ) {
            // Every result was written; only the look of the made sheets (or the chart) is
            // lost, and what the batch loaded (new sheets' ids, read-backs): load it again.
            notes.push(cosmeticsNote(madeSheets[0]?.name ?? ''));
            readBacks.splice(readBacksBefore);
            madeProxies = await afterCosmeticsFailure(
              context,
              counter,
              madeSheets.map((made) => made.name),
              () => {
                const again = new BatchScope(context);
                for (const step of batches[i]) if (readBackSteps.has(step)) step.queue(again);
              },
            );
            break;
          }
          throw Object.assign(new BatchFailure(error), { batch: i });
        }
      }
      learnListSeparator(separator);
      break;
    } catch (failure) {
      const error = failure instanceof BatchFailure ? failure.error : failure;
      const batch = failure instanceof BatchFailure ? failure.batch : 0;
      await restoreEvents(context, counter);
      if (batch === 0 && !retried && isSeparatorRefusal(error)) {
        // The probe right after the checks refused the separator: nothing is written yet.
        retried = true;
        separator = otherSeparator(separator);
        continue;
      }
      if (batch === 0 && isGuardFailure(error)) {
        throw new UserFacingError(WORKBOOK_CHANGED, { cause: error });
      }
      throw toUserFacingError(error, { activity: options.activity });
    }
  }

  for (const made of madeProxies) rememberOwnWrite(made.id, WHOLE_SHEET);
  const dropped = droppedCells(readBacks);
  if (dropped.size > 0) throw droppedCellsError(dropped);
  return { notes };
}

/** A failed sync of a write, and which batch it was. */
class BatchFailure {
  batch = 0;
  constructor(readonly error: unknown) {}
}

/**
 * Events off for the add-in while it writes (`context.runtime.enableEvents`, ExcelApi 1.8,
 * docs/excel/excel-add-ins-events.md), so its own writes do not reach live mode; on again at the
 * end of the same request. Excels that raise them anyway are handled by ./own-writes.
 */
function eventsOff(scope: BatchScope): void {
  scope.context.runtime.enableEvents = false;
}

function eventsOn(scope: BatchScope): void {
  scope.context.runtime.enableEvents = true;
}

/** After a failed write: events back on, so live mode keeps hearing the user's edits. */
async function restoreEvents(context: Excel.RequestContext, counter: SyncCounter): Promise<void> {
  try {
    context.runtime.enableEvents = true;
    await counter.sync(context);
  } catch {
    // Nothing more can be done; the next successful write turns them on again.
  }
}

/**
 * After the summary's layout failed (its sheet and every result are written, but the request's
 * loads did not come back): events on again, and the summary sheet's id, for ./own-writes.
 */
async function afterCosmeticsFailure(
  context: Excel.RequestContext,
  counter: SyncCounter,
  made: string[],
  queueReadBacks: () => void,
): Promise<Excel.Worksheet[]> {
  try {
    const sheets = made.map((name) => context.workbook.worksheets.getItem(name));
    for (const ws of sheets) ws.load('id');
    queueReadBacks();
    context.runtime.enableEvents = true;
    await counter.sync(context);
    return sheets;
  } catch {
    return [];
  }
}

/**
 * Checks, before anything is written, that getRanges takes `separator` (office-js#1167): a
 * two-area address on the first written sheet. Nothing when no sheet is written.
 */
function separatorProbe(written: { sheet: string }[], separator: ListSeparator): Step {
  return {
    bytes: ACTION_OVERHEAD_BYTES,
    queue: (scope) => {
      if (written.length === 0) return;
      scope.sheet(written[0].sheet).getRanges(`A1${separator}A2`).load('areaCount');
    },
  };
}

/**
 * Whether the first write request stopped at its checks: ItemNotFound, the documented answer of
 * getItem and of getIntersection when the ranges do not meet; any error Excel locates in
 * getIntersection counts too, should it answer that with another code.
 */
function isGuardFailure(error: unknown): boolean {
  if (officeErrorCode(error) === 'ItemNotFound') return true;
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo
    ?.errorLocation;
  return typeof location === 'string' && /getIntersection/i.test(location);
}

/** Whether Excel refused a getRanges address (the list separator, most likely). */
function isSeparatorRefusal(error: unknown): boolean {
  if (officeErrorCode(error) !== 'InvalidArgument') return false;
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo
    ?.errorLocation;
  return typeof location !== 'string' || /getRanges/i.test(location);
}

function cosmeticsNote(sheet: string): Localized {
  return {
    vi: `Mọi kết quả và bảng tổng hợp đã được ghi, nhưng Excel không áp dụng được phần trình bày của trang "${sheet}" (cố định hàng tiêu đề, gộp ô, độ rộng cột, khổ in). Có thể chỉnh tay trong Excel; các số liệu không bị ảnh hưởng.`,
    en: `Every result and the summary have been written, but Excel could not apply the layout of sheet "${sheet}" (frozen header, merged cells, column widths, page setup). You can adjust it by hand; the figures are not affected.`,
  };
}

/**
 * The summary's native chart (SPEC §10), queued after everything else of the last request: Excel
 * runs a batch in order and stops at a failing action, with the actions before it done, so a
 * chart Excel cannot make costs only the chart (office-js docs, "Error handling with the
 * application-specific JavaScript APIs": the batch is not rolled back).
 */
function chartStep(sheets: SheetPlan[]): Step | null {
  const charted = sheets.filter((s) => s.chart);
  if (charted.length === 0) return null;
  return {
    bytes: charted.length * ACTION_OVERHEAD_BYTES * 16,
    queue: (scope) => {
      for (const sheet of charted) queueChart(scope.context, sheet.name, sheet.chart!);
    },
  };
}

/** Whether Excel stopped a batch at one of the chart's actions. */
function isChartFailure(error: unknown): boolean {
  const location = (error as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo
    ?.errorLocation;
  return typeof location === 'string' && /chart/i.test(location);
}

/** Adds a whole sheet (a blank report template) in one sync; the caller chose a free name. */
export async function addSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  counter: SyncCounter,
  decimalSeparator: string | null = null,
): Promise<void> {
  let created: Excel.Worksheet | null = null;
  const { content, cosmetics } = sheetPlanSteps(
    plan,
    {
      activate: true,
      onCreated: (ws) => {
        ws.load('id');
        created = ws;
      },
    },
    MAX_REQUEST_BYTES,
    listSeparator(decimalSeparator),
  );
  for (const batch of toBatches([...content, ...cosmetics], MAX_REQUEST_BYTES)) {
    const scope = new BatchScope(context);
    for (const step of batch) step.queue(scope);
    await counter.sync(context);
  }
  const made = created as Excel.Worksheet | null;
  if (made) rememberOwnWrite(made.id, WHOLE_SHEET);
}
