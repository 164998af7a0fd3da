// axe-core inside the page under test. The pane's CSP blocks script tags, so the engine goes in
// through page.evaluate (DevTools protocol, which the CSP does not govern).
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

export interface AxeFinding {
  rule: string;
  impact: string | null;
  nodes: string[];
}

/**
 * The serious and critical violations on the page as it is now. Tabster's focus-trap dummies
 * (`data-tabster-dummy`: empty focusable spans Fluent adds around menus and lists, a known
 * false positive) are left out, and nothing else.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // A colour read halfway through a transition (a button coming back from disabled, a menu
  // fading in) is not the colour anyone reads: let them finish first.
  // (An indeterminate progress bar runs for ever; it is left as it is.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished),
    ),
  );
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const result = await axe.run(
      { exclude: [['[data-tabster-dummy]']] },
      { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  }, TAGS);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The part of axe-core's API used above (its own types are not loaded into the page). */
interface AxeApi {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{
    violations: {
      id: string;
      impact: string | null;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  }>;
}
