/**
 * The printing fields of a SheetPlan through Office.js (SPEC §10): the sheet's font, row heights,
 * page layout, page breaks and data bars, queued with the sheet's other actions, and the native
 * chart, made after everything else in a request of its own so that a failure costs only the
 * chart. References (learn.microsoft.com/javascript/api/excel/):
 * - excel.pagelayout (ExcelApi 1.9): orientation, paperSize, zoom, margins in points,
 *   centerHorizontally, setPrintTitleRows/-Columns, headersFooters.defaultForAllPages;
 * - excel.pagebreakcollection.add (1.9): a break above the range's top-left cell;
 * - excel.rangeformat rowHeight and autofitRows (1.2); Excel does not fit rows that hold merged
 *   cells, so those keep the height the plan estimated;
 * - excel.conditionalformatcollection.add("DataBar") (1.6) with lower and upper bound rules;
 * - excel.chartcollection.add (1.1), chart.setPosition (1.1), chartseries.setXAxisValues (1.7).
 */
import { columnLetters } from '../../template/address';
import type { CellWrite, ChartPlan, PageSetup, SheetPlan } from '../../template/types';

const POINTS_PER_INCH = 72;
const points = (inches: number) => Math.round(inches * POINTS_PER_INCH * 100) / 100;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rangeOf(ws: Excel.Worksheet, r: Rect): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** The rectangle every cell of the plan lies in. */
export function planRect(plan: SheetPlan): Rect | null {
  if (plan.cells.length === 0) return null;
  const rect = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  for (const c of plan.cells) {
    rect.top = Math.min(rect.top, c.row);
    rect.left = Math.min(rect.left, c.col);
    rect.bottom = Math.max(rect.bottom, c.row);
    rect.right = Math.max(rect.right, c.col);
  }
  return rect;
}

/**
 * The plan's cells, each naming its font: the sheet's unless it has its own (the same cells the
 * ExcelJS adapter gives a font; no empty cell of the sheet gets one).
 */
export function withFont(plan: SheetPlan): CellWrite[] {
  const font = plan.defaultFont;
  if (!font) return plan.cells;
  return plan.cells.map((cell) => ({
    ...cell,
    fontName: cell.fontName ?? font.name,
    fontSize: cell.fontSize ?? font.size,
  }));
}

/** Runs of consecutive rows of one height: one action each. */
export function heightRuns(
  heights: Record<number, number>,
): { top: number; bottom: number; height: number }[] {
  const rows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  const runs: { top: number; bottom: number; height: number }[] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last.bottom === row - 1 && last.height === heights[row]) last.bottom = row;
    else runs.push({ top: row, bottom: row, height: heights[row] });
  }
  return runs;
}

/** Runs of consecutive rows that hold no merged cell: Excel can fit those itself. */
function fittableRuns(plan: SheetPlan): { top: number; bottom: number }[] {
  const merged = new Set<number>();
  for (const m of plan.merges) for (let r = m.top; r <= m.bottom; r++) merged.add(r);
  const rows = [...new Set(plan.cells.map((c) => c.row))]
    .filter((r) => !merged.has(r))
    .sort((a, b) => a - b);
  const runs: { top: number; bottom: number }[] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last.bottom === row - 1) last.bottom = row;
    else runs.push({ top: row, bottom: row });
  }
  return runs;
}

/** A piece of the printing setup: its queued actions, counted for the request size. */
export interface PrintAction {
  /** Office.js calls it queues (each with its object path). */
  calls: number;
  queue(ws: Excel.Worksheet): void;
}

/**
 * Everything a sheet's plan asks for printing, in small pieces so that a request near its size
 * limit can end between them: row heights (the plan's estimate on every row, which LibreOffice
 * and rows with merged cells keep; then Excel's own fit on the rows without merged cells), the
 * page layout, and the data bars.
 */
export function printActions(plan: SheetPlan): PrintAction[] {
  const actions: PrintAction[] = [];
  for (const run of heightRuns(plan.rowHeights ?? {})) {
    actions.push({
      calls: 2,
      queue: (ws) => {
        ws.getRange(`${run.top + 1}:${run.bottom + 1}`).format.rowHeight = run.height;
      },
    });
  }
  if (plan.rowHeights) {
    for (const run of fittableRuns(plan)) {
      actions.push({
        calls: 2,
        queue: (ws) => ws.getRange(`${run.top + 1}:${run.bottom + 1}`).format.autofitRows(),
      });
    }
  }
  const page = plan.page;
  if (page) {
    actions.push({ calls: 24, queue: (ws) => queuePageSetup(ws, { ...page, rowBreaks: [] }) });
    for (const row of page.rowBreaks ?? []) {
      if (row <= 0) continue;
      actions.push({
        calls: 2,
        queue: (ws) => ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row, 0, 1, 1)),
      });
    }
  }
  for (const bar of plan.dataBars ?? []) {
    actions.push({ calls: 6, queue: (ws) => queueDataBars(ws, { ...plan, dataBars: [bar] }) });
  }
  return actions;
}

/** "&L…&C…&R…" to its three sections (Office.js takes each on its own). */
export function footerSections(codes: string): { left: string; center: string; right: string } {
  const sections = { left: '', center: '', right: '' };
  let current: keyof typeof sections = 'center';
  const parts = codes.split(/(&[LCR])/);
  for (const part of parts) {
    if (part === '&L') current = 'left';
    else if (part === '&C') current = 'center';
    else if (part === '&R') current = 'right';
    else sections[current] += part;
  }
  return sections;
}

export function queuePageSetup(ws: Excel.Worksheet, page: PageSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  if (page.scale !== undefined) layout.zoom = { scale: page.scale };
  else {
    // Documented form (Excel.PageLayoutZoomOptions): only the pages asked for; no
    // verticalFitToPages of 0, so the height takes as many pages as it needs (issue 9).
    const zoom: Excel.PageLayoutZoomOptions = {};
    if (page.fitToWidth) zoom.horizontalFitToPages = page.fitToWidth;
    if (page.fitToHeight) zoom.verticalFitToPages = page.fitToHeight;
    layout.zoom = zoom;
  }
  if (page.margins) {
    layout.leftMargin = points(page.margins.left);
    layout.rightMargin = points(page.margins.right);
    layout.topMargin = points(page.margins.top);
    layout.bottomMargin = points(page.margins.bottom);
    layout.headerMargin = points(page.margins.header);
    layout.footerMargin = points(page.margins.footer);
  }
  if (page.horizontalCentered !== undefined) layout.centerHorizontally = page.horizontalCentered;
  if (page.printTitleRows) {
    layout.setPrintTitleRows(`$${page.printTitleRows.first + 1}:$${page.printTitleRows.last + 1}`);
  }
  if (page.printTitleColumns) {
    const { first, last } = page.printTitleColumns;
    layout.setPrintTitleColumns(`$${columnLetters(first)}:$${columnLetters(last)}`);
  }
  if (page.footer !== undefined) {
    const { left, center, right } = footerSections(page.footer);
    const footer = layout.headersFooters.defaultForAllPages;
    footer.leftFooter = left;
    footer.centerFooter = center;
    footer.rightFooter = right;
  }
  for (const row of page.rowBreaks ?? []) {
    if (row > 0) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row, 0, 1, 1));
  }
}

/** Data bars: empty at 0 and full at 1 (100 %), as the ExcelJS adapter writes them. */
export function queueDataBars(ws: Excel.Worksheet, plan: SheetPlan): void {
  for (const bar of plan.dataBars ?? []) {
    const format = rangeOf(ws, bar).conditionalFormats.add('DataBar');
    format.dataBar.positiveFormat.fillColor = bar.color;
    format.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
    format.dataBar.upperBoundRule = { type: 'Number', formula: '1' };
  }
}

const CHART_TYPE: Record<ChartPlan['type'], 'BarClustered' | 'BarStacked100'> = {
  barClustered: 'BarClustered',
  barStacked100: 'BarStacked100',
};

/** The chart of the plan on the sheet named `sheet`: its series, categories, colours and place. */
export function queueChart(context: Excel.RequestContext, sheet: string, chart: ChartPlan): void {
  const ws = context.workbook.worksheets.getItem(sheet);
  const made = ws.charts.add(CHART_TYPE[chart.type], rangeOf(ws, chart.source), 'Columns');
  made.title.text = chart.title;
  const { row, col, rows, columns } = chart.anchor;
  made.setPosition(
    ws.getRangeByIndexes(row, col, 1, 1),
    ws.getRangeByIndexes(row + rows - 1, col + columns - 1, 1, 1),
  );
  const seriesCount = chart.source.right - chart.source.left + 1;
  const labels = rangeOf(ws, chart.labels);
  for (let i = 0; i < seriesCount; i++) {
    const series = made.series.getItemAt(i);
    series.setXAxisValues(labels);
    const color = chart.colors?.[i];
    if (color) series.format.fill.setSolidColor(color);
  }
}
