/**
 * The printing fields through Office.js (SPEC §10), in the in-memory Excel: fonts, row heights and
 * autofit, page layout, page breaks, data bars, the unit matrix sheet and the summary's chart, in
 * the same three syncs as before; a chart Excel refuses costs only the chart.
 */
import { evaluateInExcel } from '../../src/workbook/office/actions';
import type { SheetModel } from '../host/model';
import { ChartCollectionForTests } from '../host/print-proxies';
import { DISTRICT_FIGURES, hostFor, reportWorkbook, type UnitFigures } from './workbooks';

const UNITS: UnitFigures[] = [
  { sheet: 'Báo cáo', unit: 'LĐLĐ huyện Thanh Sơn', figures: DISTRICT_FIGURES },
  { sheet: 'Báo cáo 2', unit: 'LĐLĐ huyện Đoan Hùng', figures: DISTRICT_FIGURES },
];

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

async function evaluated() {
  const setup = hostFor(reportWorkbook(UNITS));
  uninstall = setup.uninstall;
  const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });
  const sheet = (name: string) => setup.host.model.sheets.find((s) => s.name === name)!;
  return { host: setup.host, outcome, sheet };
}

const cellsWith = (sheet: SheetModel, text: string) =>
  Object.entries(sheet.cells).filter(([, c]) => c.value === text);

describe('printing through Office.js', () => {
  it('sets the page layout, footer, print titles, breaks, heights and fonts of the summary', async () => {
    const { outcome, sheet } = await evaluated();
    expect(outcome.syncs).toBe(3);
    const summary = sheet('Tổng hợp');
    expect(summary.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      footer: { center: '&"Times New Roman,Regular"&11Trang &P/&N', left: '', right: '' },
      margins: { left: 36, right: 36, top: 43.2, bottom: 54, header: 21.6, footer: 21.6 },
    });
    expect(summary.pageLayout.zoom!.scale).toBeGreaterThanOrEqual(70);
    const [[headerCell]] = cellsWith(summary, 'Thực hiện');
    const headerRow = Number(headerCell.slice(1));
    // The column groups' row ("Tổng hợp N đơn vị") above the labels repeats with them.
    expect(summary.pageLayout.printTitleRows).toBe(`$${headerRow - 1}:$${headerRow}`);
    // Every written cell names Times New Roman; the title is larger and bold.
    for (const cell of Object.values(summary.cells)) {
      if (cell.value !== undefined) expect(cell.font?.name).toBe('Times New Roman');
    }
    const [[, title]] = cellsWith(summary, 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2020');
    expect(title.font).toMatchObject({ size: 15, bold: true });
    const [[, motto]] = cellsWith(summary, 'Độc lập - Tự do - Hạnh phúc');
    expect(motto.font).toMatchObject({ underline: 'Single', bold: true });
    // Rows with merged cells keep the estimated height; the others are fitted by Excel.
    expect(summary.rowHeights![3]).toBeGreaterThan(15);
    expect(summary.autofitRows).toContain(headerRow - 1);
    expect(summary.rowHeights![headerRow - 1]).toBeUndefined();
    expect(summary.conditionalFormats!.map((c) => [c.type, c.fillColor, c.lower, c.upper])).toEqual(
      [
        ['DataBar', '#5B9BD5', { type: 'Number', formula: '0' }, { type: 'Number', formula: '1' }],
        ['DataBar', '#5B9BD5', { type: 'Number', formula: '0' }, { type: 'Number', formula: '1' }],
      ],
    );
  });

  it('makes the unit matrix sheet and a chart of each unit’s results', async () => {
    const { sheet } = await evaluated();
    const matrix = sheet('Tổng hợp theo đơn vị');
    expect(matrix.pageLayout.printTitleColumns).toBe('$A:$C');
    expect(cellsWith(matrix, 'LĐLĐ huyện Đoan Hùng')).toHaveLength(1);
    const [chart] = sheet('Tổng hợp').charts!;
    expect(chart).toMatchObject({ type: 'BarStacked100', seriesBy: 'Columns' });
    expect(chart.title).toMatch(/từng đơn vị/);
    expect(chart.series).toHaveLength(3);
    const names = cellsWith(sheet('Tổng hợp'), 'LĐLĐ huyện Thanh Sơn');
    expect(chart.series[0].xAxisValues).toMatch(new RegExp(`^${names[0][0]}:`));
    expect(chart.series.map((s) => s.color)).toEqual(['#006100', '#FFC000', '#9C0006']);
  });

  it('a chart Excel cannot make costs only the chart', async () => {
    const restore = ChartCollectionForTests.failNext();
    try {
      const { outcome, sheet } = await evaluated();
      // One more request loads again what the stopped one had loaded.
      expect(outcome.syncs).toBe(4);
      expect(sheet('Tổng hợp').charts ?? []).toEqual([]);
      expect(cellsWith(sheet('Tổng hợp'), 'KẾT QUẢ THEO ĐƠN VỊ')).toHaveLength(1);
      expect(outcome.evaluation.units).toHaveLength(2);
    } finally {
      restore();
    }
  });
});
