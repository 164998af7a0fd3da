// The pane for everyone, in Debian's Chromium at 320 × 800 against the in-memory Excel host:
// axe-core finds no serious or critical violation in any state; the live region says what is
// happening and the outcome; the pane works by keyboard; a person's pointer path to Đánh giá
// always evaluates; the counts agree with one another and with the sheet.
import type { Page } from 'playwright-core';
import { STATUS_INFO } from '../../src/engine/status';
import { STATUSES, type Status } from '../../src/engine/types';
import type { WorkbookModel } from '../host/model';
import { emptyWorkbook } from '../host/model';
import { seriousViolations } from './axe';
import { browserMissing, launchIsolated, type IsolatedBrowser } from './browser';
import { requireDist, serveDist, type StaticServer } from './dist';
import { buildHostScript, sampleSeed, seedPage } from './host-bundle';
import { actualCellOf, expectedCounts } from './sample-workbook';

interface HostWindow {
  __UT_HOST__: {
    syncCount: number;
    lastSelection: { sheet: string; address: string } | null;
    model(): WorkbookModel;
    edit(sheet: string, a1: string, input: number): void;
  };
  Excel: { run: (...args: unknown[]) => Promise<unknown> };
  __UT_RELEASE__?: () => void;
}

const missing = browserMissing();

/** The live region's text once it says something matching `pattern`. */
async function announced(page: Page, pattern: RegExp): Promise<string> {
  const region = page.getByTestId('announcer');
  await page.waitForFunction(
    ([source, flags]) =>
      new RegExp(source, flags).test(
        document.querySelector('[data-testid="announcer"]')?.textContent ?? '',
      ),
    [pattern.source, pattern.flags] as const,
  );
  return (await region.textContent()) ?? '';
}

/** Holds every Excel.run until released, so the pane can be looked at while it works. */
async function holdExcel(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as HostWindow;
    const run = w.Excel.run.bind(w.Excel);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    w.__UT_RELEASE__ = () => {
      w.Excel.run = run;
      release();
    };
    w.Excel.run = async (...args: unknown[]) => {
      await gate;
      return run(...args);
    };
  });
}

const syncCount = (page: Page) =>
  page.evaluate(() => (window as unknown as HostWindow).__UT_HOST__.syncCount);

/** The centre of an element, in page coordinates. */
async function centreOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * The controls whose centre is covered by something else (a tooltip, a popup) right now: a
 * click there would not reach them.
 */
function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'main button, main [role="switch"], main [role="tab"]',
      ),
    ]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.bottom < 0 || r.top > window.innerHeight) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && !el.contains(hit) && !hit.contains(el);
      })
      .map((el) => el.textContent || el.getAttribute('aria-label') || el.tagName),
  );
}

/** Tile counts as shown: status → count, and the Chưa đạt tile. */
async function tiles(page: Page) {
  const byStatus = Object.fromEntries(
    await page
      .locator('li[data-status]')
      .evaluateAll((items) =>
        items.map((t) => [t.getAttribute('data-status'), Number(t.firstChild?.textContent)]),
      ),
  ) as Record<Status, number>;
  const notMet = Number(await page.locator('li[data-tile="NOT_MET"] > span').first().textContent());
  return { byStatus, notMet };
}

if (missing && !process.env.CI) {
  describe.skip(`task pane accessibility in Chromium (skipped: ${missing})`, () => {
    it('needs Chromium', () => {});
  });
} else {
  describe('task pane accessibility in Chromium', () => {
    let server: StaticServer;
    let browser: IsolatedBrowser;
    let seed: WorkbookModel;

    const open = async (model: WorkbookModel, displayLanguage = 'vi-VN') => {
      const page = await browser.context.newPage();
      await seedPage(page, model, displayLanguage);
      await page.goto(`${server.origin}/taskpane.html`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      return page;
    };

    beforeAll(async () => {
      if (missing) throw new Error(`Cannot run the browser test in CI: ${missing}`);
      requireDist();
      seed = await sampleSeed();
      server = await serveDist();
      browser = await launchIsolated(server.origin, await buildHostScript());
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('axe finds nothing serious or critical: initial, evaluating, evaluated, each filter, English', async () => {
      const page = await open(seed);
      const found: Record<string, unknown> = {};
      found.initial = await seriousViolations(page);

      await holdExcel(page);
      await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
      await page.getByTestId('progress').waitFor();
      found.evaluating = await seriousViolations(page);
      await page.evaluate(() => (window as unknown as HostWindow).__UT_RELEASE__?.());

      await page.locator('li[data-status="MET"]').waitFor();
      found.evaluated = await seriousViolations(page);
      for (const tab of ['Chưa đạt', 'Lỗi', 'Tất cả']) {
        await page.getByRole('tab', { name: new RegExp(`^${tab} \\(`) }).click();
        found[`filter ${tab}`] = await seriousViolations(page);
      }
      await page.getByTestId('more-actions').click();
      await page.getByRole('menuitem', { name: /^Xóa kết quả/ }).waitFor();
      found['menu open'] = await seriousViolations(page);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Evaluate', exact: true }).waitFor();
      found.english = await seriousViolations(page);
      expect(found).toEqual({
        initial: [],
        evaluating: [],
        evaluated: [],
        'filter Chưa đạt': [],
        'filter Lỗi': [],
        'filter Tất cả': [],
        'menu open': [],
        english: [],
      });
      await page.close();
    }, 120_000);

    it('axe finds nothing serious or critical with an error shown, and in live mode', async () => {
      const failing = await open(emptyWorkbook(['Hướng dẫn']));
      await failing.getByRole('button', { name: 'Đánh giá', exact: true }).click();
      await failing.getByRole('alert').waitFor();
      const error = await seriousViolations(failing);
      await failing.close();

      const live = await open(seed);
      await live.getByRole('switch').check();
      await announced(live, /^Đã đánh giá lại 2 đơn vị/);
      const liveMode = await seriousViolations(live);
      await live.close();
      expect({ error, liveMode }).toEqual({ error: [], liveMode: [] });
    });

    it('one polite live region, there from the start, says what is happening and the outcome', async () => {
      const page = await open(seed);
      const region = page.getByTestId('announcer');
      await expect(region.getAttribute('aria-live')).resolves.toBe('polite');
      await expect(region.getAttribute('role')).resolves.toBe('status');
      await expect(region.textContent()).resolves.toBe('');
      await expect(page.locator('[aria-live="polite"], [role="status"]').count()).resolves.toBe(1);
      // Nothing that holds the region is busy (aria-busy keeps screen readers from reading it).
      await expect(page.locator('[aria-busy="true"]').count()).resolves.toBe(0);

      await holdExcel(page);
      await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
      await expect(announced(page, /^Đang đánh giá/)).resolves.toBe(
        'Đang đánh giá các trang tính báo cáo…',
      );
      await page.evaluate(() => (window as unknown as HostWindow).__UT_RELEASE__?.());

      const counts = expectedCounts();
      const units = 2;
      const sentence = await announced(page, /^Đã đánh giá/);
      const expected = STATUSES.filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${STATUS_INFO[s].label.vi.toLocaleLowerCase('vi')}`)
        .join(', ');
      expect(sentence.startsWith(`Đã đánh giá ${units} đơn vị: ${expected}.`)).toBe(true);

      // Live mode: each re-evaluation is said too, as one.
      await page.getByRole('switch').check();
      await announced(page, /^Đã đánh giá lại/);
      await page.evaluate(
        (cell) => (window as unknown as HostWindow).__UT_HOST__.edit('Báo cáo', cell, 120),
        actualCellOf('I.1a'),
      );
      const again = await announced(
        page,
        new RegExp(`^Đã đánh giá lại 2 đơn vị: ${counts.MET + 1} đạt`),
      );
      expect(again).toContain(`${counts.MISSED - 1} không đạt`);
      await page.getByRole('switch').uncheck();
      await page.close();
    });

    it('an error is an alert, in plain words with "trang tính", and the polite region is quiet', async () => {
      const page = await open(emptyWorkbook(['Hướng dẫn']));
      await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(/trang tính báo cáo/);
      expect(text).not.toMatch(/\bsheet\b/i);
      await expect(page.getByTestId('announcer').textContent()).resolves.toBe('');
      // The message names itself: its aria-labelledby points at its own text.
      const labelledBy = await alert.getAttribute('aria-labelledby');
      expect(labelledBy).toBeTruthy();
      await expect(page.locator(`[id="${labelledBy}"]`).textContent()).resolves.toBe(text);
      await page.close();
    });

    it('works by keyboard alone: Tab to Đánh giá, Enter, Tab to a result, Enter selects its cell', async () => {
      const page = await open(seed);
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return {
            text: el?.textContent ?? '',
            code: el?.getAttribute('data-code') ?? null,
            visible: el ? el.matches(':focus-visible') : false,
          };
        });
      // From the top of the page to Đánh giá.
      let steps = 0;
      do {
        await page.keyboard.press('Tab');
        steps++;
      } while ((await focused()).text !== 'Đánh giá' && steps < 10);
      expect(await focused()).toMatchObject({ text: 'Đánh giá', visible: true });
      await page.keyboard.press('Enter');
      await page.locator('li[data-status="MET"]').waitFor();
      // Focus stayed on Đánh giá while it ran (it was not dropped to the page).
      expect((await focused()).text).toBe('Đánh giá');

      // On to the filter and the first result, each stop visibly focused.
      let first: { code: string | null; visible: boolean } | null = null;
      for (let i = 0; i < 15 && !first; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        expect({ at: now.text, visible: now.visible }).toEqual({ at: now.text, visible: true });
        if (now.code) first = now;
      }
      expect(first?.code).toBe('I.1a');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => (window as unknown as HostWindow).__UT_HOST__.lastSelection !== null,
      );
      const selection = await page.evaluate(
        () => (window as unknown as HostWindow).__UT_HOST__.lastSelection,
      );
      expect({ sheet: selection?.sheet, cell: selection?.address.replace(/^.*!|\$/g, '') }).toEqual(
        {
          sheet: 'Báo cáo',
          cell: actualCellOf('I.1a'),
        },
      );
      // A result is named by what it shows: its code, status, cell.
      const name = await page
        .locator('button[data-code="I.1a"]')
        .first()
        .evaluate((el) => ({
          label: el.getAttribute('aria-label'),
          text: el.textContent ?? '',
        }));
      expect(name.label).toBeNull();
      expect(name.text).toContain(`Ô ${actualCellOf('I.1a')}`);

      // The menu by keyboard: Enter opens it, arrows move, Escape closes it back to its button.
      await page.getByTestId('more-actions').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: /^Xóa kết quả/ }).waitFor();
      await page.keyboard.press('Escape');
      await expect(
        page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      ).resolves.toBe('more-actions');
      await page.close();
    });

    it('after a message is dismissed, focus goes back to Đánh giá, not to the page', async () => {
      const page = await open(seed);
      await page.getByRole('button', { name: 'Tạo bảng tổng hợp', exact: true }).click();
      const dismiss = page.getByRole('button', { name: 'Đóng thông báo' });
      await dismiss.waitFor();
      await dismiss.focus();
      await page.keyboard.press('Enter');
      await dismiss.waitFor({ state: 'detached' });
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        'Đánh giá',
      );
      await page.close();
    });

    it('a pointer moving as a person moves it reaches Đánh giá, and the click evaluates', async () => {
      const page = await open(seed);
      const mouse = page.mouse;
      // Over the other commands first, as someone reading them would, and into the menu.
      await mouse.move(
        ...(Object.values(await centreOf(page, '[data-testid="more-actions"]')) as [
          number,
          number,
        ]),
        { steps: 5 },
      );
      await page.waitForTimeout(400);
      expect(await coveredControls(page)).toEqual([]);
      const summarize = await centreOf(page, 'button:has-text("Tạo bảng tổng hợp")');
      await mouse.move(summarize.x, summarize.y, { steps: 5 });
      await page.waitForTimeout(400);
      expect(await coveredControls(page)).toEqual([]);
      await page.getByTestId('more-actions').click();
      for (const item of ['Xóa kết quả', 'Chèn mẫu báo cáo']) {
        const box = await page
          .getByRole('menuitem', { name: new RegExp(`^${item}`) })
          .boundingBox();
        if (!box) throw new Error(`${item} is not shown`);
        await mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
        await page.waitForTimeout(400);
      }
      // Then up to Đánh giá, and a click.
      const before = await syncCount(page);
      const evaluate = await centreOf(page, 'button:has-text("Đánh giá")');
      await mouse.move(evaluate.x, evaluate.y, { steps: 10 });
      await page.waitForTimeout(400);
      // Nothing (the open menu, a hint) lies over Đánh giá where the pointer is.
      await expect(
        page.evaluate(
          ({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent,
          evaluate,
        ),
      ).resolves.toBe('Đánh giá');
      await mouse.down();
      await mouse.up();
      // The one click evaluated (it did not only close the menu): the counts come up.
      await page.locator('li[data-status="MET"]').waitFor({ timeout: 5000 });
      expect(await syncCount(page)).toBeGreaterThan(before);
      // With everything shown, hovering any control leaves every other one reachable.
      for (const selector of [
        'button:has-text("Đánh giá")',
        '[data-testid="more-actions"]',
        '[role="switch"]',
      ]) {
        const at = await centreOf(page, selector);
        await mouse.move(at.x, at.y, { steps: 3 });
        await page.waitForTimeout(300);
        expect({ selector, covered: await coveredControls(page) }).toEqual({
          selector,
          covered: [],
        });
      }
      await page.close();
    });

    it('counts agree: tiles, tabs, the sentence and the sheet; results start in the upper half', async () => {
      const page = await open(seed);
      await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
      await page.locator('li[data-status="MET"]').waitFor();
      const counts = expectedCounts();
      const shown = await tiles(page);
      expect(shown.byStatus).toEqual(counts);
      expect(shown.notMet).toBe(counts.NEAR + counts.MISSED);
      const total = STATUSES.reduce((n, s) => n + counts[s], 0);

      // Tất cả counts every chỉ tiêu: what the tiles add up to, and what the heading says.
      await page.getByRole('tab', { name: `Tất cả (${total})` }).waitFor();
      await page.getByRole('tab', { name: `Chưa đạt (${shown.notMet})` }).waitFor();
      await expect(page.locator('#status-counts-heading').textContent()).resolves.toMatch(
        new RegExp(`: 2 đơn vị, ${total} chỉ tiêu$`),
      );
      // Errors and notes apart: invalid figures (and template errors), then the notes.
      const problems = page.getByRole('tab', { name: /^Lỗi \(\d+\) · Lưu ý \(\d+\)$/ });
      const label = (await problems.textContent()) ?? '';
      const [errors, notes] = [...label.matchAll(/\((\d+)\)/g)].map((m) => Number(m[1]));
      await problems.click();
      const listedInvalid = await page.locator('[data-code][data-status="INVALID"]').count();
      const listedIssues = await page
        .locator('section[aria-label="Lỗi và lưu ý về mẫu báo cáo"] li')
        .count();
      const listedNotes = await page
        .locator('section[aria-label="Lỗi và lưu ý về mẫu báo cáo"] li', { hasText: /^Lưu ý/ })
        .count();
      expect({ errors, notes }).toEqual({
        errors: counts.INVALID + (listedIssues - listedNotes),
        notes: listedNotes,
      });
      expect(listedInvalid).toBe(counts.INVALID);
      expect(notes).toBeGreaterThan(0);

      // The sheet's Đánh giá column says the same as the tiles: count each status written.
      const written = await page.evaluate(
        (labels) => {
          const host = (window as unknown as HostWindow).__UT_HOST__.model();
          const found: Record<string, number> = {};
          for (const sheet of host.sheets) {
            for (const cell of Object.values(sheet.cells) as { value?: unknown }[]) {
              const status = labels.find(([, label]) => label === cell.value)?.[0];
              if (status) found[status] = (found[status] ?? 0) + 1;
            }
          }
          return found;
        },
        STATUSES.map((s) => [s, STATUS_INFO[s].label.vi] as const),
      );
      expect(written).toEqual(
        Object.fromEntries(STATUSES.filter((s) => counts[s] > 0).map((s) => [s, counts[s]])),
      );

      // "≥ 110" stays on one line.
      await page.getByRole('tab', { name: /^Tất cả/ }).click();
      const target = await page.locator('[data-code="I.1a"]').first().textContent();
      expect(target).toContain('≥\u00a0110');
      expect(target).not.toContain('≥ 110');

      // At 320 × 800 the first result starts in the upper half of the pane.
      await page.evaluate(() => window.scrollTo(0, 0));
      const top = await page
        .locator('[data-code]')
        .first()
        .evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(400);
      await page.close();
    });

    it('a sheet added in the browser gets an id of its own: evaluating twice lists each unit once', async () => {
      const page = await open(seed);
      for (let i = 0; i < 2; i++) {
        await page.getByTestId('more-actions').click();
        await page.getByRole('menuitem', { name: /^Chèn mẫu báo cáo/ }).click();
        await page.locator('[data-intent="success"]', { hasText: /Đã thêm trang mẫu/ }).waitFor();
        await page.getByRole('button', { name: 'Đóng thông báo' }).click();
      }
      const sheets = await page.evaluate(() =>
        (window as unknown as HostWindow).__UT_HOST__.model().sheets.map((s) => s.id),
      );
      expect(new Set(sheets).size).toBe(sheets.length);
      for (let i = 0; i < 2; i++) {
        const before = await syncCount(page);
        await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
        await page.waitForFunction(
          (n) => (window as unknown as HostWindow).__UT_HOST__.syncCount > n + 1,
          before,
        );
        await page.getByTestId('progress').waitFor({ state: 'detached' });
      }
      const units = await page.locator('main section h2').allTextContents();
      expect(new Set(units).size).toBe(units.length);
      await page.close();
    });
  });
}
