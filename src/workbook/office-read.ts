/**
 * The open workbook as a WorkbookSnapshot (what the reader and the engine see): the snapshot the
 * ExcelJS adapter gives for the same file, less `formulas`, which nothing downstream reads and
 * which would double the text of every sheet in the response.
 *
 * Round trips. Office.js cannot name a sheet's used range before it knows the sheet, so reading
 * takes two syncs: the sheet list (names, protection, visibility) with the defined names, then
 * every used range at once. No size is known before that second request. When Excel refuses it
 * as too large (Excel on the web answers at most 5 MB; no platform reads more than five million
 * cells of a range at once), the used ranges are measured in one more sync, then read in row
 * slices packed several sheets to a request under the limit: the syncs then grow with the size of
 * the workbook, never with its number of sheets.
 */
import type { Localized } from '../catalogue/types';
import { parseA1, toA1 } from '../template/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../template/types';
import { UserFacingError } from './errors';
import { officeErrorCode } from './office-errors';
import type { SyncCounter } from './office-sync';

export interface SheetInfo {
  name: string;
  id: string;
  position: number;
  visible: boolean;
  protected: boolean;
  /** A1 rectangle of the used range (values only), e.g. "A1:K40"; null for an empty sheet. */
  usedRange: string | null;
}

export interface OfficeWorkbookRead {
  snapshot: WorkbookSnapshot;
  /** Tab order, as read. */
  sheets: SheetInfo[];
  /** Workbook structure protection: no sheet may be added or deleted. */
  structureProtected: boolean;
}

export interface ReadOptions {
  /** The largest response a sliced read plans for; default MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
}

/** Excel on the web refuses responses over 5 MB; a sliced read plans for less. */
export const MAX_RESPONSE_BYTES = 4_500_000;
/**
 * What one cell costs in a response on average, as JSON of its value, value type and number
 * format: about 21 bytes empty, 30 for a number, its length more for text. A slice planned with it
 * that Excel still refuses is split in two.
 */
const RESPONSE_BYTES_PER_CELL = 64;
/**
 * A workbook needing more requests than this (about a million cells, 70 MB) is almost surely a
 * stray entry far down or right; it gets a plain message rather than minutes of round trips.
 */
const MAX_READ_REQUESTS = 16;

const CELL_FIELDS = 'values,valueTypes,numberFormat';
const GENERAL = 'General';

/** "'Báo cáo'!B2:K40" → "B2:K40". Sheet names cannot contain "!" unquoted, but may quoted. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rectOf(address: string): Rect {
  const [first, last = first] = localAddress(address).split(':');
  const a = parseA1(first);
  const b = parseA1(last);
  if (!a || !b) throw new Error(`Unreadable range address from Excel: ${address}`);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

function rangeAddress(rect: Rect): string {
  const first = toA1(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right
    ? first
    : `${first}:${toA1(rect.bottom, rect.right)}`;
}

/** Office gives every cell as number, string or boolean; valueTypes says which are errors. */
function toCellValue(value: unknown, type: string): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return Boolean(value);
    case 'Integer':
    case 'Double':
      return typeof value === 'number' ? value : Number(value);
    default:
      if (value === null || value === undefined || value === '') return null;
      return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
  }
}

/** Rows of a sheet's used range as the snapshot holds them. */
interface Cells {
  values: CellValue[][];
  numberFormats: string[][];
}

function cellsOf(range: Excel.Range): Cells {
  const raw = range.values as unknown[][];
  const types = range.valueTypes as string[][];
  const formats = range.numberFormat as unknown[][];
  return {
    values: raw.map((row, i) => row.map((v, j) => toCellValue(v, types[i][j]))),
    numberFormats: formats.map((row) => row.map((f) => (typeof f === 'string' && f ? f : GENERAL))),
  };
}

/** Whether Excel refused a read for its size (and a smaller one would do). */
function isTooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}

/** The used range of one sheet, read. */
interface UsedCells {
  rect: Rect;
  cells: Cells;
}

/** Every used range in one request: the usual case, two syncs in all. */
async function readAtOnce(
  context: Excel.RequestContext,
  counter: SyncCounter,
  items: Excel.Worksheet[],
): Promise<(UsedCells | null)[]> {
  const ranges = items.map((ws) => {
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(`address,${CELL_FIELDS}`);
    return used;
  });
  await counter.sync(context);
  return ranges.map((range) =>
    range.isNullObject ? null : { rect: rectOf(range.address), cells: cellsOf(range) },
  );
}

/** Rows `top` to `top + rows - 1` (absolute) of the used range of the sheet at `sheet`. */
interface Slice {
  sheet: number;
  top: number;
  rows: number;
}

function tooLargeError(name: string, detail: Localized): UserFacingError {
  return new UserFacingError({
    vi: `Sổ làm việc quá lớn để Excel đọc: sheet "${name}" ${detail.vi}. Hãy xóa các hàng, cột trống thừa ở cuối sheet (Ctrl+End cho biết ô cuối) hoặc tách sổ thành nhiều tệp. Chưa có gì được ghi.`,
    en: `The workbook is too large for Excel to read: sheet "${name}" ${detail.en}. Delete unused rows and columns at the end of the sheet (Ctrl+End shows the last cell) or split the workbook. Nothing has been written.`,
  });
}

/** Row slices of every used range, packed into requests of about `cellBudget` cells. */
function planSlices(rects: (Rect | null)[], cellBudget: number): Slice[][] {
  const requests: Slice[][] = [];
  let current: Slice[] = [];
  let cells = 0;
  rects.forEach((rect, sheet) => {
    if (!rect) return;
    const columns = rect.right - rect.left + 1;
    const rowsPerSlice = Math.max(1, Math.floor(cellBudget / columns));
    for (let top = rect.top; top <= rect.bottom; top += rowsPerSlice) {
      const rows = Math.min(rowsPerSlice, rect.bottom - top + 1);
      if (current.length > 0 && cells + rows * columns > cellBudget) {
        requests.push(current);
        current = [];
        cells = 0;
      }
      current.push({ sheet, top, rows });
      cells += rows * columns;
    }
  });
  if (current.length > 0) requests.push(current);
  return requests;
}

/** A refused request in two: its slices in two groups, or its one slice in two row ranges. */
function halves(request: Slice[]): [Slice[], Slice[]] | null {
  if (request.length > 1) {
    const middle = Math.ceil(request.length / 2);
    return [request.slice(0, middle), request.slice(middle)];
  }
  const [slice] = request;
  if (slice.rows < 2) return null;
  const upper = Math.ceil(slice.rows / 2);
  return [
    [{ ...slice, rows: upper }],
    [{ ...slice, top: slice.top + upper, rows: slice.rows - upper }],
  ];
}

/** The used ranges measured, then read in slices under the response limit. */
async function readInSlices(
  context: Excel.RequestContext,
  counter: SyncCounter,
  items: Excel.Worksheet[],
  maxResponseBytes: number,
): Promise<(UsedCells | null)[]> {
  const used = items.map((ws) => {
    ws.load('name');
    return ws.getUsedRangeOrNullObject(true).load('address');
  });
  await counter.sync(context);
  const rects = used.map((range) => (range.isNullObject ? null : rectOf(range.address)));

  const cellBudget = Math.max(1, Math.floor(maxResponseBytes / RESPONSE_BYTES_PER_CELL));
  const queue = planSlices(rects, cellBudget);
  if (queue.length > MAX_READ_REQUESTS) {
    const sizes = rects.map((r) => (r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0));
    const largest = sizes.indexOf(Math.max(...sizes));
    const last = toA1(rects[largest]!.bottom, rects[largest]!.right);
    throw tooLargeError(items[largest].name, {
      vi: `có dữ liệu đến tận ô ${last}`,
      en: `has data as far as cell ${last}`,
    });
  }

  const parts: { top: number; cells: Cells }[][] = items.map(() => []);
  while (queue.length > 0) {
    const request = queue.shift()!;
    const ranges = request.map((slice) => {
      const rect = rects[slice.sheet]!;
      const range = items[slice.sheet].getRangeByIndexes(
        slice.top,
        rect.left,
        slice.rows,
        rect.right - rect.left + 1,
      );
      return range.load(CELL_FIELDS);
    });
    try {
      await counter.sync(context);
    } catch (error) {
      if (!isTooLarge(error)) throw error;
      const split = halves(request);
      if (!split) {
        const row = request[0].top + 1;
        throw tooLargeError(items[request[0].sheet].name, {
          vi: `có quá nhiều dữ liệu ở hàng ${row}`,
          en: `holds too much data in row ${row}`,
        });
      }
      queue.unshift(...split);
      continue;
    }
    request.forEach((slice, i) =>
      parts[slice.sheet].push({ top: slice.top, cells: cellsOf(ranges[i]) }),
    );
  }
  return rects.map((rect, sheet) => {
    if (!rect) return null;
    const ordered = parts[sheet].sort((a, b) => a.top - b.top);
    return {
      rect,
      cells: {
        values: ordered.flatMap((p) => p.cells.values),
        numberFormats: ordered.flatMap((p) => p.cells.numberFormats),
      },
    };
  });
}

function sheetSnapshot(info: SheetInfo, used: UsedCells | null): SheetSnapshot {
  return {
    name: info.name,
    origin: used ? { row: used.rect.top, col: used.rect.left } : { row: 0, col: 0 },
    values: used?.cells.values ?? [],
    numberFormats: used?.cells.numberFormats ?? [],
    protected: info.protected,
    visible: info.visible,
  };
}

/**
 * Reads every worksheet (tab order, hidden ones too) and the workbook's defined names: two
 * syncs, whatever the number of sheets, unless Excel refuses to answer that much at once.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  counter: SyncCounter,
  options: ReadOptions = {},
): Promise<OfficeWorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/position,items/visibility,items/protection/protected');
  const names = context.workbook.names;
  names.load('items/name,items/type,items/formula');
  const structure = context.workbook.protection;
  structure.load('protected');
  await counter.sync(context);

  // The items are bound to their sheets, not to their names: a rename in between is read as is.
  const items = worksheets.items;
  let used: (UsedCells | null)[];
  try {
    used = await readAtOnce(context, counter, items);
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    used = await readInSlices(
      context,
      counter,
      items,
      options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
    );
  }

  const sheets: SheetInfo[] = items.map((ws, i) => ({
    name: ws.name,
    id: ws.id,
    position: ws.position,
    visible: ws.visibility === 'Visible',
    protected: ws.protection.protected,
    usedRange: used[i] ? rangeAddress(used[i].rect) : null,
  }));
  const definedNames: Record<string, string> = {};
  for (const item of names.items) {
    if (typeof item.formula === 'string') definedNames[item.name] = item.formula.replace(/^=/, '');
  }
  return {
    snapshot: {
      sheets: sheets.map((info, i) => sheetSnapshot(info, used[i])),
      names: definedNames,
    },
    sheets,
    structureProtected: structure.protected,
  };
}
