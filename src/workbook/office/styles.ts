/**
 * The cell styles of a write plan in as few Office.js calls as the plan allows: each distinct
 * value of a style property is set once per sheet, on every cell that takes it, through one
 * RangeAreas (`worksheet.getRanges("H8:J9,H12:J12,…")`, ExcelApi 1.9). Colouring results by
 * status costs one call per status and property, however the statuses alternate down the rows;
 * one range per run of equal statuses made 15,000 calls for 200 report sheets and their summary.
 */
import { toA1 } from '../../template/address';
import type { CellStyle, CellWrite } from '../../template/types';

export type StyleKey = Exclude<keyof CellStyle, 'numberFormat'>;

const STYLE_KEYS: StyleKey[] = [
  'fill',
  'fontColor',
  'bold',
  'italic',
  'fontSize',
  'wrap',
  'horizontal',
  'vertical',
  'border',
  'fontName',
  'underline',
];

type StyleValue = NonNullable<CellStyle[StyleKey]> | null;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Office documents a limit of 8,192 characters on a getRanges address (longer ones are cut), and
 * add-in authors report refusals close to it; a quarter of it leaves a wide margin.
 */
export const MAX_AREAS_ADDRESS_LENGTH = 2000;

/** One call: a style property set to one value on the areas of `address`. */
export interface StyleGroup {
  key: StyleKey;
  value: StyleValue;
  /** A1 areas of one sheet joined by the list separator, at most MAX_AREAS_ADDRESS_LENGTH long. */
  address: string;
  /** Borders only: the inside edges every area has (a one-row area has no inside horizontal). */
  inside: { horizontal: boolean; vertical: boolean };
}

/**
 * Rectangles of cells sharing one value of a style property: runs along each row, then the same
 * run on consecutive rows joined. A report sheet's three output cells coloured by their status,
 * and rows of equal status below them, make one rectangle.
 */
function styleRects(writes: CellWrite[], key: StyleKey): { rect: Rect; value: StyleValue }[] {
  const styled = writes
    .filter((w) => w[key] !== undefined)
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const rowRuns: { rect: Rect; value: StyleValue }[] = [];
  for (const w of styled) {
    const value = w[key] as StyleValue;
    const last = rowRuns[rowRuns.length - 1];
    if (last && last.rect.top === w.row && last.rect.right === w.col - 1 && last.value === value) {
      last.rect.right = w.col;
    } else {
      rowRuns.push({ rect: { top: w.row, bottom: w.row, left: w.col, right: w.col }, value });
    }
  }
  const open = new Map<string, Rect>();
  const joined: { rect: Rect; value: StyleValue }[] = [];
  for (const run of rowRuns) {
    const columns = `${run.rect.left}:${run.rect.right}:${JSON.stringify(run.value)}`;
    const above = open.get(columns);
    if (above && above.bottom === run.rect.top - 1) {
      above.bottom = run.rect.top;
    } else {
      joined.push(run);
      open.set(columns, run.rect);
    }
  }
  return joined;
}

function areaAddress(r: Rect): string {
  const first = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${toA1(r.bottom, r.right)}`;
}

/**
 * Addresses joined by the list separator Excel wants (./separator), cut into lists of at most
 * MAX_AREAS_ADDRESS_LENGTH characters.
 */
function addressLists(rects: Rect[], separator: string): string[] {
  const lists: string[] = [];
  let current = '';
  for (const rect of rects) {
    const address = areaAddress(rect);
    if (current && current.length + 1 + address.length > MAX_AREAS_ADDRESS_LENGTH) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current}${separator}${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

/**
 * Every style of one sheet's writes (one write per cell) as calls: per property, per distinct
 * value, one per address list. Border areas are grouped by shape too, so that an inside edge is
 * set only on areas that have one.
 */
export function styleGroups(writes: CellWrite[], separator: ',' | ';' = ','): StyleGroup[] {
  const groups: StyleGroup[] = [];
  for (const key of STYLE_KEYS) {
    const byValue = new Map<string, { value: StyleValue; inside: StyleGroup['inside'] }>();
    const rectsOf = new Map<string, Rect[]>();
    for (const { rect, value } of styleRects(writes, key)) {
      const inside =
        key === 'border'
          ? { horizontal: rect.bottom > rect.top, vertical: rect.right > rect.left }
          : { horizontal: false, vertical: false };
      const id = `${JSON.stringify(value)}|${inside.horizontal}|${inside.vertical}`;
      if (!byValue.has(id)) {
        byValue.set(id, { value, inside });
        rectsOf.set(id, []);
      }
      rectsOf.get(id)!.push(rect);
    }
    for (const [id, { value, inside }] of byValue) {
      for (const address of addressLists(rectsOf.get(id)!, separator)) {
        groups.push({ key, value, address, inside });
      }
    }
  }
  return groups;
}

type BorderEdge =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

/** The border edges a group sets: the outline of each area, and its inside lines if it has them. */
export function borderEdges(group: StyleGroup): BorderEdge[] {
  const edges: BorderEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  if (group.inside.vertical) edges.push('InsideVertical');
  if (group.inside.horizontal) edges.push('InsideHorizontal');
  return edges;
}

/**
 * Office.js reads a blank value for a property as "clear or reset it" (docs: "Blank and null
 * values in Excel add-ins"); for the font colour that is back to automatic. The docs give the
 * rule in general and list values, numberFormat and formulas as examples, not the font colour;
 * no documented call resets the font colour alone: RangeFont has no clear(), a colour such as
 * '#000000' is not automatic, and Range.clear(ClearApplyTo.formats) would also take the unit's
 * borders, fills and number formats. So '' it is, by the general rule.
 */
const AUTOMATIC_FONT_COLOR = '';

/** Queues the group's one setting on the format of its areas. */
export function queueStyle(format: Excel.RangeFormat, group: StyleGroup): void {
  const value = group.value;
  switch (group.key) {
    case 'fill':
      if (value === null) format.fill.clear();
      else format.fill.color = value as string;
      return;
    case 'fontColor':
      format.font.color = value === null ? AUTOMATIC_FONT_COLOR : (value as string);
      return;
    case 'bold':
      format.font.bold = Boolean(value);
      return;
    case 'italic':
      format.font.italic = Boolean(value);
      return;
    case 'fontSize':
      if (typeof value === 'number') format.font.size = value;
      return;
    case 'wrap':
      format.wrapText = Boolean(value);
      return;
    case 'horizontal':
      format.horizontalAlignment =
        value === 'center' ? 'Center' : value === 'right' ? 'Right' : 'Left';
      return;
    case 'vertical':
      format.verticalAlignment =
        value === 'middle' ? 'Center' : value === 'bottom' ? 'Bottom' : 'Top';
      return;
    case 'fontName':
      if (typeof value === 'string') format.font.name = value;
      return;
    case 'underline':
      format.font.underline = value ? 'Single' : 'None';
      return;
    case 'border': {
      const style = value ? 'Continuous' : 'None';
      for (const edge of borderEdges(group)) format.borders.getItem(edge).style = style;
      return;
    }
  }
}
