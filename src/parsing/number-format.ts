/** What an Excel number format says about the number in its cell. */
export type FormatKind = 'percent' | 'date' | 'plain';

const kinds = new Map<string, FormatKind>();

/**
 * Classifies a number format such as "0%", "0.0%", "dd/mm/yyyy", "[$-42A]d/m/yyyy",
 * '#,##0 "đồng"' or "General". Quoted text, escaped characters, padding and [..] sections are
 * ignored, so the "d" of "đồng" in quotes does not make a date.
 */
export function formatKind(numberFormat: string | undefined | null): FormatKind {
  if (typeof numberFormat !== 'string' || numberFormat === '' || numberFormat === 'General') {
    return 'plain';
  }
  let kind = kinds.get(numberFormat);
  if (kind === undefined) {
    kind = classify(numberFormat);
    if (kinds.size < 1000) kinds.set(numberFormat, kind);
  }
  return kind;
}

function classify(format: string): FormatKind {
  const code = format
    .replace(/"[^"]*"?/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[[^\]]*\]?/g, '');
  if (code.includes('%')) return 'percent';
  if (/[dmyhs]/i.test(code) && !/^general$/i.test(code.trim())) return 'date';
  return 'plain';
}
