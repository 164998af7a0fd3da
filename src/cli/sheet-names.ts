/**
 * Unit names as sheet names Excel accepts: at most 31 characters, none of [ ] : * ? / \, no
 * apostrophe first or last, not "History", and no two equal ignoring case.
 */
const MAX_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
const RESERVED = 'history';

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}

function cleaned(unit: string, fallback: string): string {
  const name = unit
    .normalize('NFC')
    .replace(FORBIDDEN, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  const short = cut(name, MAX_LENGTH).replace(/'+$/, '');
  return short === '' ? fallback : short;
}

/** One valid, distinct sheet name per unit, in order; "Đơn vị 3" for a name with nothing left. */
export function sheetNamesForUnits(units: readonly string[]): string[] {
  const taken = new Set<string>([RESERVED]);
  return units.map((unit, i) => {
    const base = cleaned(unit, `Đơn vị ${i + 1}`);
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = n === 1 ? base : `${cut(base, MAX_LENGTH - suffix.length)}${suffix}`;
      const key = name.toLocaleLowerCase('vi');
      if (!taken.has(key)) {
        taken.add(key);
        return name;
      }
    }
  });
}
