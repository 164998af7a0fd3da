import type { Lang, RuleKind } from '../catalogue/types';

/**
 * The columns of a plan sheet "Bộ chỉ tiêu" (SPEC §8) and the labels each accepts, matched as
 * report headers are (case, accents, spaces and a trailing ":" ignored). The first label of each
 * language is the one the product writes. Shared by the plan sheet's writer and its reader, so a
 * sheet the product writes is always one it reads.
 */
export type PlanColumnKey =
  | 'stt'
  | 'code'
  | 'wording'
  | 'kind'
  | 'target'
  | 'unit'
  | 'numerator'
  | 'denominator'
  | 'english'
  | 'review';

export const PLAN_COLUMN_LABELS: Record<PlanColumnKey, { vi: string[]; en: string[] }> = {
  stt: { vi: ['STT', 'TT', 'Số TT', 'Số thứ tự'], en: ['No.'] },
  code: { vi: ['Mã chỉ tiêu', 'Mã', 'Mã số'], en: ['Code'] },
  wording: { vi: ['Nội dung chỉ tiêu', 'Nội dung', 'Chỉ tiêu phấn đấu'], en: ['Description'] },
  kind: { vi: ['Loại', 'Loại chỉ tiêu'], en: ['Kind'] },
  target: { vi: ['Mục tiêu', 'Mức phấn đấu', 'Chỉ tiêu năm'], en: ['Target'] },
  unit: { vi: ['ĐVT', 'Đơn vị tính'], en: ['Unit'] },
  numerator: { vi: ['Thực hiện là'], en: ['Actual is'] },
  denominator: { vi: ['Tổng số là'], en: ['Total is'] },
  english: { vi: ['English', 'Nội dung (English)'], en: ['Description (English)'] },
  review: { vi: ['Cần xem lại'], en: ['To review'] },
};

/** "Chỉ tiêu 6 tháng" / "Target 6 months": the label of a period target column. */
export function periodColumnLabel(months: number, lang: Lang): string {
  return lang === 'vi' ? `Chỉ tiêu ${months} tháng` : `Target ${months} months`;
}

/** The months of a period column label, folded ("chi tieu 6 thang"), or null. */
export function periodColumnMonths(foldedLabel: string): number | null {
  const m = /^(?:chi tieu|muc tieu|target)\s*(\d{1,2})\s*(?:thang|months?)$/.exec(foldedLabel);
  if (!m) return null;
  const months = Number(m[1]);
  return months >= 1 && months <= 11 ? months : null;
}

/** What the Loại column says for each kind; the first of each language is written. */
export const KIND_LABELS: Record<RuleKind, { vi: string[]; en: string[] }> = {
  count: { vi: ['Số lượng', 'Số', 'Đếm'], en: ['Count'] },
  ratio: { vi: ['Tỷ lệ', 'Tỉ lệ', 'Tỷ lệ %', 'Tỉ lệ %'], en: ['Ratio', 'Rate'] },
  plan: { vi: ['Dự toán', 'Kinh phí', 'Dự toán / Kinh phí'], en: ['Budget', 'Plan'] },
  average: { vi: ['Bình quân', 'Trung bình'], en: ['Average'] },
};
