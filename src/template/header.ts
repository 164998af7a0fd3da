import type { ColumnKey } from './types';

/**
 * Header labels of the reporting template (SPEC §3), matched whole, ignoring case, diacritics,
 * spacing and a trailing ":". The English labels are those of the template inserted in English.
 */
const COLUMN_LABELS: Record<ColumnKey, readonly string[]> = {
  stt: ['STT', 'TT', 'Số TT', 'Số thứ tự', 'No.'],
  code: ['Mã chỉ tiêu', 'Mã', 'Mã số', 'Code'],
  content: ['Nội dung chỉ tiêu', 'Nội dung', 'Chỉ tiêu phấn đấu', 'Description'],
  unit: ['Đơn vị tính', 'ĐVT', 'Unit'],
  target: ['Chỉ tiêu', 'Chỉ tiêu giao', 'Kế hoạch', 'Target'],
  actual: ['Thực hiện', 'Kết quả thực hiện', 'Số thực hiện', 'Tử số', 'Actual'],
  denominator: ['Tổng số', 'Mẫu số', 'Tổng số (mẫu số)', 'Dự toán', 'Total'],
  rate: ['Tỷ lệ', 'Tỷ lệ %', 'Tỷ lệ (%)', 'Tỷ lệ đạt', 'Tỉ lệ', 'Tỉ lệ %', 'Tỉ lệ (%)', 'Rate'],
  gap: ['Chênh lệch', 'So với chỉ tiêu', 'Gap'],
  status: ['Đánh giá', 'Kết quả đánh giá', 'Status'],
  note: ['Ghi chú', 'Note'],
};

/** The label written when evaluation adds a missing output column. */
export const OUTPUT_COLUMN_LABELS: Record<'rate' | 'gap' | 'status', { vi: string; en: string }> = {
  rate: { vi: 'Tỷ lệ', en: 'Rate' },
  gap: { vi: 'Chênh lệch', en: 'Gap' },
  status: { vi: 'Đánh giá', en: 'Status' },
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const WHITESPACE = /\s+/g;
const D_STROKE = /[đĐ]/g;

/**
 * Text folded for comparison: compatibility-decomposed (full-width forms, NBSP), without
 * diacritics, đ → d, lower case, runs of spaces and line breaks as one space, trimmed.
 * NFC and NFD spellings of the same word fold to the same text.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(INVISIBLE, '')
    .replace(D_STROKE, 'd')
    .toLowerCase()
    .replace(WHITESPACE, ' ')
    .trim();
}

const TRAILING_COLON = /\s*:$/;

/** A header label folded for lookup: as foldText, without a trailing ":" and without spaces. */
function labelKey(text: string): string {
  return foldText(text).replace(TRAILING_COLON, '').replace(WHITESPACE, '');
}

const LABEL_INDEX: ReadonlyMap<string, ColumnKey> = (() => {
  const index = new Map<string, ColumnKey>();
  for (const [column, labels] of Object.entries(COLUMN_LABELS) as [ColumnKey, string[]][]) {
    for (const label of labels) index.set(labelKey(label), column);
  }
  return index;
})();

/** Longest accepted label, folded; longer cell texts cannot be labels and are not folded. */
const MAX_LABEL_LENGTH = 60;

/** Header texts repeat from sheet to sheet: remember the answers (bounded). */
const matched = new Map<string, ColumnKey | null>();
const MAX_REMEMBERED = 5000;

/** The column a header cell names, or null when the text is not a recognised label. */
export function matchColumnLabel(text: string): ColumnKey | null {
  if (text.length > MAX_LABEL_LENGTH) return null;
  let key = matched.get(text);
  if (key === undefined) {
    key = LABEL_INDEX.get(labelKey(text)) ?? null;
    if (matched.size >= MAX_REMEMBERED) matched.clear();
    matched.set(text, key);
  }
  return key;
}

/** Whether a header cell's text is an accepted label of the given column. */
export function isLabelOf(text: string, column: ColumnKey): boolean {
  return matchColumnLabel(text) === column;
}
