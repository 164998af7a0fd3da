/**
 * *Tổng hợp từ tệp…* (SPEC §9): the units' .xlsx files, as they arrived by e-mail, copied into the
 * open workbook, report sheets only, with Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13,
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-insertworksheetsfrombase64-member(1)).
 *
 * Only report sheets (`sheetNamesToInsert`): other sheets may carry what the API brings in broken,
 * names that arrive as #REF! (OfficeDev/office-js#3583), table references and links between sheets
 * that turn into links to other workbooks on the web (office-js#5911, #2809).
 * One file per request: Excel on the web refuses a request over 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 * so a file too large alone is named and the others still come in. Each file is its own
 * Excel.run: one that fails is named with its reason while the others come in.
 */
import type { Localized } from '../../catalogue/types';
import { UserFacingError } from '../errors';
import { toUserFacingError } from './errors';
import { supportsExcelApi, SyncCounter } from './sync';
import { reportSheetsOfXlsx } from './xlsx-report-sheets';

export const INSERT_SHEETS_API = '1.13';
/** Excel on the web's request limit; the base64 text is most of the request. */
export const MAX_REQUEST_BYTES = 5_000_000;
/** Room in the request for the call around the file. */
const REQUEST_OVERHEAD = 2_000;
/** Excel's longest sheet name, and the characters a sheet name may not hold. */
const MAX_SHEET_NAME = 31;
const NOT_IN_SHEET_NAMES = /[\\/?*[\]:]/g;

export interface UnitFile {
  name: string;
  bytes: Uint8Array;
}

export interface FileOutcome {
  file: string;
  /** Names of the sheets copied in. */
  sheets: string[];
  /** Why the file did not come in; null when it did. */
  error: Localized | null;
}

export interface FileProgress {
  file: string;
  /** 0-based. */
  index: number;
  total: number;
  state: 'copying' | 'done' | 'failed';
}

export const CONSOLIDATE_UNAVAILABLE: Localized = {
  vi: 'Phiên bản Excel này chưa có chức năng chép trang tính từ tệp khác (cần ExcelApi 1.13: Microsoft 365 bản mới, hoặc Excel trên web). Hãy cập nhật Excel, hoặc chép các trang báo cáo vào sổ làm việc bằng tay (chuột phải vào thẻ trang › Di chuyển hoặc Sao chép) rồi bấm Đánh giá.',
  en: 'This version of Excel cannot copy worksheets from another file (it needs ExcelApi 1.13: a recent Microsoft 365, or Excel on the web). Update Excel, or copy the report sheets in by hand (right-click a sheet tab › Move or Copy), then click Evaluate.',
};

/** Whether the button can work in this Excel. */
export function canConsolidateFiles(): boolean {
  return supportsExcelApi(INSERT_SHEETS_API);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function megabytes(n: number): string {
  return (n / 1_000_000).toFixed(1).replace('.', ',');
}

/** A sheet name from the file's name, cut to Excel's 31 characters and distinct from `taken`. */
export function distinctSheetName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase()));
  const clean =
    base
      .replace(NOT_IN_SHEET_NAMES, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Báo cáo';
  const first = clean.slice(0, MAX_SHEET_NAME).trim();
  if (!used.has(first.toLocaleLowerCase())) return first;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length).trim() + suffix;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}

function fileBase(name: string): string {
  return name.replace(/\.xlsx$/i, '');
}

function failed(file: string, reason: Localized): FileOutcome {
  return {
    file,
    sheets: [],
    error: { vi: `Tệp "${file}": ${reason.vi}`, en: `"${file}": ${reason.en}` },
  };
}

/**
 * Copies the report sheets of each file into the open workbook, one file per request, naming
 * them after their file ("don-vi-01", "don-vi-01 - Báo cáo" for a file of several). Never throws
 * for one file: its outcome says why it did not come in.
 */
export async function copyReportSheetsInExcel(
  files: readonly UnitFile[],
  onProgress: (p: FileProgress) => void = () => undefined,
): Promise<FileOutcome[]> {
  if (typeof Excel === 'undefined') {
    throw new UserFacingError({
      vi: 'Chức năng này chỉ chạy khi add-in được mở trong Excel.',
      en: 'This only works when the add-in is open in Excel.',
    });
  }
  if (!canConsolidateFiles()) throw new UserFacingError(CONSOLIDATE_UNAVAILABLE);
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    onProgress({ file: file.name, index, total: files.length, state: 'copying' });
    const outcome = await copyOneFile(file);
    outcomes.push(outcome);
    onProgress({
      file: file.name,
      index,
      total: files.length,
      state: outcome.error ? 'failed' : 'done',
    });
  }
  return outcomes;
}

async function copyOneFile(file: UnitFile): Promise<FileOutcome> {
  const base64 = toBase64(file.bytes);
  if (base64.length + REQUEST_OVERHEAD > MAX_REQUEST_BYTES) {
    return failed(file.name, {
      vi: `tệp quá lớn để chép vào (${megabytes(file.bytes.length)} MB; Excel trên web nhận tối đa 5 MB mỗi lần gửi, tức tệp khoảng 3,7 MB). Hãy xóa bớt hình ảnh hoặc các trang khác trong tệp, hoặc chép trang báo cáo vào bằng tay.`,
      en: `is too large to copy in (${megabytes(file.bytes.length)} MB; Excel on the web takes at most 5 MB per request, a file of about 3.7 MB). Remove pictures or other sheets from it, or copy its report sheet in by hand.`,
    });
  }
  let reportSheets: string[];
  let sheets: string[];
  try {
    ({ sheets, reportSheets } = await reportSheetsOfXlsx(file.bytes));
  } catch {
    return failed(file.name, {
      vi: 'không đọc được: tệp không phải sổ làm việc .xlsx hoặc đã hỏng. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại.',
      en: 'cannot be read: it is not an .xlsx workbook, or it is damaged. Open it in Excel, save it as .xlsx and pick it again.',
    });
  }
  if (reportSheets.length === 0) {
    const list = sheets.map((s) => `"${s}"`).join(', ') || '—';
    return failed(file.name, {
      vi: `không có trang báo cáo nào (các trang: ${list}); trang báo cáo cần một dòng tiêu đề có cột "Mã chỉ tiêu" và cột "Thực hiện" trong 30 dòng đầu.`,
      en: `holds no report sheet (sheets: ${list}); a report sheet needs a header row with a "Mã chỉ tiêu" (code) and a "Thực hiện" (actual) column within its first 30 rows.`,
    });
  }
  try {
    const names = await Excel.run(async (context) => {
      const counter = new SyncCounter();
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      const inserted = context.workbook.insertWorksheetsFromBase64(base64, {
        sheetNamesToInsert: reportSheets,
        positionType: 'End',
      });
      await counter.sync(context);
      const taken = worksheets.items.map((ws) => ws.name);
      const given: string[] = [];
      for (const [i, id] of inserted.value.entries()) {
        const source = reportSheets[i] ?? '';
        const base =
          reportSheets.length === 1 ? fileBase(file.name) : `${fileBase(file.name)} - ${source}`;
        const name = distinctSheetName(base, [...taken, ...given]);
        context.workbook.worksheets.getItem(id).name = name;
        given.push(name);
      }
      await counter.sync(context);
      return given;
    });
    return { file: file.name, sheets: names, error: null };
  } catch (error) {
    const reason = toUserFacingError(error, { activity: 'copy' }).localized;
    return failed(file.name, reason);
  }
}
