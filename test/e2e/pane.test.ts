// The task pane in a real browser: the production build in Debian's Chromium at 320 × 800,
// Office.js replaced by the in-memory Excel host seeded with a sample workbook of two units.
// Clicks Đánh giá, reads the pane, follows a missed target to its cell, switches to English.
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import { STATUS_INFO } from '../../src/engine/status';
import { STATUSES, type Status } from '../../src/engine/types';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { readXlsxFile, snapshotFromExcelJs } from '../../src/workbook/xlsx/exceljs-adapter';
import { seedFromXlsx } from '../host/seed-xlsx';
import type { WorkbookModel } from '../host/model';
import { emptyWorkbook } from '../host/model';
import {
  browserMissing,
  launchIsolated,
  watchPage,
  type IsolatedBrowser,
  type PageWatch,
} from './browser';
import { requireDist, ROOT, serveDist, type StaticServer } from './dist';
import { buildHostScript, seedPage } from './host-bundle';
import {
  actualCellOf,
  expectedCounts,
  SAMPLE_UNITS,
  unknownCodeCell,
  writeSampleWorkbook,
} from './sample-workbook';

const OUTPUT = path.join(ROOT, 'test/output');
const SCREENSHOT = path.join(OUTPUT, 'pane.png');
const SCREENSHOT_EN = path.join(OUTPUT, 'pane-en.png');
const SCREENSHOT_MAX_HEIGHT = 1240;

interface HostView {
  syncCount: number;
  lastSelection: { sheet: string; address: string } | null;
  getCell(sheet: string, a1: string): { value?: unknown; fill?: string } | null;
}

function hostOf(page: Page) {
  return {
    syncCount: () =>
      page.evaluate(() => (window as unknown as { __UT_HOST__: HostView }).__UT_HOST__.syncCount),
    selection: () =>
      page.evaluate(
        () => (window as unknown as { __UT_HOST__: HostView }).__UT_HOST__.lastSelection,
      ),
    cell: (sheet: string, a1: string) =>
      page.evaluate(
        ([s, a]) => (window as unknown as { __UT_HOST__: HostView }).__UT_HOST__.getCell(s, a),
        [sheet, a1] as const,
      ),
  };
}

/** "'Báo cáo'!$F$8" and "F8" alike as "F8". */
function plainAddress(address: string): string {
  return address.replace(/^.*!/, '').replace(/\$/g, '');
}

/** Every result item the pane lists: its unit section, code and status. */
async function listedResults(page: Page) {
  return page.locator('section[aria-label]').evaluateAll((sections) =>
    sections.flatMap((section) =>
      [...section.querySelectorAll('[data-code]')].map((item) => ({
        section: section.getAttribute('aria-label') ?? '',
        code: item.getAttribute('data-code') ?? '',
        status: item.getAttribute('data-status') ?? '',
      })),
    ),
  );
}

const missing = browserMissing();

if (missing && !process.env.CI) {
  console.warn(`Browser test of the task pane skipped: ${missing}`);
  describe.skip(`task pane in Chromium (skipped: ${missing})`, () => {
    it('needs Chromium', () => {});
  });
} else {
  describe('task pane in Chromium', () => {
    let server: StaticServer;
    let browser: IsolatedBrowser;
    let page: Page;
    let watch: PageWatch;
    let sampleFile: string;
    let workDir: string;
    let seed: WorkbookModel;

    beforeAll(async () => {
      if (missing) throw new Error(`Cannot run the browser test in CI: ${missing}`);
      requireDist();
      workDir = mkdtempSync(path.join(os.tmpdir(), 'ut-pane-'));
      sampleFile = path.join(workDir, 'sample.xlsx');
      await writeSampleWorkbook(sampleFile);
      seed = await seedFromXlsx(sampleFile);
      server = await serveDist();
      browser = await launchIsolated(server.origin, await buildHostScript());
      page = await browser.context.newPage();
      watch = await watchPage(page);
      await seedPage(page, seed, 'vi-VN');
      await page.goto(`${server.origin}/taskpane.html`);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    it('opens in Vietnamese with its commands, 320 px wide without a horizontal scroll', async () => {
      await page.getByRole('heading', { name: 'Chỉ tiêu Công đoàn' }).waitFor();
      for (const name of ['Đánh giá', 'Tạo bảng tổng hợp']) {
        await expect(page.getByRole('button', { name, exact: true }).isEnabled()).resolves.toBe(
          true,
        );
      }
      // The others are in the "…" menu, each with a line saying what it does.
      await page.getByRole('button', { name: 'Thao tác khác' }).click();
      for (const name of ['Xóa kết quả', 'Chèn mẫu báo cáo']) {
        await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).waitFor();
      }
      await page.keyboard.press('Escape');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
    });

    it('Đánh giá writes the results in at most 3 syncs and shows the counts per status', async () => {
      const host = hostOf(page);
      const syncsBefore = await host.syncCount();
      await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
      await page.locator('li[data-status="MET"]').waitFor();
      expect((await host.syncCount()) - syncsBefore).toBeLessThanOrEqual(3);

      const shown = Object.fromEntries(
        await page
          .locator('li[data-status]')
          .evaluateAll((tiles) =>
            tiles.map((t) => [t.getAttribute('data-status'), Number(t.firstChild?.textContent)]),
          ),
      );
      expect(shown).toEqual(expectedCounts());
      // Each tile is labelled as in the sheet.
      for (const status of STATUSES) {
        await expect(page.locator(`li[data-status="${status}"]`).textContent()).resolves.toContain(
          STATUS_INFO[status].label.vi,
        );
      }
      // The sheet itself got the status of I.1a in its Đánh giá column (J), coloured.
      const row = Number(actualCellOf('I.1a').slice(1));
      const status = await host.cell('Báo cáo', `J${row}`);
      expect(status?.value).toBe('Không đạt');
      expect(status?.fill?.toUpperCase()).toBe(STATUS_INFO.MISSED.fill);
    });

    it('lists every result under its unit, with the same statuses as the engine gives the file', async () => {
      const listed = await listedResults(page);
      const wb = await readXlsxFile(sampleFile);
      const engine = evaluateWorkbooks([snapshotFromExcelJs(wb, sampleFile)]);
      const fromEngine = engine.units.flatMap((u) =>
        u.results.map((r) => ({ unit: u.report.unit, code: r.code, status: r.status as string })),
      );
      expect(listed).toHaveLength(fromEngine.length);
      for (const expected of fromEngine) {
        const item = listed.find(
          (l) => l.code === expected.code && l.section.startsWith(expected.unit),
        );
        expect({ ...expected, shown: item?.status }).toEqual({
          ...expected,
          shown: expected.status,
        });
      }
      // And the statuses SPEC §2 gives the sample's figures.
      for (const unit of SAMPLE_UNITS) {
        for (const [code, figures] of Object.entries(unit.rows)) {
          const item = listed.find((l) => l.code === code && l.section.startsWith(unit.unit));
          expect({ unit: unit.unit, code, status: item?.status }).toEqual({
            unit: unit.unit,
            code,
            status: figures.expected,
          });
        }
      }
    });

    it('says how far a missed target is, in words, against its target', async () => {
      const item = page
        .locator('section', { hasText: 'LĐLĐ huyện Thanh Sơn' })
        .locator('[data-code="I.1a"]');
      const text = await item.textContent();
      expect(text).toContain('Không đạt');
      expect(text).toContain('95 đoàn viên');
      expect(text).toContain('≥\u00a0110');
      expect(text).toContain('Còn thiếu 15 đoàn viên');
      const invalid = page
        .locator('section', { hasText: 'LĐLĐ huyện Thanh Sơn' })
        .locator('[data-code="II.3b"]');
      await expect(invalid.textContent()).resolves.toContain('Lỗi số liệu');
    });

    it('the Chưa đạt filter lists only the targets not met', async () => {
      const counts = expectedCounts();
      const notMet = counts.NEAR + counts.MISSED;
      await page.getByRole('tab', { name: `Chưa đạt (${notMet})` }).click();
      const listed = await listedResults(page);
      expect(listed).toHaveLength(notMet);
      expect(new Set(listed.map((l) => l.status))).toEqual(new Set<Status>(['NEAR', 'MISSED']));
    });

    it('clicking a missed target selects its Thực hiện cell in Excel', async () => {
      await page
        .locator('section', { hasText: 'LĐLĐ huyện Thanh Sơn' })
        .locator('button[data-code="I.9"]')
        .click();
      const selection = await waitForSelection(page, 'I.9');
      expect(selection).toEqual({ sheet: 'Báo cáo', address: actualCellOf('I.9') });
    });

    it('works by keyboard: Tab from the filter reaches the first result, Enter selects its cell', async () => {
      await page.getByRole('tab', { name: /^Chưa đạt/ }).focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
      expect(focused).toBe('I.1a');
      await page.keyboard.press('Enter');
      await expect(waitForSelection(page, 'I.1a')).resolves.toEqual({
        sheet: 'Báo cáo',
        address: actualCellOf('I.1a'),
      });
      // Every clickable item is a real button named by what it shows, its cell included.
      const item = page.locator('button[data-code="I.1a"]').first();
      await expect(item.getAttribute('aria-label')).resolves.toBeNull();
      await expect(item.textContent()).resolves.toContain(`Ô ${actualCellOf('I.1a')}`);
    });

    it('the Lỗi filter lists each invalid figure once, then the template problems; a click goes to the cell', async () => {
      const counts = expectedCounts();
      const tab = page.getByRole('tab', { name: /^Lỗi \(\d+\) · Lưu ý \(\d+\)$/ });
      await tab.click();
      const listed = await listedResults(page);
      expect(listed.map((l) => l.status)).toEqual(Array(counts.INVALID).fill('INVALID'));
      // The tab counts what it lists, errors and notes apart: the invalid results and the
      // template's errors, then its notes.
      const problems = page.locator('section[aria-label="Lỗi và lưu ý về mẫu báo cáo"] li');
      const notes = await problems.filter({ hasText: /^Lưu ý/ }).count();
      const templateErrors = (await problems.count()) - notes;
      await page
        .getByRole('tab', {
          name: `Lỗi (${counts.INVALID + templateErrors}) · Lưu ý (${notes})`,
          exact: true,
        })
        .waitFor();
      // The industrial zone has no row for II.5.
      await page.getByText(/II\.5/).first().waitFor();
      const issues = page.locator('section', { hasText: 'Lỗi và lưu ý về mẫu báo cáo' });
      const warning = issues.getByRole('button', { name: /I\.10/ });
      await expect(warning.textContent()).resolves.toContain('Lưu ý');
      await warning.click();
      const unknown = unknownCodeCell();
      await expect(waitForCell(page, unknown.cell)).resolves.toEqual({
        sheet: unknown.sheet,
        address: unknown.cell,
      });
      await page.getByRole('tab', { name: /^Chưa đạt/ }).click();
    });

    it('saves a screenshot of the pane (test/output; `npm run screenshots` copies it to assets)', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await (await page.$(':focus'))?.evaluate((el) => (el as HTMLElement).blur());
      mkdirSync(OUTPUT, { recursive: true });
      // The pane as a user scrolls it: the commands, the counts and the first targets not met,
      // cut below the last whole result that fits.
      const height = await page.evaluate((max) => {
        const bottoms = [...document.querySelectorAll('[data-code]')]
          .map((item) => item.getBoundingClientRect().bottom + window.scrollY)
          .filter((bottom) => bottom + 3 <= max);
        return Math.ceil(bottoms.length ? Math.max(...bottoms) + 3 : max);
      }, SCREENSHOT_MAX_HEIGHT);
      await page.screenshot({
        path: SCREENSHOT,
        fullPage: true,
        clip: { x: 0, y: 0, width: 320, height },
      });
    });

    it('switches to English', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      for (const name of ['Evaluate', 'Build summary']) {
        await page.getByRole('button', { name, exact: true }).waitFor();
      }
      await page.getByRole('button', { name: 'More actions' }).waitFor();
      await page.getByRole('tab', { name: /^Not met \(\d+\)$/ }).waitFor();
      const item = page
        .locator('section', { hasText: 'LĐLĐ huyện Thanh Sơn' })
        .locator('[data-code="I.1a"]');
      const text = await item.textContent();
      expect(text).toContain('Missed');
      expect(text).toContain('Short by 15');
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      await page.screenshot({ path: SCREENSHOT_EN });
    });

    it('Clear results empties the output cells and the list; Insert report template adds a sheet', async () => {
      const host = hostOf(page);
      const row = Number(actualCellOf('I.1a').slice(1));
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: /^Clear results/ }).click();
      await page
        .locator('[data-intent="success"]')
        .getByText('Cleared the results and the Summary sheet.')
        .waitFor();
      expect((await host.cell('Báo cáo', `J${row}`))?.value ?? null).toBeNull();
      await expect(page.locator('[data-code]').count()).resolves.toBe(0);

      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: /^Insert report template/ }).click();
      // The message (the live region says the same words, for screen readers).
      const notice = page
        .locator('[data-intent="success"]')
        .getByText(/^Added the template sheet "(.+)"\./);
      await notice.waitFor();
      const name = /"(.+)"/.exec((await notice.textContent()) ?? '')?.[1];
      const sheets = await page.evaluate(() =>
        (
          window as unknown as { __UT_HOST__: { model(): { sheets: { name: string }[] } } }
        ).__UT_HOST__
          .model()
          .sheets.map((s) => s.name),
      );
      expect(sheets).toContain(name);
    });

    it('made no request but Office.js and its own files, broke no CSP rule, threw nothing', () => {
      expect(browser.blocked).toEqual([]);
      expect(watch.cspViolations).toEqual([]);
      expect(watch.errors).toEqual([]);
    });

    it('live mode re-evaluates once typing pauses, and not again for its own writes', async () => {
      const live = await browser.context.newPage();
      const liveWatch = await watchPage(live);
      await seedPage(live, seed, 'vi-VN');
      await live.goto(`${server.origin}/taskpane.html`);
      const host = hostOf(live);
      const counts = expectedCounts();
      await live.getByRole('switch', { name: 'Tự động đánh giá lại khi sửa số liệu' }).check();
      // Switching it on evaluates at once.
      await live.locator('li[data-status="MET"]', { hasText: String(counts.MET) }).waitFor();

      // 95 → 120 new members: I.1a of the district becomes met.
      await live.evaluate(
        (cell) =>
          (
            window as unknown as {
              __UT_HOST__: { edit(sheet: string, a1: string, input: number): void };
            }
          ).__UT_HOST__.edit('Báo cáo', cell, 120),
        actualCellOf('I.1a'),
      );
      await live.locator('li[data-status="MET"]', { hasText: String(counts.MET + 1) }).waitFor();
      await live
        .locator('li[data-status="MISSED"]', { hasText: String(counts.MISSED - 1) })
        .waitFor();

      // Writing the results changed cells too; that must not start evaluation after evaluation.
      const settled = await host.syncCount();
      await live.waitForTimeout(2000);
      expect(await host.syncCount()).toBe(settled);
      expect(liveWatch.errors).toEqual([]);
      await live.close();
    });

    it('a workbook without a report sheet gets a plain message, not a stack trace', async () => {
      const other = await browser.context.newPage();
      const otherWatch = await watchPage(other);
      const noReport = emptyWorkbook(['Hướng dẫn']);
      await seedPage(other, noReport, 'vi-VN');
      await other.goto(`${server.origin}/taskpane.html`);
      await other.getByRole('button', { name: 'Đánh giá', exact: true }).click();
      const alert = other.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(/trang tính báo cáo/i);
      expect(text).not.toMatch(/Error|at \S+:\d+|undefined/);
      expect(otherWatch.errors).toEqual([]);
      await other.close();
    });
  });
}

/** The host's selection once it is the given rule's Thực hiện cell. */
function waitForSelection(page: Page, code: string) {
  return waitForCell(page, actualCellOf(code));
}

/** The host's selection once it is the given cell (a click selects asynchronously). */
async function waitForCell(page: Page, want: string) {
  const host = hostOf(page);
  for (let i = 0; i < 50; i++) {
    const selection = await host.selection();
    if (selection && plainAddress(selection.address) === want) {
      return { sheet: selection.sheet, address: plainAddress(selection.address) };
    }
    await page.waitForTimeout(50);
  }
  const last = await host.selection();
  return last && { sheet: last.sheet, address: plainAddress(last.address) };
}
