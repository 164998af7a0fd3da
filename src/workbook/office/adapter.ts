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
import { columnLetters, parseA1, sheetRef } from '../../template/address';
import type { CellWrite, SheetPlan, SheetSnapshot, WritePlan } from '../../template/types';
import { UserFacingError } from '../errors';
import { officeErrorCode, toUserFacingError, type OfficeActivity } from './errors';
import { localAddress, type OfficeWorkbookRead } from './read';
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
function cellSteps(sheet: string, planned: CellWrite[], maxBytes: number): Step[] {
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
  for (const group of styleGroups(writes)) {
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

/** The steps that make a whole sheet from a SheetPlan (the summary, a blank template). */
function sheetPlanSteps(plan: SheetPlan, options: SheetPlanOptions, maxBytes: number): Step[] {
  const create: Step = {
    bytes: actionBytes(plan.name) * 2,
    queue: (scope) => {
      const ws = scope.context.workbook.worksheets.add(plan.name);
      if (options.position !== undefined) ws.position = options.position;
      scope.remember(plan.name, ws);
      options.onCreated?.(ws);
    },
  };
  const layout: Step = {
    bytes:
      actionBytes(plan.merges) +
      actionBytes(plan.columnWidths) +
      ACTION_OVERHEAD_BYTES * (plan.merges.length + plan.columnWidths.length + 6),
    queue: (scope) => {
      const ws = scope.sheet(plan.name);
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
      if (plan.page) {
        ws.pageLayout.orientation =
          plan.page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        ws.pageLayout.paperSize = 'A4';
        ws.pageLayout.zoom = { horizontalFitToPages: plan.page.fitToWidth, verticalFitToPages: 0 };
      }
      if (options.activate) ws.activate();
    },
  };
  // Values before merges: a merge keeps its top-left cell's value.
  return [create, ...cellSteps(plan.name, plan.cells, maxBytes), layout];
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

/** Where this add-in has written, per worksheet id, so live mode can ignore its own changes. */
const ownWrites = new Map<string, Map<string, Rect>>();
const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };

function rememberOwnWrite(sheetId: string, rect: Rect): void {
  const rects = ownWrites.get(sheetId) ?? new Map<string, Rect>();
  rects.set(`${rect.top},${rect.left},${rect.bottom},${rect.right}`, rect);
  ownWrites.set(sheetId, rects);
}

function parseRect(address: string): Rect | null {
  const [first, last = first] = localAddress(address).split(':');
  const a = parseA1(first);
  const b = parseA1(last);
  if (!a || !b) return null;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** Whether a change Excel reports lies wholly in cells this add-in has written. */
export function isOwnChange(worksheetId: string, address: string): boolean {
  const changed = parseRect(address);
  const rects = ownWrites.get(worksheetId);
  if (!changed || !rects) return false;
  return [...rects.values()].some(
    (r) =>
      r.top <= changed.top &&
      r.left <= changed.left &&
      r.bottom >= changed.bottom &&
      r.right >= changed.right,
  );
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
): Promise<void> {
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
  const replaced = plan.summary?.replace ? byName.get(plan.summary.name) : undefined;
  if (read.structureProtected && (plan.summary || deleteSheets.length > 0)) {
    throw new UserFacingError(STRUCTURE_PROTECTED);
  }
  if (plan.summary && !plan.summary.replace && byName.has(plan.summary.name)) {
    throw new UserFacingError({
      vi: `Đã có trang tính "${plan.summary.name}" do người dùng tạo; add-in không ghi đè lên nó. Chưa có gì được ghi.`,
      en: `A sheet "${plan.summary.name}" made by the user already exists; the add-in does not overwrite it. Nothing has been written.`,
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
  let summarySheet: Excel.Worksheet | null = null;
  const steps: Step[] = [guard];
  if (plan.summary) {
    const summary = plan.summary;
    if (replaced) {
      steps.push({
        bytes: actionBytes(summary.name),
        queue: (scope) => scope.sheet(summary.name).delete(),
      });
    }
    steps.push(
      ...sheetPlanSteps(
        summary,
        {
          position: replaced?.position,
          activate: options.activateSummary,
          onCreated: (ws) => {
            ws.load('id');
            summarySheet = ws;
          },
        },
        maxBytes,
      ),
    );
  }
  for (const name of deleteSheets) {
    steps.push({ bytes: actionBytes(name), queue: (scope) => scope.sheet(name).delete() });
  }
  const readBacks: ReadBack[] = [];
  for (const s of written) {
    steps.push(...cellSteps(s.sheet, s.cells, maxBytes));
    const unknown = unknownMergeCells(snapshots.get(s.sheet)!, s.cells);
    if (unknown.length > 0) steps.push(readBackStep(s.sheet, unknown, readBacks));
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

  const batches = toBatches(steps, maxBytes);
  for (let i = 0; i < batches.length; i++) {
    const scope = new BatchScope(context);
    for (const step of batches[i]) step.queue(scope);
    try {
      await counter.sync(context);
    } catch (error) {
      if (i === 0 && officeErrorCode(error) === 'ItemNotFound') {
        throw new UserFacingError(WORKBOOK_CHANGED, { cause: error });
      }
      throw toUserFacingError(error, { activity: options.activity });
    }
  }

  for (const s of written) {
    const id = byName.get(s.sheet)!.id;
    for (const block of toBlocks(s.cells)) rememberOwnWrite(id, block);
  }
  const made = summarySheet as Excel.Worksheet | null;
  if (made) rememberOwnWrite(made.id, WHOLE_SHEET);
  const dropped = droppedCells(readBacks);
  if (dropped.size > 0) throw droppedCellsError(dropped);
}

/** Adds a whole sheet (a blank report template) in one sync; the caller chose a free name. */
export async function addSheet(
  context: Excel.RequestContext,
  plan: SheetPlan,
  counter: SyncCounter,
): Promise<void> {
  let created: Excel.Worksheet | null = null;
  const steps = sheetPlanSteps(
    plan,
    {
      activate: true,
      onCreated: (ws) => {
        ws.load('id');
        created = ws;
      },
    },
    MAX_REQUEST_BYTES,
  );
  for (const batch of toBatches(steps, MAX_REQUEST_BYTES)) {
    const scope = new BatchScope(context);
    for (const step of batch) step.queue(scope);
    await counter.sync(context);
  }
  const made = created as Excel.Worksheet | null;
  if (made) rememberOwnWrite(made.id, WHOLE_SHEET);
}
