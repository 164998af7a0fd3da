/** What the command line says, in Vietnamese and English. */
import type { Lang, Localized } from '../catalogue/types';

export type CommandName = 'evaluate' | 'template' | 'demo' | 'plan';

const USAGE_LINES: Record<Lang, string[]> = {
  vi: [
    'Cách dùng:',
    '  union-targets evaluate <tệp.xlsx>... [--plan TỆP] [--out THƯ_MỤC] [--json TỆP|-] [--summary TỆP] [--lang vi|en]',
    '  union-targets template [--plan TỆP] [--out TỆP] [--units "Đơn vị A;Đơn vị B"] [--lang vi|en]',
    '  union-targets plan export [--out TỆP] [--lang vi|en]',
    '  union-targets demo [--out THƯ_MỤC] [--lang vi|en]',
    '  union-targets --help [evaluate|template|plan|demo]',
  ],
  en: [
    'Usage:',
    '  union-targets evaluate <file.xlsx>... [--plan FILE] [--out DIR] [--json FILE|-] [--summary FILE] [--lang vi|en]',
    '  union-targets template [--plan FILE] [--out FILE] [--units "Unit A;Unit B"] [--lang vi|en]',
    '  union-targets plan export [--out FILE] [--lang vi|en]',
    '  union-targets demo [--out DIR] [--lang vi|en]',
    '  union-targets --help [evaluate|template|plan|demo]',
  ],
};

const HELP: Record<CommandName | 'general', Localized> = {
  general: {
    vi: [
      'Đánh giá các chỉ tiêu phấn đấu năm 2020 từ mẫu báo cáo Excel.',
      '',
      '  evaluate   đánh giá các tệp báo cáo; ghi <tên>.evaluated.xlsx có kết quả và trang "Tổng hợp"',
      '  template   ghi mẫu báo cáo trống (26 chỉ tiêu), mỗi đơn vị một trang',
      '  plan export  ghi bộ chỉ tiêu năm 2020 thành trang "Bộ chỉ tiêu" để sửa cho năm khác',
      '  demo       ví dụ trọn vẹn: mẫu → số liệu một tỉnh mẫu → đánh giá → tổng hợp',
      '',
      'Mã thoát: 0 khi chạy xong (dù kết quả thế nào), 1 khi không đọc hoặc không ghi được tệp,',
      'hoặc tệp không có trang báo cáo nào; 2 khi lệnh viết sai.',
    ].join('\n'),
    en: [
      'Evaluates the 2020 union targets from the standard Excel reporting template.',
      '',
      '  evaluate   evaluates report files; writes <name>.evaluated.xlsx with results and a summary',
      '  template   writes the blank reporting template (26 rules), one sheet per unit',
      '  plan export  writes the 2020 plan as a "Bộ chỉ tiêu" sheet to edit for another year',
      '  demo       the whole tour: template → a sample province → evaluation → summary',
      '',
      'Exit codes: 0 when it ran (whatever the results), 1 when a file cannot be read or written,',
      'or holds no report sheet; 2 when the command line is wrong.',
    ].join('\n'),
  },
  evaluate: {
    vi: [
      'union-targets evaluate <tệp.xlsx>... [tùy chọn]',
      '',
      'Đọc mọi trang báo cáo của các tệp (mỗi trang là một đơn vị), đánh giá 26 chỉ tiêu và ghi',
      '<tên>.evaluated.xlsx: cột Tỷ lệ, Chênh lệch, Đánh giá có màu theo kết quả, và trang "Tổng hợp".',
      'Tệp đầu vào không bao giờ bị sửa.',
      '',
      '  --out THƯ_MỤC    nơi ghi các tệp .evaluated.xlsx (mặc định: cạnh tệp đầu vào)',
      '  --json TỆP|-     ghi kết quả dạng JSON vào TỆP, hoặc ra màn hình với "-"',
      '  --summary TỆP    ghi một bảng tổng hợp chung cho mọi đơn vị của mọi tệp',
      '  --plan TỆP       đánh giá theo trang "Bộ chỉ tiêu" của TỆP (mặc định: bộ chỉ tiêu trong tệp',
      '                   đầu vào, nếu có, hoặc bộ chỉ tiêu năm 2020)',
      '  --lang vi|en     ngôn ngữ của thông báo và của kết quả ghi vào bảng tính (mặc định vi)',
    ].join('\n'),
    en: [
      'union-targets evaluate <file.xlsx>... [options]',
      '',
      'Reads every report sheet of the files (each sheet is a unit), evaluates the 26 rules and writes',
      '<name>.evaluated.xlsx: the Rate, Gap and Status columns coloured by result, and a summary sheet.',
      'Input files are never changed.',
      '',
      '  --out DIR        where to write the .evaluated.xlsx files (default: beside each input)',
      '  --json FILE|-    write the results as JSON to FILE, or to standard output with "-"',
      '  --summary FILE   write one consolidated summary workbook for all units of all files',
      '  --plan FILE      evaluate against the "Bộ chỉ tiêu" plan sheet of FILE (default: a plan sheet',
      '                   in an input file, if any, else the built-in 2020 plan)',
      '  --lang vi|en     language of messages and of what is written into workbooks (default vi)',
    ].join('\n'),
  },
  template: {
    vi: [
      'union-targets template [--out TỆP] [--units "A;B;C"]',
      '',
      'Ghi mẫu báo cáo trống: khối tiêu đề, dòng tiêu đề cột, 26 chỉ tiêu với nội dung, ĐVT và chỉ tiêu',
      'của tỉnh. Với --units, mỗi đơn vị một trang mang tên đơn vị.',
      '',
      '  --out TỆP        tệp ghi ra (mặc định: mau-bao-cao-2020.xlsx); không ghi đè tệp đã có số liệu',
      '  --units "A;B"    tên các đơn vị, cách nhau bằng dấu ;',
      '  --plan TỆP       mẫu theo trang "Bộ chỉ tiêu" của TỆP (chỉ tiêu, mục, nội dung, ĐVT, năm)',
    ].join('\n'),
    en: [
      'union-targets template [--out FILE] [--units "A;B;C"]',
      '',
      'Writes the blank reporting template: title block, header, the 26 rules with their wording, unit',
      'and the provincial targets. With --units, one sheet per unit, named after it.',
      '',
      '  --out FILE       file to write (default: mau-bao-cao-2020.xlsx); a file holding data is never overwritten',
      '  --units "A;B"    unit names separated by ;',
      '  --plan FILE      the template of the "Bộ chỉ tiêu" plan sheet of FILE (rules, sections, year)',
    ].join('\n'),
  },
  plan: {
    vi: [
      'union-targets plan export [--out TỆP]',
      '',
      'Ghi bộ chỉ tiêu năm 2020 thành trang "Bộ chỉ tiêu": mỗi dòng một chỉ tiêu (Mã, Nội dung, Loại,',
      'Mục tiêu, ĐVT, Thực hiện là, Tổng số là). Sửa năm và các chỉ tiêu cho năm khác rồi dùng',
      '--plan TỆP khi đánh giá, hoặc chép trang vào sổ tính báo cáo.',
      '',
      '  --out TỆP        tệp ghi ra (mặc định: bo-chi-tieu-2020.xlsx); không ghi đè bộ chỉ tiêu đã sửa',
    ].join('\n'),
    en: [
      'union-targets plan export [--out FILE]',
      '',
      'Writes the 2020 plan as a "Bộ chỉ tiêu" sheet, one target a row (code, wording, kind, target,',
      'unit, what Thực hiện and Tổng số count). Edit the year and the targets for another year, then',
      'evaluate with --plan FILE, or copy the sheet into the report workbook.',
      '',
      '  --out FILE       file to write (default: bo-chi-tieu-2020.xlsx); an edited plan is never overwritten',
    ].join('\n'),
  },
  demo: {
    vi: [
      'union-targets demo [--out THƯ_MỤC]',
      '',
      'Ghi mẫu báo cáo, điền số liệu mẫu của bốn đơn vị một tỉnh, đánh giá, lập bảng tổng hợp và in',
      'kết quả toàn tỉnh. Mọi tệp nằm trong THƯ_MỤC (mặc định: demo-output).',
    ].join('\n'),
    en: [
      'union-targets demo [--out DIR]',
      '',
      'Writes the template, fills in sample figures of four units of a province, evaluates them, makes',
      'the summary and prints the provincial results. All files go to DIR (default: demo-output).',
    ].join('\n'),
  },
};

export function usageText(lang: Lang): string {
  return USAGE_LINES[lang].join('\n');
}

export function helpText(lang: Lang, topic?: CommandName): string {
  const body = HELP[topic ?? 'general'][lang];
  return topic ? `${body}\n` : `${usageText(lang)}\n\n${body}\n`;
}

/** Words the printed reports use. */
export const CLI_TEXT = {
  usageError: { vi: 'Lỗi cú pháp', en: 'Usage error' },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Lưu ý', en: 'Note' },
  written: { vi: 'Đã ghi', en: 'Written' },
  province: { vi: 'Kết quả toàn tỉnh', en: 'Provincial results' },
  template: { vi: 'Mẫu báo cáo', en: 'Template' },
  unitFiles: { vi: 'Báo cáo mẫu của các đơn vị', en: 'Sample unit reports' },
  evaluated: { vi: 'Kết quả từng đơn vị', en: 'Evaluated unit reports' },
  summary: { vi: 'Bảng tổng hợp', en: 'Summary workbook' },
  json: { vi: 'Kết quả JSON', en: 'JSON results' },
  moreIssues: { vi: 'vấn đề khác, xem bảng tổng hợp', en: 'more, see the summary sheet' },
  unexpected: {
    vi: 'Đã xảy ra lỗi không mong đợi; không tệp đầu vào nào bị sửa.',
    en: 'An unexpected error occurred; no input file was changed.',
  },
} satisfies Record<string, Localized>;
