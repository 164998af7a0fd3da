/**
 * Rule codes as typed in sheets. Codes of the Roman.number.letter shape match as SPEC §3 says
 * ("I-1a" = "I.1a"), for any section numeral; other codes ("1.2", "CT05") match ignoring case
 * and spaces (SPEC §8).
 */
const CODE_PATTERN =
  /^(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))[.\-_,/:]*0*(\d{1,3})[.\-_,/:)]*([A-Z])?[.)]*$/;

function fold(code: string): string {
  return code
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\u200b\u2060\ufeff]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toUpperCase();
}

/**
 * The key of a Roman-shaped code: "I.1.a", "I-1a", "i.1 A", "I.01a" and "Ｉ．１ａ" all give "I.1a";
 * "I.8." gives "I.8"; "III.2" gives "III.2". The section numeral is kept exactly, so "I.1a" never
 * matches "II.1a". Null when the text is not of that shape.
 */
export function ruleKey(code: string): string | null {
  if (typeof code !== 'string' || code.length > 40) return null;
  const m = CODE_PATTERN.exec(fold(code));
  if (!m || m[1] === '') return null;
  return `${m[1]}.${Number(m[2])}${m[3] ? m[3].toLowerCase() : ''}`;
}

/** The key any code matches by: the Roman shape's key, else the code without case and spaces. */
export function codeKey(code: string): string | null {
  if (typeof code !== 'string' || code.length > 40) return null;
  const roman = ruleKey(code);
  if (roman !== null) return roman;
  const folded = fold(code);
  return folded === '' ? null : folded;
}
