/**
 * Task pane figures: the gzipped size of the production JavaScript taskpane.html loads (SPEC §7:
 * at most 300 KB), and the time from navigation to the *Đánh giá* button being visible in
 * headless Chromium, with Office.js replaced by the in-memory Excel host as in the browser test
 * (its helpers in test/e2e are reused: static server, isolated Chromium, host bundle, seed).
 */
import { readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { gzipSync } from 'zlib';
import { browserMissing, launchIsolated, watchPage } from '../test/e2e/browser';
import { DIST, requireDist, scriptsOf, serveDist } from '../test/e2e/dist';
import { buildHostScript, sampleSeed, seedPage } from '../test/e2e/host-bundle';
import { failedMeasurement, figure, type Figure } from './figures';
import { median, round3 } from './timing';

const SIZE_BUDGET_KB = 300;
const RENDER_RUNS = 5;
const MAIN_BUTTON = 'Đánh giá';
const RENDER_TIMEOUT_MS = 30_000;

/** Every script taskpane.html loads from the build (Office.js comes from Microsoft's CDN). */
function paneScripts(): string[] {
  return scriptsOf('taskpane.html').filter((src) => !/^(https?:)?\/\//.test(src));
}

export function paneSize(): Figure {
  const scripts = paneScripts();
  if (scripts.length === 0) throw new Error('dist/taskpane.html loads no local script');
  const files = scripts.map((src) => {
    const data = readFileSync(path.join(DIST, src.replace(/^\//, '')));
    return { file: src, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  });
  const gzip = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return figure(
    'pane: production JavaScript, gzipped',
    Math.round((gzip / 1024) * 10) / 10,
    'KB',
    { op: '<=', limit: SIZE_BUDGET_KB },
    { details: { files, gzipBytes: gzip } },
  );
}

/**
 * Installed before the page's own scripts: notes `performance.now()` (milliseconds since the
 * navigation started) when a DOM change first leaves the main button laid out with a box. Kept
 * as source text: a function passed from here would carry the `__name` helper tsx adds.
 */
function firstRenderMarker(label: string): string {
  return `(() => {
    const label = ${JSON.stringify(label)};
    const observer = new MutationObserver(() => {
      const shown = [...document.querySelectorAll('button')].some((b) => {
        const box = b.getBoundingClientRect();
        return b.textContent.trim() === label && box.width > 0 && box.height > 0;
      });
      if (!shown) return;
      window.__UT_FIRST_RENDER__ = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`;
}

async function timeToFirstRender(page: Page, url: string): Promise<number> {
  await page.addInitScript({ content: firstRenderMarker(MAIN_BUTTON) });
  await page.goto(url);
  // Playwright's own check that the button is there and visible, then the page's timestamp.
  await page
    .getByRole('button', { name: MAIN_BUTTON, exact: true })
    .waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
  const handle = await page.waitForFunction(
    () => (window as unknown as { __UT_FIRST_RENDER__?: number }).__UT_FIRST_RENDER__,
    undefined,
    { timeout: RENDER_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

export async function paneFirstRender(): Promise<Figure> {
  const name = `pane: first render in Chromium, median of ${RENDER_RUNS}`;
  const missing = browserMissing();
  if (missing) return failedMeasurement(name, 'ms', null, missing);
  const [seed, hostScript, server] = await Promise.all([
    sampleSeed(),
    buildHostScript(),
    serveDist(),
  ]);
  const browser = await launchIsolated(server.origin, hostScript).catch(async (error) => {
    await server.close();
    throw error;
  });
  try {
    const url = `${server.origin}/taskpane.html`;
    const samples: number[] = [];
    const pageErrors: string[] = [];
    // One warm-up load (browser start-up, disk cache), then the measured ones, each a new page.
    for (let run = 0; run <= RENDER_RUNS; run++) {
      const page = await browser.context.newPage();
      await page.bringToFront();
      const watch = await watchPage(page);
      await seedPage(page, seed, 'vi-VN');
      const ms = await timeToFirstRender(page, url);
      pageErrors.push(...watch.errors);
      await page.close();
      if (run > 0) samples.push(ms);
    }
    if (browser.blocked.length > 0 || pageErrors.length > 0) {
      throw new Error(
        `the pane made requests outside the build (${browser.blocked.join(', ') || 'none'}) or had errors (${pageErrors.join('; ') || 'none'})`,
      );
    }
    return figure(name, round3(median(samples)), 'ms', null, {
      details: {
        samples: samples.map(round3),
        warmup: 1,
        from: 'navigation start',
        to: `"${MAIN_BUTTON}" button visible`,
      },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchPane(): Promise<Figure[]> {
  requireDist();
  const figures: Figure[] = [];
  try {
    figures.push(paneSize());
  } catch (error) {
    figures.push(
      failedMeasurement(
        'pane: production JavaScript, gzipped',
        'KB',
        { op: '<=', limit: SIZE_BUDGET_KB },
        error,
      ),
    );
  }
  try {
    figures.push(await paneFirstRender());
  } catch (error) {
    figures.push(failedMeasurement(`pane: first render in Chromium`, 'ms', null, error));
  }
  return figures;
}
