/**
 * How Excel reads a value written through `range.values`: like text typed into the cell. That is
 * what turns "=x" into a formula and "1/2" into a date, and why the adapter writes text behind an
 * apostrophe; the host applies the same rules so a test sees what Excel would have stored.
 * (Dates are read only in the unambiguous ISO form; Excel's locale-dependent forms are not.)
 */
import type { CellModel, ModelValue } from './model';

const ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
]);
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type Entry =
  | { kind: 'empty' }
  | { kind: 'value'; value: ModelValue; quotePrefix?: boolean; numberFormat?: string }
  | { kind: 'formula'; formula: string };

function serialOfDate(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** What a `values` entry becomes in the cell. */
export function readEntry(input: string | number | boolean): Entry {
  if (typeof input === 'number' || typeof input === 'boolean')
    return { kind: 'value', value: input };
  if (input === '') return { kind: 'empty' };
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1), quotePrefix: true };
  if (input.startsWith('=')) return { kind: 'formula', formula: input };
  const trimmed = input.trim();
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  if (ERRORS.has(upper)) return { kind: 'value', value: { error: upper } };
  const percent = trimmed.endsWith('%');
  const numeric = percent ? trimmed.slice(0, -1).trim() : trimmed;
  if (numeric !== '' && /\d/.test(numeric) && NUMBER.test(numeric)) {
    const n = Number(numeric.replace(/,/g, ''));
    return percent
      ? { kind: 'value', value: n / 100, numberFormat: '0%' }
      : { kind: 'value', value: n };
  }
  const date = ISO_DATE.exec(trimmed);
  if (date) {
    const serial = serialOfDate(Number(date[1]), Number(date[2]), Number(date[3]));
    return { kind: 'value', value: serial, numberFormat: 'yyyy-mm-dd' };
  }
  // Excel makes a formula of "+x", "-x" and "@x" too (and shows #NAME? for most of them).
  if (/^[+\-@]/.test(input)) return { kind: 'formula', formula: `=${input}` };
  return { kind: 'value', value: input };
}

/** Applies an entry to a cell; the host cannot calculate, so a formula's value is #NAME?. */
export function applyEntry(cell: CellModel, entry: Entry): void {
  delete cell.formula;
  delete cell.quotePrefix;
  switch (entry.kind) {
    case 'empty':
      delete cell.value;
      return;
    case 'formula':
      cell.formula = entry.formula;
      cell.value = { error: '#NAME?' };
      return;
    case 'value':
      cell.value = entry.value;
      if (entry.quotePrefix) cell.quotePrefix = true;
      if (entry.numberFormat && (cell.numberFormat ?? 'General') === 'General') {
        cell.numberFormat = entry.numberFormat;
      }
  }
}
