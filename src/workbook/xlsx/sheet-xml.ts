/**
 * A SheetPlan as a whole worksheet part (SpreadsheetML, ECMA-376 Part 1, 18.3): the summary sheet
 * the patcher adds to a package, and the sheet of a summary-only workbook. Covers today's fields
 * and the printing fields agreed for issue 14 (TEAM.md): row heights, fonts, print titles (as a
 * `_xlnm.Print_Titles` defined name), footer, fit to pages, centring, margins, row breaks and data
 * bars. Elements follow CT_Worksheet's order, which Excel insists on.
 */
import { columnLetters, quoteSheetName, toA1 } from '../../template/address';
import type { SheetPlan } from '../../template/types';
import { cellXml } from './sheet-patch';
import type { StyleBook } from './style-book';
import { escapeXml } from './xml-text';

export interface SheetPart {
  xml: string;
  /** Relationships of the part (links to other files), as `<Relationship>` elements. */
  relationships: string[];
  /** `_xlnm.Print_Titles` when the plan repeats rows or columns on every page, else null. */
  printTitles: string | null;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HYPERLINK_REL = `${REL_NS}/hyperlink`;
const A4 = 9;

function rangeA1(a: { top: number; left: number; bottom: number; right: number }): string {
  const from = toA1(a.top, a.left);
  const to = toA1(a.bottom, a.right);
  return from === to ? from : `${from}:${to}`;
}

function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** The print titles reference: "'Tổng hợp'!$4:$5" (rows) and/or "$A:$B" (columns). */
function printTitles(plan: SheetPlan): string | null {
  const page = plan.page;
  if (!page || (!page.printTitleRows && !page.printTitleColumns)) return null;
  const sheet = quoteSheetName(plan.name);
  const parts: string[] = [];
  if (page.printTitleColumns) {
    const { first, last } = page.printTitleColumns;
    parts.push(`${sheet}!$${columnLetters(first)}:$${columnLetters(last)}`);
  }
  if (page.printTitleRows) {
    const { first, last } = page.printTitleRows;
    parts.push(`${sheet}!$${first + 1}:$${last + 1}`);
  }
  return parts.join(',');
}

export function sheetPlanXml(plan: SheetPlan, styles: StyleBook): SheetPart {
  const relationships: string[] = [];
  const hyperlinks: string[] = [];
  const font = plan.defaultFont;
  const byRow = new Map<number, Map<number, string>>();
  let bottom = 0;
  let right = 0;
  for (const write of plan.cells) {
    if (
      !Number.isInteger(write.row) ||
      !Number.isInteger(write.col) ||
      write.row < 0 ||
      write.col < 0
    ) {
      throw new Error(
        `Write plan for "${plan.name}" has a bad cell position ${write.row},${write.col}`,
      );
    }
    // Every cell names its font: a style without one falls back to the workbook's (SPEC §10).
    const style = styles.derive(
      0,
      font
        ? { ...write, fontName: write.fontName ?? font.name, fontSize: write.fontSize ?? font.size }
        : write,
    );
    let value = write.value;
    if (write.link) {
      if (value === null || value === '') value = write.link.cell;
      const ref = toA1(write.row, write.col);
      // A cell of this workbook: the location alone. A cell of another workbook: the file as
      // the relationship's target and the cell as the location, as Excel writes such a link;
      // the target never repeats the location, which LibreOffice would append twice.
      const location = `${quoteSheetName(write.link.sheet)}!${write.link.cell}`;
      if (write.link.file) {
        const id = `rId${relationships.length + 1}`;
        relationships.push(
          `<Relationship Id="${id}" Type="${HYPERLINK_REL}" Target="${escapeXml(write.link.file)}" TargetMode="External"/>`,
        );
        hyperlinks.push(`<hyperlink ref="${ref}" r:id="${id}" location="${escapeXml(location)}"/>`);
      } else {
        hyperlinks.push(
          `<hyperlink ref="${ref}" location="${escapeXml(location)}" display="${escapeXml(String(value))}"/>`,
        );
      }
    }
    let line = byRow.get(write.row);
    if (!line) byRow.set(write.row, (line = new Map()));
    line.set(write.col, cellXml(write.row, write.col, style, value));
    bottom = Math.max(bottom, write.row);
    right = Math.max(right, write.col);
  }
  const heights = plan.rowHeights ?? {};
  for (const r of Object.keys(heights)) if (!byRow.has(Number(r))) byRow.set(Number(r), new Map());

  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, line]) => {
      const height = heights[r];
      const ht = height !== undefined ? ` ht="${num(height)}" customHeight="1"` : '';
      const cells = [...line.entries()].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml);
      return cells.length > 0
        ? `<row r="${r + 1}"${ht}>${cells.join('')}</row>`
        : `<row r="${r + 1}"${ht}/>`;
    });

  const page = plan.page;
  const fit = page && (page.fitToWidth !== undefined || page.fitToHeight !== undefined);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
  ];
  if (fit) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="${rangeA1({ top: 0, left: 0, bottom, right })}"/>`);
  const { rows: frozenRows, columns: frozenCols } = plan.freeze;
  if (frozenRows > 0 || frozenCols > 0) {
    const topLeft = toA1(frozenRows, frozenCols);
    const pane =
      frozenRows > 0 && frozenCols > 0 ? 'bottomRight' : frozenRows > 0 ? 'bottomLeft' : 'topRight';
    const split = `${frozenCols > 0 ? ` xSplit="${frozenCols}"` : ''}${frozenRows > 0 ? ` ySplit="${frozenRows}"` : ''}`;
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
    );
  } else {
    out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  out.push(
    `<sheetFormatPr defaultRowHeight="${font ? num(Math.max(15, font.size * 1.3)) : '15'}"/>`,
  );
  const widths = plan.columnWidths
    .map((w, i) =>
      w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${num(w)}" customWidth="1"/>` : '',
    )
    .join('');
  if (widths) out.push(`<cols>${widths}</cols>`);
  out.push(rows.length > 0 ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>');
  if (plan.merges.length > 0) {
    out.push(
      `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join('')}</mergeCells>`,
    );
  }
  (plan.dataBars ?? []).forEach((bar, i) => {
    const rgb = `FF${bar.color.replace(/^#/, '').toUpperCase()}`;
    out.push(
      `<conditionalFormatting sqref="${rangeA1(bar)}"><cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${rgb}"/></dataBar></cfRule></conditionalFormatting>`,
    );
  });
  if (hyperlinks.length > 0) out.push(`<hyperlinks>${hyperlinks.join('')}</hyperlinks>`);
  if (page?.horizontalCentered) out.push('<printOptions horizontalCentered="1"/>');
  const m = page?.margins ?? {
    left: 0.7,
    right: 0.7,
    top: 0.75,
    bottom: 0.75,
    header: 0.3,
    footer: 0.3,
  };
  out.push(
    `<pageMargins left="${num(m.left)}" right="${num(m.right)}" top="${num(m.top)}" bottom="${num(m.bottom)}" header="${num(m.header)}" footer="${num(m.footer)}"/>`,
  );
  if (page) {
    const fitAttrs = fit
      ? ` fitToWidth="${page.fitToWidth ?? 1}" fitToHeight="${page.fitToHeight ?? 0}"`
      : '';
    const scale = !fit && page.scale !== undefined ? ` scale="${Math.round(page.scale)}"` : '';
    out.push(`<pageSetup paperSize="${A4}"${scale} orientation="${page.orientation}"${fitAttrs}/>`);
    if (page.footer)
      out.push(`<headerFooter><oddFooter>${escapeXml(page.footer)}</oddFooter></headerFooter>`);
    const breaks = [...new Set(page.rowBreaks ?? [])].filter((b) => b > 0).sort((a, b) => a - b);
    if (breaks.length > 0) {
      // A break "at" row id falls after that 1-based row, i.e. before the 0-based row id.
      out.push(
        `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join('')}</rowBreaks>`,
      );
    }
  }
  out.push('</worksheet>');
  return { xml: out.join(''), relationships, printTitles: printTitles(plan) };
}

export function relationshipsXml(relationships: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`;
}
