/** The words of the pane's "từ văn bản" (draft the plan from the federation's document, §13). */
import type { Lang } from '../catalogue/types';

export interface DraftStrings {
  open: string;
  openHint: string;
  close: string;
  textLabel: string;
  textHint: string;
  draft: string;
  insert: string;
  noTarget: string;
  summary: (year: number | null, rules: number, marked: number) => string;
  reviewBadge: string;
  sure: string;
  listAria: string;
  inserted: (sheet: string) => string;
  skipped: (code: string) => string;
}

export const DRAFT_STRINGS: Record<Lang, DraftStrings> = {
  vi: {
    open: 'Bộ chỉ tiêu từ văn bản',
    openHint:
      'Dán văn bản "Các chỉ tiêu phấn đấu" của Liên đoàn; add-in đề xuất trang "Bộ chỉ tiêu", mỗi chỉ tiêu một dòng, để bạn xem lại.',
    close: 'Đóng',
    textLabel: 'Văn bản chỉ tiêu',
    textHint: 'Dán toàn văn: đề mục "I.", "II", các mục "1.", "2." và các ý "- ".',
    draft: 'Lập bản nháp',
    insert: 'Chèn trang bản nháp',
    noTarget:
      'Không tìm thấy chỉ tiêu nào: văn bản cần các đề mục "I.", "II." và các mục đánh số có con số chỉ tiêu (như "110 đoàn viên trở lên", "90% CĐCS").',
    summary: (year, rules, marked) =>
      `${year === null ? 'Không rõ năm' : `Năm ${year}`}: ${rules} chỉ tiêu, ${marked} dòng cần xem lại.`,
    reviewBadge: 'Cần xem lại',
    sure: 'Đọc được chắc chắn',
    listAria: 'Các chỉ tiêu của bản nháp',
    inserted: (sheet) =>
      `Đã chèn trang "${sheet}". Hãy xem lại từng dòng, nhất là các ô tô vàng ở cột "Cần xem lại", rồi đổi tên trang thành "Bộ chỉ tiêu".`,
    skipped: (code) => `Mục ${code} không có chỉ tiêu đo được, không thành dòng nào.`,
  },
  en: {
    open: 'Plan from text',
    openHint:
      "Paste the federation's targets document; the add-in proposes a plan sheet, one target per row, for you to review.",
    close: 'Close',
    textLabel: 'Targets document',
    textHint: 'Paste the whole text: headings "I.", "II", items "1.", "2." and points "- ".',
    draft: 'Make the draft',
    insert: 'Insert the draft sheet',
    noTarget:
      'No target found: the text needs headings "I.", "II." and numbered items holding target figures (such as "110 đoàn viên trở lên", "90% CĐCS").',
    summary: (year, rules, marked) =>
      `${year === null ? 'Year unknown' : `Year ${year}`}: ${rules} targets, ${marked} rows to review.`,
    reviewBadge: 'To review',
    sure: 'Read with confidence',
    listAria: 'Targets of the draft',
    inserted: (sheet) =>
      `Sheet "${sheet}" inserted. Review each row, above all the yellow cells of "To review", then rename the sheet "Bộ chỉ tiêu".`,
    skipped: (code) => `Item ${code} holds no measurable target and gave no row.`,
  },
};
