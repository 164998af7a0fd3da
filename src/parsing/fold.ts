/**
 * Vietnamese text reduced to a lower-case ASCII skeleton for matching words ("Đoàn viên" →
 * "doan vien"). One output character per UTF-16 unit of the input, so a match found in the
 * skeleton can be cut from the original text at the same positions. Expects NFC or NFKC input,
 * where every Vietnamese letter is a single code unit.
 */
export function foldVietnamese(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code < 128 ? text[i].toLowerCase() : foldChar(text[i]);
  }
  return out;
}

const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD')[0].toLowerCase();
    if (folded.length !== 1) folded = ch;
    foldedChars.set(ch, folded);
  }
  return folded;
}

/**
 * The text in NFKC (full-width digits and signs become ASCII, "…" becomes "...", precomposed
 * accents), with every kind of space (non-breaking, full-width, thin, zero-width) made a single
 * plain space, trimmed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b\u2060\ufeff]+/g, ' ')
    .trim();
}
