/** Results as a plain-text table for the terminal. */
import { loadCatalogue } from '../catalogue';
import type { Lang, Rule } from '../catalogue/types';
import { describeGap, describeValue, formatTarget } from '../engine';
import { STATUS_INFO } from '../engine/status';
import type { RuleResult } from '../engine/types';
import type { Evaluation, UnitResults } from '../template/types';

/** Width as the terminal shows it: one column per character once composed (NFC). */
function width(text: string): number {
  return [...text.normalize('NFC')].length;
}

function truncate(text: string, max: number): string {
  const chars = [...text.normalize('NFC')];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function pad(text: string, size: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
  /** Longer cells are cut with "…". */
  maxWidth?: number;
}

/** Columns separated by two spaces, a rule under the header, no trailing spaces. */
export function renderTable(columns: TableColumn[], rows: string[][]): string {
  const cells = rows.map((row) =>
    columns.map((col, i) => {
      const text = (row[i] ?? '').replace(/\s+/g, ' ').trim();
      return col.maxWidth ? truncate(text, col.maxWidth) : text;
    }),
  );
  const widths = columns.map((col, i) =>
    Math.max(width(col.header), ...cells.map((row) => width(row[i]))),
  );
  const line = (row: string[]) =>
    row
      .map((text, i) => pad(text, widths[i], columns[i].align ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...cells.map(line)].join('\n');
}

const HEADERS: Record<Lang, string[]> = {
  vi: ['Mã', 'Chỉ tiêu', 'Thực hiện', 'Mục tiêu', 'Đánh giá', 'Chênh lệch'],
  en: ['Code', 'Rule', 'Actual', 'Target', 'Status', 'Gap'],
};

type ShownResult = RuleResult & { unitsLacking?: number };

function gapText(rule: Rule, result: ShownResult, lang: Lang): string {
  const gap = describeGap(rule, result, lang);
  if (!result.unitsLacking) return gap;
  const n = result.unitsLacking;
  const lacking =
    lang === 'vi' ? `thiếu số liệu của ${n} đơn vị` : `${n} unit${n === 1 ? '' : 's'} left out`;
  return gap ? `${gap} (${lacking})` : `(${lacking})`;
}

/** The consolidated result of every rule: code, short name, value, target, status, gap. */
export function consolidatedTable(evaluation: Evaluation, lang: Lang): string {
  return resultsTable(evaluation, evaluation.consolidated, lang);
}

/** One unit's results against its own targets (SPEC §9: one unit is not a province). */
export function unitTable(evaluation: Evaluation, unit: UnitResults, lang: Lang): string {
  return resultsTable(evaluation, unit.results, lang);
}

function resultsTable(evaluation: Evaluation, results: ShownResult[], lang: Lang): string {
  const catalogue = evaluation.catalogue ?? loadCatalogue();
  const rules = new Map(catalogue.rules.map((rule) => [rule.code, rule]));
  const rows: string[][] = [];
  for (const result of results) {
    const rule = rules.get(result.code);
    if (!rule) continue;
    rows.push([
      result.code,
      rule.numerator[lang],
      describeValue(rule, result, lang),
      formatTarget(result.comparator, result.target, rule.kind, lang),
      STATUS_INFO[result.status].label[lang],
      gapText(rule, result, lang),
    ]);
  }
  const [code, name, value, target, status, gap] = HEADERS[lang];
  return renderTable(
    [
      { header: code },
      { header: name, maxWidth: 34 },
      { header: value, align: 'right' },
      { header: target },
      { header: status },
      { header: gap },
    ],
    rows,
  );
}
