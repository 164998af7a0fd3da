/**
 * Office.js failures (RichApi.Error / OfficeExtension.Error, which carry a `code` such as
 * "AccessDenied") turned into sentences a union officer can act on. The code is not localised
 * and is the only part of an Office error meant for programs; its `message` is not for users.
 */
import type { Localized } from '../../catalogue/types';
import { UserFacingError } from '../errors';

/** What the add-in was doing when Excel refused. */
export type OfficeActivity = 'read' | 'write' | 'clear' | 'insert' | 'copy' | 'select' | 'watch';

export interface OfficeErrorContext {
  activity: OfficeActivity;
  /** The sheet concerned, when one is. */
  sheet?: string;
  /**
   * True when the failing request was the first write and began with the checks that the
   * workbook is as it was read: nothing has been changed.
   */
  nothingWritten?: boolean;
}

const ACTIVITY: Record<OfficeActivity, Localized> = {
  read: { vi: 'đọc sổ làm việc', en: 'reading the workbook' },
  write: { vi: 'ghi kết quả', en: 'writing the results' },
  clear: { vi: 'xóa kết quả', en: 'clearing the results' },
  insert: { vi: 'chèn mẫu báo cáo', en: 'inserting the report template' },
  copy: { vi: 'chép trang báo cáo từ tệp', en: 'copying report sheets from a file' },
  select: { vi: 'chọn ô', en: 'selecting the cell' },
  watch: { vi: 'bật chế độ tự động đánh giá', en: 'turning on live mode' },
};

/** The `code` of an Office.js error, or null for anything else (a bug, a network failure…). */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : null;
}

function sheetPart(sheet: string | undefined): Localized {
  return sheet ? { vi: ` "${sheet}"`, en: ` "${sheet}"` } : { vi: '', en: '' };
}

function aftermath(context: OfficeErrorContext): Localized {
  if (context.nothingWritten || context.activity === 'read' || context.activity === 'select') {
    return { vi: ' Sổ làm việc chưa bị thay đổi.', en: ' The workbook has not been changed.' };
  }
  if (context.activity === 'write' || context.activity === 'clear') {
    return {
      vi: ' Một phần kết quả có thể đã được ghi; hãy chạy lại khi đã khắc phục.',
      en: ' Some results may have been written; run it again once this is fixed.',
    };
  }
  return { vi: '', en: '' };
}

function join(...parts: Localized[]): Localized {
  return { vi: parts.map((p) => p.vi).join(''), en: parts.map((p) => p.en).join('') };
}

/** The plain sentence for one Office error code. */
function describe(code: string, context: OfficeErrorContext): Localized {
  const doing = ACTIVITY[context.activity];
  const sheet = sheetPart(context.sheet);
  switch (code) {
    case 'AccessDenied':
      return {
        vi: `Excel không cho phép thay đổi${sheet.vi ? ` trang tính${sheet.vi}` : ' sổ làm việc'}: trang tính hoặc sổ làm việc đang được bảo vệ, mở ở chế độ chỉ đọc, hoặc bạn không có quyền sửa. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ Trang tính; với cả sổ: Xem lại › Bảo vệ Sổ làm việc) hoặc mở bản có quyền sửa rồi thử lại.`,
        en: `Excel does not allow changes to ${sheet.en ? `sheet${sheet.en}` : 'the workbook'}: it is protected, read-only, or you may not edit it. Unprotect it (Review › Unprotect Sheet; for the whole workbook, Review › Protect Workbook) or open an editable copy, then try again.`,
      };
    case 'InvalidOperationInCellEditMode':
      return {
        vi: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại.',
        en: 'Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.',
      };
    // The workbook the add-in was working on is no longer the active one (Excel on the web,
    // another workbook brought to the front): Excel.ErrorCodes.inactiveWorkbook.
    case 'InactiveWorkbook':
      return {
        vi: `Sổ làm việc không còn là sổ đang mở phía trước trong lúc ${doing.vi}. Hãy quay lại sổ làm việc có bảng chỉ tiêu rồi thử lại.`,
        en: `The workbook was no longer the active one while ${doing.en}. Go back to the workbook with the add-in open and try again.`,
      };
    case 'ItemNotFound':
    case 'InvalidReference':
      return {
        vi: `Sổ làm việc đã thay đổi trong lúc ${doing.vi}${sheet.vi ? ` (không còn thấy trang tính${sheet.vi})` : ''}: một trang tính đã được đổi tên, xóa, hoặc các hàng đã bị chèn/xóa. Hãy thử lại.`,
        en: `The workbook changed while ${doing.en}${sheet.en ? ` (sheet${sheet.en} is no longer there)` : ''}: a sheet was renamed or deleted, or rows were inserted or deleted. Please try again.`,
      };
    case 'ItemAlreadyExists':
      return {
        vi: `Đã có một trang tính hoặc một tên${sheet.vi} trùng với tên add-in cần dùng. Hãy đổi tên nó rồi thử lại.`,
        en: `A sheet or name${sheet.en} already uses the name the add-in needs. Rename it and try again.`,
      };
    case 'MergedRangeConflict':
    case 'InsertDeleteConflict':
    case 'FilteredRangeConflict':
    case 'PivotTableRangeConflict':
    case 'Conflict':
      return {
        vi: `Không thể ${doing.vi}${sheet.vi ? ` trên trang tính${sheet.vi}` : ''} vì các ô cần ghi trùng với ô gộp, bộ lọc, bảng hoặc PivotTable. Hãy bỏ gộp ô hoặc bỏ lọc ở các cột Tỷ lệ, Chênh lệch, Đánh giá rồi thử lại.`,
        en: `Cannot finish ${doing.en}${sheet.en ? ` on sheet${sheet.en}` : ''}: the cells to write overlap merged cells, a filter, a table or a PivotTable. Unmerge or unfilter the Rate, Gap and Assessment columns, then try again.`,
      };
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
    case 'OperationCellsExceedLimit':
      return {
        vi: `Sổ làm việc quá lớn để Excel ${doing.vi} trong một lần. Hãy xóa các hàng, cột trống thừa ở cuối các trang tính (Ctrl+End cho biết ô cuối) hoặc tách sổ thành nhiều tệp.`,
        en: `The workbook is too large for Excel to finish ${doing.en} in one go. Delete unused rows and columns at the end of the sheets (Ctrl+End shows the last cell) or split the workbook.`,
      };
    case 'ActivityLimitReached':
    case 'RequestAborted':
    case 'ConnectionFailure':
    case 'ServiceNotAvailable':
      return {
        vi: `Excel đang bận hoặc mất kết nối khi ${doing.vi}. Hãy đợi một lát rồi thử lại.`,
        en: `Excel was busy or lost its connection while ${doing.en}. Wait a moment and try again.`,
      };
    case 'ApiNotFound':
    case 'NotImplemented':
    case 'UnsupportedOperation':
    case 'UnsupportedFeature':
    case 'UnsupportedSheet':
      return {
        vi: `Phiên bản Excel này chưa hỗ trợ thao tác cần cho việc ${doing.vi}. Hãy cập nhật Microsoft 365 hoặc dùng Excel trên web.`,
        en: `This version of Excel does not support what ${doing.en} needs. Update Microsoft 365 or use Excel on the web.`,
      };
    case 'InvalidSelection':
      return {
        vi: `Không thể chọn ô${sheet.vi ? ` trên trang tính${sheet.vi}` : ''}: trang tính có thể đang bị ẩn. Hãy hiện lại (bấm chuột phải vào một thẻ trang tính › Bỏ ẩn) rồi thử lại.`,
        en: `Cannot select the cell${sheet.en ? ` on sheet${sheet.en}` : ''}: the sheet may be hidden. Unhide it (right-click a sheet tab › Unhide) and try again.`,
      };
    default:
      return {
        vi: `Excel báo lỗi khi ${doing.vi} (mã lỗi ${code}). Hãy thử lại; nếu vẫn lỗi, hãy lưu sổ, đóng rồi mở lại Excel.`,
        en: `Excel reported an error while ${doing.en} (code ${code}). Please try again; if it persists, save the workbook and restart Excel.`,
      };
  }
}

/**
 * Any failure of a workbook action as a UserFacingError. A UserFacingError passes through; an
 * Office error becomes its plain sentence; anything else (a bug) a plain apology, with the
 * original kept as `cause` for whoever opens the developer tools.
 */
export function toUserFacingError(error: unknown, context: OfficeErrorContext): UserFacingError {
  if (error instanceof UserFacingError) return error;
  const code = officeErrorCode(error);
  const doing = ACTIVITY[context.activity];
  const message = code
    ? join(describe(code, context), aftermath(context))
    : join(
        {
          vi: `Đã xảy ra lỗi không mong muốn khi ${doing.vi}.`,
          en: `Something unexpected went wrong while ${doing.en}.`,
        },
        aftermath(context),
      );
  return new UserFacingError(message, { cause: error });
}
