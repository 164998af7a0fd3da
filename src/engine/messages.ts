import type { Lang, Localized, Rule } from '../catalogue/types';
import {
  describeGapOnly,
  describeProgress,
  formatAverage,
  formatNumber,
  formatRate,
  formatRateAgainst,
  formatTarget,
  quoteCellText,
  rateEqualsTarget,
  unitFor,
} from './describe';
import type { Rational } from './rational';
import { STATUS_INFO } from './status';
import type { RuleLocation, RuleResult } from './types';

/** The input a problem is about. */
export type Field = 'actual' | 'denominator';

/** One bad input, with what its message needs. */
export type Problem =
  | { kind: 'not-a-number'; field: Field; text: string }
  | { kind: 'excel-error'; field: Field; error: string }
  | { kind: 'boolean'; field: Field; value: boolean }
  | { kind: 'date'; field: Field; text: string }
  | { kind: 'too-large'; field: Field }
  | { kind: 'negative'; field: Field; value: Rational }
  | { kind: 'not-whole'; field: Field; value: Rational }
  | { kind: 'percent-for-count'; field: 'actual'; value: Rational }
  | { kind: 'percent-denominator'; field: 'denominator'; value: Rational }
  | { kind: 'rate-with-denominator'; field: 'actual'; value: Rational }
  | { kind: 'rate-above-100'; field: 'actual'; value: Rational }
  | { kind: 'missing-denominator'; field: 'denominator' }
  | { kind: 'actual-above-denominator'; field: 'actual'; actual: Rational; denominator: Rational }
  | { kind: 'zero-denominator'; field: 'denominator'; actual: Rational };

const FIELD_NAMES: Record<Field, Localized> = {
  actual: { vi: 'Thực hiện', en: 'Actual (Thực hiện)' },
  denominator: { vi: 'Tổng số', en: 'Total (Tổng số)' },
};

const num = (x: Rational, lang: Lang) => formatNumber(x.toNumber(), lang, 4);
const pct = (x: Rational, lang: Lang) => formatRate(x.toNumber(), lang, 2);

/** "Trang 'Báo cáo', ô F12: " / "Sheet 'Báo cáo', cell F12: ", or nothing without a location. */
export function locationPrefix(
  location: RuleLocation | undefined,
  cell: string | undefined,
): Localized {
  const sheet = location?.sheet;
  if (sheet && cell)
    return { vi: `Trang '${sheet}', ô ${cell}: `, en: `Sheet '${sheet}', cell ${cell}: ` };
  if (sheet) return { vi: `Trang '${sheet}': `, en: `Sheet '${sheet}': ` };
  if (cell) return { vi: `Ô ${cell}: `, en: `Cell ${cell}: ` };
  return { vi: '', en: '' };
}

/** The cell a problem points at. */
export function problemCell(
  problem: Problem,
  location: RuleLocation | undefined,
): string | undefined {
  if (!location) return undefined;
  if (problem.kind === 'missing-denominator')
    return location.denominatorCell ?? location.actualCell;
  return problem.field === 'actual' ? location.actualCell : location.denominatorCell;
}

/** One sentence saying what is wrong with the input and how to put it right. */
export function problemMessage(
  problem: Problem,
  rule: Rule,
  location: RuleLocation | undefined,
): Localized {
  const at = locationPrefix(location, problemCell(problem, location));
  return {
    vi: at.vi + problemText(problem, rule, location, 'vi'),
    en: at.en + problemText(problem, rule, location, 'en'),
  };
}

function problemText(
  p: Problem,
  rule: Rule,
  location: RuleLocation | undefined,
  lang: Lang,
): string {
  const vi = lang === 'vi';
  const field = FIELD_NAMES[p.field][lang];
  switch (p.kind) {
    case 'not-a-number':
      return vi
        ? `${field} «${quoteCellText(p.text)}» không phải là số.`
        : `${field} «${quoteCellText(p.text)}» is not a number.`;
    case 'excel-error':
      return vi
        ? `${field} là giá trị lỗi ${p.error} của Excel; hãy sửa công thức hoặc nhập số.`
        : `${field} is the Excel error ${p.error}; fix the formula or type a number.`;
    case 'boolean': {
      const value = p.value ? 'TRUE' : 'FALSE';
      return vi
        ? `${field} là giá trị logic ${value}, không phải là số.`
        : `${field} is the logical value ${value}, not a number.`;
    }
    case 'date':
      return vi
        ? `${field} là ngày tháng (${quoteCellText(p.text)}), không phải là số; hãy định dạng ô là Số.`
        : `${field} is a date (${quoteCellText(p.text)}), not a number; format the cell as Number.`;
    case 'too-large':
      return vi
        ? `${field} quá lớn (vượt 2^53), không thể tính chính xác.`
        : `${field} is too large (beyond 2^53) to be computed exactly.`;
    case 'negative':
      return vi
        ? `${field} là số âm (${num(p.value, lang)}); cần một số từ 0 trở lên.`
        : `${field} is negative (${num(p.value, lang)}); it must be 0 or more.`;
    case 'not-whole':
      return vi
        ? `${field} ${num(p.value, lang)} không phải là số nguyên: chỉ tiêu này đếm ${rule.itemUnit.vi}.`
        : `${field} ${num(p.value, lang)} is not a whole number: this target counts ${rule.itemUnit.en}.`;
    case 'percent-for-count':
      return vi
        ? `${field} là tỷ lệ (${pct(p.value, lang)}), nhưng chỉ tiêu này đếm số ${rule.unit.vi}: hãy nhập số lượng, không nhập %.`
        : `${field} is a rate (${pct(p.value, lang)}), but this target counts ${rule.unit.en}: enter a number, not a percentage.`;
    case 'percent-denominator':
      return vi
        ? `${field} là tỷ lệ (${pct(p.value, lang)}); Tổng số phải là số lượng.`
        : `${field} is a rate (${pct(p.value, lang)}); the total must be a count.`;
    case 'rate-with-denominator':
      return vi
        ? `${field} là tỷ lệ (${pct(p.value, lang)}) trong khi đã có Tổng số: hãy nhập số lượng vào Thực hiện, hoặc xóa Tổng số để dùng tỷ lệ.`
        : `${field} is a rate (${pct(p.value, lang)}) while Total is filled in: enter a count in Actual, or clear Total to use the rate.`;
    case 'rate-above-100':
      return vi
        ? `${field} là tỷ lệ ${pct(p.value, lang)}, vượt quá 100%: không thể có với chỉ tiêu này.`
        : `${field} is the rate ${pct(p.value, lang)}, above 100%, which this target cannot have.`;
    case 'missing-denominator':
      if (isUncomputed(location, location?.denominatorCell)) return uncomputedText(p.field, lang);
      if (rule.kind === 'average') {
        const what = rule.denominator?.[lang] ?? '';
        return vi
          ? `Thiếu Tổng số: nhập Tổng số (${what}) để tính bình quân.`
          : `Total (Tổng số) is missing: enter the total (${what}) to compute the average.`;
      }
      return vi
        ? 'Thiếu Tổng số: nhập Tổng số, hoặc nhập tỷ lệ dạng % (ví dụ 85%) vào Thực hiện.'
        : 'Total (Tổng số) is missing: enter the total, or type the rate as a percentage (e.g. 85%) in Actual.';
    case 'actual-above-denominator': {
      const denCell = location?.denominatorCell;
      const den = num(p.denominator, lang);
      const where = denCell ? (vi ? `, ô ${denCell}` : ` (cell ${denCell})`) : '';
      return vi
        ? `${field} (${num(p.actual, lang)}) lớn hơn Tổng số (${den}${where}).`
        : `${field} = ${num(p.actual, lang)} is greater than Total (Tổng số) = ${den}${where}.`;
    }
    case 'zero-denominator':
      return vi
        ? `${field} bằng 0 nhưng Thực hiện là ${num(p.actual, lang)}.`
        : `${field} is 0 but Actual is ${num(p.actual, lang)}.`;
  }
}

/** Whether a cell of the location holds a formula that was never computed. */
function isUncomputed(location: RuleLocation | undefined, cell: string | undefined): boolean {
  return cell !== undefined && (location?.uncomputedCells?.includes(cell) ?? false);
}

/** An input that reads as empty because Excel never computed its formula. */
function uncomputedText(field: Field, lang: Lang): string {
  const name = FIELD_NAMES[field][lang];
  return lang === 'vi'
    ? `${name} có công thức nhưng chưa có kết quả tính; hãy mở tệp bằng Excel, tính lại (F9) và lưu.`
    : `${name} holds a formula with no computed result; open the file in Excel, recalculate (F9) and save it.`;
}

/** Empty Thực hiện, or a formula there that was never computed. */
export function noDataMessage(location: RuleLocation | undefined): Localized {
  const at = locationPrefix(location, location?.actualCell);
  if (isUncomputed(location, location?.actualCell)) {
    return {
      vi: at.vi + uncomputedText('actual', 'vi'),
      en: at.en + uncomputedText('actual', 'en'),
    };
  }
  return {
    vi: at.vi ? `${at.vi}chưa nhập Thực hiện.` : 'Chưa có số liệu: chưa nhập Thực hiện.',
    en: at.en ? `${at.en}Actual (Thực hiện) is empty.` : 'No data: Actual (Thực hiện) is empty.',
  };
}

export const NOT_APPLICABLE_MESSAGE: Localized = {
  vi: 'Không áp dụng: Tổng số bằng 0, đơn vị không có đối tượng của chỉ tiêu này.',
  en: 'Not applicable: the total is 0, so the unit has nothing to count for this target.',
};

/**
 * The sentence for a judged result (MET, NEAR, MISSED): the figures, the target and how far
 * from it, e.g. "Đạt: 45/52 = 86,5% (yêu cầu ≥ 80%, tối thiểu 42 CĐCS)."
 */
export function judgedMessage(rule: Rule, r: RuleResult, atThreshold: boolean): Localized {
  return { vi: judgedText(rule, r, atThreshold, 'vi'), en: judgedText(rule, r, atThreshold, 'en') };
}

function judgedText(rule: Rule, r: RuleResult, atThreshold: boolean, lang: Lang): string {
  const vi = lang === 'vi';
  const label = STATUS_INFO[r.status].label[lang];
  const target = formatTarget(r.comparator, r.target, rule.kind, lang);
  const own = r.targetOverridden
    ? vi
      ? ' theo chỉ tiêu giao cho đơn vị'
      : ', set for this unit'
    : '';
  // For an N-month report the period's target is said at the end, with the yearly one.
  const progress = describeProgress(rule, r, lang);
  const asked = progress ? '' : vi ? `yêu cầu ${target}${own}` : `target ${target}${own}`;
  const inBrackets = (...parts: string[]) => {
    const said = parts.filter(Boolean).join(', ');
    return said ? ` (${said})` : '';
  };
  const down = r.comparator === '<=' || r.comparator === '<';
  let figures: string;
  if (r.directRate) {
    const rate = formatRateAgainst(r.actual ?? 0, r.target, rateEqualsTarget(r), lang);
    figures =
      (vi ? `tỷ lệ nhập trực tiếp ${rate}` : `rate entered directly ${rate}`) + inBrackets(asked);
  } else if (rule.kind === 'count') {
    const actual = r.actual ?? 0;
    figures = `${formatNumber(actual, lang)} ${unitFor(rule.unit, actual, lang)}${inBrackets(asked)}`;
  } else {
    const fraction = `${formatNumber(r.actual ?? 0, lang)}/${formatNumber(r.denominator ?? 0, lang)}`;
    const required = r.required ?? 0;
    const bound = `${formatNumber(required, lang)} ${unitFor(rule.itemUnit, required, lang)}`;
    const least = vi
      ? `${down ? 'tối đa' : 'tối thiểu'} ${bound}`
      : `${down ? 'at most' : 'at least'} ${bound}`;
    if (rule.kind === 'plan') {
      const rate = formatRateAgainst(r.rate ?? 0, r.target, rateEqualsTarget(r), lang);
      figures = vi
        ? `${fraction} ${rule.unit.vi} = ${rate} dự toán${inBrackets(asked)}`
        : `${fraction} ${rule.unit.en} = ${rate} of the budget${inBrackets(asked)}`;
    } else if (rule.kind === 'average') {
      const average = formatAverage(rule, r, lang);
      figures = vi
        ? `${fraction} = bình quân ${average}${inBrackets(asked && `yêu cầu bình quân ${target}${own}`, r.cannotMeet ? '' : least)}`
        : `${fraction} = an average of ${average}${inBrackets(asked && `target: average ${target}${own}`, r.cannotMeet ? '' : least)}`;
    } else {
      const rate = formatRateAgainst(r.rate ?? 0, r.target, rateEqualsTarget(r), lang);
      figures = `${fraction} = ${rate}${inBrackets(asked, r.cannotMeet && down ? '' : least)}`;
    }
  }
  let tail = '';
  if (r.status !== 'MET') {
    const gap = describeGapOnly(rule, r, lang);
    if (r.cannotMeet) tail = `; ${gap}`;
    else if (atThreshold) {
      const threshold =
        rule.kind === 'count' || rule.kind === 'average'
          ? formatNumber(r.target, lang)
          : formatRate(r.target, lang, 2);
      const more = down ? (vi ? 'dưới' : 'less than') : vi ? 'trên' : 'more than';
      tail = vi
        ? `; bằng đúng ngưỡng nhưng chỉ tiêu yêu cầu ${more} ${threshold}`
        : `; exactly at the threshold, but the target asks for ${more} ${threshold}`;
      if (!r.directRate) tail += `, ${gap}`;
    } else tail = `, ${gap}`;
  }
  const period = progress ? `; ${progress}${own}` : '';
  return `${label}: ${figures}${tail}${period}.`;
}

/** Appended to a consolidated result: how many units are in it and how many lack data. */
export function consolidationNote(counted: number, lacking: number): Localized {
  const vi = lacking > 0 ? `; thiếu số liệu của ${lacking} đơn vị` : '';
  const en =
    lacking > 0 ? `; data missing from ${lacking} ${lacking === 1 ? 'unit' : 'units'}` : '';
  return {
    vi: ` Tổng hợp từ ${counted} đơn vị${vi}.`,
    en: ` Consolidated from ${counted} ${counted === 1 ? 'unit' : 'units'}${en}.`,
  };
}

/** A consolidation with no unit that has usable figures. */
export function consolidatedNoDataMessage(lacking: number): Localized {
  if (lacking === 0) {
    return { vi: 'Chưa có số liệu: chưa có đơn vị nào.', en: 'No data: there are no units yet.' };
  }
  return {
    vi: `Chưa có số liệu: không đơn vị nào có số liệu dùng được (thiếu số liệu của ${lacking} đơn vị).`,
    en: `No data: no unit has usable figures (data missing from ${lacking} ${lacking === 1 ? 'unit' : 'units'}).`,
  };
}
