// Debian's Chromium driven by playwright-core, isolated: a fresh profile, no background
// networking, and every request outside the served build and Office.js blocked and recorded.
import { existsSync, mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { OFFICE_JS_URL } from './dist';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`;
}

export interface IsolatedBrowser {
  context: BrowserContext;
  /** Requests that were neither the served build nor Office.js: blocked, and listed here. */
  blocked: string[];
  close: () => Promise<void>;
}

/**
 * Launches Chromium with a throw-away profile. `officeJs` is served in place of Microsoft's
 * Office.js; requests to `origin` (the served build) pass; everything else is aborted.
 */
export async function launchIsolated(origin: string, officeJs: string): Promise<IsolatedBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ut-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 320, height: 800 },
    locale: 'vi-VN',
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: officeJs });
    }
    if (url.startsWith(`${origin}/`)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    blocked,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageWatch {
  /** Uncaught exceptions and console errors of the page. */
  errors: string[];
  /** Content-Security-Policy violations the page reported. */
  cspViolations: string[];
}

/** Records what goes wrong in a page: errors, and CSP violations (reported to the console). */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { errors: [], cspViolations: [] };
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('CSP violation:')) watch.cspViolations.push(text);
    else if (message.type() === 'error') watch.errors.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
      console.log(`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${where}`);
    });
  });
  return watch;
}
