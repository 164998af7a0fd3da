import type { CellValue, SheetSnapshot } from './types';

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
  private readonly values: readonly unknown[];
  private readonly formats: readonly unknown[];

  constructor(sheet: SheetSnapshot) {
    this.name = typeof sheet.name === 'string' ? sheet.name : String(sheet.name);
    this.top = wholeOrZero(sheet.origin?.row);
    this.left = wholeOrZero(sheet.origin?.col);
    this.values = Array.isArray(sheet.values) ? sheet.values : [];
    this.formats = Array.isArray(sheet.numberFormats) ? sheet.numberFormats : [];
    let width = 0;
    for (const row of this.values) {
      if (Array.isArray(row) && row.length > width) width = row.length;
    }
    this.bottom = this.top + this.values.length;
    this.right = this.left + width;
  }

  /** The value at an absolute cell; null outside the snapshot or for anything not a CellValue. */
  value(row: number, col: number): CellValue {
    const line = this.values[row - this.top];
    if (!Array.isArray(line)) return null;
    const v: unknown = line[col - this.left];
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

  /** The cell's text when it holds a non-blank string, trimmed; otherwise null. */
  text(row: number, col: number): string | null {
    const v = this.value(row, col);
    if (typeof v !== 'string') return null;
    const t = v.trim();
    return t === '' ? null : t;
  }

  /** Whether a cell holds nothing (no value, or only spaces). */
  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }
}

function wholeOrZero(n: unknown): number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0;
}
