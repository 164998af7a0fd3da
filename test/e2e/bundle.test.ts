// The production build: the pane's JavaScript within its budget (SPEC §7: ≤ 300 KB gzipped),
// each page with Office.js from Microsoft's CDN and a Content-Security-Policy, no source maps.
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import {
  attributeOf,
  DIST,
  OFFICE_JS_URL,
  readPage,
  requireDist,
  scriptsOf,
  scriptTagsOf,
} from './dist';

const PANE_BUDGET_BYTES = 300 * 1024;
const PAGES = ['taskpane.html', 'commands.html', 'result.html'];

beforeAll(requireDist);

function cspOf(page: string): Map<string, string[]> {
  const tag = (readPage(page).match(/<meta\b[^>]*>/gi) ?? []).find(
    (t) => attributeOf(t, 'http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  const content = tag && attributeOf(tag, 'content');
  if (!content) throw new Error(`${page} has no Content-Security-Policy meta`);
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('production build', () => {
  it(`keeps the task pane's JavaScript within ${PANE_BUDGET_BYTES / 1024} KB gzipped`, () => {
    const local = scriptsOf('taskpane.html').filter((src) => !/^https?:/.test(src));
    expect(local.length).toBeGreaterThan(0);
    const gzipped = local.reduce(
      (sum, src) => sum + gzipSync(readFileSync(path.join(DIST, src)), { level: 9 }).length,
      0,
    );
    console.log(`task pane JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(PANE_BUDGET_BYTES);
  });

  it.each(PAGES)('%s loads Office.js from the CDN first, then only its own scripts', (page) => {
    const scripts = scriptsOf(page);
    expect(scripts[0]).toBe(OFFICE_JS_URL);
    for (const src of scripts.slice(1)) expect(src).not.toMatch(/^(https?:)?\/\//);
  });

  it.each(PAGES)(
    '%s has a CSP that forbids inline script, eval and foreign connections',
    (page) => {
      const csp = cspOf(page);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
      expect(csp.get('connect-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      // No inline script at all: every <script> has a src.
      const tags = scriptTagsOf(page);
      expect(tags.length).toBeGreaterThan(0);
      expect(tags.filter((tag) => attributeOf(tag, 'src') === null)).toEqual([]);
    },
  );

  it('ships no source maps', () => {
    const files = readdirSync(DIST);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files.filter((name) => name.endsWith('.js'))) {
      expect(readFileSync(path.join(DIST, f), 'utf8')).not.toContain('sourceMappingURL');
    }
  });

  it('copies the manifest and the icons it names', () => {
    const manifest = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
    const icons = [...manifest.matchAll(/\/(assets\/[\w-]+\.png)/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons)
      expect(readdirSync(path.join(DIST, 'assets'))).toContain(path.basename(icon));
  });
});
