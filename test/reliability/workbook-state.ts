/**
 * Everything a user can see or rely on in an ExcelJS workbook, as plain data, so two workbooks
 * (both read from .xlsx files) can be compared cell by cell: values, formulas, number formats,
 * fills, fonts, borders, alignment, merges, column widths and hidden columns, row heights and
 * hidden rows, sheet visibility and protection, frozen panes, defined names. The differences come
 * out as readable lines ("'Báo cáo'!H8 fill: … → …"), so a failing test says what changed.
 */
import ExcelJS from 'exceljs';
import { ADDED_COLUMNS_NAME_PREFIX } from '../../src/template/plan';

export interface CellState {
  value: string;
  formula: string | null;
  numFmt: string;
  fill: string;
  font: string;
  border: string;
  alignment: string;
  protection: string;
  /** A note (comment) on the cell, and its data validation. */
  note: string;
  validation: string;
}

export interface SheetState {
  name: string;
  state: string;
  protected: boolean;
  frozen: string;
  /** Conditional formats, page setup and views, as ExcelJS reads them. */
  conditionalFormats: string;
  pageSetup: string;
  views: string;
  cells: Map<string, CellState>;
  merges: string[];
  columns: Map<number, string>;
  rows: Map<number, string>;
}

export interface WorkbookState {
  sheets: SheetState[];
  names: Map<string, string>;
}

/** Stable JSON: keys sorted, undefined dropped, so equal styles print the same. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Cells read with the same style share its objects: print each object once. */
const printed = new WeakMap<object, string>();

/** An empty style part ({} or absent) means Excel's default either way. */
function part(value: object | undefined): string {
  if (!value) return '';
  let text = printed.get(value);
  if (text === undefined) {
    text = stable(value);
    if (text === '{}') text = '';
    printed.set(value, text);
  }
  return text;
}

/**
 * Text 1 of the theme is the colour of Excel's (and ExcelJS's) default font, and what "automatic"
 * shows in the default theme: a cell whose colour clear set back to automatic looks as it did.
 */
const automaticFonts = new WeakMap<object, Partial<ExcelJS.Font>>();

function fontOf(cell: ExcelJS.Cell): Partial<ExcelJS.Font> | undefined {
  const font = cell.font;
  if (!font || !font.color || stable(font.color) !== '{"theme":1}') return font;
  let automatic = automaticFonts.get(font);
  if (!automatic) {
    automatic = { ...font };
    delete automatic.color;
    automaticFonts.set(font, automatic);
  }
  return automatic;
}

/** A pattern fill of pattern "none" is no fill: ExcelJS reads a cell without a fill either way. */
function fillOf(cell: ExcelJS.Cell): ExcelJS.Fill | undefined {
  const fill = cell.fill;
  return fill && fill.type === 'pattern' && fill.pattern === 'none' ? undefined : fill;
}

function cellState(cell: ExcelJS.Cell): CellState {
  const raw = cell.value;
  const isFormula =
    raw !== null && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw);
  return {
    value: stable(isFormula ? ((raw as ExcelJS.CellFormulaValue).result ?? null) : (raw ?? null)),
    formula: isFormula ? cell.formula : null,
    numFmt: cell.numFmt || 'General',
    fill: part(fillOf(cell)),
    font: part(fontOf(cell)),
    border: part(cell.border),
    alignment: part(cell.alignment),
    protection: part(cell.protection),
    note: cell.note === undefined ? '' : stable(cell.note),
    validation: part(cell.dataValidation),
  };
}

const BLANK: CellState = cellState({ value: null, style: {} } as unknown as ExcelJS.Cell);

function isBlank(state: CellState): boolean {
  return stable(state) === stable(BLANK);
}

function sheetState(ws: ExcelJS.Worksheet): SheetState {
  const cells = new Map<string, CellState>();
  const rows = new Map<number, string>();
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height !== undefined || row.hidden || row.outlineLevel) {
      rows.set(rowNumber, stable({ height: row.height, hidden: row.hidden || undefined }));
    }
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const state = cellState(cell);
      if (!isBlank(state)) cells.set(cell.address, state);
    });
  });
  const columns = new Map<number, string>();
  for (let c = 1; c <= ws.columnCount; c++) {
    const column = ws.getColumn(c);
    if (column.width !== undefined || column.hidden) {
      columns.set(c, stable({ width: column.width, hidden: column.hidden || undefined }));
    }
  }
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
    .sheetProtection;
  const view = ws.views?.[0];
  return {
    name: ws.name,
    state: ws.state,
    protected: Boolean(protection?.sheet),
    frozen: view?.state === 'frozen' ? `${view.xSplit ?? 0},${view.ySplit ?? 0}` : '',
    // ExcelJS gives each data bar a new random x14 id on every write: an identifier, not content.
    conditionalFormats: stable(
      (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [],
    ).replace(/"x14Id":"\{[0-9A-F-]+\}",?/g, ''),
    pageSetup: stable(ws.pageSetup),
    views: stable(ws.views),
    cells,
    merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
    columns,
    rows,
  };
}

/** A workbook's state; the add-in's own defined names are left out unless asked for. */
export function workbookState(
  wb: ExcelJS.Workbook,
  opts: { addinNames?: boolean } = {},
): WorkbookState {
  const names = new Map<string, string>();
  for (const { name, ranges } of wb.definedNames.model) {
    if (!opts.addinNames && name.startsWith(ADDED_COLUMNS_NAME_PREFIX)) continue;
    names.set(name, ranges.join(','));
  }
  return { sheets: wb.worksheets.map(sheetState), names };
}

/** Which cells a comparison leaves out: sheet name → A1 addresses; a sheet mapped to '*': all. */
export type Exclusions = Map<string, Set<string> | '*'>;

/** A font printed by `part`, less its colour. */
function withoutColor(font: string): string {
  if (font === '') return '';
  const rest = JSON.parse(font) as Record<string, unknown>;
  delete rest.color;
  const text = stable(rest);
  return text === '{}' ? '' : text;
}

/**
 * `state` with the fill and the font colour of the given cells taken off (sheets mapped to '*'
 * are left as they are): what clear makes of the output cells evaluation coloured.
 */
export function withoutStatusColours(state: WorkbookState, cells: Exclusions): WorkbookState {
  const sheets = state.sheets.map((sheet) => {
    const listed = cells.get(sheet.name);
    if (!(listed instanceof Set)) return sheet;
    const next = new Map(sheet.cells);
    for (const address of listed) {
      const cell = next.get(address);
      if (cell) next.set(address, { ...cell, fill: '', font: withoutColor(cell.font) });
    }
    return { ...sheet, cells: next };
  });
  return { ...state, sheets };
}

/** For two JSON objects, only the keys that differ: "{margins: … → …}". */
function changedKeys(x: string, y: string): string | null {
  let a: unknown;
  let b: unknown;
  try {
    a = JSON.parse(x);
    b = JSON.parse(y);
  } catch {
    return null;
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(a) || !isObject(b)) return null;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((k) => stable(a[k]) !== stable(b[k]))
    .map((k) => `${k}: ${stable(a[k]) ?? '–'} → ${stable(b[k]) ?? '–'}`)
    .join('; ');
}

function describe<T>(label: string, a: T, b: T): string | null {
  const x = typeof a === 'string' ? a : stable(a);
  const y = typeof b === 'string' ? b : stable(b);
  if (x === y) return null;
  const keys = changedKeys(x, y);
  return keys
    ? `${label}: {${keys.slice(0, 300)}}`
    : `${label}: ${x.slice(0, 160)} → ${y.slice(0, 160)}`;
}

function diffCells(name: string, a: SheetState, b: SheetState, skip: Set<string> | null): string[] {
  const out: string[] = [];
  const addresses = new Set([...a.cells.keys(), ...b.cells.keys()]);
  for (const address of addresses) {
    if (skip?.has(address)) continue;
    const x = a.cells.get(address) ?? BLANK;
    const y = b.cells.get(address) ?? BLANK;
    for (const key of Object.keys(BLANK) as (keyof CellState)[]) {
      const line = describe(`'${name}'!${address} ${key}`, x[key], y[key]);
      if (line) out.push(line);
    }
  }
  return out;
}

function diffMaps(label: string, a: Map<number | string, string>, b: typeof a): string[] {
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const line = describe(`${label} ${key}`, a.get(key) ?? '', b.get(key) ?? '');
    if (line) out.push(line);
  }
  return out;
}

/**
 * Every difference between two workbook states, as lines; [] when they are the same. Sheets in
 * `exclude` with '*' are left out entirely (the summary), and listed cells are skipped.
 */
export function diffWorkbooks(
  before: WorkbookState,
  after: WorkbookState,
  exclude: Exclusions = new Map(),
): string[] {
  const out: string[] = [];
  const kept = (s: SheetState) => exclude.get(s.name) !== '*';
  const a = before.sheets.filter(kept);
  const b = after.sheets.filter(kept);
  const line = describe(
    'sheets',
    a.map((s) => s.name),
    b.map((s) => s.name),
  );
  if (line) out.push(line);
  for (const x of a) {
    const y = b.find((s) => s.name === x.name);
    if (!y) continue;
    const skip = exclude.get(x.name);
    const sheet = `'${x.name}'`;
    const keys = [
      'state',
      'protected',
      'frozen',
      'merges',
      'conditionalFormats',
      'pageSetup',
      'views',
    ] as const;
    for (const key of keys) {
      const l = describe(`${sheet} ${key}`, x[key], y[key]);
      if (l) out.push(l);
    }
    out.push(...diffCells(x.name, x, y, skip instanceof Set ? skip : null));
    out.push(...diffMaps(`${sheet} column`, x.columns, y.columns));
    out.push(...diffMaps(`${sheet} row`, x.rows, y.rows));
  }
  out.push(...diffMaps('name', before.names, after.names));
  return out;
}
