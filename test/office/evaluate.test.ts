/**
 * *Đánh giá*, *Tạo bảng tổng hợp* and *Xóa kết quả* through Office.js, against the in-memory
 * host: the same cells as the ExcelJS path of the CLI, three syncs whatever the size, evaluating
 * twice equal to once, clear giving the workbook back.
 */
import type ExcelJS from 'exceljs';
import { loadCatalogue } from '../../src/catalogue';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { planEvaluation } from '../../src/template/plan';
import { clearInExcel, evaluateInExcel } from '../../src/workbook/office/actions';
import { applyPlanToExcelJs, snapshotFromExcelJs } from '../../src/workbook/xlsx/exceljs-adapter';
import { applyWritePlan } from '../../src/workbook/office/adapter';
import { readWorkbook } from '../../src/workbook/office/read';
import { SyncCounter } from '../../src/workbook/office/sync';
import type { CellWrite, WritePlan } from '../../src/template/types';
import { ExcelHost } from '../host/excel-host';
import { emptyWorkbook } from '../host/model';
import { modelFromWorkbook } from '../host/seed-xlsx';
import { workbookView } from './compare';
import {
  addBareReportSheet,
  DISTRICT_FIGURES,
  hostFor,
  manyUnits,
  reloaded,
  reportWorkbook,
  variedUnits,
  type UnitFigures,
} from './workbooks';

const NOW = new Date(2021, 2, 15, 10, 30);

beforeAll(() => {
  // Only the clock: the summary's "made at" line must be the same on both paths.
  jest.useFakeTimers({
    now: NOW,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
});
afterAll(() => jest.useRealTimers());

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

async function seeded(wb: ExcelJS.Workbook): Promise<ExcelHost> {
  const setup = hostFor(modelFromWorkbook(await reloaded(wb)));
  uninstall = setup.uninstall;
  return setup.host;
}

/** What the CLI's path makes of the same file: ExcelJS read, same planner, ExcelJS write. */
async function viaExcelJs(wb: ExcelJS.Workbook, summary: boolean) {
  const file = await reloaded(wb);
  const snapshot = snapshotFromExcelJs(file);
  const evaluation = evaluateWorkbooks([snapshot], { catalogue: loadCatalogue() });
  applyPlanToExcelJs(file, planEvaluation(evaluation, snapshot, { summary, lang: 'vi', now: NOW }));
  return workbookView(modelFromWorkbook(await reloaded(file)));
}

const TWO_UNITS: UnitFigures[] = [
  { sheet: 'Báo cáo', unit: 'LĐLĐ huyện Thanh Sơn', figures: DISTRICT_FIGURES },
  {
    sheet: "CĐ ngành Y'tế",
    unit: 'Công đoàn ngành Y tế',
    figures: { 'I.1a': [130], 'I.2b': [40, 50], 'II.7b': [66, 100] },
  },
];

/** Two template sheets and a bare one whose output columns evaluation adds. */
function threeUnits(): ExcelJS.Workbook {
  const wb = reportWorkbook(TWO_UNITS);
  addBareReportSheet(wb, 'KCN');
  return wb;
}

describe('evaluating in Excel', () => {
  it('writes the same cells, formats, summary and names as the ExcelJS path', async () => {
    const wb = threeUnits();
    const expected = await viaExcelJs(wb, true);
    const host = await seeded(wb);

    const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });

    expect(outcome.summarySheet).toBe('Tổng hợp');
    expect(outcome.evaluation.units.map((u) => u.report.unit)).toEqual([
      'LĐLĐ huyện Thanh Sơn',
      'Công đoàn ngành Y tế',
      'Công đoàn Khu công nghiệp',
    ]);
    // The bare sheet got its three output columns, remembered in a defined name.
    expect(Object.keys(expected.names)).toHaveLength(1);
    expect(host.cell('KCN', 'D6')?.formula).toBe('=E6*0.9');
    const actual = workbookView(host.model);
    expect(actual.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    for (let i = 0; i < expected.sheets.length; i++) {
      expect(actual.sheets[i]).toEqual(expected.sheets[i]);
    }
    expect(actual.names).toEqual(expected.names);
  });

  it('colours a missed target and writes its rate, gap and label as numbers and text', async () => {
    const host = await seeded(reportWorkbook([TWO_UNITS[0]]));
    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' });
    const unit = outcome.evaluation.units[0];
    const row = unit.report.rows.find((r) => r.code === 'I.1a')!;
    const result = unit.results.find((r) => r.code === 'I.1a')!;
    expect(result.status).toBe('MISSED');

    const rate = host.cell('Báo cáo', row.outputCells.rate)!;
    const gap = host.cell('Báo cáo', row.outputCells.gap)!;
    const label = host.cell('Báo cáo', row.outputCells.status)!;
    expect(rate.value).toBeCloseTo(95 / 110, 12);
    expect(rate.numberFormat).toContain('%');
    expect(gap.value).toBe(-15);
    expect(label).toMatchObject({
      value: 'Không đạt',
      fill: '#FFC7CE',
      font: { color: '#9C0006' },
    });
    expect(label.formula).toBeUndefined();
    expect(outcome.counts.MISSED).toBe(unit.results.filter((r) => r.status === 'MISSED').length);
  });

  it('uses three syncs for one and for 200 report sheets, every request under 5 MB', async () => {
    const counts: number[] = [];
    for (const n of [1, 200]) {
      const host = await seeded(reportWorkbook(manyUnits(n)));
      const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });
      expect(outcome.evaluation.units).toHaveLength(n);
      expect(outcome.syncs).toBe(host.syncCount);
      expect(host.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
      counts.push(outcome.syncs);
      uninstall?.();
      uninstall = null;
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  it('200 report sheets of varied figures: three syncs, as for one, every request under 5 MB', async () => {
    const counts: number[] = [];
    for (const n of [1, 200]) {
      const host = await seeded(reportWorkbook(variedUnits(n)));
      const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });
      expect(outcome.evaluation.units).toHaveLength(n);
      // Statuses really do alternate: every status of a met/near/missed province is there.
      expect(outcome.counts.MET).toBeGreaterThan(0);
      expect(outcome.counts.NEAR + outcome.counts.MISSED).toBeGreaterThan(0);
      expect(outcome.syncs).toBe(host.syncCount);
      for (const request of host.requests) {
        expect(request.bytes).toBeLessThan(5_000_000);
        expect(request.responseBytes).toBeLessThan(5_000_000);
      }
      counts.push(outcome.syncs);
      uninstall?.();
      uninstall = null;
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  it('writes the same cells as the ExcelJS path when statuses alternate row by row', async () => {
    const wb = reportWorkbook(variedUnits(12));
    const expected = await viaExcelJs(wb, true);
    const host = await seeded(wb);

    await evaluateInExcel({ summary: true, lang: 'vi' });

    expect(workbookView(host.model)).toEqual(expected);
  });

  it('sets each colour once per sheet, however often the statuses alternate', async () => {
    const FILLS = ['#C6EFCE', '#FFC7CE'];
    const FONTS = ['#006100', '#9C0006'];
    const writeActions: number[] = [];
    for (const rows of [10, 300, 3000]) {
      const host = new ExcelHost(emptyWorkbook(['Báo cáo']));
      const cells: CellWrite[] = [];
      for (let row = 0; row < rows; row++) {
        for (let col = 7; col <= 9; col++) {
          cells.push({ row, col, value: row, fill: FILLS[row % 2], fontColor: FONTS[row % 2] });
        }
      }
      await host.run(async (context) => {
        const counter = new SyncCounter();
        const read = await readWorkbook(context as never, counter);
        await applyWritePlan(
          context as never,
          read,
          { sheets: [{ sheet: 'Báo cáo', cells }] },
          counter,
          {
            activity: 'write',
          },
        );
      });
      expect(host.syncCount).toBe(3);
      writeActions.push(host.requests[2].actions);
      for (const row of [0, 1, rows - 1]) {
        expect(host.cell('Báo cáo', `I${row + 1}`)).toMatchObject({
          value: row,
          fill: FILLS[row % 2],
          font: { color: FONTS[row % 2] },
        });
      }
    }
    // 150 runs of each colour: still one call per colour and property.
    expect(writeActions[1]).toBe(writeActions[0]);
    // 1,500 runs of each colour: only the address lists, cut at 2,000 characters, add calls.
    expect(writeActions[2] - writeActions[0]).toBeLessThan((2 * 2 * 1500) / 100);
  });

  it('reports its progress in order, ending done', async () => {
    await seeded(reportWorkbook([TWO_UNITS[0]]));
    const steps: string[] = [];
    await evaluateInExcel({
      summary: true,
      lang: 'en',
      onProgress: (p) => steps.push(`${p.step}:${p.fraction}`),
    });
    expect(steps.map((s) => s.split(':')[0])).toEqual([
      'reading',
      'evaluating',
      'summary',
      'writing',
      'done',
    ]);
    const fractions = steps.map((s) => Number(s.split(':')[1]));
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('gives the same workbook when evaluating twice as when evaluating once', async () => {
    const host = await seeded(threeUnits());
    await evaluateInExcel({ summary: true, lang: 'vi' });
    const once = workbookView(host.model);
    await evaluateInExcel({ summary: true, lang: 'vi' });
    expect(workbookView(host.model)).toEqual(once);
  });

  it('clear gives back the workbook as it was before evaluating', async () => {
    const host = await seeded(threeUnits());
    const before = workbookView(host.model);
    await evaluateInExcel({ summary: true, lang: 'vi' });
    expect(workbookView(host.model)).not.toEqual(before);

    await clearInExcel();

    expect(workbookView(host.model)).toEqual(before);
  });

  it('writes text that looks like a formula as text', async () => {
    const wb = reportWorkbook([
      { sheet: 'A', unit: '=HYPERLINK("http://x","bấm")', figures: { 'I.1a': [120] } },
      { sheet: 'B', unit: '-Công đoàn cơ sở', figures: { 'I.1a': [100] } },
      { sheet: 'C', unit: '@Khu công nghiệp', figures: { 'I.1a': [100] } },
      { sheet: 'D', unit: '+84 Công đoàn', figures: { 'I.1a': [100] } },
    ]);
    const host = await seeded(wb);
    await evaluateInExcel({ summary: true, lang: 'vi' });

    const summary = host.sheet('Tổng hợp');
    const texts = Object.values(summary.cells).map((c) => c.value);
    for (const unit of [
      '=HYPERLINK("http://x","bấm")',
      '-Công đoàn cơ sở',
      '@Khu công nghiệp',
      '+84 Công đoàn',
    ]) {
      expect(texts.some((t) => typeof t === 'string' && t.includes(unit))).toBe(true);
    }
    for (const cell of Object.values(summary.cells)) expect(cell.formula).toBeUndefined();
  });

  it('writes values and formats in blocks and colours in runs, not cell by cell', async () => {
    const host = await seeded(reportWorkbook([TWO_UNITS[0]]));
    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' });
    const outputCells = outcome.evaluation.units[0].report.rows.length * 3;
    const write = host.requests[2];
    // Per cell it would be 4 actions (value, format, fill, font) for each of the 78 cells.
    expect(write.actions).toBeLessThan(outputCells);
  });

  it('keeps every string exactly as text, whatever Excel would make of it typed', async () => {
    const host = await seeded(reportWorkbook([TWO_UNITS[0]]));
    const texts = ['=SUM(A1:A2)', '+84', '-x', '@x', '1/2', 'TRUE', '12', '50%', "'quoted", '#N/A'];
    const plan: WritePlan = {
      sheets: [],
      summary: {
        name: 'Văn bản',
        replace: false,
        cells: texts.map((value, row) => ({ row, col: 0, value })),
        merges: [],
        columnWidths: [],
        freeze: { rows: 0, columns: 0 },
      },
    };
    await host.run(async (context) => {
      const counter = new SyncCounter();
      const read = await readWorkbook(context as never, counter);
      await applyWritePlan(context as never, read, plan, counter, { activity: 'write' });
    });
    texts.forEach((text, row) => {
      const cell = host.cell('Văn bản', `A${row + 1}`);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.numberFormat).toBeUndefined();
    });
  });
});
