// The pane's counts and words, without a browser: one definition of a chỉ tiêu (one rule's
// result for one unit) behind the tiles, the filters and the announced sentence; errors and
// notes apart; comparison signs kept with their numbers.
import { loadCatalogue } from '../../src/catalogue';
import { STATUSES, type Status } from '../../src/engine/types';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import type { Evaluation } from '../../src/template/types';
import { outcomeAnnouncement } from '../../src/taskpane/announcements';
import { buildPaneView, keepSignWithNumber } from '../../src/taskpane/view-model';
import { filledTemplate } from './template-fixtures';

const catalogue = loadCatalogue();

function evaluation(): Evaluation {
  const district = filledTemplate('Báo cáo', 'LĐLĐ huyện A', {
    'I.1a': { actual: 95 },
    'I.1b': { actual: 5 },
    'I.2a': { actual: 9, denominator: 10 },
    'I.2b': { actual: 'khoảng 40', denominator: 52 },
    'II.1b': { actual: 0, denominator: 0 },
  });
  // A code the plan does not know, typed below the rules: a note, not an error.
  const width = district.values[0].length;
  const unknown = Array(width).fill(null);
  unknown[1] = 'I.10';
  unknown[5] = 3;
  district.values.push(unknown);
  district.numberFormats.push(Array(width).fill('General'));
  const zone = filledTemplate('KCN', 'CĐ các KCN', { 'I.1a': { actual: 120 } });
  return evaluateWorkbooks([{ sheets: [district, zone], file: 'a.xlsx' }]);
}

function countsOf(e: Evaluation): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const unit of e.units) for (const r of unit.results) counts[r.status]++;
  return counts;
}

describe('pane view model', () => {
  const e = evaluation();
  const counts = countsOf(e);
  const view = buildPaneView(e, catalogue, 'all', 'vi');

  it('Tất cả counts every chỉ tiêu, what the status tiles add up to', () => {
    const total = STATUSES.reduce((n, s) => n + counts[s], 0);
    expect(total).toBe(e.units.length * catalogue.rules.length);
    expect(view.filterCounts.all).toBe(total);
    expect(view.filterCounts.notMet).toBe(counts.NEAR + counts.MISSED);
  });

  it('counts errors and notes apart, each invalid figure once', () => {
    const warnings = e.issues.filter((i) => i.severity === 'warning').length;
    expect(counts.INVALID).toBe(1);
    expect(warnings).toBeGreaterThan(0);
    expect(view.problems).toEqual({ errors: counts.INVALID, notes: warnings });
    // The Lỗi · Lưu ý filter lists exactly what its label counts.
    const errorsView = buildPaneView(e, catalogue, 'errors', 'vi');
    const listed =
      errorsView.units.reduce(
        (n, u) => n + u.sections.reduce((m, s) => m + s.entries.length, 0),
        0,
      ) + errorsView.issues.length;
    expect(listed).toBe(view.filterCounts.errors);
    expect(view.filterCounts.errors).toBe(view.problems.errors + view.problems.notes);
  });

  it('keeps ≥ > ≤ < on the line of their number', () => {
    expect(keepSignWithNumber('≥ 110; > 90%; ≤ 5, < 2')).toBe(
      '≥\u00a0110; >\u00a090%; ≤\u00a05, <\u00a02',
    );
    const entry = view.units[0].sections[0].entries.find((x) => x.code === 'I.1a');
    expect(entry?.target).toBe('≥\u00a0110');
  });

  it('announces the outcome in one sentence whose counts add up to the tiles', () => {
    const outcome = { evaluation: e, counts, summarySheet: null, syncs: 3 };
    const said = outcomeAnnouncement(outcome, false);
    const parts = STATUSES.filter((s) => counts[s] > 0);
    expect(said.vi).toMatch(/^Đã đánh giá 2 đơn vị: \d+ đạt, /);
    const numbers = [...said.vi.split('.')[0].matchAll(/(\d+) [a-zà-ỹ ]+/g)].map((m) =>
      Number(m[1]),
    );
    expect(numbers.slice(1)).toEqual(parts.map((s) => counts[s]));
    expect(said.vi).toContain('1 lỗi số liệu');
    expect(said.vi).toMatch(/Mẫu báo cáo: \d+ lưu ý\.$/);
    expect(said.en).toMatch(/^Evaluated 2 units: \d+ met, /);
    expect(outcomeAnnouncement({ ...outcome, summarySheet: 'Tổng hợp' }, true).vi).toMatch(
      /^Đã đánh giá lại 2 đơn vị: .*Đã lập trang "Tổng hợp"\.$/,
    );
  });
});
