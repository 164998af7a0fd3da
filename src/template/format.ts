import type { Lang, Rule } from '../catalogue/types';
import { catalogueTarget, formatTarget } from '../engine';
import type { GapUnit } from '../engine/types';

/** Number formats of the cells the add-in writes (Excel format codes, locale-independent). */
export const RATE_FORMAT = '0.0%';
/**
 * The rate of a report sheet's Tỷ lệ cell: shows as "0.0%" does, but spelt with an explicit
 * negative section, as nobody types it, so that clear can tell the add-in's format from a unit's.
 */
export const OUTPUT_RATE_FORMAT = '0.0%;-0.0%';
/** The Tỷ lệ of an average rule (SPEC §2): a number per Tổng số, "0,80"; spelt like the rate's. */
export const OUTPUT_AVERAGE_FORMAT = '#,##0.00;-#,##0.00';
/** The same in the summary. */
export const AVERAGE_FORMAT = '#,##0.00';
const COUNT_GAP_FORMAT = '+#,##0;[Red]-#,##0;0';
const POINTS_GAP_FORMAT = '+0.0%;[Red]-0.0%;0.0%';
const WHOLE_FORMAT = '#,##0';
const DECIMAL_FORMAT = '#,##0.0#';

/**
 * A number format as a key that ignores how Excel may spell it when read back: with the regional
 * separators in place of "." and "," (the two count as one), "+" and "-" escaped or quoted, the
 * colour names in any case. Range.numberFormat is documented as the English format code, but
 * reports show it read back other than as written (office-js#1553, #2824).
 */
export function formatKey(format: string): string {
  return format
    .replace(/\\(.)/g, '$1')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/[.,]/g, '.')
    .toLowerCase();
}

/** The formats evaluation writes into output cells, and only evaluation, as keys. */
const OUTPUT_FORMATS: ReadonlySet<string> = new Set(
  [OUTPUT_RATE_FORMAT, OUTPUT_AVERAGE_FORMAT, COUNT_GAP_FORMAT, POINTS_GAP_FORMAT].map(formatKey),
);

/**
 * The number format to give an output cell now formatted `current`, or undefined to leave it as it
 * is. A cell the unit formatted keeps its format. Otherwise the cell gets `wanted`, or General when
 * nothing is wanted (an empty cell, a label): the add-in's formats are only ever on its figures.
 */
export function outputFormat(current: string, wanted: string | null): string | undefined {
  const key = formatKey(current);
  if (key !== 'general' && !OUTPUT_FORMATS.has(key)) return undefined;
  const next = wanted ?? 'General';
  return formatKey(next) === key ? undefined : next;
}
/** A number a cell can hold: NaN and infinities (never valid in a workbook) become empty. */
export function cellNumber(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** Chênh lệch: signed, red when short; percentage points for direct rates. */
export function gapFormat(unit: GapUnit | null): string {
  return unit === 'points' ? POINTS_GAP_FORMAT : COUNT_GAP_FORMAT;
}

/** A count or an amount: thousands separators, decimals only when there are some. */
export function valueFormat(x: number): string {
  return Number.isInteger(x) ? WHOLE_FORMAT : DECIMAL_FORMAT;
}

/** The catalogue's target as the template shows it: "≥ 110", "> 90%". */
export function catalogueTargetText(rule: Rule, lang: Lang): string {
  return formatTarget(rule.comparator, catalogueTarget(rule).toNumber(), rule.kind, lang);
}
