/**
 * The same unit twice (SPEC §9): two report sheets or files whose unit names fold to the same.
 * Identical figures: the later one is ignored, with a warning naming both. Different figures:
 * an error naming both, and neither is in the consolidation.
 */
import type { RuleResult } from '../engine/types';
import { unitKey } from './allocation';
import { makeIssue } from './issues';
import type { TemplateIssue, UnitResults } from './types';

export interface SameUnitResolution {
  /** The units that take part, in their order. */
  kept: UnitResults[];
  /** Later copies with identical figures. */
  ignored: UnitResults[];
  issues: TemplateIssue[];
}

export function resolveSameUnits(units: readonly UnitResults[]): SameUnitResolution {
  const first = new Map<string, UnitResults>();
  const kept: UnitResults[] = [];
  const ignored: UnitResults[] = [];
  const issues: TemplateIssue[] = [];
  for (const unit of units) {
    const key = unitKey(unit.report.unit);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, unit);
      kept.push(unit);
      continue;
    }
    const at = { sheet: unit.report.sheet, cell: null, file: unit.file };
    const [vi, en] = [upperFirst(describe(unit, 'vi')), upperFirst(describe(unit, 'en'))];
    const [earlierVi, earlierEn] = [describe(earlier, 'vi'), describe(earlier, 'en')];
    if (figures(unit) === figures(earlier)) {
      ignored.push(unit);
      issues.push(
        makeIssue('warning', 'same-unit-identical', at, {
          vi: `${vi} là báo cáo của đơn vị "${unit.report.unit}", đã có ở ${earlierVi} với số liệu giống hệt; bỏ qua bản sau khi tổng hợp.`,
          en: `${en} is the report of "${unit.report.unit}", already given by ${earlierEn} with identical figures; the later copy is ignored in the consolidation.`,
        }),
      );
      continue;
    }
    earlier.conflict = true;
    unit.conflict = true;
    kept.push(unit);
    issues.push(
      makeIssue('error', 'same-unit-different', at, {
        vi: `${vi} và ${earlierVi} đều là báo cáo của đơn vị "${unit.report.unit}" nhưng số liệu khác nhau; cả hai không được cộng vào kết quả tổng hợp. Hãy giữ lại một báo cáo đúng.`,
        en: `${en} and ${earlierEn} are both reports of "${unit.report.unit}" but their figures differ; neither is in the consolidated result. Keep the one that is right.`,
      }),
    );
  }
  return { kept, ignored, issues };
}

/** "trang 'Báo cáo' (tệp a.xlsx)", "sheet 'Báo cáo' (file a.xlsx)". */
function describe(unit: UnitResults, lang: 'vi' | 'en'): string {
  const file =
    unit.file === undefined ? '' : lang === 'vi' ? ` (tệp ${unit.file})` : ` (file ${unit.file})`;
  return lang === 'vi'
    ? `trang '${unit.report.sheet}'${file}`
    : `sheet '${unit.report.sheet}'${file}`;
}

/** What a unit reports, rule by rule: its inputs as the engine read them and the target in force. */
function figures(unit: UnitResults): string {
  const line = (r: RuleResult) =>
    [
      r.code,
      r.status,
      r.exact.actual?.toString() ?? '',
      r.exact.denominator?.toString() ?? '',
      r.exact.target.toString(),
      r.comparator,
      r.directRate ? 'rate' : '',
    ].join('|');
  return unit.results.map(line).sort().join('\n');
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
