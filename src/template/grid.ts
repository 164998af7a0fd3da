import type { CellValue, SheetSnapshot } from './types';

/** A merged area, 0-based absolute and inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Absolute-coordinate access to a sheet snapshot. Snapshots come from adapters and, in tests, from
 * anywhere: rows may be ragged, number formats missing, values of the wrong type. Every read here
 * tolerates that, so the reader never throws on a snapshot.
 */
export class SheetGrid {
  readonly name: string;
  /** First absolute row and column held, and one past the last. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Merged areas of more than one cell (a one-cell "merge" changes nothing). */
  readonly merges: readonly MergedArea[];
  private readonly values: readonly unknown[];
  private readonly formats: readonly unknown[];
  private readonly formulas: readonly unknown[];

  constructor(sheet: SheetSnapshot) {
    this.name = typeof sheet.name === 'string' ? sheet.name : String(sheet.name);
    this.top = wholeOrZero(sheet.origin?.row);
    this.left = wholeOrZero(sheet.origin?.col);
    this.values = Array.isArray(sheet.values) ? sheet.values : [];
    this.formats = Array.isArray(sheet.numberFormats) ? sheet.numberFormats : [];
    this.formulas = Array.isArray(sheet.formulas) ? sheet.formulas : [];
    this.merges = Array.isArray(sheet.merges) ? sheet.merges.filter(isMultiCellArea) : [];
    let width = 0;
    for (const row of this.values) {
      if (Array.isArray(row) && row.length > width) width = row.length;
    }
    this.bottom = this.top + this.values.length;
    this.right = this.left + width;
  }

  /** Whatever the snapshot holds at an absolute cell; undefined outside it. */
  private raw(row: number, col: number): unknown {
    const line = this.values[row - this.top];
    return Array.isArray(line) ? (line[col - this.left] as unknown) : undefined;
  }

  /** The value at an absolute cell; null outside the snapshot or for anything not a CellValue. */
  value(row: number, col: number): CellValue {
    const v = this.raw(row, col);
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v) ? v : { error: '#NUM!' };
      case 'object':
        if (v !== null && typeof (v as { error?: unknown }).error === 'string') {
          return { error: (v as { error: string }).error };
        }
        return null;
      default:
        return null;
    }
  }

  /** The number format at an absolute cell, "General" where none is known. */
  format(row: number, col: number): string {
    const line = this.formats[row - this.top];
    if (!Array.isArray(line)) return 'General';
    const f: unknown = line[col - this.left];
    return typeof f === 'string' && f !== '' ? f : 'General';
  }

  /** Whether the adapter says the cell holds a formula (false when it did not look). */
  hasFormula(row: number, col: number): boolean {
    const line = this.formulas[row - this.top];
    if (!Array.isArray(line)) return false;
    const f: unknown = line[col - this.left];
    return typeof f === 'string' && f !== '';
  }

  /** A formula whose result the file does not hold: Excel never calculated it before saving. */
  isUncomputedFormula(row: number, col: number): boolean {
    const v = this.raw(row, col);
    return (v === null || v === undefined) && this.hasFormula(row, col);
  }

  /** The cell's text when it holds a non-blank string, trimmed; otherwise null. */
  text(row: number, col: number): string | null {
    const v = this.value(row, col);
    if (typeof v !== 'string') return null;
    const t = v.trim();
    return t === '' ? null : t;
  }

  /**
   * Whether a cell holds nothing (no value, or only spaces). Anything the snapshot holds that is
   * not a cell value counts as something: what is not understood is never written over.
   */
  isEmpty(row: number, col: number): boolean {
    const v = this.raw(row, col);
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  }

  /** The merged area of more than one cell that covers a cell, if any. */
  mergeAt(row: number, col: number): MergedArea | undefined {
    return this.merges.find(
      (m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right,
    );
  }
}

function wholeOrZero(n: unknown): number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0;
}

function isMultiCellArea(m: unknown): m is MergedArea {
  if (typeof m !== 'object' || m === null) return false;
  const { top, left, bottom, right } = m as Record<string, unknown>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!whole(top) || !whole(left) || !whole(bottom) || !whole(right)) return false;
  return top <= bottom && left <= right && (top < bottom || left < right);
}
