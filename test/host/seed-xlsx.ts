/**
 * Node only: an .xlsx file (or an ExcelJS workbook) as the host's workbook model, so the Office.js
 * tests and the browser test start from the same files as the CLI tests. Also used to look at an
 * ExcelJS workbook the way the host looks at its own, to compare the two paths cell by cell.
 */
import ExcelJS from 'exceljs';
import { cellKey, parseRect, rectAddress } from './a1';
import type { BorderEdge, CellModel, ModelValue, SheetModel, WorkbookModel } from './model';
import { newSheetId } from './model';

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

function serial(date: Date): number {
  return Math.round((UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY) * 1e9) / 1e9;
}

function hexColor(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  return typeof argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(argb)
    ? `#${argb.slice(2).toUpperCase()}`
    : undefined;
}

function plain(value: unknown): ModelValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (value instanceof Date) return serial(value);
  if (typeof value === 'object') {
    if ('error' in value) return { error: String((value as ExcelJS.CellErrorValue).error) };
    if ('richText' in value) {
      return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    }
    if ('text' in value) return plain((value as ExcelJS.CellHyperlinkValue).text);
  }
  return String(value);
}

const HORIZONTAL: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right' };
const VERTICAL: Record<string, string> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };
const BORDER: Record<string, string> = {
  dotted: 'Dot',
  dashed: 'Dash',
  dashDot: 'DashDot',
  dashDotDot: 'DashDotDot',
  double: 'Double',
};

function cellModel(cell: ExcelJS.Cell): CellModel {
  const model: CellModel = {};
  const raw = cell.value;
  if (raw && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
    model.formula = `=${cell.formula}`;
    const result = plain((raw as ExcelJS.CellFormulaValue).result);
    if (result !== undefined) model.value = result;
  } else {
    const value = plain(raw);
    if (value !== undefined) model.value = value;
  }
  if (raw && typeof raw === 'object' && 'hyperlink' in raw) {
    const target = (raw as ExcelJS.CellHyperlinkValue).hyperlink;
    model.hyperlink = target.startsWith('#')
      ? { documentReference: target.slice(1) }
      : { address: target };
  }
  if (cell.numFmt && cell.numFmt !== 'General') model.numberFormat = cell.numFmt;
  const fill = cell.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const color = hexColor(fill.fgColor);
    if (color) model.fill = color;
  }
  const font = cell.font;
  if (font) {
    const f: NonNullable<CellModel['font']> = {};
    const color = hexColor(font.color);
    if (color) f.color = color;
    if (font.bold) f.bold = true;
    if (font.italic) f.italic = true;
    if (font.size !== undefined && font.size !== 11) f.size = font.size;
    if (Object.keys(f).length > 0) model.font = f;
  }
  const alignment = cell.alignment;
  if (alignment) {
    if (alignment.wrapText) model.wrap = true;
    if (alignment.horizontal && HORIZONTAL[alignment.horizontal]) {
      model.horizontal = HORIZONTAL[alignment.horizontal];
    }
    if (alignment.vertical && VERTICAL[alignment.vertical]) {
      model.vertical = VERTICAL[alignment.vertical];
    }
  }
  const border = cell.border;
  if (border) {
    const borders: Partial<Record<BorderEdge, string>> = {};
    for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
      const style = border[edge]?.style;
      if (style) borders[edge] = BORDER[style] ?? 'Continuous';
    }
    if (Object.keys(borders).length > 0) model.borders = borders;
  }
  return model;
}

/**
 * An array formula's range: in the file only its top-left cell carries the formula, but in Excel
 * every cell of the range holds it (and getSpecialCells counts each as a formula cell).
 */
function arrayFormulaRange(cell: ExcelJS.Cell): string | null {
  // `shareType` and `ref` are read by ExcelJS but left out of its typings.
  const raw = cell.value as { shareType?: string; ref?: string } | null;
  return raw && typeof raw === 'object' && raw.shareType === 'array' && raw.ref ? raw.ref : null;
}

function sheetModel(ws: ExcelJS.Worksheet): SheetModel {
  const cells: Record<string, CellModel> = {};
  const arrays: { range: string; formula: string }[] = [];
  // Empty cells too: a styled empty cell (a bordered input cell) is part of the sheet.
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const model = cellModel(cell);
      if (Object.keys(model).length > 0) cells[cellKey(rowNumber - 1, colNumber - 1)] = model;
      const range = arrayFormulaRange(cell);
      if (range && model.formula) arrays.push({ range, formula: model.formula });
    });
  });
  for (const { range, formula } of arrays) {
    const rect = parseRect(range);
    if (!rect) continue;
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const key = cellKey(r, c);
        cells[key] = { ...cells[key], formula };
      }
    }
  }
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) =>
    rectAddress(parseRect(m)!),
  );
  const columnWidths: Record<number, number> = {};
  for (let c = 1; c <= ws.columnCount; c++) {
    const width = ws.getColumn(c).width;
    if (width !== undefined) columnWidths[c - 1] = width;
  }
  const view = ws.views?.[0];
  const frozen = view && view.state === 'frozen';
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
    .sheetProtection;
  const setup = ws.pageSetup;
  return {
    id: newSheetId(),
    name: ws.name,
    visibility:
      ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible',
    protected: Boolean(protection?.sheet),
    cells,
    merges,
    columnWidths,
    freeze: frozen ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : null,
    pageLayout: {
      ...(setup?.orientation
        ? { orientation: setup.orientation === 'landscape' ? 'Landscape' : 'Portrait' }
        : {}),
      ...(setup?.paperSize === 9 ? { paperSize: 'A4' } : {}),
    },
  };
}

/** The model of an ExcelJS workbook, every sheet in tab order. */
export function modelFromWorkbook(wb: ExcelJS.Workbook): WorkbookModel {
  const sheets = wb.worksheets.map(sheetModel);
  const names: Record<string, string> = {};
  for (const { name, ranges } of wb.definedNames.model) {
    if (ranges.length > 0) names[name] = `=${ranges.join(',')}`;
  }
  return {
    sheets,
    names,
    structureProtected: false,
    activeSheetId: sheets.find((s) => s.visibility === 'Visible')?.id ?? null,
    selection: null,
  };
}

/** Reads an .xlsx file into the host's model. */
export async function seedFromXlsx(path: string): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return modelFromWorkbook(wb);
}
