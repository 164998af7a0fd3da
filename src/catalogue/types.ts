/** A text in both languages the product speaks. */
export interface Localized {
  vi: string;
  en: string;
}

export type Lang = 'vi' | 'en';

export type RuleKind = 'count' | 'ratio' | 'plan';
export type Comparator = '>=' | '>';
export type Section = 'I' | 'II';

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
}

export interface SectionInfo {
  id: Section;
  title: Localized;
}

export interface Catalogue {
  /** "2020" */
  id: string;
  year: number;
  title: Localized;
  sections: SectionInfo[];
  rules: Rule[];
}
