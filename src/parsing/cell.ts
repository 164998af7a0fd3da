import type { ParsedValue } from '../engine/types';
import { Rational } from '../engine/rational';
import type { CellValue } from '../template/types';
import { normalizeText } from './fold';
import { formatKind } from './number-format';
import { parseNumberText } from './number-text';

const MAX_SAFE = 2 ** 53;
const MAX_SAFE_RATIONAL = Rational.of(2n ** 53n);

const EXCEL_ERRORS = new Set([
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
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#PYTHON!',
]);

/** Text that reads as a date: "12/05/2020", "12-5-20", "2020-05-12". */
const DATE_TEXT = /^(\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2})$/;

/**
 * What a cell holds (SPEC §2), given its value and number format. Never throws: anything it
 * cannot read becomes text, so the engine can say what is wrong and where.
 */
export function parseCell(value: CellValue, numberFormat?: string): ParsedValue {
  try {
    return parseCellValue(value, numberFormat);
  } catch {
    return { kind: 'text', text: safeText(value) };
  }
}

function parseCellValue(value: unknown, numberFormat: string | undefined): ParsedValue {
  if (value === null || value === undefined) return { kind: 'empty' };
  switch (typeof value) {
    case 'number':
      return parseNumberCell(value, numberFormat);
    case 'boolean':
      return { kind: 'boolean', value };
    case 'string':
      return parseTextCell(value);
    case 'object': {
      // Not a CellValue, but what ExcelJS gives for a date cell if an adapter passes it on.
      if (value instanceof Date) return { kind: 'date', text: dateText(value) };
      const error = (value as { error?: unknown }).error;
      if (typeof error === 'string') return { kind: 'error', error: error || '#VALUE!' };
      return { kind: 'text', text: safeText(value) };
    }
    default:
      return { kind: 'text', text: safeText(value) };
  }
}

function parseNumberCell(x: number, numberFormat: string | undefined): ParsedValue {
  // NaN and infinities cannot come from a sound cell; Excel's nearest meaning is #NUM!.
  if (!Number.isFinite(x)) return { kind: 'error', error: '#NUM!' };
  const kind = formatKind(numberFormat);
  if (kind === 'date') return { kind: 'date', text: excelSerialToText(x) };
  const value = numberAsSeen(x);
  const percent = kind === 'percent';
  return Math.abs(x) > MAX_SAFE
    ? { kind: 'number', value, percent, unsafe: true }
    : { kind: 'number', value, percent };
}

function parseTextCell(text: string): ParsedValue {
  const trimmed = normalizeText(text);
  if (trimmed.startsWith('#') && EXCEL_ERRORS.has(trimmed.toUpperCase())) {
    return { kind: 'error', error: trimmed.toUpperCase() };
  }
  const parsed = parseNumberText(trimmed);
  if (parsed === 'empty') return { kind: 'empty' };
  if (parsed === null) {
    return DATE_TEXT.test(trimmed)
      ? { kind: 'date', text: trimmed }
      : { kind: 'text', text: trimmed };
  }
  const magnitude = parsed.value.isNegative() ? parsed.value.neg() : parsed.value;
  return magnitude.gt(MAX_SAFE_RATIONAL)
    ? { kind: 'number', value: parsed.value, percent: parsed.percent, unsafe: true }
    : { kind: 'number', value: parsed.value, percent: parsed.percent };
}

/**
 * A cell's double as the decimal Excel shows and a person typed: Excel keeps 15 significant
 * digits, so a formula's 0.3 * 3 = 0.8999999999999999 is the 0.9 on screen, and 0.57 is 57/100,
 * not the binary double. Whole numbers are kept as they are.
 */
export function numberAsSeen(x: number): Rational {
  return Rational.fromNumber(Number.isInteger(x) ? x : Number(x.toPrecision(15)));
}

/** Excel's day count (1900 date system) as "dd/mm/yyyy", for messages. */
function excelSerialToText(serial: number): string {
  if (serial < 1 || serial >= 2958466) return String(serial);
  const days = Math.floor(serial);
  // Excel counts a 29 February 1900 that never was: serials from 61 on are one day late.
  const epoch = Date.UTC(1899, 11, days >= 61 ? 30 : 31);
  if (days === 60) return '29/02/1900';
  return dateText(new Date(epoch + days * 86_400_000));
}

/** "dd/mm/yyyy", as Vietnamese write dates. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return String(d);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

function safeText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}
