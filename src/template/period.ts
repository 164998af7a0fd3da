/**
 * The report period of SPEC §2 ("Kỳ báo cáo"), read from folded text (lower case, no accents):
 * "6 tháng", "sáu tháng đầu năm", "9 THÁNG", "cả năm". Months 1…12; 12 is the whole year.
 */

/** Vietnamese number words before "tháng", folded. "năm" (five) is left out: it also means year. */
const MONTH_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  'muoi mot': 11,
  'muoi hai': 12,
};

const WORDS = Object.keys(MONTH_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** "6 tháng", "06 tháng", "sáu tháng", "6 months". */
const N_MONTHS = new RegExp(`(?:^|[^a-z0-9])(\\d{1,2}|${WORDS})\\s*(?:thang|months?)(?![a-z])`);
/** The whole year. */
const WHOLE_YEAR = /(?:^|[^a-z])(?:ca nam|nam|full year|whole year|annual)(?![a-z])/;

/** Months named in a title ("BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2026"), or null. */
export function monthsInTitle(folded: string): number | null {
  const m = N_MONTHS.exec(folded);
  if (!m) return null;
  const months = /^\d/.test(m[1]) ? Number(m[1]) : MONTH_WORDS[m[1]];
  return months >= 1 && months <= 12 ? months : null;
}

/**
 * The value of a "Kỳ báo cáo" cell: "6 tháng", "sáu tháng", a bare "6", "cả năm" (12); null
 * when it says none of these.
 */
export function monthsOfPeriodText(folded: string): number | null {
  const named = monthsInTitle(folded);
  if (named !== null) return named;
  const bare = /^0?(\d{1,2})$/.exec(folded.trim());
  if (bare) {
    const months = Number(bare[1]);
    return months >= 1 && months <= 12 ? months : null;
  }
  return WHOLE_YEAR.test(folded) ? 12 : null;
}

/** "6 tháng" / "6 months"; "cả năm" / "full year" for 12. */
export function periodName(months: number, lang: 'vi' | 'en'): string {
  if (months >= 12) return lang === 'vi' ? 'cả năm' : 'full year';
  return lang === 'vi' ? `${months} tháng` : `${months} ${months === 1 ? 'month' : 'months'}`;
}
