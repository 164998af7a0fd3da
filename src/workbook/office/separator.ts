/**
 * The list separator Worksheet.getRanges wants between areas: the regional settings' on desktop
 * Excel (";" with Vietnamese or German settings), "," on the web (office-js#1167, #1985). Office.js
 * does not say which (office-js#2891), so the first write guesses from what it does say (the
 * platform; the decimal separator, ExcelApi 1.11: "," for decimals goes with ";" for lists), checks
 * the guess before writing anything, and keeps what it learned for the session.
 */
export type ListSeparator = ',' | ';';

let learned: ListSeparator | null = null;

/** The separator to try: the one learned, else the guess from the read. */
export function listSeparator(decimalSeparator: string | null): ListSeparator {
  if (learned) return learned;
  if (
    typeof Office !== 'undefined' &&
    Office.context?.platform === Office.PlatformType?.OfficeOnline
  ) {
    return ',';
  }
  return decimalSeparator === ',' ? ';' : ',';
}

export function learnListSeparator(separator: ListSeparator): void {
  learned = separator;
}

export function otherSeparator(separator: ListSeparator): ListSeparator {
  return separator === ',' ? ';' : ',';
}
