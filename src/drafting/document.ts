/**
 * The structure of the federation's plan document (SPEC §13): a title ("CÁC CHỈ TIÊU PHẤN ĐẤU NĂM
 * 2020"), section headings ("I. …", "II …"), numbered items ("1.", "2)", "3/"), and sub-items
 * ("- ", "+ ", "• ", "a)", "1.1."). Tolerates a BOM, Windows line ends and stray spaces. Text before
 * the first heading is context, never a target.
 */
import type { Span } from './numbers';

export interface DocumentPart {
  /** The text of the item or sub-item without its marker; line breaks inside it are spaces. */
  text: string;
  /** Where `text` begins in the normalized document. */
  start: number;
}

export interface DocumentItem {
  section: string;
  /** The item's number as written ("1", "12"); for bullets directly under a heading, its rank. */
  number: string;
  /** True when the document gave no number and the draft counted the item itself. */
  numbered: boolean;
  /** The item's own line first, then its sub-items in order. */
  parts: DocumentPart[];
}

export interface PlanDocument {
  /** The text the spans refer to: NFC, no BOM, "\n" line ends. */
  text: string;
  title: string | null;
  year: number | null;
  sections: { id: string; title: string }[];
  items: DocumentItem[];
  /** Text that is not part of any item (before the first heading, headings themselves). */
  context: Span[];
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
const HEADING = /^[ \t]*([IVX]+)[ \t]*(?:[.):\-–][ \t]*|[ \t]+)(\S.*?)[ \t]*$/;
const ITEM = /^[ \t]*(\d{1,2})[ \t]*[.)/][ \t]*(?!\d)(.*?)[ \t]*$/;
const SUB_NUMBERED = /^[ \t]*\d{1,2}\.\d{1,2}\.?[ \t]+(.*?)[ \t]*$/;
const BULLET = /^[ \t]*(?:[-+•*–—·●○◦▪■►]|[a-zđ][).])[ \t]*(.*?)[ \t]*$/;

/** BOM dropped, line ends made "\n", letters composed (NFC) so words fold one unit per letter. */
export function normalizeDocument(raw: string): string {
  return raw
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}

function romanValue(numeral: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const v = values[numeral[i]];
    const next = values[numeral[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** "I. Chỉ tiêu …", "II Chỉ tiêu …": the numeral and the title; null for any other line. */
export function sectionHeading(line: string): { id: string; title: string } | null {
  const m = HEADING.exec(line);
  if (!m || !ROMAN.test(m[1]) || romanValue(m[1]) === 0) return null;
  // "I" is a numeral only when a title follows it; the title starts with a letter or a quote.
  if (!/^[\p{L}"“(]/u.test(m[2])) return null;
  return { id: m[1], title: m[2].trim() };
}

/** The plan's year: "NĂM 2020" in the title, or "Năm: 2026". */
function yearOf(text: string): number | null {
  const m = /năm(?:\s+học)?\s*:?\s*((?:19|20)\d{2})(?!\d)/iu.exec(text);
  return m ? Number(m[1]) : null;
}

/** Reads the document into sections and items; never throws. */
export function readPlanDocument(raw: string): PlanDocument {
  const text = normalizeDocument(raw);
  const sections: PlanDocument['sections'] = [];
  const items: DocumentItem[] = [];
  const context: Span[] = [];
  const preamble: string[] = [];
  let title: string | null = null;
  let item: DocumentItem | null = null;
  let part: { start: number; end: number } | null = null;
  let unnumbered = 0;

  const closePart = () => {
    if (item && part) {
      item.parts.push({
        text: text.slice(part.start, part.end).replace(/\n/g, ' '),
        start: part.start,
      });
    }
    part = null;
  };
  const closeItem = () => {
    closePart();
    if (item && item.parts.length > 0) items.push(item);
    item = null;
  };

  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    const lineEnd = offset + line.length;
    offset = lineEnd + 1;
    if (line.trim() === '') continue;
    // Where the content (after the marker) starts in this line.
    const contentAt = (content: string) => lineStart + line.lastIndexOf(content);

    const heading = sectionHeading(line);
    if (heading) {
      closeItem();
      sections.push(heading);
      context.push({ start: lineStart, end: lineEnd });
      unnumbered = 0;
      continue;
    }
    const section = sections[sections.length - 1];
    if (!section) {
      preamble.push(line.trim());
      if (title === null) title = line.trim();
      context.push({ start: lineStart, end: lineEnd });
      continue;
    }
    const numbered = ITEM.exec(line);
    const subNumbered = numbered ? null : SUB_NUMBERED.exec(line);
    const bullet = numbered || subNumbered ? null : BULLET.exec(line);
    if (numbered) {
      closeItem();
      item = { section: section.id, number: numbered[1], numbered: true, parts: [] };
      const content = numbered[2];
      if (content !== '') part = { start: contentAt(content), end: lineEnd };
      continue;
    }
    const subContent = subNumbered?.[1] ?? bullet?.[1];
    if (subContent !== undefined) {
      if (!item) {
        // A bullet right under a heading: an item of its own, numbered by the draft.
        unnumbered++;
        item = { section: section.id, number: String(unnumbered), numbered: false, parts: [] };
        if (subContent !== '') part = { start: contentAt(subContent), end: lineEnd };
        closeItem();
        continue;
      }
      closePart();
      if (subContent !== '') part = { start: contentAt(subContent), end: lineEnd };
      continue;
    }
    // A line with no marker continues the current part (a wrapped line), or opens one.
    const content = line.trim();
    if (!item) {
      unnumbered++;
      item = { section: section.id, number: String(unnumbered), numbered: false, parts: [] };
      part = { start: contentAt(content), end: lineEnd };
      closeItem();
      continue;
    }
    if (part) part.end = lineStart + line.trimEnd().length;
    else part = { start: contentAt(content), end: lineEnd };
  }
  closeItem();

  const preambleText = preamble.join('\n');
  return {
    text,
    title,
    year: yearOf(preambleText) ?? (title ? yearOf(title) : null),
    sections,
    items,
    context,
  };
}
