import type { Lang } from '../catalogue/types';

/** Every text the pane and the ribbon's result dialog show, in Vietnamese and English. */
export interface PaneStrings {
  appTitle: string;
  yearSubtitle: (year: number) => string;
  languageSwitch: string;
  languageSwitchAria: string;
  evaluate: string;
  evaluateHint: string;
  summarize: string;
  summarizeHint: string;
  clear: string;
  clearHint: string;
  insertTemplate: string;
  insertTemplateHint: string;
  actionsAria: string;
  liveMode: string;
  liveModeHint: string;
  progress: Record<'reading' | 'evaluating' | 'writing' | 'summary' | 'done', string>;
  working: string;
  countsHeading: string;
  filterAria: string;
  filterAll: string;
  filterNotMet: string;
  filterErrors: string;
  unitHeading: (unit: string, sheet: string) => string;
  sectionHeading: (id: string, title: string) => string;
  actual: string;
  target: string;
  targetOwn: string;
  goToCell: (sheet: string, cell: string) => string;
  cellLabel: (cell: string) => string;
  issuesHeading: string;
  issueSeverity: Record<'error' | 'warning' | 'info', string>;
  nothingToShow: string;
  intro: string;
  evaluated: (units: number, rules: number) => string;
  summaryWritten: (sheet: string) => string;
  cleared: string;
  templateInserted: (sheet: string) => string;
  unexpectedError: string;
  dismiss: string;
  dialogTitle: Record<'evaluate' | 'summarize', string>;
  dialogClose: string;
  dialogMetLine: (met: number, notMet: number, total: number) => string;
  dialogErrorTitle: string;
  moreActions: string;
  notMetTile: string;
  filterNotes: string;
  /** The counts' heading: when, how many units and chỉ tiêu (one rule of one unit each). */
  countsSummary: (time: string, units: number, targets: number) => string;
  /** What the live region says while an action runs. */
  busyAnnouncement: Record<'evaluate' | 'summarize' | 'clear' | 'insertTemplate', string>;
  /** The outcome in one sentence: "Đã đánh giá 2 đơn vị: 37 đạt, 6 gần đạt…". */
  outcomeSentence: (
    units: number,
    counts: { status: string; count: number }[],
    again: boolean,
  ) => string;
  /** Template problems beside the results: "Mẫu báo cáo: 1 lỗi, 2 lưu ý." */
  templateProblems: (errors: number, notes: number) => string;
}

const vi: PaneStrings = {
  appTitle: 'Chỉ tiêu Công đoàn',
  yearSubtitle: (year) => `Chỉ tiêu phấn đấu năm ${year}`,
  languageSwitch: 'English',
  languageSwitchAria: 'Hiển thị bằng tiếng Anh',
  evaluate: 'Đánh giá',
  evaluateHint: 'Đánh giá mọi trang tính báo cáo và tô màu kết quả',
  summarize: 'Tạo bảng tổng hợp',
  summarizeHint: 'Đánh giá và lập trang Tổng hợp của tất cả đơn vị',
  clear: 'Xóa kết quả',
  clearHint: 'Xóa Tỷ lệ, Chênh lệch, Đánh giá, màu tô và trang Tổng hợp',
  insertTemplate: 'Chèn mẫu báo cáo',
  insertTemplateHint: 'Thêm một trang tính mẫu báo cáo trống vào sổ làm việc',
  actionsAria: 'Thao tác',
  liveMode: 'Tự động đánh giá lại khi sửa số liệu',
  liveModeHint: 'Mỗi khi số liệu trên trang tính báo cáo thay đổi, kết quả được đánh giá lại.',
  progress: {
    reading: 'Đang đọc các trang tính báo cáo…',
    evaluating: 'Đang đánh giá các chỉ tiêu…',
    writing: 'Đang ghi kết quả vào sổ làm việc…',
    summary: 'Đang lập trang Tổng hợp…',
    done: 'Xong',
  },
  working: 'Đang xử lý…',
  countsHeading: 'Kết quả',
  filterAria: 'Lọc kết quả',
  filterAll: 'Tất cả',
  filterNotMet: 'Chưa đạt',
  filterErrors: 'Lỗi',
  unitHeading: (unit, sheet) => (unit === sheet ? unit : `${unit} (trang ${sheet})`),
  sectionHeading: (id, title) => `${id}. ${title}`,
  actual: 'Thực hiện',
  target: 'Chỉ tiêu',
  targetOwn: 'chỉ tiêu riêng của đơn vị',
  goToCell: (sheet, cell) => `Đi tới ô ${cell} của trang ${sheet}`,
  cellLabel: (cell) => `Ô ${cell}`,
  issuesHeading: 'Lỗi và lưu ý về mẫu báo cáo',
  issueSeverity: { error: 'Lỗi', warning: 'Lưu ý', info: 'Thông tin' },
  nothingToShow: 'Không có chỉ tiêu nào trong mục này.',
  intro:
    'Mở sổ làm việc có trang tính báo cáo theo mẫu rồi bấm Đánh giá. Chưa có mẫu? Bấm Chèn mẫu báo cáo.',
  evaluated: (units, rules) => `Đã đánh giá ${units} đơn vị, ${rules} chỉ tiêu.`,
  summaryWritten: (sheet) => `Đã lập trang "${sheet}".`,
  cleared: 'Đã xóa kết quả đánh giá và trang Tổng hợp.',
  templateInserted: (sheet) => `Đã thêm trang mẫu "${sheet}". Nhập số liệu rồi bấm Đánh giá.`,
  unexpectedError:
    'Đã có lỗi ngoài dự kiến. Hãy thử lại; nếu vẫn lỗi, hãy lưu sổ làm việc, đóng và mở lại Excel.',
  dismiss: 'Đóng thông báo',
  dialogTitle: { evaluate: 'Kết quả đánh giá', summarize: 'Bảng tổng hợp' },
  dialogClose: 'Đóng',
  dialogMetLine: (met, notMet, total) =>
    `${met}/${total} chỉ tiêu đạt, ${notMet} chỉ tiêu chưa đạt.`,
  dialogErrorTitle: 'Không thực hiện được',
  moreActions: 'Thao tác khác',
  notMetTile: 'Chưa đạt',
  filterNotes: 'Lưu ý',
  countsSummary: (time, units, targets) =>
    `Đánh giá lúc ${time}: ${units} đơn vị, ${targets} chỉ tiêu`,
  busyAnnouncement: {
    evaluate: 'Đang đánh giá các trang tính báo cáo…',
    summarize: 'Đang đánh giá và lập trang Tổng hợp…',
    clear: 'Đang xóa kết quả…',
    insertTemplate: 'Đang chèn mẫu báo cáo…',
  },
  outcomeSentence: (units, counts, again) =>
    `${again ? 'Đã đánh giá lại' : 'Đã đánh giá'} ${units} đơn vị: ${counts
      .map((c) => `${c.count} ${c.status.toLocaleLowerCase('vi')}`)
      .join(', ')}.`,
  templateProblems: (errors, notes) =>
    `Mẫu báo cáo: ${[errors > 0 && `${errors} lỗi`, notes > 0 && `${notes} lưu ý`].filter(Boolean).join(', ')}.`,
};

const en: PaneStrings = {
  appTitle: 'Union Targets',
  yearSubtitle: (year) => `The ${year} targets`,
  languageSwitch: 'Tiếng Việt',
  languageSwitchAria: 'Show in Vietnamese',
  evaluate: 'Evaluate',
  evaluateHint: 'Evaluate every report sheet and colour the results',
  summarize: 'Build summary',
  summarizeHint: 'Evaluate and build the Summary sheet of all units',
  clear: 'Clear results',
  clearHint: 'Remove rate, gap, status, their colours and the Summary sheet',
  insertTemplate: 'Insert report template',
  insertTemplateHint: 'Add a blank report template sheet to the workbook',
  actionsAria: 'Actions',
  liveMode: 'Re-evaluate automatically when figures change',
  liveModeHint: 'Whenever a figure on a report sheet changes, the results are evaluated again.',
  progress: {
    reading: 'Reading the report sheets…',
    evaluating: 'Evaluating the targets…',
    writing: 'Writing the results to the workbook…',
    summary: 'Building the Summary sheet…',
    done: 'Done',
  },
  working: 'Working…',
  countsHeading: 'Results',
  filterAria: 'Filter results',
  filterAll: 'All',
  filterNotMet: 'Not met',
  filterErrors: 'Errors',
  unitHeading: (unit, sheet) => (unit === sheet ? unit : `${unit} (sheet ${sheet})`),
  sectionHeading: (id, title) => `${id}. ${title}`,
  actual: 'Actual',
  target: 'Target',
  targetOwn: "the unit's own target",
  goToCell: (sheet, cell) => `Go to cell ${cell} of sheet ${sheet}`,
  cellLabel: (cell) => `Cell ${cell}`,
  issuesHeading: 'Template errors and notes',
  issueSeverity: { error: 'Error', warning: 'Note', info: 'Info' },
  nothingToShow: 'No target in this view.',
  intro:
    'Open a workbook with report sheets in the standard template and click Evaluate. No template yet? Click Insert report template.',
  evaluated: (units, rules) =>
    `Evaluated ${units} ${units === 1 ? 'unit' : 'units'}, ${rules} targets.`,
  summaryWritten: (sheet) => `Built the sheet "${sheet}".`,
  cleared: 'Cleared the results and the Summary sheet.',
  templateInserted: (sheet) =>
    `Added the template sheet "${sheet}". Fill in the figures, then click Evaluate.`,
  unexpectedError:
    'Something unexpected went wrong. Try again; if it persists, save the workbook, close and reopen Excel.',
  dismiss: 'Dismiss the message',
  dialogTitle: { evaluate: 'Evaluation', summarize: 'Summary' },
  dialogClose: 'Close',
  dialogMetLine: (met, notMet, total) => `${met} of ${total} targets met, ${notMet} not met.`,
  dialogErrorTitle: 'Could not finish',
  moreActions: 'More actions',
  notMetTile: 'Not met',
  filterNotes: 'Notes',
  countsSummary: (time, units, targets) =>
    `Evaluated at ${time}: ${units} ${units === 1 ? 'unit' : 'units'}, ${targets} targets`,
  busyAnnouncement: {
    evaluate: 'Evaluating the report sheets…',
    summarize: 'Evaluating and building the Summary sheet…',
    clear: 'Clearing the results…',
    insertTemplate: 'Inserting the report template…',
  },
  outcomeSentence: (units, counts, again) =>
    `${again ? 'Evaluated again' : 'Evaluated'} ${units} ${units === 1 ? 'unit' : 'units'}: ${counts
      .map((c) => `${c.count} ${c.status.toLocaleLowerCase('en')}`)
      .join(', ')}.`,
  templateProblems: (errors, notes) =>
    `Template: ${[errors > 0 && `${errors} ${errors === 1 ? 'error' : 'errors'}`, notes > 0 && `${notes} ${notes === 1 ? 'note' : 'notes'}`].filter(Boolean).join(', ')}.`,
};

export const STRINGS: Record<Lang, PaneStrings> = { vi, en };

/** Vietnamese unless Office's display language is another one ("vi-VN" → vi, "en-US" → en). */
export function languageFromDisplayLanguage(displayLanguage: string | undefined): Lang {
  return !displayLanguage || displayLanguage.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
