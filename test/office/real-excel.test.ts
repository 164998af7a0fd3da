/**
 * The add-in against the in-memory host set up as the Excels Microsoft documents or users report
 * (test/host/platform.ts): events for the add-in's own writes, Windows with Vietnamese regional
 * settings, the user typing in a cell, a ribbon runtime before Office.onReady, null values past
 * 5 million cells, a failing freezeRows, formula positions Excel describes in a way we cannot read.
 */
import ExcelJS from 'exceljs';
import { clearInExcel, evaluateInExcel } from '../../src/workbook/office/actions';
import { UserFacingError } from '../../src/workbook/errors';
import { toUserFacingError } from '../../src/workbook/office/errors';
import { startLiveMode } from '../../src/workbook/office/live';
import { HostApiError } from '../host/errors';
import { ExcelHost } from '../host/excel-host';
import { installHost } from '../host/install';
import { WEB, WINDOWS_VI, type HostPlatform } from '../host/platform';
import { modelFromWorkbook } from '../host/seed-xlsx';
import {
  codeRows,
  DISTRICT_FIGURES,
  manyUnits,
  reportWorkbook,
  TEMPLATE_COLUMNS,
} from './workbooks';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function hostOn(
  wb: ExcelJS.Workbook,
  platform: Partial<HostPlatform>,
  excelApi = '1.13',
): ExcelHost {
  const host = new ExcelHost(modelFromWorkbook(wb), { platform, excelApi });
  uninstall?.();
  uninstall = installHost(host);
  return host;
}

function units(count: number) {
  return reportWorkbook(
    Array.from({ length: count }, (_, i) => ({
      sheet: i === 0 ? 'Báo cáo' : `Báo cáo ${i + 1}`,
      unit: `Đơn vị ${i + 1}`,
      figures: DISTRICT_FIGURES,
    })),
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pane's live mode (src/taskpane/useLiveMode.ts) with a short pause; counts evaluations. */
async function livePane(): Promise<{ evaluations: () => number; stop: () => Promise<void> }> {
  let evaluations = 0;
  const errors: unknown[] = [];
  const stop = startLiveMode({
    reevaluate: async () => {
      evaluations++;
      // A runaway loop would go on for ever; the test stops it at 20.
      if (evaluations <= 20) await evaluateInExcel({ summary: false, lang: 'vi', live: true });
      return true;
    },
    debounceMs: 2,
    onError: (error) => errors.push(error),
    onStopped: () => undefined,
  });
  await pause(40);
  evaluations = 0;
  return {
    evaluations: () => evaluations,
    stop: async () => {
      stop();
      await pause(5);
      // Live mode never showed the user an error.
      expect(errors).toEqual([]);
    },
  };
}

describe('live mode settles: one user edit, one re-evaluation', () => {
  const platforms: [string, Partial<HostPlatform>, string][] = [
    ['the web, with triggerSource (ExcelApi 1.14)', WEB, '1.14'],
    ['the web, events for own writes after the sync resolves', WEB, '1.13'],
    ['Windows (vi-VN), events before the sync resolves', WINDOWS_VI, '1.13'],
    [
      'an Excel that ignores enableEvents',
      { ...WINDOWS_VI, raisesEventsForOwnWrites: 'always' },
      '1.13',
    ],
    [
      'an Excel that honours enableEvents',
      { ...WEB, raisesEventsForOwnWrites: 'unlessDisabled' },
      '1.13',
    ],
  ];

  it.each(platforms)('%s', async (_name, platform, api) => {
    const host = hostOn(units(2), platform, api);
    const pane = await livePane();
    await pause(60);
    expect(pane.evaluations()).toBe(0);

    host.edit('Báo cáo 2', 'F8', 120);
    await pause(120);
    expect(pane.evaluations()).toBe(1);
    await pane.stop();
  });

  it('reads and writes only the sheet that changed', async () => {
    const host = hostOn(units(3), WEB, '1.14');
    const pane = await livePane();
    await pause(30);
    host.resetCounters();
    const changed = host.sheet('Báo cáo 2').id;

    host.edit('Báo cáo 2', 'F8', 120);
    await pause(80);
    expect(pane.evaluations()).toBe(1);
    expect([...new Set(host.valuesRead)]).toEqual(['Báo cáo 2']);
    const written = host.events.raised.filter((e) => e.triggerSource === 'ThisLocalAddin');
    expect(written.length).toBeGreaterThan(0);
    expect(new Set(written.map((e) => e.worksheetId))).toEqual(new Set([changed]));
    expect(host.syncCount).toBeLessThanOrEqual(3);
    await pane.stop();
  });

  it("is not started by the ribbon's writes (another runtime of the add-in)", async () => {
    const host = hostOn(units(2), WINDOWS_VI, '1.13');
    const pane = await livePane();
    await pause(30);
    let ribbon: typeof import('../../src/workbook/office/actions') | undefined;
    jest.isolateModules(() => {
      ribbon = jest.requireActual<typeof import('../../src/workbook/office/actions')>(
        '../../src/workbook/office/actions',
      );
    });
    host.edit('Báo cáo', 'F8', 10); // changes a result; the pane re-evaluates once
    await pause(60);
    expect(pane.evaluations()).toBe(1);
    await ribbon!.evaluateInExcel({ summary: false, lang: 'vi' });
    await pause(60);
    expect(pane.evaluations()).toBe(1);
    await pane.stop();
  });
});

describe('Windows with Vietnamese regional settings (list separator ";")', () => {
  it('colours the results and makes the summary, in three syncs for 1 and for 200 sheets', async () => {
    const counts: number[] = [];
    for (const n of [1, 200]) {
      const host = hostOn(reportWorkbook(manyUnits(n)), WINDOWS_VI);
      const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });
      expect(outcome.evaluation.units).toHaveLength(n);
      expect(host.syncCount).toBe(outcome.syncs);
      const status = Object.values(host.sheet('Đơn vị 1').cells).filter((c) => c.fill);
      expect(status.length).toBeGreaterThan(0);
      counts.push(outcome.syncs);
    }
    expect(counts).toEqual([3, 3]);
  });

  it('clears the results too', async () => {
    const host = hostOn(units(2), WINDOWS_VI);
    await evaluateInExcel({ summary: true, lang: 'vi' });
    await clearInExcel();
    expect(host.model.sheets.map((s) => s.name)).toEqual(['Báo cáo', 'Báo cáo 2']);
    const filled = Object.values(host.sheet('Báo cáo').cells).filter((c) => c.fill);
    const before = Object.values(
      new ExcelHost(modelFromWorkbook(units(1))).sheet('Báo cáo').cells,
    ).filter((c) => c.fill);
    expect(filled.length).toBe(before.length);
  });
});

describe('the user typing in a cell (cell-edit mode)', () => {
  it('a button waits until the edit ends, then evaluates', async () => {
    const host = hostOn(units(1), { ...WEB, cellEditMode: true });
    let settled = false;
    const run = evaluateInExcel({ summary: false, lang: 'vi' }).finally(() => (settled = true));
    await pause(30);
    expect(settled).toBe(false);
    host.endCellEdit();
    const outcome = await run;
    expect(outcome.evaluation.units).toHaveLength(1);
  });

  it('live mode does not show an error and evaluates once the edit ends', async () => {
    const host = hostOn(units(1), WEB, '1.14');
    const pane = await livePane();
    host.startCellEdit();
    host.edit('Báo cáo', 'F8', 10);
    await pause(50);
    host.endCellEdit();
    await pause(60);
    expect(pane.evaluations()).toBe(1);
    await pane.stop();
  });
});

describe('formula positions Excel describes in a way the adapter cannot read', () => {
  it('never writes over a cell that may hold the unit’s formula', async () => {
    const wb = units(1);
    const ws = wb.getWorksheet('Báo cáo')!;
    const row = codeRows(ws).get('I.2a')!;
    const rate = ws.getCell(row, TEMPLATE_COLUMNS.denominator + 2);
    rate.value = { formula: `F${row}/G${row}`, result: 0.9 };
    ws.getCell(row + 3, TEMPLATE_COLUMNS.denominator + 2).value = {
      formula: `F${row + 3}/G${row + 3}`,
      result: 0.5,
    };
    const host = hostOn(wb, WEB);
    // Only the first area, where Excel listed two.
    host.areasAddressFault = (address) => address.split(',')[0];
    await evaluateInExcel({ summary: false, lang: 'vi' });
    expect(host.cell('Báo cáo', `H${row}`)?.formula).toBe(`=F${row}/G${row}`);
    expect(host.cell('Báo cáo', `H${row + 3}`)?.formula).toBe(`=F${row + 3}/G${row + 3}`);
  });
});

describe('summary cosmetics', () => {
  it('failing freeze panes cost only the layout: every result is written, and it is said', async () => {
    const host = hostOn(units(2), {
      ...WEB,
      failingCalls: ['freezeRows', 'freezeAt', 'freezeColumns'],
    });
    const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });
    expect(outcome.summarySheet).toBe('Tổng hợp');
    expect(outcome.notes?.[0]?.vi).toContain('Tổng hợp');
    const filled = Object.values(host.sheet('Báo cáo 2').cells).filter((c) => c.fill);
    expect(filled.length).toBeGreaterThan(0);
    expect(Object.keys(host.sheet('Tổng hợp').cells).length).toBeGreaterThan(0);
  });
});

describe('past 5 million cells, Range.values is null', () => {
  it('takes the sliced read, never a TypeError', async () => {
    hostOn(units(2), { ...WINDOWS_VI, nullValuesPastCells: 200 });
    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' }).catch((e: unknown) => e);
    expect(outcome).not.toBeInstanceOf(UserFacingError);
    expect((outcome as { evaluation: { units: unknown[] } }).evaluation.units).toHaveLength(2);
  });
});

describe('Office error codes without a message before', () => {
  it('InactiveWorkbook says to go back to the workbook', () => {
    const error = toUserFacingError(
      new HostApiError('InactiveWorkbook', 'The workbook is not active.', 'RequestContext.sync'),
      { activity: 'write' },
    );
    expect(error.localized.vi).toContain('Hãy quay lại sổ làm việc');
    expect(error.localized.en).toContain('no longer the active one');
  });
});
