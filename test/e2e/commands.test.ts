// The ribbon's function commands in a real browser: the built commands.html against the
// in-memory Excel host. Office's dialog API is played by a small recorder (the host does not
// implement it): the command's dialog URL is then opened as a page of its own and read.
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import { emptyWorkbook } from '../host/model';
import { seedFromXlsx } from '../host/seed-xlsx';
import type { WorkbookModel } from '../host/model';
import { browserMissing, launchIsolated, watchPage, type IsolatedBrowser } from './browser';
import { requireDist, ROOT, serveDist, type StaticServer } from './dist';
import { buildHostScript, seedPage } from './host-bundle';
import { expectedCounts, writeSampleWorkbook } from './sample-workbook';

/**
 * Runs in the page after the host: records associated actions, dialogs opened (answering with
 * `window.__UT_DIALOG_STATUS__`, 'succeeded' by default) and messages a dialog sends.
 */
function dialogRecorder() {
  type Handler = (arg: unknown) => void;
  interface RecordedDialog {
    url: string;
    closed: boolean;
    handlers: Record<string, Handler>;
  }
  const w = window as unknown as {
    Office: {
      actions: { associate: (name: string, fn: (event: unknown) => unknown) => void };
      context: { ui?: unknown };
      AsyncResultStatus?: unknown;
      EventType?: unknown;
    };
    __UT_ACTIONS__: Record<string, (event: unknown) => unknown>;
    __UT_DIALOGS__: RecordedDialog[];
    __UT_MESSAGES__: string[];
    __UT_DIALOG_STATUS__?: string;
  };
  w.__UT_ACTIONS__ = {};
  w.__UT_DIALOGS__ = [];
  w.__UT_MESSAGES__ = [];
  const associate = w.Office.actions.associate;
  w.Office.actions.associate = (name, fn) => {
    w.__UT_ACTIONS__[name] = fn;
    associate(name, fn);
  };
  w.Office.AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
  w.Office.EventType = {
    DialogMessageReceived: 'dialogMessageReceived',
    DialogEventReceived: 'dialogEventReceived',
  };
  w.Office.context.ui = {
    displayDialogAsync(url: string, _options: unknown, callback: (result: unknown) => void) {
      const status = w.__UT_DIALOG_STATUS__ ?? 'succeeded';
      if (status !== 'succeeded') {
        setTimeout(() => callback({ status, error: { code: 12009, message: 'blocked' } }), 0);
        return;
      }
      const dialog: RecordedDialog = { url, closed: false, handlers: {} };
      w.__UT_DIALOGS__.push(dialog);
      const value = {
        addEventHandler: (type: string, handler: Handler) => (dialog.handlers[type] = handler),
        close: () => (dialog.closed = true),
      };
      setTimeout(() => callback({ status, value }), 0);
    },
    messageParent: (message: string) => w.__UT_MESSAGES__.push(message),
  };
}

interface RecorderWindow {
  __UT_ACTIONS__: Record<string, (event: unknown) => unknown>;
  __UT_DIALOGS__: {
    url: string;
    closed: boolean;
    handlers: Record<string, (a: unknown) => void>;
  }[];
  __UT_MESSAGES__: string[];
  __UT_DIALOG_STATUS__?: string;
  __UT_COMPLETED__?: number;
}

/** Clicks a ribbon button: runs the associated function with an event that counts completed(). */
async function runCommand(page: Page, name: string) {
  await page.evaluate((fn) => {
    const w = window as unknown as RecorderWindow;
    w.__UT_COMPLETED__ = 0;
    void w.__UT_ACTIONS__[fn]({
      completed: () => (w.__UT_COMPLETED__ = (w.__UT_COMPLETED__ ?? 0) + 1),
    });
  }, name);
}

const completedCount = (page: Page) =>
  page.evaluate(() => (window as unknown as RecorderWindow).__UT_COMPLETED__ ?? 0);

async function waitForDialogUrl(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => (window as unknown as RecorderWindow).__UT_DIALOGS__[0]?.url,
    undefined,
    { timeout: 10_000 },
  );
  return (await handle.jsonValue()) as string;
}

/** Sends an Office dialog event to the command's page, as Office would. */
function dialogEvent(
  page: Page,
  type: 'dialogMessageReceived' | 'dialogEventReceived',
  arg: unknown,
) {
  return page.evaluate(
    ([t, a]) => (window as unknown as RecorderWindow).__UT_DIALOGS__[0].handlers[t as string](a),
    [type, arg] as const,
  );
}

const OUTPUT = path.join(ROOT, 'test/output');
const missing = browserMissing();

if (missing && !process.env.CI) {
  console.warn(`Browser test of the ribbon commands skipped: ${missing}`);
  describe.skip(`ribbon commands in Chromium (skipped: ${missing})`, () => {
    it('needs Chromium', () => {});
  });
} else {
  describe('ribbon commands in Chromium', () => {
    let server: StaticServer;
    let browser: IsolatedBrowser;
    let seed: WorkbookModel;
    let workDir: string;

    beforeAll(async () => {
      if (missing) throw new Error(`Cannot run the browser test in CI: ${missing}`);
      requireDist();
      workDir = mkdtempSync(path.join(os.tmpdir(), 'ut-ribbon-'));
      const file = path.join(workDir, 'sample.xlsx');
      await writeSampleWorkbook(file);
      seed = await seedFromXlsx(file);
      server = await serveDist();
      const officeJs = `${await buildHostScript()}\n;(${dialogRecorder.toString()})();\n`;
      browser = await launchIsolated(server.origin, officeJs);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    async function openCommands(model: WorkbookModel, displayLanguage = 'vi-VN') {
      const page = await browser.context.newPage();
      const watch = await watchPage(page);
      await seedPage(page, model, displayLanguage);
      await page.goto(`${server.origin}/commands.html`);
      await page.waitForFunction(() =>
        Boolean((window as unknown as RecorderWindow).__UT_ACTIONS__?.summarize),
      );
      return { page, watch };
    }

    it('Đánh giá reports the counts in a dialog, and completes when the dialog is closed', async () => {
      const { page, watch } = await openCommands(seed);
      await runCommand(page, 'evaluate');
      const url = await waitForDialogUrl(page);
      expect(url.startsWith(`${server.origin}/result.html?`)).toBe(true);
      expect(await completedCount(page)).toBe(0);

      const dialog = await browser.context.newPage();
      await seedPage(dialog, emptyWorkbook(), 'vi-VN');
      await dialog.goto(url);
      const counts = expectedCounts();
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      await dialog.getByRole('heading', { name: 'Kết quả đánh giá' }).waitFor();
      const text = await dialog.locator('#result').textContent();
      expect(text).toContain('Đã đánh giá 2 đơn vị');
      expect(text).toContain(
        `${counts.MET}/${total} chỉ tiêu đạt, ${counts.NEAR + counts.MISSED} chỉ tiêu chưa đạt.`,
      );
      expect(text).toContain(`Không đạt: ${counts.MISSED}`);
      await dialog.setViewportSize({ width: 400, height: 380 });
      mkdirSync(OUTPUT, { recursive: true });
      await dialog.screenshot({ path: path.join(OUTPUT, 'ribbon-dialog.png') });

      await dialog.getByRole('button', { name: 'Đóng' }).click();
      const messages = await dialog.evaluate(
        () => (window as unknown as RecorderWindow).__UT_MESSAGES__,
      );
      expect(messages).toEqual(['close']);
      await dialogEvent(page, 'dialogMessageReceived', { message: messages[0] });
      await page.waitForFunction(
        () => (window as unknown as RecorderWindow).__UT_COMPLETED__ === 1,
      );
      const closed = await page.evaluate(
        () => (window as unknown as RecorderWindow).__UT_DIALOGS__[0].closed,
      );
      expect(closed).toBe(true);
      expect(watch.errors).toEqual([]);
      expect(watch.cspViolations).toEqual([]);
      await dialog.close();
      await page.close();
    });

    it('Tạo bảng tổng hợp writes the summary sheet and names it in English for an English Office', async () => {
      const { page } = await openCommands(seed, 'en-US');
      await runCommand(page, 'summarize');
      const url = await waitForDialogUrl(page);
      const sheets = await page.evaluate(() =>
        (
          window as unknown as { __UT_HOST__: { model(): { sheets: { name: string }[] } } }
        ).__UT_HOST__
          .model()
          .sheets.map((s) => s.name),
      );
      const summary = sheets.find((name) => !['Báo cáo', 'KCN'].includes(name));
      expect(summary).toBeDefined();

      const dialog = await browser.context.newPage();
      await seedPage(dialog, emptyWorkbook(), 'en-US');
      await dialog.goto(url);
      await dialog.getByRole('heading', { name: 'Summary' }).waitFor();
      await expect(dialog.locator('#result').textContent()).resolves.toContain(
        `Built the sheet "${summary}".`,
      );
      // The user closes the window with its own X: Office raises an event, not a message.
      await dialogEvent(page, 'dialogEventReceived', { error: 12006 });
      await page.waitForFunction(
        () => (window as unknown as RecorderWindow).__UT_COMPLETED__ === 1,
      );
      await dialog.close();
      await page.close();
    });

    it('an error is reported in plain words, and the command still completes', async () => {
      const { page } = await openCommands(emptyWorkbook(['Hướng dẫn']));
      await runCommand(page, 'evaluate');
      const url = await waitForDialogUrl(page);
      const dialog = await browser.context.newPage();
      await seedPage(dialog, emptyWorkbook(), 'vi-VN');
      await dialog.goto(url);
      await dialog.getByRole('heading', { name: 'Không thực hiện được' }).waitFor();
      const text = (await dialog.locator('#result').textContent()) ?? '';
      expect(text).toMatch(/trang tính báo cáo/i);
      expect(text).not.toMatch(/Error|at \S+:\d+/);
      await dialogEvent(page, 'dialogEventReceived', { error: 12006 });
      await page.waitForFunction(
        () => (window as unknown as RecorderWindow).__UT_COMPLETED__ === 1,
      );
      await dialog.close();
      await page.close();
    });

    it('completes even when Office cannot open the dialog', async () => {
      const { page } = await openCommands(seed);
      await page.evaluate(() => {
        (window as unknown as RecorderWindow).__UT_DIALOG_STATUS__ = 'failed';
      });
      await runCommand(page, 'evaluate');
      await page.waitForFunction(
        () => (window as unknown as RecorderWindow).__UT_COMPLETED__ === 1,
      );
      await page.close();
    });

    it('made no request but Office.js and its own files', () => {
      expect(browser.blocked).toEqual([]);
    });
  });
}
