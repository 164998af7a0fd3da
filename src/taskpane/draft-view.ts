/** The draft's rows as the pane shows them: code, kind, target as typed, ĐVT, review reason. */
import type { Lang } from '../catalogue/types';
import type { DraftPlan } from '../drafting/draft';
import { KIND_LABELS } from '../template/plan-sheet-columns';
import { planTargetText } from '../template/plan-sheet';

export interface DraftRowView {
  code: string;
  kind: string;
  target: string;
  unit: string | null;
  wording: string;
  review: string | null;
}

export function draftRowsView(plan: DraftPlan, lang: Lang): DraftRowView[] {
  return plan.rules.map((rule) => ({
    code: rule.code,
    kind: KIND_LABELS[rule.kind][lang][0],
    target:
      rule.kind === 'count' && rule.comparator === '<=' && rule.target === '0'
        ? lang === 'vi'
          ? 'không để xảy ra'
          : 'none (≤ 0)'
        : planTargetText(rule.comparator, rule.target, rule.kind, lang),
    unit: rule.kind === 'ratio' ? null : rule.unit,
    wording: rule.wording,
    review: rule.review,
  }));
}
