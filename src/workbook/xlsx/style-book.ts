/**
 * The styles part (xl/styles.xml) as the patcher and the light reader need it: the number format
 * of each cell style, and new cell styles made from an existing one with the plan's changes. New
 * fonts, fills, borders, number formats and cell formats (xf) are appended at the end of their
 * lists, so no index a cell already uses ever changes (SPEC §11).
 */
import type { CellStyle } from '../../template/types';
import { elements, escapeXml, parseAttributes, startTagEnd } from './xml-text';

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30), as ExcelJS names them. */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: '[$-404]e/m/d',
  30: 'm/d/yy',
  36: '[$-404]e/m/d',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: '[$-404]e/m/d',
  57: '[$-404]e/m/d',
  59: 't0',
  60: 't0.00',
  61: 't#,##0',
  62: 't#,##0.00',
  67: 't0%',
  68: 't0.00%',
  69: 't# ?/?',
  70: 't# ??/??',
};

const FIRST_CUSTOM_FORMAT = 164;

interface List {
  tag: string;
  /** Existing elements' text, in order. */
  items: string[];
  added: string[];
  /** Keys of items and added elements by the list's equivalence, computed once each. */
  keys?: { items: string[]; added: string[]; of: (text: string) => string };
}

function argb(hex: string): string {
  const digits = hex.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(digits)) throw new Error(`Not a #RRGGBB colour: ${hex}`);
  return `FF${digits}`;
}

/** The element texts of list `tag` (`<fonts>` → each `<font>…</font>`), and where it is. */
function readList(xml: string, tag: string, item: string): { items: string[]; found: boolean } {
  const start = xml.indexOf(`<${tag}`);
  if (start < 0) return { items: [], found: false };
  const open = startTagEnd(xml, start);
  if (xml.charCodeAt(open - 1) === 0x2f) return { items: [], found: true };
  const end = xml.indexOf(`</${tag}>`, open);
  return {
    items: [...elements(xml, item, open + 1, end)].map((e) => xml.slice(e.start, e.end)),
    found: true,
  };
}

/** Whether a CellStyle changes anything at all. */
export function hasStyle(style: CellStyle): boolean {
  return (
    style.numberFormat !== undefined ||
    style.fill !== undefined ||
    style.fontColor !== undefined ||
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.fontSize !== undefined ||
    style.fontName !== undefined ||
    style.underline !== undefined ||
    style.wrap !== undefined ||
    style.horizontal !== undefined ||
    style.vertical !== undefined ||
    style.border !== undefined
  );
}

function signature(style: CellStyle): string {
  // Plain concatenation: this runs for every cell written, and JSON.stringify costs more.
  return `${style.numberFormat}\u0001${style.fill}\u0001${style.fontColor}\u0001${style.bold}\u0001${style.italic}\u0001${style.fontSize}\u0001${style.fontName}\u0001${style.underline}\u0001${style.wrap}\u0001${style.horizontal}\u0001${style.vertical}\u0001${style.border}`;
}

/** Replaces (or removes, with null) a child element `<name …/>` of a font's text. */
const FONT_CHILD = new Map<string, RegExp>();

function setFontChild(font: string, name: string, value: string | null, first: boolean): string {
  const open = /^<font\b[^>]*>/.exec(font)?.[0] ?? '<font>';
  const inner = font.slice(open.length, font.length - '</font>'.length);
  let child = FONT_CHILD.get(name);
  if (!child) {
    child = new RegExp(`<${name}\\b[^>]*?(?:/>|>[^<]*</${name}>)`, 'g');
    FONT_CHILD.set(name, child);
  }
  const kept = inner.replace(child, '');
  const added = value ?? '';
  return `${open}${first ? added + kept : kept + added}</font>`;
}

export class StyleBook {
  private readonly formats = new Map<number, string>();
  private readonly xfs: string[];
  private readonly lists: Record<'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs', List>;
  private readonly made = new Map<number, Map<string, number>>();
  private readonly formatOfStyle = new Map<number, string>();
  private nextFormatId = FIRST_CUSTOM_FORMAT;

  constructor(private readonly xml: string) {
    for (const { attrs } of elements(xml, 'numFmt')) {
      const id = Number(attrs.numFmtId);
      this.formats.set(id, attrs.formatCode ?? '');
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    const list = (tag: string, item: string): List => ({
      tag,
      items: readList(xml, tag, item).items,
      added: [],
    });
    this.lists = {
      numFmts: list('numFmts', 'numFmt'),
      fonts: list('fonts', 'font'),
      fills: list('fills', 'fill'),
      borders: list('borders', 'border'),
      cellXfs: list('cellXfs', 'xf'),
    };
    this.xfs = this.lists.cellXfs.items;
  }

  /** The number format code of a cell style index ("General" when it has none). */
  numberFormat(styleIndex: number): string {
    let code = this.formatOfStyle.get(styleIndex);
    if (code === undefined) {
      const xf = this.xfs[styleIndex];
      const id = xf ? Number(parseAttributes(xf.slice(0, startTagEnd(xf, 0))).numFmtId ?? 0) : 0;
      code = this.formatCode(id);
      this.formatOfStyle.set(styleIndex, code);
    }
    return code;
  }

  private formatCode(id: number): string {
    return this.formats.get(id) ?? BUILTIN_FORMATS[id] ?? 'General';
  }

  private formatId(code: string): number {
    if (code === 'General') return 0;
    for (const [id, existing] of this.formats) if (existing === code) return id;
    for (const [id, builtin] of Object.entries(BUILTIN_FORMATS)) {
      if (builtin === code && Number(id) < 50) return Number(id);
    }
    const id = this.nextFormatId++;
    this.formats.set(id, code);
    this.lists.numFmts.added.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private append(list: List, element: string, key: (text: string) => string = sameText): number {
    // An equivalent element already there is used again: a cleared cell gets its old style back.
    if (!list.keys || list.keys.of !== key) {
      list.keys = { items: list.items.map(key), added: list.added.map(key), of: key };
    }
    const wanted = key(element);
    const existing = list.keys.items.indexOf(wanted);
    if (existing >= 0) return existing;
    const added = list.keys.added.indexOf(wanted);
    if (added >= 0) return list.items.length + added;
    list.added.push(element);
    list.keys.added.push(wanted);
    return list.items.length + list.added.length - 1;
  }

  private item(list: List, index: number): string | undefined {
    return index < list.items.length ? list.items[index] : list.added[index - list.items.length];
  }

  /**
   * The index of a cell style that is `base` with `style`'s changes; the same change to the same
   * base gives the same index, so the part grows by the number of distinct styles, not cells.
   */
  derive(base: number, style: CellStyle): number {
    let byChange = this.made.get(base);
    if (!byChange) this.made.set(base, (byChange = new Map()));
    const key = signature(style);
    const known = byChange.get(key);
    if (known !== undefined) return known;
    if (!hasStyle(style)) {
      byChange.set(key, base);
      return base;
    }

    const baseXf =
      this.item(this.lists.cellXfs, base) ?? this.item(this.lists.cellXfs, 0) ?? '<xf/>';
    const tagEnd = startTagEnd(baseXf, 0);
    const attrs = parseAttributes(baseXf.slice(0, tagEnd));
    const selfClosing = baseXf.charCodeAt(tagEnd - 1) === 0x2f;
    let children = selfClosing ? '' : baseXf.slice(tagEnd + 1, baseXf.lastIndexOf('</xf>'));

    if (style.numberFormat !== undefined) {
      attrs.numFmtId = String(this.formatId(style.numberFormat));
      attrs.applyNumberFormat = '1';
    }
    if (
      style.fontColor !== undefined ||
      style.bold !== undefined ||
      style.italic !== undefined ||
      style.fontSize !== undefined ||
      style.fontName !== undefined ||
      style.underline !== undefined
    ) {
      let font = this.item(this.lists.fonts, Number(attrs.fontId ?? 0)) ?? '<font></font>';
      if (font.endsWith('/>')) font = `${font.slice(0, -2)}></font>`;
      if (style.bold !== undefined)
        font = setFontChild(font, 'b', style.bold ? '<b/>' : null, true);
      if (style.italic !== undefined) {
        font = setFontChild(font, 'i', style.italic ? '<i/>' : null, true);
      }
      if (style.underline !== undefined) {
        font = setFontChild(font, 'u', style.underline ? '<u/>' : null, true);
      }
      if (style.fontSize !== undefined) {
        font = setFontChild(font, 'sz', `<sz val="${style.fontSize}"/>`, false);
      }
      if (style.fontColor !== undefined) {
        const color = style.fontColor === null ? null : `<color rgb="${argb(style.fontColor)}"/>`;
        font = setFontChild(font, 'color', color, false);
      }
      if (style.fontName !== undefined) {
        font = setFontChild(font, 'name', `<name val="${escapeXml(style.fontName)}"/>`, false);
        // The theme's font scheme would override the name in Excel.
        font = setFontChild(font, 'scheme', null, false);
      }
      attrs.fontId = String(this.append(this.lists.fonts, font, fontKey));
      attrs.applyFont = '1';
    }
    if (style.fill !== undefined) {
      attrs.fillId =
        style.fill === null
          ? '0'
          : String(
              this.append(
                this.lists.fills,
                `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`,
              ),
            );
      attrs.applyFill = '1';
    }
    if (style.border !== undefined) {
      const side = (s: string) => `<${s} style="thin"><color indexed="64"/></${s}>`;
      attrs.borderId = style.border
        ? String(
            this.append(
              this.lists.borders,
              `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`,
            ),
          )
        : '0';
      attrs.applyBorder = '1';
    }
    if (
      style.wrap !== undefined ||
      style.horizontal !== undefined ||
      style.vertical !== undefined
    ) {
      const found = /<alignment\b[^>]*\/>|<alignment\b[^>]*>[\s\S]*?<\/alignment>/.exec(children);
      const align = found ? parseAttributes(found[0].slice(0, startTagEnd(found[0], 0))) : {};
      if (style.wrap !== undefined) {
        if (style.wrap) align.wrapText = '1';
        else delete align.wrapText;
      }
      if (style.horizontal !== undefined) align.horizontal = style.horizontal;
      // SpreadsheetML says "center" for what Office.js and ExcelJS call "middle".
      if (style.vertical !== undefined) {
        align.vertical = style.vertical === 'middle' ? 'center' : style.vertical;
      }
      const element = `<alignment${attributesText(align)}/>`;
      // <alignment> is the xf's first child (CT_Xf sequence: alignment, protection, extLst).
      children = found ? children.replace(found[0], element) : element + children;
      attrs.applyAlignment = '1';
    }
    if (attrs.xfId === undefined) attrs.xfId = '0';
    const xf =
      children === ''
        ? `<xf${attributesText(attrs)}/>`
        : `<xf${attributesText(attrs)}>${children}</xf>`;
    const index = this.append(this.lists.cellXfs, xf, xfKey);
    byChange.set(key, index);
    return index;
  }

  /** Whether anything was appended (the part must then be written again). */
  get changed(): boolean {
    return Object.values(this.lists).some((l) => l.added.length > 0);
  }

  /** The styles part with everything appended, the rest of its text as it was. */
  toXml(): string {
    let xml = this.xml;
    for (const list of Object.values(this.lists)) {
      if (list.added.length === 0) continue;
      const count = list.items.length + list.added.length;
      const start = xml.indexOf(`<${list.tag}`);
      if (start < 0) {
        // Only <numFmts> may be missing; it is the first child of <styleSheet>.
        const sheetOpen = startTagEnd(xml, xml.indexOf('<styleSheet'));
        xml = `${xml.slice(0, sheetOpen + 1)}<${list.tag} count="${count}">${list.added.join('')}</${list.tag}>${xml.slice(sheetOpen + 1)}`;
        continue;
      }
      const open = startTagEnd(xml, start);
      let tag = xml.slice(start, open + 1);
      const selfClosing = tag.endsWith('/>');
      if (selfClosing) tag = `${tag.slice(0, -2)}>`;
      tag = /\bcount="\d*"/.test(tag)
        ? tag.replace(/\bcount="\d*"/, `count="${count}"`)
        : tag.replace(/>$/, ` count="${count}">`);
      if (selfClosing) {
        xml = `${xml.slice(0, start)}${tag}${list.added.join('')}</${list.tag}>${xml.slice(open + 1)}`;
      } else {
        const close = xml.indexOf(`</${list.tag}>`, open);
        xml = `${xml.slice(0, start)}${tag}${xml.slice(open + 1, close)}${list.added.join('')}${xml.slice(close)}`;
      }
    }
    return xml;
  }
}

function sameText(text: string): string {
  return text;
}

/**
 * A font's children in any order (CT_Font is a choice): the same set is the same font. The text
 * colour of the theme (theme 1) and the automatic colour are one colour.
 */
function fontKey(font: string): string {
  return (font.match(/<(?!\/?font\b)[^>]+>/g) ?? [])
    .filter((child) => !/^<color (theme="1"|auto="1")\s*\/>$/.test(child))
    .sort()
    .join('');
}

/** A cell format without its apply* flags, which only say which parts were set by hand. */
function xfKey(xf: string): string {
  const end = startTagEnd(xf, 0);
  const attrs = parseAttributes(xf.slice(0, end));
  const core = ['numFmtId', 'fontId', 'fillId', 'borderId', 'xfId']
    .map((k) => `${k}=${attrs[k] ?? '0'}`)
    .join(' ');
  const children =
    xf.charCodeAt(end - 1) === 0x2f ? '' : xf.slice(end + 1, xf.lastIndexOf('</xf>'));
  return `${core}|${children.replace(/<alignment\s*\/>/, '')}`;
}

export function attributesText(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}
