/**
 * Engine figure (SPEC §7: 1,000 report sheets × 26 rules evaluated and consolidated in < 50 ms),
 * and, for information, the whole evaluateWorkbooks path over 1,000 sheet snapshots with the
 * template reader included.
 */
import { loadCatalogue } from '../src/catalogue';
import type { Catalogue } from '../src/catalogue/types';
import { consolidate, evaluateRule } from '../src/engine';
import type { ConsolidatedResult, RuleInput, RuleResult } from '../src/engine/types';
import { evaluateWorkbooks } from '../src/template/evaluate';
import { readReportSheet } from '../src/template/reader';
import type { ReportSheet, RuleRow } from '../src/template/types';
import { figure, type Figure } from './figures';
import { measure, round3, runs } from './timing';
import { unitSnapshots } from './units';

const SHEETS = 1000;
const ENGINE_BUDGET_MS = 50;

type Entry = { input: RuleInput; result: RuleResult };

const NO_INPUT: RuleInput = { actual: { kind: 'empty' }, denominator: { kind: 'empty' } };

/**
 * What evaluateWorkbooks does once the sheets are read: every rule row of every unit through
 * evaluateRule, then every rule consolidated over all units (a unit without the rule's row
 * taking part as having no data).
 */
function evaluateAndConsolidate(
  catalogue: Catalogue,
  units: Map<string, RuleRow>[],
): ConsolidatedResult[] {
  const entries = units.map((rows) => {
    const byCode = new Map<string, Entry>();
    for (const rule of catalogue.rules) {
      const row = rows.get(rule.code);
      if (row)
        byCode.set(rule.code, {
          input: row.input,
          result: evaluateRule(rule, row.input, row.location),
        });
    }
    return byCode;
  });
  return catalogue.rules.map((rule) => {
    const absent: Entry = { input: NO_INPUT, result: evaluateRule(rule, NO_INPUT) };
    return consolidate(
      rule,
      entries.map((byCode) => byCode.get(rule.code) ?? absent),
    );
  });
}

/** The loop above must agree with the product's evaluateWorkbooks, or it measures something else. */
function sameConsolidation(a: ConsolidatedResult[], b: ConsolidatedResult[]): boolean {
  const key = (r: ConsolidatedResult) =>
    [r.code, r.status, r.actual, r.denominator, r.unitsCounted, r.unitsLacking].join('|');
  return a.length === b.length && a.every((r, i) => key(r) === key(b[i]));
}

export async function benchEngine(): Promise<Figure[]> {
  const catalogue = loadCatalogue();
  const workbooks = unitSnapshots(SHEETS, catalogue);
  const reports: ReportSheet[] = workbooks.map((wb) => {
    const { report } = readReportSheet(wb.sheets[0], catalogue, wb.file);
    if (!report) throw new Error(`${wb.file} does not read as a report sheet`);
    return report;
  });
  const units = reports.map((report) => new Map(report.rows.map((row) => [row.code, row])));
  const rowCount = reports.reduce((n, r) => n + r.rows.length, 0);

  const product = evaluateWorkbooks(workbooks, { catalogue });
  if (!sameConsolidation(evaluateAndConsolidate(catalogue, units), product.consolidated)) {
    throw new Error('The benchmark loop and evaluateWorkbooks consolidate differently');
  }
  const statuses: Record<string, number> = {};
  for (const unit of product.units) {
    for (const r of unit.results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }

  const core = await measure(() => evaluateAndConsolidate(catalogue, units), {
    warmup: 10,
    runs: 21,
  });
  const full = await measure(() => evaluateWorkbooks(workbooks, { catalogue }), {
    warmup: 2,
    runs: 7,
  });

  return [
    figure(
      'engine: evaluate + consolidate, 1,000 sheets × 26 rules',
      round3(core.median),
      'ms',
      { op: '<', limit: ENGINE_BUDGET_MS },
      { details: { sheets: SHEETS, ruleRows: rowCount, statuses, ...runs(core) } },
    ),
    figure(
      'engine: evaluateWorkbooks (reader included), 1,000 snapshots',
      round3(full.median),
      'ms',
      null,
      { details: { sheets: SHEETS, issues: product.issues.length, ...runs(full) } },
    ),
  ];
}
