/**
 * Workbook models reduced to what a user sees, so a workbook written by the Office.js adapter
 * (in the host) and one written by the ExcelJS adapter (read back into a model) can be compared
 * cell by cell. Differences of representation only are dropped: the quote prefix Office keeps on
 * text, a font size or wrap flag set to its default, column widths below a pixel, an empty
 * string against an empty cell.
 */
import { charactersToPoints } from '../../src/workbook/office/units';
import type { CellModel, SheetModel, WorkbookModel } from '../host/model';

export interface CellView {
  value: CellModel['value'] | null;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  wrap: boolean;
  horizontal: string | null;
  vertical: string | null;
  borders: string;
  link: string | null;
}

export function cellView(cell: CellModel | undefined): CellView {
  const borders = cell?.borders ?? {};
  return {
    // An empty string and an empty cell look the same; ExcelJS keeps the one, Office the other.
    value: cell?.value === '' ? null : (cell?.value ?? null),
    formula: cell?.formula ?? null,
    numberFormat: cell?.numberFormat ?? 'General',
    fill: cell?.fill ?? null,
    fontColor: cell?.font?.color ?? null,
    bold: cell?.font?.bold ?? false,
    italic: cell?.font?.italic ?? false,
    fontSize: cell?.font?.size ?? 11,
    wrap: cell?.wrap ?? false,
    horizontal: cell?.horizontal ?? null,
    vertical: cell?.vertical ?? null,
    borders: (['top', 'bottom', 'left', 'right'] as const)
      .map((edge) => `${edge}:${borders[edge] ?? '-'}`)
      .join(' '),
    link: cell?.hyperlink?.documentReference ?? null,
  };
}

function isBlank(view: CellView): boolean {
  return JSON.stringify(view) === JSON.stringify(cellView(undefined));
}

export interface SheetView {
  name: string;
  visibility: string;
  cells: Record<string, CellView>;
  merges: string[];
  /** In points, as Excel draws them. */
  columnWidths: Record<number, number>;
  freeze: { rows: number; columns: number } | null;
  orientation: string | null;
  paperSize: string | null;
}

export function sheetView(sheet: SheetModel): SheetView {
  const cells: Record<string, CellView> = {};
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const view = cellView(cell);
    if (!isBlank(view)) cells[key] = view;
  }
  const columnWidths: Record<number, number> = {};
  for (const [col, width] of Object.entries(sheet.columnWidths)) {
    columnWidths[Number(col)] = charactersToPoints(width);
  }
  const freeze =
    sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) ? sheet.freeze : null;
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    cells,
    merges: [...sheet.merges].sort(),
    columnWidths,
    freeze,
    orientation: sheet.pageLayout.orientation ?? null,
    paperSize: sheet.pageLayout.paperSize ?? null,
  };
}

export function workbookView(model: WorkbookModel): {
  sheets: SheetView[];
  names: Record<string, string>;
} {
  const names: Record<string, string> = {};
  for (const [name, formula] of Object.entries(model.names))
    names[name] = formula.replace(/^=/, '');
  return { sheets: model.sheets.map(sheetView), names };
}
