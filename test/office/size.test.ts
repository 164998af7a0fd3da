/**
 * Large work: a 5,000-row report sheet, a workbook whose cells pass Excel's 5 MB response limit
 * (read in slices), and write plans past the 5 MB request limit, which are split into several
 * requests each under the limit.
 */
import { loadCatalogue } from '../../src/catalogue';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { planEvaluation } from '../../src/template/plan';
import type { CellWrite, WritePlan } from '../../src/template/types';
import { evaluateInExcel } from '../../src/workbook/office/actions';
import { applyWritePlan, MAX_REQUEST_BYTES } from '../../src/workbook/office/adapter';
import { readWorkbook } from '../../src/workbook/office/read';
import { SyncCounter } from '../../src/workbook/office/sync';
import { ExcelHost } from '../host/excel-host';
import { emptySheet, putValues } from '../host/model';
import { modelFromWorkbook } from '../host/seed-xlsx';
import { DISTRICT_FIGURES, hostFor, reportWorkbook } from './workbooks';

const FIVE_MB = 5 * 1024 * 1024;

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe('large workbooks', () => {
  it('a 5,000-row report sheet: three syncs, no request or response over 5 MB', async () => {
    const wb = reportWorkbook([{ sheet: 'Báo cáo', unit: 'LĐLĐ tỉnh', figures: DISTRICT_FIGURES }]);
    const ws = wb.getWorksheet('Báo cáo')!;
    const first = ws.rowCount + 2;
    for (let r = first; r < first + 5000; r++) {
      ws.getCell(r, 3).value = `Chi tiết cơ sở số ${r - first + 1}: Công ty TNHH Một thành viên`;
      ws.getCell(r, 6).value = r % 97;
      ws.getCell(r, 11).value = 'đã đối chiếu';
    }
    const setup = hostFor(modelFromWorkbook(wb));
    uninstall = setup.uninstall;

    const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });

    expect(outcome.syncs).toBe(3);
    expect(outcome.evaluation.units[0].results).toHaveLength(26);
    for (const request of setup.host.requests) {
      expect(request.bytes).toBeLessThan(FIVE_MB);
      expect(request.responseBytes).toBeLessThan(FIVE_MB);
    }
    // The read really carried the 5,000 rows.
    expect(Math.max(...setup.host.requests.map((r) => r.responseBytes))).toBeGreaterThan(500_000);
  });

  it('a workbook past 5 MB of cells: read in slices, evaluated and written, nothing refused', async () => {
    const model = modelFromWorkbook(
      reportWorkbook([{ sheet: 'Báo cáo', unit: 'LĐLĐ tỉnh', figures: DISTRICT_FIGURES }]),
    );
    const list = emptySheet('Danh sách CĐCS');
    model.sheets.push(list);
    putValues(
      list,
      'A1',
      Array.from({ length: 30_000 }, (_, i) => [
        i + 1,
        `Công đoàn cơ sở Công ty TNHH Một thành viên số ${i + 1}`,
        'Khu công nghiệp Thụy Vân, thành phố Việt Trì',
        20 + (i % 480),
        'đã đối chiếu với báo cáo quý IV',
      ]),
    );
    const setup = hostFor(model);
    uninstall = setup.uninstall;

    const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });

    expect(outcome.evaluation.units).toHaveLength(1);
    expect(outcome.evaluation.units[0].results).toHaveLength(26);
    expect(outcome.summarySheet).toBe('Tổng hợp');
    const [list1, refused, measured, ...rest] = setup.host.requests;
    expect(list1.responseBytes).toBeLessThan(10_000);
    expect(refused.responseBytes).toBeGreaterThan(5_000_000);
    expect(measured.responseBytes).toBeLessThan(10_000);
    // A few slices of the sheets, then the write; every one answered.
    expect(rest.length).toBeGreaterThan(2);
    expect(rest.length).toBeLessThan(10);
    expect(outcome.syncs).toBe(setup.host.syncCount);
    for (const request of rest) {
      expect(request.bytes).toBeLessThan(5_000_000);
      expect(request.responseBytes).toBeLessThan(5_000_000);
    }
    const statusCell = outcome.evaluation.units[0].report.rows[0].outputCells.status;
    expect(setup.host.cell('Báo cáo', statusCell)?.value).toBeTruthy();
  });

  it('splits a write past the 5 MB limit into requests under it, writing every cell', async () => {
    const host = new ExcelHost(
      modelFromWorkbook(
        reportWorkbook([{ sheet: 'Báo cáo', unit: 'A', figures: DISTRICT_FIGURES }]),
      ),
    );
    const long = 'Công đoàn cơ sở hoàn thành tốt nhiệm vụ năm 2020 — '.repeat(4);
    const cells: CellWrite[] = [];
    for (let row = 0; row < 4000; row++) {
      for (let col = 0; col < 12; col++) cells.push({ row, col, value: `${long}${row}:${col}` });
    }
    const plan: WritePlan = {
      sheets: [],
      summary: {
        name: 'Lớn',
        replace: false,
        cells,
        merges: [],
        columnWidths: [],
        freeze: { rows: 0, columns: 0 },
      },
    };
    const counter = new SyncCounter();

    await host.run(async (context) => {
      const read = await readWorkbook(context as never, counter);
      await applyWritePlan(context as never, read, plan, counter, { activity: 'write' });
    });

    const writes = host.requests.slice(2);
    expect(writes.reduce((n, r) => n + r.bytes, 0)).toBeGreaterThan(FIVE_MB);
    expect(writes.length).toBeGreaterThan(1);
    for (const request of writes) expect(request.bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(counter.count).toBe(host.syncCount);
    expect(host.cell('Lớn', 'A1')?.value).toBe(`${long}0:0`);
    expect(host.cell('Lớn', 'L4000')?.value).toBe(`${long}3999:11`);
    expect(Object.keys(host.sheet('Lớn').cells)).toHaveLength(48_000);
  });

  it('estimates every request from above: a small limit is never passed', async () => {
    const wb = reportWorkbook([
      { sheet: 'Báo cáo', unit: 'A', figures: DISTRICT_FIGURES },
      { sheet: 'Báo cáo 2', unit: 'B', figures: DISTRICT_FIGURES },
    ]);
    const host = new ExcelHost(modelFromWorkbook(wb));
    const limit = 8_000;
    const counter = new SyncCounter();

    await host.run(async (context) => {
      const read = await readWorkbook(context as never, counter);
      const evaluation = evaluateWorkbooks([read.snapshot], { catalogue: loadCatalogue() });
      const plan = planEvaluation(evaluation, read.snapshot, {
        summary: true,
        lang: 'vi',
        now: new Date(2021, 0, 1),
      });
      await applyWritePlan(context as never, read, plan, counter, {
        activity: 'write',
        maxRequestBytes: limit,
      });
    });

    const writes = host.requests.slice(2);
    expect(writes.length).toBeGreaterThan(3);
    for (const request of writes) expect(request.bytes).toBeLessThanOrEqual(limit);
    expect(host.model.sheets.map((s) => s.name)).toEqual([
      'Báo cáo',
      'Báo cáo 2',
      'Tổng hợp',
      'Tổng hợp theo đơn vị',
    ]);
  });
});
