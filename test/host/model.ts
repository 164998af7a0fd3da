/**
 * A serialisable workbook: what the in-memory Excel host holds, what `window.__UT_SEED__` carries
 * into the browser, and what tests compare. Plain JSON, no classes.
 */
import { cellKey, parseCell } from './a1';

export type ModelValue = string | number | boolean | { error: string };

export type BorderEdge = 'top' | 'bottom' | 'left' | 'right';

export interface CellModel {
  /** Absent: an empty cell. A formula cell holds its computed value here. */
  value?: ModelValue;
  /** With the leading "=". */
  formula?: string;
  /** Absent: "General". */
  numberFormat?: string;
  /** Text entered behind an apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
  /** '#RRGGBB'; absent: no fill. */
  fill?: string;
  /** Absent colour: automatic. */
  font?: { color?: string; bold?: boolean; italic?: boolean; size?: number };
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  /** Border style per edge ("Continuous"…). */
  borders?: Partial<Record<BorderEdge, string>>;
  hyperlink?: { documentReference?: string; address?: string; screenTip?: string };
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  /** By A1 address ("F12"); only cells with something in them. */
  cells: Record<string, CellModel>;
  /** "A1:C1" */
  merges: string[];
  /** Column index (0 = A) → width in characters, as in .xlsx files. */
  columnWidths: Record<number, number>;
  freeze: { rows: number; columns: number } | null;
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  };
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Workbook-level defined names → formula ("='Báo cáo'!$H$5"). */
  names: Record<string, string>;
  /** Protect Workbook (structure): no sheet may be added, deleted or renamed. */
  structureProtected: boolean;
  activeSheetId: string | null;
  selection: { sheet: string; address: string } | null;
}

let nextId = 1;

/** Ids look like Excel desktop's: a braced GUID. */
export function newSheetId(): string {
  const n = (nextId++).toString(16).toUpperCase().padStart(12, '0');
  return `{00000000-0001-0000-0000-${n}}`;
}

/**
 * Numbers the next new sheets after every id of `model`: a seed built in another JavaScript
 * realm (Node, for the browser host) was numbered by that realm's counter, and a sheet added in
 * the browser must not get the id of a seeded one (Excel's ids are unique within a workbook).
 */
export function reserveSheetIds(model: WorkbookModel): void {
  for (const sheet of model.sheets) {
    const n = /-([0-9A-F]{12})\}$/.exec(sheet.id);
    if (n) nextId = Math.max(nextId, parseInt(n[1], 16) + 1);
  }
}

export function emptySheet(name: string): SheetModel {
  return {
    id: newSheetId(),
    name,
    visibility: 'Visible',
    protected: false,
    cells: {},
    merges: [],
    columnWidths: {},
    freeze: null,
    pageLayout: {},
  };
}

export function emptyWorkbook(sheetNames: string[] = ['Sheet1']): WorkbookModel {
  const sheets = sheetNames.map(emptySheet);
  return {
    sheets,
    names: {},
    structureProtected: false,
    activeSheetId: sheets[0]?.id ?? null,
    selection: null,
  };
}

export function cloneModel(model: WorkbookModel): WorkbookModel {
  return JSON.parse(JSON.stringify(model)) as WorkbookModel;
}

/** Sets values on a model sheet from a 2-D array anchored at `a1` (for building test workbooks). */
export function putValues(sheet: SheetModel, a1: string, rows: (ModelValue | null)[][]): void {
  const at = parseCell(a1);
  if (!at) throw new Error(`Bad cell address ${a1}`);
  rows.forEach((row, i) =>
    row.forEach((value, j) => {
      const key = cellKey(at.row + i, at.col + j);
      if (value === null) {
        const cell = sheet.cells[key];
        if (cell) delete cell.value;
      } else {
        sheet.cells[key] = { ...sheet.cells[key], value };
      }
    }),
  );
}
