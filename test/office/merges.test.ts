/**
 * Merged cells on the write path. Excel keeps a merged area's value in its top-left cell and drops
 * a value written into any other of its cells, so the Office.js adapter refuses such a plan before
 * writing anything when the snapshot knows the merges (ExcelApi 1.13), as the ExcelJS adapter
 * refuses it; before 1.13 it reads back, in the same request, what Excel kept, and names the
 * cells it dropped.
 */
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../../src/catalogue';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { planEvaluation } from '../../src/template/plan';
import type { WritePlan } from '../../src/template/types';
import { evaluateInExcel } from '../../src/workbook/office/actions';
import { UserFacingError } from '../../src/workbook/errors';
import {
  applyPlanToExcelJs,
  PlanApplyError,
  snapshotFromExcelJs,
} from '../../src/workbook/xlsx/exceljs-adapter';
import { applyWritePlan } from '../../src/workbook/office/adapter';
import { readWorkbook } from '../../src/workbook/office/read';
import { SyncCounter } from '../../src/workbook/office/sync';
import { ExcelHost } from '../host/excel-host';
import { installHost } from '../host/install';
import { emptyWorkbook, putValues, type WorkbookModel } from '../host/model';
import { modelFromWorkbook } from '../host/seed-xlsx';
import { workbookView } from './compare';
import { DISTRICT_FIGURES, manyUnits, reloaded, reportWorkbook } from './workbooks';

const NOW = new Date(2021, 2, 15, 10, 30);

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function install(host: ExcelHost): ExcelHost {
  uninstall = installHost(host);
  return host;
}

/**
 * A sheet whose J8:J9 is merged, as a unit merges the Đánh giá cells of two rule rows; with
 * `header`, J7 is labelled, so that the merge starts in the used range.
 */
function mergedModel(header = true): WorkbookModel {
  const model = emptyWorkbook(['Báo cáo']);
  const sheet = model.sheets[0];
  putValues(sheet, 'A7', [
    ['Mã', 'Thực hiện'],
    ['I.1a', 120],
    ['I.1b', 2],
    ['I.2a', 9],
  ]);
  if (header) putValues(sheet, 'J7', [['Đánh giá']]);
  sheet.merges.push('J8:J9');
  return model;
}

/** Đánh giá of three rows, the second into the covered cell J9. */
const PLAN: WritePlan = {
  sheets: [
    {
      sheet: 'Báo cáo',
      cells: [
        { row: 7, col: 9, value: 'Đạt', fill: '#C6EFCE' },
        { row: 8, col: 9, value: 'Không đạt', fill: '#FFC7CE' },
        { row: 9, col: 9, value: 'Đạt', fill: '#C6EFCE' },
      ],
    },
  ],
};

async function applyInHost(host: ExcelHost, plan: WritePlan): Promise<unknown> {
  const counter = new SyncCounter();
  try {
    await host.run(async (context) => {
      const read = await readWorkbook(context as never, counter);
      await applyWritePlan(context as never, read, plan, counter, { activity: 'write' });
    });
    return null;
  } catch (error) {
    return error;
  } finally {
    expect(counter.count).toBe(host.syncCount);
  }
}

describe('a plan that writes into a merged cell', () => {
  it('with ExcelApi 1.13: refused before any write, naming the cell and its merge', async () => {
    const host = install(new ExcelHost(mergedModel()));
    const before = workbookView(host.model);

    const error = await applyInHost(host, PLAN);

    expect(error).toBeInstanceOf(UserFacingError);
    const { vi, en } = (error as UserFacingError).localized;
    expect(vi).toContain('Trang "Báo cáo", ô J9 nằm trong vùng gộp ô bắt đầu từ J8');
    expect(vi).toContain('Chưa có gì được ghi');
    expect(en).toContain('cell J9 is inside cells merged from J8');
    expect(workbookView(host.model)).toEqual(before);
    // The two syncs of reading; the write request was never sent.
    expect(host.syncCount).toBe(2);
    expect(host.ignoredWrites).toEqual([]);
  });

  it('is refused by the ExcelJS adapter too, for the same cell', async () => {
    const model = mergedModel();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Báo cáo');
    for (const [a1, cell] of Object.entries(model.sheets[0].cells)) {
      ws.getCell(a1).value = cell.value as ExcelJS.CellValue;
    }
    ws.mergeCells('J8:J9');

    expect(() => applyPlanToExcelJs(wb, PLAN)).toThrow(PlanApplyError);
    expect(() => applyPlanToExcelJs(wb, PLAN)).toThrow(/J9 is inside cells merged from J8/);
    expect(ws.getCell('J10').value).toBeNull();
  });

  it.each([
    ['before ExcelApi 1.13', '1.12', true],
    ['with 1.13, the merge outside the used range (not read)', '1.13', false],
  ])(
    '%s: the other cells written, the dropped one named, in three syncs',
    async (_, api, header) => {
      const host = install(new ExcelHost(mergedModel(header), { excelApi: api }));

      const error = await applyInHost(host, PLAN);

      expect(error).toBeInstanceOf(UserFacingError);
      const { vi, en } = (error as UserFacingError).localized;
      expect(vi).toContain('trang "Báo cáo": ô J9');
      expect(vi).toContain('Các kết quả khác đã được ghi');
      expect(en).toContain('sheet "Báo cáo": cell J9.');
      expect(host.syncCount).toBe(3);
      expect(host.ignoredWrites).toEqual([{ sheet: 'Báo cáo', cell: 'J9' }]);
      expect(host.cell('Báo cáo', 'J8')?.value).toBe('Đạt');
      expect(host.cell('Báo cáo', 'J10')?.value).toBe('Đạt');
    },
  );

  it('before ExcelApi 1.13, with no merge in the way: written in three syncs, no complaint', async () => {
    const model = mergedModel();
    model.sheets[0].merges = [];
    const host = install(new ExcelHost(model, { excelApi: '1.12' }));

    expect(await applyInHost(host, PLAN)).toBeNull();

    expect(host.syncCount).toBe(3);
    expect(host.cell('Báo cáo', 'J9')?.value).toBe('Không đạt');
  });
});

/** The report template filled in, its Đánh giá cells of I.1a and I.1b merged into one. */
async function mergedStatusWorkbook(): Promise<{ wb: ExcelJS.Workbook; cells: string[] }> {
  const wb = reportWorkbook([
    { sheet: 'Báo cáo', unit: 'LĐLĐ huyện', figures: { 'I.1a': [120], 'I.1b': [2] } },
  ]);
  const { units } = evaluateWorkbooks([snapshotFromExcelJs(wb)], { catalogue: loadCatalogue() });
  const status = (code: string) =>
    units[0].report.rows.find((r) => r.code === code)!.outputCells.status;
  const cells = [status('I.1a'), status('I.1b')];
  wb.getWorksheet('Báo cáo')!.mergeCells(`${cells[0]}:${cells[1]}`);
  return { wb: await reloaded(wb), cells };
}

/** The file path: the CLI's read, plan and write, or what it refused with. */
function viaExcelJs(wb: ExcelJS.Workbook): { view: ReturnType<typeof workbookView> } | Error {
  const snapshot = snapshotFromExcelJs(wb);
  const evaluation = evaluateWorkbooks([snapshot], { catalogue: loadCatalogue() });
  try {
    applyPlanToExcelJs(
      wb,
      planEvaluation(evaluation, snapshot, { summary: false, lang: 'vi', now: NOW }),
    );
  } catch (error) {
    return error as Error;
  }
  return { view: workbookView(modelFromWorkbook(wb)) };
}

describe('Đánh giá merged across two rule rows, through *Đánh giá*', () => {
  it('gives what the file path gives: the same refusal, or the same cells written', async () => {
    const { wb, cells } = await mergedStatusWorkbook();
    const host = install(new ExcelHost(modelFromWorkbook(wb)));
    const seeded = workbookView(host.model);
    const expected = viaExcelJs(await reloaded(wb));

    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' }).catch((e: unknown) => e);

    expect(host.ignoredWrites).toEqual([]);
    if (expected instanceof Error) {
      expect(outcome).toBeInstanceOf(UserFacingError);
      const message = (outcome as UserFacingError).localized.en;
      expect(expected.message).toContain(`${cells[1]} is inside cells merged from ${cells[0]}`);
      expect(message).toContain(`${cells[1]} is inside cells merged from ${cells[0]}`);
      expect(workbookView(host.model)).toEqual(seeded);
    } else {
      expect(outcome).not.toBeInstanceOf(Error);
      expect(workbookView(host.model)).toEqual(expected.view);
    }
    expect(host.syncCount).toBeLessThanOrEqual(3);
  });

  it('before ExcelApi 1.13: the covered cell named after the write, still three syncs', async () => {
    const { wb, cells } = await mergedStatusWorkbook();
    const host = install(new ExcelHost(modelFromWorkbook(wb), { excelApi: '1.12' }));

    const error = await evaluateInExcel({ summary: false, lang: 'vi' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).localized.vi).toContain(`ô ${cells[1]}`);
    expect(host.ignoredWrites).toEqual([{ sheet: 'Báo cáo', cell: cells[1] }]);
    expect(host.syncCount).toBe(3);
  });
});

describe('the requests, with and without merged areas known', () => {
  it.each(['1.13', '1.12'])(
    'ExcelApi %s: three syncs for one and for 200 report sheets, every request under 5 MB',
    async (excelApi) => {
      const syncs: number[] = [];
      for (const n of [1, 200]) {
        const wb = await reloaded(reportWorkbook(manyUnits(n)));
        const host = install(new ExcelHost(modelFromWorkbook(wb), { excelApi }));
        const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });
        expect(outcome.evaluation.units).toHaveLength(n);
        for (const request of host.requests) {
          expect(request.bytes).toBeLessThan(5_000_000);
          expect(request.responseBytes).toBeLessThan(5_000_000);
        }
        expect(host.ignoredWrites).toEqual([]);
        syncs.push(outcome.syncs);
        uninstall?.();
        uninstall = null;
      }
      expect(syncs).toEqual([3, 3]);
    },
  );
});

// A realistic district with nothing merged: evaluated at 1.12 exactly as at 1.13.
it('writes the same workbook before and after ExcelApi 1.13 when nothing is merged', async () => {
  const wb = await reloaded(reportWorkbook([{ sheet: 'A', unit: 'A', figures: DISTRICT_FIGURES }]));
  const views = [];
  for (const excelApi of ['1.13', '1.12']) {
    const host = install(new ExcelHost(modelFromWorkbook(wb), { excelApi }));
    await evaluateInExcel({ summary: false, lang: 'vi' });
    views.push(workbookView(host.model));
    uninstall?.();
    uninstall = null;
  }
  expect(views[1]).toEqual(views[0]);
});

/**
 * Range.getMergedAreasOrNullObject "will fail to return the result" past 512 merged areas
 * (docs: excel.range getMergedAreasOrNullObject; the host throws a GeneralException then). A
 * sheet with 600 merged pairs below the report still evaluates: the merges are asked for in
 * pieces, and a result that would land in a covered cell is named, never dropped silently.
 */
describe('a report sheet with more than 512 merged areas', () => {
  /** The report, 600 merged pairs below it (a value in each), and optionally a merged Đánh giá. */
  async function manyMerges(
    mergeStatus: boolean,
  ): Promise<{ wb: ExcelJS.Workbook; cells: string[] }> {
    const { wb, cells } = mergeStatus
      ? await mergedStatusWorkbook()
      : {
          wb: await reloaded(
            reportWorkbook([
              { sheet: 'Báo cáo', unit: 'LĐLĐ huyện', figures: { 'I.1a': [120], 'I.1b': [2] } },
            ]),
          ),
          cells: [],
        };
    const ws = wb.getWorksheet('Báo cáo')!;
    const first = ws.rowCount + 20;
    for (let r = first; r < first + 600; r++) {
      ws.getCell(`P${r}`).value = 'ghi chú';
      ws.mergeCells(`P${r}:Q${r}`);
    }
    return { wb: await reloaded(wb), cells };
  }

  it('nothing merged among the results: every result written, as the file path writes it', async () => {
    const { wb } = await manyMerges(false);
    const host = install(new ExcelHost(modelFromWorkbook(wb)));
    expect(host.model.sheets[0].merges.length).toBeGreaterThan(512);
    const expected = viaExcelJs(await reloaded(wb));
    if (expected instanceof Error) throw expected;

    await evaluateInExcel({ summary: false, lang: 'vi' });

    expect(host.ignoredWrites).toEqual([]);
    expect(workbookView(host.model)).toEqual(expected.view);
  });

  it('with ExcelApi 1.13: the merged Đánh giá cell known, as the file path knows it', async () => {
    const { wb } = await manyMerges(true);
    const host = install(new ExcelHost(modelFromWorkbook(wb)));
    const expected = viaExcelJs(await reloaded(wb));

    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' }).catch((e: unknown) => e);

    // Every one of the 600 merges read (in pieces), so nothing lands in a covered cell.
    expect(host.ignoredWrites).toEqual([]);
    if (expected instanceof Error) {
      expect(outcome).toBeInstanceOf(UserFacingError);
    } else {
      expect(outcome).not.toBeInstanceOf(Error);
      expect(workbookView(host.model)).toEqual(expected.view);
    }
  });

  it('before ExcelApi 1.13: the other results written, the dropped one named', async () => {
    const { wb, cells } = await manyMerges(true);
    const host = install(new ExcelHost(modelFromWorkbook(wb), { excelApi: '1.12' }));

    const error = await evaluateInExcel({ summary: false, lang: 'vi' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).localized.vi).toContain(`ô ${cells[1]}`);
    expect((error as UserFacingError).localized.vi).toContain('Các kết quả khác đã được ghi');
    expect(host.ignoredWrites).toEqual([{ sheet: 'Báo cáo', cell: cells[1] }]);
    expect(host.cell('Báo cáo', cells[0])?.value).toEqual(expect.any(String));
  });
});
