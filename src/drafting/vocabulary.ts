/**
 * The words of a Vietnamese target sentence the draft parser knows (SPEC §2, §13), as folded
 * skeletons (see parsing/fold.ts) so "thỏa"/"thoả" and capitals match alike.
 */
import type { Comparator } from '../catalogue/types';
import { foldVietnamese } from '../parsing/fold';

/** Words before a number and the comparator they give; null: neutral ("đạt 90%"). */
export const COMPARATORS_BEFORE: [string, Comparator | null][] = [
  ['khong vuot qua', '<='],
  ['khong nhieu hon', '<='],
  ['khong cao hon', '<='],
  ['khong qua', '<='],
  ['toi da', '<='],
  ['khong it hon', '>='],
  ['khong thap hon', '>='],
  ['khong duoi', '>='],
  ['toi thieu', '>='],
  ['it nhat', '>='],
  ['it hon', '<'],
  ['thap hon', '<'],
  ['nhieu hon', '>'],
  ['cao hon', '>'],
  ['lon hon', '>'],
  ['tren', '>'],
  ['hon', '>'],
  ['duoi', '<'],
  ['tu', '>='],
  ['dat', null],
  ['dat ty le', null],
  ['dat ti le', null],
  ['la', null],
  ['chiem', null],
];

/** Words after a number (or after its counted noun): "110 đoàn viên trở lên". */
export const COMPARATORS_AFTER: [string, Comparator][] = [
  ['tro len', '>='],
  ['tro xuong', '<='],
];

/** Phrases that state a zero-event target with no number: SPEC §2, `<= 0`. */
export const ZERO_EVENT = ['khong de xay ra', 'khong de xuat hien', 'khong de phat sinh'];

/**
 * Counted nouns and the ĐVT they give, longest first when matched. Several spellings give one
 * ĐVT ("công đoàn cơ sở" and "CĐCS" → CĐCS).
 */
const UNIT_TABLE: [string, string][] = [
  ['công đoàn cơ sở', 'CĐCS'],
  ['CĐCS', 'CĐCS'],
  ['công đoàn cấp trên trực tiếp cơ sở', 'công đoàn cấp trên cơ sở'],
  ['đoàn viên', 'đoàn viên'],
  ['ĐV', 'đoàn viên'],
  ['thỏa thuận', 'thỏa thuận'],
  ['thỏa ước', 'thỏa ước'],
  ['doanh nghiệp', 'doanh nghiệp'],
  ['DN', 'doanh nghiệp'],
  ['cuộc', 'cuộc'],
  ['lượt người', 'lượt người'],
  ['lượt', 'lượt'],
  ['người lao động', 'người'],
  ['người', 'người'],
  ['công nhân lao động', 'người'],
  ['công nhân', 'người'],
  ['CNVCLĐ', 'người'],
  ['NLĐ', 'người'],
  ['cán bộ', 'người'],
  ['đồng', 'đồng'],
  ['VNĐ', 'đồng'],
  ['suất', 'suất'],
  ['phần quà', 'suất'],
  ['học bổng', 'suất'],
  ['mái ấm', 'nhà'],
  ['căn nhà', 'nhà'],
  ['nhà', 'nhà'],
  ['hội nghị', 'hội nghị'],
  ['lớp', 'lớp'],
  ['buổi', 'buổi'],
  ['đợt', 'đợt'],
  ['lần', 'lần'],
  ['vụ', 'vụ'],
  ['đơn vị', 'đơn vị'],
  ['cơ quan', 'cơ quan'],
  ['công trình', 'công trình'],
  ['phần việc', 'phần việc'],
  ['sáng kiến', 'sáng kiến'],
  ['giải pháp', 'giải pháp'],
  ['hoạt động', 'hoạt động'],
  ['gương điển hình', 'gương'],
  ['gương', 'gương'],
  ['đề tài', 'đề tài'],
  ['mô hình', 'mô hình'],
  ['câu lạc bộ', 'câu lạc bộ'],
  ['tin bài', 'tin, bài'],
  ['tin, bài', 'tin, bài'],
  ['bài', 'bài'],
  ['tin', 'tin'],
  ['hợp đồng', 'hợp đồng'],
  ['bản', 'bản'],
  ['chuyến', 'chuyến'],
  ['trường hợp', 'trường hợp'],
  ['hộ', 'hộ'],
  ['gia đình', 'gia đình'],
  ['tổ chức', 'tổ chức'],
  ['ban', 'ban'],
  ['điểm', 'điểm'],
  ['sản phẩm', 'sản phẩm'],
  ['khóa', 'khóa'],
  ['giờ', 'giờ'],
];

export const UNITS: { folded: string; unit: string }[] = UNIT_TABLE.map(([word, unit]) => ({
  folded: foldVietnamese(word),
  unit,
})).sort((a, b) => b.folded.length - a.folded.length);

/**
 * Verbs that begin the predicate of a ratio target: what is done by the subject being counted
 * ("CĐCS | hoàn thành tốt nhiệm vụ"). Matched with their diacritics (lower case), since folded
 * they collide with nouns ("động" in "lao động" and "đóng"; "nhân" and "nhận"). A verb right after
 * "có" is part of the subject ("nơi có tổ chức Công đoàn").
 */
export const PREDICATE_VERBS = [
  'thành lập',
  'hoàn thành',
  'đạt danh hiệu',
  'đạt chuẩn',
  'đạt',
  'tổ chức',
  'ký kết',
  'ký mới',
  'ký thỏa',
  'ký hợp',
  'ban hành',
  'được',
  'đăng ký',
  'tham gia',
  'cập nhập',
  'cập nhật',
  'có hoạt động',
  'xếp loại',
  'xây dựng',
  'thực hiện',
  'triển khai',
  'ứng dụng',
  'giới thiệu',
  'kết nạp',
  'sử dụng',
  'tiếp cận',
  'hưởng',
  'nhận',
  'áp dụng',
  'duy trì',
  'phát động',
  'vận động',
  'chi trả',
  'đóng',
  'mua',
  'nợ',
  'phải',
  'thương lượng',
  'bị',
  'không để xảy ra',
  'không có',
].sort((a, b) => b.length - a.length);

/** Opening words of a target that are not part of what is counted. */
export const LEAD_FILLERS = [
  'trong do co',
  'trong do',
  'phan dau',
  'trong nam',
  'den cuoi nam',
  'den het nam',
  'den nam',
  'ca nam',
  'chi tieu',
  'ty le',
  'ti le',
  'dam bao',
  'co',
];

/** Closing words of the text before a number that only lead up to it ("kết nạp mới được"). */
export const LEAD_TRAILERS = [
  'dat ty le',
  'dat ti le',
  'doi voi',
  'va',
  'duoc',
  'dat',
  'o',
  'tai',
  'cho',
  'la',
  'chiem',
  'voi',
  'len',
];

/** Words that, right before a number, make it part of the subject: "có 25 công nhân". */
export const SUBJECT_MARKERS = [
  'co',
  'co gia tri',
  'gia tri',
  'su dung',
  'voi',
  'gom',
  'thue',
  'tuyen dung',
];

/**
 * Words that, right before a number, make it a name, a date or a duration, never a target:
 * "Nghị quyết số 02", "năm 2020", "tháng 5", "lần thứ 3".
 */
export const IDENTIFIER_MARKERS = [
  'so',
  'nam',
  'thang',
  'ngay',
  'quy',
  'giai doan',
  'khoa',
  'lan thu',
  'chi thi',
  'nghi quyet',
  'quyet dinh',
  'ket luan',
  'nghi dinh',
  'thong tu',
  'dieu',
  'khoan',
  'phu luc',
  'dai hoi',
];

/** Words that, right after a number, make it a duration or a date: "6 tháng đầu năm". */
export const DURATION_AFTER = ['thang', 'nam', 'ngay', 'quy', 'tuan', 'gio lam viec'];

/** Words of a sentence that reports what was done rather than what is to be done. */
export const PAST_TIME = ['nam qua', 'vua qua', 'nam truoc', 'nhiem ky qua', 'thoi gian qua'];
