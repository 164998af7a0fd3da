/** A text in both languages the product speaks. */
export interface Localized {
  vi: string;
  en: string;
}

export type Lang = 'vi' | 'en';

/** SPEC §1 and §2: count, ratio, plan (money against dự toán), average (Bình quân). */
export type RuleKind = 'count' | 'ratio' | 'plan' | 'average';
/** SPEC §2: '>=' and '>' ask for at least / more than; '<=' and '<' for at most / less than. */
export type Comparator = '>=' | '>' | '<=' | '<';
/** A section of the plan: a Roman numeral, "I", "II", "III"…; '' for rules above the first. */
export type Section = string;

/**
 * One target of the year's plan (SPEC §1). The catalogue is data (one JSON-like file per year),
 * validated by the zod schema in ./schema.ts when loaded.
 */
export interface Rule {
  /** Canonical code, e.g. "I.1a", "II.7b". */
  code: string;
  section: Section;
  kind: RuleKind;
  comparator: Comparator;
  /**
   * The target as a decimal string, exact: for count rules the number ("110"); for ratio and plan
   * rules the percentage ("90", "100", "65"), so "90" means 90%.
   */
  target: string;
  /** ĐVT as shown in the template: "đoàn viên", "CĐCS", "%", "đồng", "thỏa thuận", "cuộc". */
  unit: Localized;
  /**
   * What one unit of Thực hiện is, for gaps in words ("còn thiếu 3 CĐCS"): for count rules the
   * same as `unit`; for ratio rules what the numerator counts; for plan rules "đồng".
   */
  itemUnit: Localized;
  /** What Thực hiện counts (short). */
  numerator: Localized;
  /** What Tổng số counts (short); null for count rules. */
  denominator: Localized | null;
  /** Full wording from the seed document, and an English one. */
  wording: Localized;
  /** True where Thực hiện and Tổng số count people or organisations, so must be whole numbers. */
  integer: boolean;
  /**
   * Targets for reports of fewer than 12 months (SPEC §2 "Report period", §8 "Chỉ tiêu N
   * tháng"); absent or without an entry for a period: the yearly target, pro rata where §2 says.
   */
  periodTargets?: PeriodTarget[];
}

/** The target of one rule for an N-month report, typed in a "Chỉ tiêu N tháng" column. */
export interface PeriodTarget {
  /** 1…11 */
  months: number;
  comparator: Comparator;
  /** Same form as Rule.target. */
  target: string;
}

export interface SectionInfo {
  id: Section;
  title: Localized;
}

/** Where a plan came from (SPEC §8): built in (2020), or a plan sheet of a workbook. */
export type PlanSource =
  | { kind: 'builtin' }
  | {
      kind: 'sheet';
      /** The workbook file as given on the command line; null for the open workbook. */
      file: string | null;
      sheet: string;
    };

export interface Catalogue {
  /** "2020": the plan's year, or without one its sheet's name. */
  id: string;
  /** 0 when the plan sheet gives no year (SPEC §8). */
  year: number;
  title: Localized;
  sections: SectionInfo[];
  rules: Rule[];
  /** Absent means built in. */
  source?: PlanSource;
}
