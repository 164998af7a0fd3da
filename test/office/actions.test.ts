/**
 * The pane's other actions through Office.js: inserting the blank template, selecting a cell,
 * live mode's change events.
 */
import { buildBlankTemplate } from '../../src/template/blank';
import { toA1 } from '../../src/template/address';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  evaluateInExcel,
  insertTemplateInExcel,
  REQUIRED_API,
  selectCellInExcel,
  watchReportSheets,
} from '../../src/workbook/office/actions';
import { UserFacingError } from '../../src/workbook/errors';
import type { ExcelHost } from '../host/excel-host';
import { emptyWorkbook } from '../host/model';
import { modelFromWorkbook } from '../host/seed-xlsx';
import { DISTRICT_FIGURES, hostFor, reportWorkbook } from './workbooks';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function install(host: { host: ExcelHost; uninstall: () => void }): ExcelHost {
  uninstall = host.uninstall;
  return host.host;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('inserting the blank template', () => {
  it('adds the template as a new active sheet, in three syncs, ready to evaluate', async () => {
    const host = install(hostFor(emptyWorkbook(['Sheet1'])));

    const name = await insertTemplateInExcel('vi');

    expect(name).toBe('Báo cáo');
    // SPEC §8: the template follows the workbook's plan sheet, so the sheets are read first (2
    // syncs), then the sheet is added (1).
    expect(host.syncCount).toBe(3);
    const sheet = host.sheet('Báo cáo');
    expect(host.model.activeSheetId).toBe(sheet.id);
    const plan = buildBlankTemplate({ sheetName: name, lang: 'vi' });
    for (const cell of plan.cells.filter((c) => typeof c.value === 'string')) {
      expect(sheet.cells[toA1(cell.row, cell.col)]?.value).toBe(cell.value);
    }
    expect(sheet.freeze).toEqual(plan.freeze);
    expect(sheet.merges).toHaveLength(plan.merges.length);

    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' });
    expect(outcome.evaluation.units).toHaveLength(1);
    expect(outcome.counts.NO_DATA).toBe(26);
  });

  it('takes the next free name when the sheet exists, whatever its case', async () => {
    const host = install(hostFor(emptyWorkbook(['báo cáo', 'Báo cáo (2)'])));
    expect(await insertTemplateInExcel('vi')).toBe('Báo cáo (3)');
    expect(await insertTemplateInExcel('en')).toBe('Report');
    expect(host.model.sheets.map((s) => s.name)).toEqual([
      'báo cáo',
      'Báo cáo (2)',
      'Báo cáo (3)',
      'Report',
    ]);
  });

  it('refuses, plainly, when the workbook structure is protected', async () => {
    const host = install(hostFor(emptyWorkbook(['Sheet1'])));
    host.model.structureProtected = true;
    await expect(insertTemplateInExcel('vi')).rejects.toThrow(UserFacingError);
    expect(host.model.sheets).toHaveLength(1);
  });
});

describe('selecting a cell', () => {
  it('activates the sheet and selects the cell', async () => {
    const wb = reportWorkbook([
      { sheet: 'Báo cáo', unit: 'A', figures: DISTRICT_FIGURES },
      { sheet: "Bob's", unit: 'B', figures: DISTRICT_FIGURES },
    ]);
    const host = install(hostFor(modelFromWorkbook(wb)));

    await selectCellInExcel("Bob's", 'F12');

    expect(host.lastSelection).toEqual({ sheet: "Bob's", address: 'F12' });
    expect(host.model.activeSheetId).toBe(host.sheet("Bob's").id);
  });

  it('says so when the sheet is gone or hidden', async () => {
    const host = install(hostFor(emptyWorkbook(['Sheet1', 'Ẩn'])));
    host.sheet('Ẩn').visibility = 'Hidden';

    const gone = selectCellInExcel('Báo cáo', 'F12');
    await expect(gone).rejects.toThrow(UserFacingError);
    await expect(gone).rejects.toMatchObject({
      localized: { vi: expect.stringContaining('"Báo cáo"') },
    });
    await expect(selectCellInExcel('Ẩn', 'B3')).rejects.toMatchObject({
      localized: { vi: expect.stringContaining('đang bị ẩn') },
    });
    expect(host.lastSelection).toBeNull();
  });
});

describe('live mode', () => {
  it('calls back on a user edit, not on the cells the add-in writes, until unsubscribed', async () => {
    const host = install(
      hostFor(
        modelFromWorkbook(
          reportWorkbook([{ sheet: 'Báo cáo', unit: 'A', figures: DISTRICT_FIGURES }]),
        ),
      ),
    );
    let calls = 0;
    const stop = await watchReportSheets(() => calls++);
    expect(host.handlerCount).toBe(1);

    await evaluateInExcel({ summary: true, lang: 'vi' });
    await settle();
    expect(calls).toBe(0);

    host.edit('Báo cáo', 'F8', 120);
    await settle();
    expect(calls).toBe(1);

    await stop();
    expect(host.handlerCount).toBe(0);
    host.edit('Báo cáo', 'F8', 130);
    await settle();
    expect(calls).toBe(1);
  });

  it('needs events (ExcelApi 1.9), as every action does, and says so when Excel lacks them', async () => {
    const host = install(hostFor(emptyWorkbook()));
    host.excelApi = '1.8';
    await expect(watchReportSheets(() => undefined)).rejects.toMatchObject({
      localized: { en: expect.stringContaining('too old') },
    });
    expect(host.handlerCount).toBe(0);
    expect(host.syncCount).toBe(0);
  });
});

describe('the Excel API the add-in needs', () => {
  it('is the requirement set the manifest asks for, so Excel does not offer it where it fails', () => {
    const manifest = readFileSync(join(__dirname, '../../manifest.xml'), 'utf8');
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${REQUIRED_API}" />`);
  });
});
