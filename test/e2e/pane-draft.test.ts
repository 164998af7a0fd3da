// The pane's "từ văn bản" (SPEC §13) in a real browser: paste the seed document, see the draft
// rows with their review marks, insert the draft plan sheet into the in-memory workbook.
import { readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import type { WorkbookModel } from '../host/model';
import { emptyWorkbook } from '../host/model';
import { browserMissing, launchIsolated, type IsolatedBrowser } from './browser';
import { requireDist, ROOT, serveDist, type StaticServer } from './dist';
import { buildHostScript, seedPage } from './host-bundle';

const SEED = path.resolve(ROOT, '../shared/seed/chi-tieu-2020.txt');
const OTHER = path.join(ROOT, 'test/fixtures/plan-documents/giao-duc-2025.txt');

interface HostView {
  model(): WorkbookModel;
  getCell(sheet: string, a1: string): { value?: unknown } | null;
}

const host = (page: Page) => ({
  sheets: () =>
    page.evaluate(() =>
      (window as unknown as { __UT_HOST__: HostView }).__UT_HOST__
        .model()
        .sheets.map((s) => s.name),
    ),
  cell: (sheet: string, a1: string) =>
    page.evaluate(
      ([s, a]) => (window as unknown as { __UT_HOST__: HostView }).__UT_HOST__.getCell(s, a),
      [sheet, a1] as const,
    ),
});

const missing = browserMissing();

if (missing && !process.env.CI) {
  describe.skip(`pane "từ văn bản" in Chromium (skipped: ${missing})`, () => {
    it('needs Chromium', () => {});
  });
} else {
  describe('pane "từ văn bản" in Chromium', () => {
    let server: StaticServer;
    let browser: IsolatedBrowser;
    let page: Page;

    beforeAll(async () => {
      if (missing) throw new Error(`Cannot run the browser test in CI: ${missing}`);
      requireDist();
      server = await serveDist();
      browser = await launchIsolated(server.origin, await buildHostScript());
      page = await browser.context.newPage();
      await seedPage(page, emptyWorkbook(['Sheet1']), 'vi-VN');
      await page.goto(`${server.origin}/taskpane.html`);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('drafts the seed: 26 rows, none to review, the codes of SPEC §1', async () => {
      // "từ văn bản" is one of the two ways of Chèn bộ chỉ tiêu, in the "…" menu.
      await page.getByTestId('more-actions').click();
      await page.getByRole('menuitem', { name: /^Bộ chỉ tiêu từ văn bản…/ }).click();
      await page.getByLabel('Văn bản chỉ tiêu').fill(readFileSync(SEED, 'utf8'));
      await page.getByRole('button', { name: 'Lập bản nháp', exact: true }).click();
      await page.getByText('Năm 2020: 26 chỉ tiêu, 0 dòng cần xem lại.').waitFor();
      const codes = await page
        .locator('[data-draft-code]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-draft-code')));
      expect(codes).toHaveLength(26);
      expect(codes.slice(0, 3)).toEqual(['I.1a', 'I.1b', 'I.2a']);
      const first = await page.locator('[data-draft-code="I.4b"]').textContent();
      expect(first).toContain('Tỷ lệ');
      expect(first).toContain('> 90%');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
    });

    it('inserts the draft sheet with its review column', async () => {
      await page.getByRole('button', { name: 'Chèn trang bản nháp', exact: true }).click();
      await page.getByText('Đã chèn trang "Bộ chỉ tiêu (bản nháp)"').waitFor();
      expect(await host(page).sheets()).toEqual(['Sheet1', 'Bộ chỉ tiêu (bản nháp)']);
      const header: unknown[] = [];
      for (const col of 'ABCDEFGHIJ') {
        header.push((await host(page).cell('Bộ chỉ tiêu (bản nháp)', `${col}7`))?.value);
      }
      expect(header).toContain('Cần xem lại');
      expect(header).toContain('Mã chỉ tiêu');
    });

    it("marks the rows to review of another year's document", async () => {
      await page.getByLabel('Văn bản chỉ tiêu').fill(readFileSync(OTHER, 'utf8'));
      await page.getByRole('button', { name: 'Lập bản nháp', exact: true }).click();
      await page.getByText('Năm 2025: 11 chỉ tiêu, 2 dòng cần xem lại.').waitFor();
      const marked = await page
        .locator('[data-review="yes"]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-draft-code')));
      expect(marked).toEqual(['II.3', 'III.2']);
      await expect(page.locator('[data-draft-code="II.3"]').textContent()).resolves.toContain(
        'Cần xem lại',
      );
    });
  });
}
