/**
 * The small pieces of XML text handling the package patcher and the light reader share: escaping,
 * unescaping and the attributes of one start tag. Parts are handled as text so that what the
 * product does not change stays exactly as the file had it (SPEC §11).
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/**
 * Text or attribute value as XML. Characters XML 1.0 cannot hold (C0 controls but tab, CR, LF)
 * are written the way Excel does, as `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[&<>"]/g, (ch) => ESCAPES[ch])
    .replace(
      /[\x00-\x08\x0b\x0c\x0e-\x1f]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`,
    );
}

const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0b\x0c\x0e-\x1f]/;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entity and character references resolved, and Excel's `_xHHHH_` escapes. */
export function unescapeXml(text: string): string {
  // Line ends as an XML parser hands them over (XML 1.0, 2.11): a literal CR LF or CR is LF.
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref] ?? whole;
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    });
  }
  if (out.includes('_x')) {
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  }
  return out;
}

/** The attributes of a start tag's text (`<c r="A1" s="3">` or just its inside), unescaped. */
export function parseAttributes(tag: string): Record<string, string> {
  // By hand rather than with a regular expression: this runs for every row and cell of a sheet.
  const attrs: Record<string, string> = {};
  let at = 0;
  for (;;) {
    const eq = tag.indexOf('=', at);
    if (eq < 0) break;
    let end = eq;
    while (end > at && tag.charCodeAt(end - 1) <= 0x20) end--;
    let start = end;
    while (start > at && isNameChar(tag.charCodeAt(start - 1))) start--;
    let q = eq + 1;
    while (q < tag.length && tag.charCodeAt(q) <= 0x20) q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") break;
    const close = tag.indexOf(quote, q + 1);
    if (close < 0) break;
    const raw = tag.slice(q + 1, close);
    if (start < end) {
      attrs[tag.slice(start, end)] =
        raw.includes('&') || raw.includes('_x') || raw.includes('\r') ? unescapeXml(raw) : raw;
    }
    at = close + 1;
  }
  return attrs;
}

function isNameChar(code: number): boolean {
  // Anything but white space, "<", "/", quotes and "=" may stand in an attribute's name here.
  return (
    code > 0x20 && code !== 0x3c && code !== 0x2f && code !== 0x22 && code !== 0x27 && code !== 0x3d
  );
}

/** The value of an attribute whose local name is `local` (any prefix), e.g. `r:id`. */
export function prefixedAttribute(
  attrs: Record<string, string>,
  local: string,
): string | undefined {
  for (const [key, value] of Object.entries(attrs)) {
    if (key === local || key.endsWith(`:${local}`)) return value;
  }
  return undefined;
}

/** The index of the ">" closing the start tag at `at`; a ">" inside a quoted value is skipped. */
export function startTagEnd(xml: string, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === 0x22 || ch === 0x27) quote = ch;
    else if (ch === 0x3e) return i;
  }
  return -1;
}

export interface XmlElement {
  start: number;
  end: number;
  attrs: Record<string, string>;
  /** The content between the tags; null for a self-closing element. */
  inner: string | null;
}

/** Every `<name …/>` or `<name …>…</name>` element of `xml` (no nesting of the same name). */
export function elements(xml: string, name: string, from = 0, to = xml.length): XmlElement[] {
  const found: XmlElement[] = [];
  const open = `<${name}`;
  const close = `</${name}>`;
  let i = xml.indexOf(open, from);
  while (i >= 0 && i < to) {
    const after = xml.charCodeAt(i + open.length);
    // `<c` must not match `<col` or `<cfRule`: the name ends at white space, "/" or ">".
    if (after > 0x20 && after !== 0x2f && after !== 0x3e) {
      i = xml.indexOf(open, i + 1);
      continue;
    }
    const tagEnd = startTagEnd(xml, i);
    if (tagEnd < 0) break;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 0x2f;
    const attrs = parseAttributes(xml.slice(i + open.length, selfClosing ? tagEnd - 1 : tagEnd));
    if (selfClosing) {
      found.push({ start: i, end: tagEnd + 1, attrs, inner: null });
      i = xml.indexOf(open, tagEnd + 1);
      continue;
    }
    const closeAt = xml.indexOf(close, tagEnd + 1);
    if (closeAt < 0) break;
    found.push({
      start: i,
      end: closeAt + close.length,
      attrs,
      inner: xml.slice(tagEnd + 1, closeAt),
    });
    i = xml.indexOf(open, closeAt + close.length);
  }
  return found;
}
