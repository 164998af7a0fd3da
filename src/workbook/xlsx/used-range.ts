/**
 * The used range of a sheet as a SheetSnapshot, from the cells a reader found: both file readers
 * (ExcelJS and the light reader) end here, so they shape snapshots alike.
 */
import type { CellValue, SheetSnapshot } from '../../template/types';

export const GENERAL = 'General';

export type Area = NonNullable<SheetSnapshot['merges']>[number];

/** A cell that holds a value or a formula. */
export interface UsedCell {
  row: number;
  col: number;
  value: CellValue;
  numberFormat: string;
  formula: string | null;
}

/** Gives every cell of each array formula's range the formula (empty ones become used). */
export function spreadArrayFormulas(
  used: UsedCell[],
  arrays: { area: Area; formula: string }[],
  emptyCellFormat: (row: number, col: number) => string,
): void {
  const byCell = new Map(used.map((cell) => [`${cell.row},${cell.col}`, cell]));
  for (const { area, formula } of arrays) {
    for (let row = area.top; row <= area.bottom; row++) {
      for (let col = area.left; col <= area.right; col++) {
        const cell = byCell.get(`${row},${col}`);
        if (cell) cell.formula = formula;
        else used.push({ row, col, value: null, numberFormat: emptyCellFormat(row, col), formula });
      }
    }
  }
}

/**
 * The snapshot of the rectangle the used cells span; an empty cell in it gets the format Excel
 * shows there (`emptyCellFormat`), and merges are those whose top-left cell lies in it, whole.
 */
export function usedRangeSnapshot(
  base: Pick<SheetSnapshot, 'name' | 'protected' | 'visible'>,
  used: readonly UsedCell[],
  merges: Iterable<Area>,
  emptyCellFormat: (row: number, col: number) => string,
): SheetSnapshot {
  const snapshot: SheetSnapshot = {
    name: base.name,
    origin: { row: 0, col: 0 },
    values: [],
    numberFormats: [],
    formulas: [],
    merges: [],
    protected: base.protected,
    visible: base.visible,
  };
  if (used.length === 0) return snapshot;

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const { row, col } of used) {
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = new Array(height);
  const numberFormats: string[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  for (let i = 0; i < height; i++) {
    values[i] = new Array<CellValue>(width).fill(null);
    numberFormats[i] = new Array<string>(width).fill(GENERAL);
    formulas[i] = new Array<string | null>(width).fill(null);
  }
  const filled = new Uint8Array(height * width);
  for (const cell of used) {
    const i = cell.row - top;
    const j = cell.col - left;
    values[i][j] = cell.value;
    numberFormats[i][j] = cell.numberFormat;
    formulas[i][j] = cell.formula;
    filled[i * width + j] = 1;
  }
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      if (!filled[i * width + j]) numberFormats[i][j] = emptyCellFormat(top + i, left + j);
    }
  }
  const inUsedRange = (m: Area) =>
    m.top >= top && m.top <= bottom && m.left >= left && m.left <= right;
  return {
    ...snapshot,
    origin: { row: top, col: left },
    values,
    numberFormats,
    formulas,
    merges: [...merges].filter(inUsedRange).sort((a, b) => a.top - b.top || a.left - b.left),
  };
}
