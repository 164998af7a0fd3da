/**
 * The draft plan as a plan sheet's rows (SPEC §8 columns plus "Cần xem lại"), written through the
 * plan sheet writer like any plan, so that once reviewed and saved it reads back as the plan.
 */
import type { Lang } from '../catalogue/types';
import { foldVietnamese } from '../parsing/fold';
import { planTargetText, type PlanSheetInput, type PlanSheetRow } from '../template/plan-sheet';
import type { DraftPlan, DraftRule } from './draft';
import { UNITS } from './vocabulary';

export const DRAFT_SHEET_NAME: Record<Lang, string> = {
  vi: 'Bộ chỉ tiêu (bản nháp)',
  en: 'Plan (draft)',
};

/**
 * ĐVT as the plan sheet means it: what one unit of Thực hiện is. For a count or an average the
 * counted noun; for a ratio the noun its Tổng số counts ("CĐCS"), when the draft knows it.
 */
function countedUnit(rule: DraftRule): string | null {
  if (rule.kind === 'count' || rule.kind === 'average') return rule.unit;
  if (rule.kind === 'plan') return 'đồng';
  const folded = foldVietnamese(rule.denominator ?? '');
  const noun = UNITS.find(
    ({ folded: w }) => folded.startsWith(w) && !/[a-z0-9]/.test(folded.charAt(w.length)),
  );
  return noun ? noun.unit : null;
}

function row(rule: DraftRule, lang: Lang): PlanSheetRow {
  return {
    code: rule.code,
    section: rule.section,
    wording: rule.wording,
    kind: rule.kind,
    target:
      rule.kind === 'count' && rule.comparator === '<=' && rule.target === '0'
        ? 'không để xảy ra'
        : planTargetText(rule.comparator, rule.target, rule.kind, lang),
    unit: countedUnit(rule),
    numerator: rule.numerator,
    denominator: rule.kind === 'plan' ? (rule.denominator ?? 'dự toán') : rule.denominator,
    review: rule.review,
  };
}

/** The plan sheet writer's input for a draft: every rule a row, the review column on. */
export function draftToPlanSheetInput(plan: DraftPlan, lang: Lang = 'vi'): PlanSheetInput {
  return {
    year: plan.year,
    title: plan.year === null ? undefined : `CÁC CHỈ TIÊU PHẤN ĐẤU NĂM ${plan.year}`,
    lang,
    sheetName: DRAFT_SHEET_NAME[lang],
    sections: plan.sections,
    rows: plan.rules.map((r) => row(r, lang)),
    reviewColumn: true,
  };
}
