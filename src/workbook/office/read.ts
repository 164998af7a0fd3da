/**
 * The open workbook as a WorkbookSnapshot (what the reader and the engine see): the snapshot the
 * ExcelJS adapter gives for the same file, except that a formula is known only to be there ("=",
 * not its text: the reader needs no more, and the texts would double the response).
 *
 * Round trips. Office.js cannot name a sheet's used range before it knows the sheet, so reading
 * takes two syncs: the sheet list (names, protection, visibility) with the defined names, then
 * every used range at once, with the addresses of its formula cells (Range.getSpecialCells,
 * ExcelApi 1.9) and of its merged areas (Range.getMergedAreasOrNullObject, ExcelApi 1.13): short
 * lists of rectangles, not grids. No size is known before that second request. When Excel refuses
 * it (Excel on the web answers at most 5 MB; no platform reads more than five million cells of a
 * range at once; getMergedAreasOrNullObject fails past 512 merged areas, in a way Excel does not
 * document), the used ranges are measured in one more sync, then read in row slices packed
 * several sheets to a request under the limit, merged areas asked for in pieces of at most 512
 * cells: the syncs then grow with the size of the workbook, never with its number of sheets.
 *
 * Merged areas need ExcelApi 1.13; before it Office.js has no way at all to see a merge
 * (getCellProperties has no such property), so the snapshot has no `merges` and the write path
 * checks afterwards what Excel dropped (office-adapter.ts).
 */
import type { Localized } from '../../catalogue/types';
import { parseA1, toA1 } from '../../template/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../template/types';
import { UserFacingError } from '../errors';
import { parseAreasAddress } from './areas';
import { officeErrorCode } from './errors';
import { supportsExcelApi, type SyncCounter } from './sync';

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
  /** Every sheet of the workbook, read or not, in tab order. */
  workbookSheets: { id: string; name: string }[];
  /** The regional decimal separator (ExcelApi 1.11), null when not known: see ./separator. */
  decimalSeparator: string | null;
}

export interface ReadOptions {
  /** The largest response a sliced read plans for; default MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  /** Read the cells of these worksheets only (ids; live mode reads the sheet that changed). */
  onlySheetIds?: string[];
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
/** The requirement set of Application.cultureInfo (the regional decimal separator). */
const CULTURE_API = '1.11';
/** The requirement set of Range.getMergedAreasOrNullObject. */
const MERGED_AREAS_API = '1.13';
/** Excel documents that getMergedAreasOrNullObject fails past 512 merged areas. */
const MAX_MERGED_AREAS = 512;

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

function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

function clip(rect: Rect, to: Rect): Rect | null {
  const r = {
    top: Math.max(rect.top, to.top),
    left: Math.max(rect.left, to.left),
    bottom: Math.min(rect.bottom, to.bottom),
    right: Math.min(rect.right, to.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/** Asks a RangeAreas (formula cells, merged areas) for its address: its areas, as text. */
function loadAreas(areas: Excel.RangeAreas): Excel.RangeAreas {
  return areas.load('address,areaCount');
}

/** The rectangles of a loaded RangeAreas: none for a null object, null when unreadable. */
function areasOf(areas: Excel.RangeAreas): Rect[] | null {
  if (areas.isNullObject) return [];
  const rects = parseAreasAddress(areas.address);
  return rects && rects.length === areas.areaCount ? rects : null;
}

/**
 * Formula cells of `within`, clipped to it: VBA's SpecialCells looks at the whole sheet when asked
 * about a single cell, and should Office.js do the same, a one-cell range must not take more.
 */
function formulaAreas(areas: Excel.RangeAreas, within: Rect): Rect[] | null {
  const rects = areasOf(areas);
  return rects && rects.map((r) => clip(r, within)).filter((r): r is Rect => r !== null);
}

/** Merged areas whose top-left cell lies in `within`, each once whatever the pieces asked. */
function mergedAreas(areas: Excel.RangeAreas, within: Rect): Rect[] | null {
  const rects = areasOf(areas);
  return rects && rects.filter((r) => contains(within, r.top, r.left));
}

/** Pieces of `rect` of at most 512 cells, so that no merged-areas request can fail for its size. */
function mergePieces(rect: Rect): Rect[] {
  const width = rect.right - rect.left + 1;
  const columns = Math.min(width, MAX_MERGED_AREAS);
  const rows = Math.max(1, Math.floor(MAX_MERGED_AREAS / columns));
  const pieces: Rect[] = [];
  for (let top = rect.top; top <= rect.bottom; top += rows) {
    for (let left = rect.left; left <= rect.right; left += columns) {
      pieces.push({
        top,
        left,
        bottom: Math.min(top + rows - 1, rect.bottom),
        right: Math.min(left + columns - 1, rect.right),
      });
    }
  }
  return pieces;
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

/**
 * Past about five million cells Excel may answer `values` with null rather than an error
 * (docs/excel/performance.md; office-js#4783): read as "too large", so the sliced read takes over.
 */
class NullValuesError extends Error {
  readonly code = 'NullValues';
}

function cellsOf(range: Excel.Range): Cells {
  const raw = range.values as unknown[][] | null;
  const types = range.valueTypes as string[][] | null;
  const formats = range.numberFormat as unknown[][] | null;
  if (!Array.isArray(raw) || !Array.isArray(types) || !Array.isArray(formats)) {
    throw new NullValuesError('Excel answered null cell values');
  }
  return {
    values: raw.map((row, i) => row.map((v, j) => toCellValue(v, types[i][j]))),
    numberFormats: formats.map((row) => row.map((f) => (typeof f === 'string' && f ? f : GENERAL))),
  };
}

/** Whether Excel refused a read for its size (and a smaller one would do). */
function isTooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return (
    code === 'ResponsePayloadSizeLimitExceeded' ||
    code === 'RangeExceedsLimit' ||
    code === 'NullValues'
  );
}

/** The used range of one sheet, read. */
interface UsedCells {
  rect: Rect;
  cells: Cells;
  /** Rectangles of the formula cells; null when Excel's answer could not be read. */
  formulas: Rect[] | null;
  /** Merged areas whose top-left cell is in the used range; null when not known. */
  merges: Rect[] | null;
}

/** Every used range in one request, with its formula cells and merges: two syncs in all. */
async function readAtOnce(
  context: Excel.RequestContext,
  counter: SyncCounter,
  items: Excel.Worksheet[],
  withMerges: boolean,
): Promise<(UsedCells | null)[]> {
  const reads = items.map((ws) => {
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(`address,${CELL_FIELDS}`);
    // Asked of getUsedRange (documented as A1 on a blank sheet), never of a null object.
    const whole = ws.getUsedRange(true);
    const formulas = loadAreas(whole.getSpecialCellsOrNullObject('Formulas'));
    const merges = withMerges ? loadAreas(whole.getMergedAreasOrNullObject()) : null;
    return { used, formulas, merges };
  });
  await counter.sync(context);
  return reads.map(({ used, formulas, merges }) => {
    if (used.isNullObject) return null;
    const rect = rectOf(used.address);
    return {
      rect,
      cells: cellsOf(used),
      formulas: formulaAreas(formulas, rect),
      merges: merges && mergedAreas(merges, rect),
    };
  });
}

/** Rows `top` to `top + rows - 1` (absolute) of the used range of the sheet at `sheet`. */
interface Slice {
  sheet: number;
  top: number;
  rows: number;
}

function tooLargeError(name: string, detail: Localized): UserFacingError {
  return new UserFacingError({
    vi: `Sổ làm việc quá lớn để Excel đọc: trang tính "${name}" ${detail.vi}. Hãy xóa các hàng, cột trống thừa ở cuối trang tính (Ctrl+End cho biết ô cuối) hoặc tách sổ thành nhiều tệp. Chưa có gì được ghi.`,
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

/** One slice read: its rows, and its formula cells and merged areas (null: not known). */
interface SlicePart {
  top: number;
  cells: Cells;
  formulas: Rect[] | null;
  merges: Rect[] | null;
}

/** The parts' lists joined; null when one part's is not known. */
function joined(lists: (Rect[] | null)[]): Rect[] | null {
  return lists.every((list) => list !== null) ? lists.flat() : null;
}

/** The used ranges measured, then read in slices under the response limit. */
async function readInSlices(
  context: Excel.RequestContext,
  counter: SyncCounter,
  items: Excel.Worksheet[],
  maxResponseBytes: number,
  withMerges: boolean,
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

  const parts: SlicePart[][] = items.map(() => []);
  while (queue.length > 0) {
    const request = queue.shift()!;
    const reads = request.map((slice) => {
      const ws = items[slice.sheet];
      const { left, right } = rects[slice.sheet]!;
      const rect = { top: slice.top, left, bottom: slice.top + slice.rows - 1, right };
      const range = ws.getRangeByIndexes(slice.top, left, slice.rows, right - left + 1);
      range.load(CELL_FIELDS);
      const formulas = loadAreas(range.getSpecialCellsOrNullObject('Formulas'));
      const merges = withMerges
        ? mergePieces(rect).map((piece) => ({
            piece,
            areas: loadAreas(
              ws
                .getRangeByIndexes(
                  piece.top,
                  piece.left,
                  piece.bottom - piece.top + 1,
                  piece.right - piece.left + 1,
                )
                .getMergedAreasOrNullObject(),
            ),
          }))
        : null;
      return { rect, range, formulas, merges };
    });
    let cells: Cells[];
    try {
      await counter.sync(context);
      cells = reads.map(({ range }) => cellsOf(range));
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
    request.forEach((slice, i) => {
      const { rect, formulas, merges } = reads[i];
      parts[slice.sheet].push({
        top: slice.top,
        cells: cells[i],
        formulas: formulaAreas(formulas, rect),
        merges: merges && joined(merges.map(({ piece, areas }) => mergedAreas(areas, piece))),
      });
    });
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
      formulas: joined(ordered.map((p) => p.formulas)),
      merges: withMerges ? joined(ordered.map((p) => p.merges)) : null,
    };
  });
}

/** The formula grid of a used range: "=" where a formula is, as the snapshot type allows. */
function formulaGrid(rect: Rect, areas: Rect[]): (string | null)[][] {
  const grid = Array.from({ length: rect.bottom - rect.top + 1 }, () =>
    new Array<string | null>(rect.right - rect.left + 1).fill(null),
  );
  for (const area of areas) {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) grid[r - rect.top][c - rect.left] = '=';
    }
  }
  return grid;
}

const byPosition = (a: Rect, b: Rect) => a.top - b.top || a.left - b.left;

function sheetSnapshot(
  info: SheetInfo,
  used: UsedCells | null,
  withMerges: boolean,
): SheetSnapshot {
  const snapshot: SheetSnapshot = {
    name: info.name,
    origin: used ? { row: used.rect.top, col: used.rect.left } : { row: 0, col: 0 },
    values: used?.cells.values ?? [],
    numberFormats: used?.cells.numberFormats ?? [],
    protected: info.protected,
    visible: info.visible,
  };
  if (!used) return { ...snapshot, formulas: [], ...(withMerges ? { merges: [] } : {}) };
  if (used.formulas) snapshot.formulas = formulaGrid(used.rect, used.formulas);
  if (used.merges) snapshot.merges = [...used.merges].sort(byPosition);
  return snapshot;
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
  const culture = supportsExcelApi(CULTURE_API)
    ? context.workbook.application.cultureInfo.numberFormat.load('numberDecimalSeparator')
    : null;
  await counter.sync(context);

  // The items are bound to their sheets, not to their names: a rename in between is read as is.
  const only = options.onlySheetIds && new Set(options.onlySheetIds);
  const items = only ? worksheets.items.filter((ws) => only.has(ws.id)) : worksheets.items;
  const withMerges = supportsExcelApi(MERGED_AREAS_API);
  let used: (UsedCells | null)[];
  try {
    used = await readAtOnce(context, counter, items, withMerges);
  } catch (error) {
    // Too large, or refused for a reason Excel leaves unsaid (past 512 merged areas): read again
    // in pieces small enough for both. A failure with another cause comes back from there.
    if (officeErrorCode(error) === null) throw error;
    used = await readInSlices(
      context,
      counter,
      items,
      options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
      withMerges,
    );
  }
  await readUnknownFormulas(context, counter, items, used);

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
      sheets: sheets.map((info, i) => sheetSnapshot(info, used[i], withMerges)),
      names: definedNames,
    },
    sheets,
    structureProtected: structure.protected,
    decimalSeparator: culture?.numberDecimalSeparator ?? null,
    workbookSheets: worksheets.items.map((ws) => ({ id: ws.id, name: ws.name })),
  };
}

/**
 * Sheets whose formula cells Excel described in a way that could not be read (an address the
 * parser does not know, a count of areas that does not match): their formulas are read as texts,
 * one more sync, so that no unit's formula is written over. Should that fail too, every cell of
 * the sheet counts as a possible formula: nothing is written there rather than something lost.
 */
async function readUnknownFormulas(
  context: Excel.RequestContext,
  counter: SyncCounter,
  items: Excel.Worksheet[],
  used: (UsedCells | null)[],
): Promise<void> {
  const unknown = used
    .map((u, i) => ({ u, i }))
    .filter((x): x is { u: UsedCells; i: number } => x.u !== null && x.u.formulas === null);
  if (unknown.length === 0) return;
  const ranges = unknown.map(({ u, i }) =>
    items[i]
      .getRangeByIndexes(
        u.rect.top,
        u.rect.left,
        u.rect.bottom - u.rect.top + 1,
        u.rect.right - u.rect.left + 1,
      )
      .load('formulas'),
  );
  let texts: (unknown[][] | null)[];
  try {
    await counter.sync(context);
    texts = ranges.map((r) => (Array.isArray(r.formulas) ? (r.formulas as unknown[][]) : null));
  } catch {
    texts = ranges.map(() => null);
  }
  unknown.forEach(({ u }, k) => {
    const grid = texts[k];
    const cells: Rect[] = [];
    for (let r = u.rect.top; r <= u.rect.bottom; r++) {
      for (let c = u.rect.left; c <= u.rect.right; c++) {
        const text = grid?.[r - u.rect.top]?.[c - u.rect.left];
        if (!grid || (typeof text === 'string' && text.startsWith('='))) {
          cells.push({ top: r, left: c, bottom: r, right: c });
        }
      }
    }
    u.formulas = cells;
  });
}
