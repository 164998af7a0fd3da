import type { Catalogue, Lang } from '../catalogue/types';

/** The pane's words about the plan in use and the plan sheet (SPEC §8), in both languages. */
export interface PlanStrings {
  insertPlan: string;
  insertPlanHint: string;
  planInserted: (sheet: string) => string;
  planInUse: (catalogue: Catalogue) => string;
}

function yearOf(catalogue: Catalogue, lang: Lang): string {
  if (catalogue.year !== 0) return lang === 'vi' ? `năm ${catalogue.year}` : `${catalogue.year}`;
  return lang === 'vi' ? 'không ghi năm' : 'no year given';
}

export const PLAN_STRINGS: Record<Lang, PlanStrings> = {
  vi: {
    insertPlan: 'Chèn bộ chỉ tiêu',
    insertPlanHint:
      'Thêm trang tính "Bộ chỉ tiêu" chứa các chỉ tiêu năm 2020 để sửa thành chỉ tiêu năm khác',
    planInserted: (sheet) =>
      `Đã thêm trang "${sheet}". Sửa năm và các chỉ tiêu; Đánh giá và Chèn mẫu báo cáo sẽ theo trang này.`,
    planInUse: (c) =>
      !c.source || c.source.kind === 'builtin'
        ? `Bộ chỉ tiêu: ${yearOf(c, 'vi')} (có sẵn)`
        : `Bộ chỉ tiêu: ${yearOf(c, 'vi')}, theo trang "${c.source.sheet}"`,
  },
  en: {
    insertPlan: 'Insert plan sheet',
    insertPlanHint: 'Add a "Bộ chỉ tiêu" sheet holding the 2020 targets, to edit for another year',
    planInserted: (sheet) =>
      `Added the sheet "${sheet}". Edit the year and the targets; Evaluate and Insert report template follow it.`,
    planInUse: (c) =>
      !c.source || c.source.kind === 'builtin'
        ? `Plan: ${yearOf(c, 'en')} (built in)`
        : `Plan: ${yearOf(c, 'en')}, from the sheet "${c.source.sheet}"`,
  },
};
