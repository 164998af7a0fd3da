// *Tổng hợp từ tệp…* in a real browser (SPEC §9): the production pane in Chromium with the
// in-memory host, a secretariat's workbook holding the allocation for three units; the test picks
// three unit files, one of them broken: two come in, the broken one is named, the summary counts
// two units and the pane says who has not reported.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { addAllocationSheet, unitWorkbook } from '../fixtures/secretariat-year';
import type { WorkbookModel } from '../host/model';
import { modelFromWorkbook } from '../host/seed-xlsx';
import { readXlsxBytes } from '../host/xlsx-bytes';
import { browserMissing, launchIsolated, type IsolatedBrowser } from './browser';
import { requireDist, serveDist, type StaticServer } from './dist';
import { buildHostScript, seedPage } from './host-bundle';

const UNITS = ['LĐLĐ huyện Tiên Du', 'LĐLĐ huyện Quế Võ', 'LĐLĐ huyện Gia Bình'];

interface HostView {
  model(): WorkbookModel;
}

const missing = browserMissing();

if (missing && !process.env.CI) {
  console.warn(`Browser test of Tổng hợp từ tệp skipped: ${missing}`);
  describe.skip(`Tổng hợp từ tệp in Chromium (skipped: ${missing})`, () => {
    it('needs Chromium', () => {});
  });
} else {
  describe('Tổng hợp từ tệp in Chromium', () => {
    let server: StaticServer;
    let browser: IsolatedBrowser;
    let page: Page;
    const files: { name: string; mimeType: string; buffer: Buffer }[] = [];

    beforeAll(async () => {
      if (missing) throw new Error(`Cannot run the browser test in CI: ${missing}`);
      requireDist();
      const secretariat = new ExcelJS.Workbook();
      addAllocationSheet(secretariat, UNITS);
      const readAhead: Record<string, WorkbookModel> = {};
      const mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      for (const [i, unit] of UNITS.slice(0, 2).entries()) {
        const buffer = Buffer.from(await unitWorkbook(unit).xlsx.writeBuffer());
        readAhead[buffer.toString('base64')] = await readXlsxBytes(buffer);
        files.push({ name: `don-vi-${i + 1}.xlsx`, mimeType, buffer });
      }
      // Cut short, as an e-mail attachment that did not arrive whole.
      const whole = Buffer.from(await unitWorkbook(UNITS[2]).xlsx.writeBuffer());
      files.splice(1, 0, { name: 'gia-binh.xlsx', mimeType, buffer: whole.subarray(0, 900) });

      server = await serveDist();
      browser = await launchIsolated(server.origin, await buildHostScript());
      page = await browser.context.newPage();
      await seedPage(page, modelFromWorkbook(secretariat), 'vi-VN');
      await page.addInitScript((models) => {
        (window as unknown as { __UT_XLSX__: unknown }).__UT_XLSX__ = models;
      }, readAhead);
      await page.goto(`${server.origin}/taskpane.html`);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('copies two of three files in, names the broken one, and summarises two units', async () => {
      await page.getByRole('button', { name: 'Tổng hợp từ tệp…' }).waitFor();
      await page.getByTestId('consolidate-input').setInputFiles(files);

      const result = page.getByTestId('consolidate-result');
      await result.waitFor();
      await expect(result.textContent()).resolves.toContain('Đã chép 2/3 tệp');
      await expect(result.locator('li').allTextContents()).resolves.toEqual([
        expect.stringMatching(/^Tệp "gia-binh\.xlsx": không đọc được/),
      ]);

      const reporting = page.getByTestId('reporting-units');
      await reporting.waitFor();
      await expect(reporting.textContent()).resolves.toBe(
        `2/3 đơn vị đã báo cáo; chưa nộp: ${UNITS[2]}.`,
      );

      const model = await page.evaluate(() =>
        (window as unknown as { __UT_HOST__: HostView }).__UT_HOST__.model(),
      );
      expect(model.sheets.map((s) => s.name)).toEqual([
        'Giao chỉ tiêu',
        'don-vi-1',
        'don-vi-2',
        'Tổng hợp',
        'Tổng hợp theo đơn vị',
      ]);
      const summary = Object.values(model.sheets[3].cells).map((c) => c.value);
      expect(summary).toContain('Số đơn vị báo cáo: 2');
      expect(summary).toContain('Tổng hợp 2 đơn vị');
    });
  });
}
