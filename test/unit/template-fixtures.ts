/**
 * Hand-built snapshots for the template tests, and a tiny in-memory workbook that applies write
 * plans the way the adapters do (values, number formats, fills, font colours, names, sheets).
 */
import { buildBlankTemplate } from '../../src/template/blank';
import type {
  CellValue,
  CellWrite,
  SheetPlan,
  SheetSnapshot,
  WorkbookSnapshot,
  WritePlan,
} from '../../src/template/types';

/** A snapshot from rows of values (ragged rows are padded), origin at A1 unless given. */
export function sheet(
  name: string,
  rows: CellValue[][],
  opts: { origin?: { row: number; col: number }; formats?: Record<string, string> } = {},
): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const origin = opts.origin ?? { row: 0, col: 0 };
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  const numberFormats = values.map((r, i) =>
    r.map((_, j) => opts.formats?.[`${i + origin.row},${j + origin.col}`] ?? 'General'),
  );
  return { name, origin, values, numberFormats };
}

export interface CellState {
  value: string | number | boolean | null | { error: string };
  numberFormat: string;
  fill: string | null;
  fontColor: string | null;
  /** The cell's formula; `value` is then its result. */
  formula?: string;
}

/** A workbook in memory: enough of Excel to apply plans and compare before and after. */
export class MemoryWorkbook {
  readonly sheets = new Map<string, Map<string, CellState>>();
  names: Record<string, string> = {};
  constructor(
    snapshots: SheetSnapshot[] = [],
    readonly file?: string,
  ) {
    for (const s of snapshots) this.addSnapshot(s);
  }

  /** A sheet's cells that hold a value, a formula or a number format of their own. */
  addSnapshot(s: SheetSnapshot): void {
    const cells = new Map<string, CellState>();
    s.values.forEach((row, i) =>
      row.forEach((value, j) => {
        const numberFormat = s.numberFormats[i]?.[j] ?? 'General';
        const formula = s.formulas?.[i]?.[j] ?? null;
        if (value === null && numberFormat === 'General' && formula === null) return;
        const cell: CellState = { value, numberFormat, fill: null, fontColor: null };
        if (formula !== null) cell.formula = formula;
        cells.set(`${i + s.origin.row},${j + s.origin.col}`, cell);
      }),
    );
    this.sheets.set(s.name, cells);
  }

  addSheetPlan(plan: SheetPlan): void {
    if (this.sheets.has(plan.name) && !plan.replace) throw new Error(`exists: ${plan.name}`);
    const cells = new Map<string, CellState>();
    this.sheets.set(plan.name, cells);
    for (const write of plan.cells) this.write(cells, write);
  }

  private write(cells: Map<string, CellState>, w: CellWrite): void {
    const key = `${w.row},${w.col}`;
    const prev = cells.get(key) ?? {
      value: null,
      numberFormat: 'General',
      fill: null,
      fontColor: null,
    };
    // A value written over a formula replaces it.
    const next: CellState = {
      value: w.value,
      numberFormat: w.numberFormat ?? prev.numberFormat,
      fill: w.fill === undefined ? prev.fill : w.fill,
      fontColor: w.fontColor === undefined ? prev.fontColor : w.fontColor,
    };
    if (next.value === null && next.numberFormat === 'General' && !next.fill && !next.fontColor) {
      cells.delete(key);
    } else cells.set(key, next);
  }

  apply(plan: WritePlan): void {
    for (const name of plan.deleteSheets ?? []) this.sheets.delete(name);
    for (const { sheet: name, cells } of plan.sheets) {
      const target = this.sheets.get(name);
      if (!target) throw new Error(`no sheet ${name}`);
      for (const w of cells) this.write(target, w);
    }
    for (const name of plan.deleteNames ?? []) delete this.names[name];
    Object.assign(this.names, plan.setNames ?? {});
    if (plan.summary) this.addSheetPlan(plan.summary);
  }

  /** Every cell of every sheet, for comparisons. */
  state(): Record<string, Record<string, CellState>> {
    const out: Record<string, Record<string, CellState>> = {};
    for (const [name, cells] of this.sheets) {
      out[name] = Object.fromEntries([...cells.entries()].sort());
    }
    return out;
  }

  snapshot(): WorkbookSnapshot {
    const sheets: SheetSnapshot[] = [];
    for (const [name, cells] of this.sheets) {
      let bottom = 0;
      let right = 0;
      for (const key of cells.keys()) {
        const [r, c] = key.split(',').map(Number);
        bottom = Math.max(bottom, r + 1);
        right = Math.max(right, c + 1);
      }
      const values: CellValue[][] = [];
      const numberFormats: string[][] = [];
      const formulas: (string | null)[][] = [];
      for (let r = 0; r < bottom; r++) {
        values.push(new Array<CellValue>(right).fill(null));
        numberFormats.push(new Array<string>(right).fill('General'));
        formulas.push(new Array<string | null>(right).fill(null));
      }
      for (const [key, cell] of cells) {
        const [r, c] = key.split(',').map(Number);
        values[r][c] = cell.value;
        numberFormats[r][c] = cell.numberFormat;
        formulas[r][c] = cell.formula ?? null;
      }
      sheets.push({ name, origin: { row: 0, col: 0 }, values, numberFormats, formulas });
    }
    const snapshot: WorkbookSnapshot = { sheets, names: { ...this.names } };
    if (this.file !== undefined) snapshot.file = this.file;
    return snapshot;
  }
}

/** Inputs of one rule row: Thực hiện, Tổng số, Chỉ tiêu (with optional number formats). */
export interface RowInput {
  actual?: CellValue;
  denominator?: CellValue;
  target?: CellValue;
  actualFormat?: string;
}

/** The shipped blank template, with a unit name and inputs filled in: a realistic report. */
export function filledTemplate(
  name: string,
  unit: string | undefined,
  inputs: Record<string, RowInput>,
): SheetSnapshot {
  const book = new MemoryWorkbook();
  book.addSheetPlan(buildBlankTemplate({ sheetName: name, unitName: unit }));
  const snap = book.snapshot().sheets[0];
  const codeCol = 1;
  for (let r = 0; r < snap.values.length; r++) {
    const code = snap.values[r][codeCol];
    const input = typeof code === 'string' ? inputs[code] : undefined;
    if (!input) continue;
    if (input.target !== undefined) snap.values[r][4] = input.target;
    if (input.actual !== undefined) snap.values[r][5] = input.actual;
    if (input.denominator !== undefined) snap.values[r][6] = input.denominator;
    if (input.actualFormat) snap.numberFormats[r][5] = input.actualFormat;
  }
  return snap;
}

/** The 0-based row of a code in a snapshot's code column (B). */
export function rowOf(s: SheetSnapshot, code: string, codeCol = 1): number {
  const i = s.values.findIndex((row) => row[codeCol] === code);
  if (i < 0) throw new Error(`no row for ${code}`);
  return i + s.origin.row;
}
