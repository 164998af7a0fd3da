/**
 * The printing part of the in-memory Excel (SPEC §10): row heights and autofit, the font's name
 * and underline, page layout beyond orientation (margins, print titles, footer), manual page
 * breaks, data bars and charts. The proxies of ./proxies get these members from here, so that
 * file keeps to the cells; each checks what Excel checks where its docs say
 * (learn.microsoft.com/javascript/api/excel/…):
 * - rangeformat.rowheight: points, 0 to 409 (Excel's largest row); autofitRows fits the rows;
 * - rangefont.underline: "None", "Single", "Double", "SingleAccountant", "DoubleAccountant";
 * - pagelayout margins in points; setPrintTitleRows / setPrintTitleColumns take whole rows or
 *   whole columns ("$1:$2", "$A:$C"), anything else is InvalidArgument;
 * - headerfooter sections: Excel refuses a header or footer longer than 255 characters;
 * - pagebreakcollection.add: a break above the range's top-left cell, not above row 1;
 * - conditionalformatcollection.add: the ConditionalFormatType values; databar rules;
 * - chartcollection.add(type, sourceData, seriesBy): one series per column (seriesBy "Columns")
 *   after the first row of names; series.getItemAt past the last series is ItemNotFound.
 */
import { cellKey, columnName, parseRect, rectAddress, type Rect } from './a1';
import { hostErrors } from './errors';
import type { SheetModel } from './model';
import {
  ClientObject,
  HostRequestContext,
  PageLayout,
  Range,
  RangeFont,
  RangeFormat,
  Worksheet,
} from './proxies';

const MAX_ROW_HEIGHT = 409;
const MAX_HEADER_FOOTER = 255;
const UNDERLINES = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];
const CONDITIONAL_FORMAT_TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
];
const CHART_TYPES = ['BarClustered', 'BarStacked', 'BarStacked100', 'ColumnClustered', 'Pie'];

interface FormatTarget {
  sheet: SheetModel;
  areas: Rect[];
}

/** The protected members of a proxy, for the members added here. */
interface Internals<T> {
  queueSet(prop: string, value: unknown, apply: (target: T) => void): void;
  queueCall(method: string, args: unknown[], apply: (target: T) => void): void;
  target(): T | null;
}
const internals = <T>(object: ClientObject<T>) => object as unknown as Internals<T>;

function ensureWritable(sheet: SheetModel, where: string): void {
  if (sheet.protected) throw hostErrors.accessDenied(where);
}

function rowsOf(areas: Rect[]): number[] {
  const rows = new Set<number>();
  for (const rect of areas) for (let r = rect.top; r <= rect.bottom; r++) rows.add(r);
  return [...rows];
}

/** A Range argument (or an A1 string) to its rectangle now, as Excel resolves it. */
function rectOf(arg: unknown, where: string): Rect {
  if (arg instanceof Range) return arg.rectNow().rect;
  if (typeof arg === 'string') {
    const rect = parseRect(arg.replace(/\$/g, ''));
    if (rect) return rect;
  }
  throw hostErrors.invalidArgument(where, `range ${String(arg)}`);
}

// ---------------------------------------------------------------------------------------------
// Cells: row heights, font name and underline

function defineSetter<T>(proto: object, name: string, set: (this: T, value: never) => void): void {
  Object.defineProperty(proto, name, { configurable: true, set });
}

defineSetter<RangeFormat>(RangeFormat.prototype, 'rowHeight', function (points: number) {
  if (!(points >= 0 && points <= MAX_ROW_HEIGHT)) {
    throw hostErrors.invalidArgument(`${this.path}.rowHeight`, `height ${points}`);
  }
  internals<FormatTarget>(this).queueSet('rowHeight', points, ({ sheet, areas }) => {
    ensureWritable(sheet, `${this.path}.rowHeight`);
    sheet.rowHeights ??= {};
    for (const row of rowsOf(areas)) sheet.rowHeights[row] = points;
  });
});

(RangeFormat.prototype as unknown as { autofitRows: () => void }).autofitRows = function (
  this: RangeFormat,
) {
  internals<FormatTarget>(this).queueCall('autofitRows', [], ({ sheet, areas }) => {
    ensureWritable(sheet, `${this.path}.autofitRows`);
    // Excel's fit replaces an explicit height.
    const fitted = new Set(sheet.autofitRows ?? []);
    for (const row of rowsOf(areas)) {
      fitted.add(row);
      if (sheet.rowHeights) delete sheet.rowHeights[row];
    }
    sheet.autofitRows = [...fitted].sort((a, b) => a - b);
  });
};

function writeFont(
  font: RangeFont,
  prop: string,
  value: string,
  apply: (f: NonNullable<SheetModel['cells'][string]['font']>) => void,
) {
  internals<FormatTarget>(font).queueSet(prop, value, ({ sheet, areas }) => {
    ensureWritable(sheet, `${font.path}.${prop}`);
    for (const rect of areas) {
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = (sheet.cells[cellKey(r, c)] ??= {});
          cell.font = { ...cell.font };
          apply(cell.font);
        }
      }
    }
  });
}

defineSetter<RangeFont>(RangeFont.prototype, 'name', function (name: string) {
  if (typeof name !== 'string' || name.trim() === '') {
    throw hostErrors.invalidArgument(`${this.path}.name`, `font ${String(name)}`);
  }
  writeFont(this, 'name', name, (font) => (font.name = name));
});

defineSetter<RangeFont>(RangeFont.prototype, 'underline', function (value: string) {
  if (!UNDERLINES.includes(value)) {
    throw hostErrors.invalidArgument(`${this.path}.underline`, `underline ${value}`);
  }
  writeFont(this, 'underline', value, (font) => (font.underline = value));
});

// ---------------------------------------------------------------------------------------------
// Page layout

type Layout = SheetModel['pageLayout'];
const MARGINS = ['left', 'right', 'top', 'bottom', 'header', 'footer'] as const;

for (const side of MARGINS) {
  defineSetter<PageLayout>(PageLayout.prototype, `${side}Margin`, function (points: number) {
    if (!(points >= 0)) throw hostErrors.invalidArgument(`${this.path}.${side}Margin`, `${points}`);
    internals<SheetModel>(this).queueSet(`${side}Margin`, points, (sheet) => {
      sheet.pageLayout.margins = { ...sheet.pageLayout.margins, [side]: points };
    });
  });
}

defineSetter<PageLayout>(PageLayout.prototype, 'centerHorizontally', function (value: boolean) {
  internals<SheetModel>(this).queueSet('centerHorizontally', value, (sheet) => {
    sheet.pageLayout.centerHorizontally = value;
  });
});

function printTitles(kind: 'rows' | 'columns') {
  return function (this: PageLayout, reference: unknown) {
    const where = `${this.path}.setPrintTitle${kind === 'rows' ? 'Rows' : 'Columns'}`;
    const rect = rectOf(reference, where);
    const whole =
      kind === 'rows'
        ? rect.left === 0 && rect.right >= 16_383
        : rect.top === 0 && rect.bottom >= 1_048_575;
    if (!whole) throw hostErrors.invalidArgument(where, `not whole ${kind}: ${String(reference)}`);
    internals<SheetModel>(this).queueCall(
      where.slice(where.lastIndexOf('.') + 1),
      [reference],
      (sheet) => {
        const layout: Layout = sheet.pageLayout;
        if (kind === 'rows') layout.printTitleRows = `$${rect.top + 1}:$${rect.bottom + 1}`;
        else layout.printTitleColumns = `$${columnName(rect.left)}:$${columnName(rect.right)}`;
      },
    );
  };
}
Object.assign(PageLayout.prototype, {
  setPrintTitleRows: printTitles('rows'),
  setPrintTitleColumns: printTitles('columns'),
});

class HeaderFooter extends ClientObject<SheetModel> {
  protected readonly typeName = 'HeaderFooter';

  private section(name: 'left' | 'center' | 'right', text: string) {
    const prop = `${name}Footer`;
    if (typeof text !== 'string' || text.length > MAX_HEADER_FOOTER) {
      throw hostErrors.invalidArgument(`${this.path}.${prop}`, 'footer text');
    }
    internals<SheetModel>(this).queueSet(prop, text, (sheet) => {
      sheet.pageLayout.footer = { ...sheet.pageLayout.footer, [name]: text };
    });
  }
  set leftFooter(text: string) {
    this.section('left', text);
  }
  set centerFooter(text: string) {
    this.section('center', text);
  }
  set rightFooter(text: string) {
    this.section('right', text);
  }
}

class HeaderFooterGroup extends ClientObject<SheetModel> {
  protected readonly typeName = 'HeaderFooterGroup';
  get defaultForAllPages(): HeaderFooter {
    return new HeaderFooter(this.context, `${this.path}.defaultForAllPages`, () =>
      internals<SheetModel>(this).target(),
    );
  }
}

Object.defineProperty(PageLayout.prototype, 'headersFooters', {
  configurable: true,
  get(this: PageLayout) {
    return new HeaderFooterGroup(this.context, `${this.path}.headersFooters`, () =>
      internals<SheetModel>(this).target(),
    );
  },
});

// ---------------------------------------------------------------------------------------------
// Page breaks

class PageBreakCollection extends ClientObject<SheetModel> {
  protected readonly typeName = 'PageBreakCollection';

  add(pageBreakRange: unknown): void {
    const where = `${this.path}.add`;
    internals<SheetModel>(this).queueCall('add', [pageBreakRange], (sheet) => {
      const row = rectOf(pageBreakRange, where).top;
      if (row === 0) throw hostErrors.invalidArgument(where, 'a break above row 1');
      sheet.pageBreaks = [...new Set([...(sheet.pageBreaks ?? []), row])].sort((a, b) => a - b);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

class DataBarFormat extends ClientObject<SheetModel> {
  protected readonly typeName = 'DataBarConditionalFormat';
  constructor(
    context: HostRequestContext,
    path: string,
    resolver: () => SheetModel | null,
    private readonly index: () => number,
  ) {
    super(context, path, resolver);
  }

  private update(prop: string, value: unknown, apply: (cf: CfModel) => void) {
    internals<SheetModel>(this).queueSet(prop, value, (sheet) => {
      const cf = sheet.conditionalFormats?.[this.index()];
      if (!cf) throw hostErrors.itemNotFound(`${this.path}.${prop}`);
      apply(cf);
    });
  }
  get positiveFormat() {
    const setFill = (color: string) => {
      if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw hostErrors.invalidArgument('fillColor', color);
      this.update('positiveFormat.fillColor', color, (cf) => (cf.fillColor = color));
    };
    return {
      set fillColor(color: string) {
        setFill(color);
      },
    };
  }
  set lowerBoundRule(rule: { type: string; formula?: string }) {
    this.update('lowerBoundRule', rule, (cf) => (cf.lower = { ...rule }));
  }
  set upperBoundRule(rule: { type: string; formula?: string }) {
    this.update('upperBoundRule', rule, (cf) => (cf.upper = { ...rule }));
  }
}
type CfModel = NonNullable<SheetModel['conditionalFormats']>[number];

class ConditionalFormatCollection extends ClientObject<FormatTarget> {
  protected readonly typeName = 'ConditionalFormatCollection';

  add(type: string) {
    const where = `${this.path}.add`;
    if (!CONDITIONAL_FORMAT_TYPES.includes(type)) throw hostErrors.invalidArgument(where, type);
    let index = -1;
    internals<FormatTarget>(this).queueCall('add', [type], ({ sheet, areas }) => {
      ensureWritable(sheet, where);
      sheet.conditionalFormats ??= [];
      index = sheet.conditionalFormats.push({ type, address: rectAddress(areas[0]) }) - 1;
    });
    const sheetOf = () => internals<FormatTarget>(this).target()?.sheet ?? null;
    const dataBar = new DataBarFormat(this.context, `${where}.dataBar`, sheetOf, () => index);
    return { dataBar };
  }
}

Object.defineProperty(Range.prototype, 'conditionalFormats', {
  configurable: true,
  get(this: Range) {
    return new ConditionalFormatCollection(this.context, `${this.path}.conditionalFormats`, () => {
      const target = this.rectNow();
      return { sheet: target.sheet, areas: [target.rect] };
    });
  },
});

// ---------------------------------------------------------------------------------------------
// Charts

type ChartModel = NonNullable<SheetModel['charts']>[number];

class ChartPart extends ClientObject<ChartModel> {
  protected readonly typeName: string = 'Chart';
}

class ChartSeries extends ChartPart {
  protected override readonly typeName = 'ChartSeries';
  constructor(
    context: HostRequestContext,
    path: string,
    resolver: () => ChartModel | null,
    private readonly at: number,
  ) {
    super(context, path, resolver);
  }

  private series(chart: ChartModel, where: string) {
    const series = chart.series[this.at];
    if (!series) throw hostErrors.itemNotFound(`${this.path}.${where}`);
    return series;
  }
  setXAxisValues(sourceData: unknown): void {
    internals<ChartModel>(this).queueCall('setXAxisValues', [sourceData], (chart) => {
      this.series(chart, 'setXAxisValues').xAxisValues = rectAddress(
        rectOf(sourceData, `${this.path}.setXAxisValues`),
      );
    });
  }
  get format() {
    return {
      fill: {
        setSolidColor: (color: string) =>
          internals<ChartModel>(this).queueCall('format.fill.setSolidColor', [color], (chart) => {
            this.series(chart, 'format.fill.setSolidColor').color = color;
          }),
      },
    };
  }
}

class Chart extends ChartPart {
  get title() {
    const setText = (value: string) =>
      internals<ChartModel>(this).queueSet('title.text', value, (c) => (c.title = value));
    return {
      set text(value: string) {
        setText(value);
      },
    };
  }
  setPosition(startCell: unknown, endCell?: unknown): void {
    const where = `${this.path}.setPosition`;
    internals<ChartModel>(this).queueCall('setPosition', [startCell, endCell], (chart) => {
      const start = rectAddress(rectOf(startCell, where));
      const end = endCell === undefined ? start : rectAddress(rectOf(endCell, where));
      chart.position = { start, end };
    });
  }
  get series() {
    return {
      getItemAt: (index: number) =>
        new ChartSeries(
          this.context,
          `${this.path}.series.getItemAt(${index})`,
          () => internals<ChartModel>(this).target(),
          index,
        ),
    };
  }
}

class ChartCollection extends ClientObject<SheetModel> {
  protected readonly typeName = 'ChartCollection';
  /** Tests: the next chart Excel is asked for fails, as on a host that cannot make it. */
  static failing = false;

  add(type: string, sourceData: unknown, seriesBy = 'Auto'): Chart {
    const where = `${this.path}.add`;
    if (!CHART_TYPES.includes(type)) throw hostErrors.invalidArgument(where, `chart type ${type}`);
    let index = -1;
    let sheetRef: SheetModel | null = null;
    internals<SheetModel>(this).queueCall('add', [type, sourceData, seriesBy], (sheet) => {
      ensureWritable(sheet, where);
      if (ChartCollection.failing) {
        ChartCollection.failing = false;
        throw hostErrors.invalidOperation(where, 'the chart could not be made');
      }
      const rect = rectOf(sourceData, where);
      const count = seriesBy === 'Rows' ? rect.bottom - rect.top : rect.right - rect.left + 1;
      sheet.charts ??= [];
      index =
        sheet.charts.push({
          type,
          source: rectAddress(rect),
          seriesBy,
          series: Array.from({ length: count }, () => ({})),
        }) - 1;
      sheetRef = sheet;
    });
    return new Chart(this.context, `${where}()`, () => {
      const sheet = sheetRef as SheetModel | null;
      return sheet?.charts?.[index] ?? null;
    });
  }
}

Object.defineProperties(Worksheet.prototype, {
  horizontalPageBreaks: {
    configurable: true,
    get(this: Worksheet) {
      return new PageBreakCollection(this.context, `${this.path}.horizontalPageBreaks`, () =>
        internals<SheetModel>(this).target(),
      );
    },
  },
  charts: {
    configurable: true,
    get(this: Worksheet) {
      return new ChartCollection(this.context, `${this.path}.charts`, () =>
        internals<SheetModel>(this).target(),
      );
    },
  },
});

export const ChartCollectionForTests = {
  /** Makes the next `charts.add` fail; returns a function that undoes it if it did not run. */
  failNext(): () => void {
    ChartCollection.failing = true;
    return () => (ChartCollection.failing = false);
  },
};
