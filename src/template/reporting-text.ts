/**
 * The secretariat's sentences (SPEC §9), the same in the summary sheet, the pane and the CLI:
 * who has reported and who has not, and the name of the consolidated column.
 */
import type { Lang } from '../catalogue/types';
import type { ReportingUnits } from './types';

/** "18/20 đơn vị đã báo cáo; chưa nộp: A, B." — null without an allocation. */
export function reportingLine(reporting: ReportingUnits | undefined, lang: Lang): string | null {
  if (!reporting) return null;
  const done = reporting.reported.length;
  const all = reporting.allocated.length;
  const missing = reporting.missing.join(', ');
  if (lang === 'vi') {
    return reporting.missing.length === 0
      ? `${done}/${all} đơn vị đã báo cáo: đủ tất cả các đơn vị được giao chỉ tiêu.`
      : `${done}/${all} đơn vị đã báo cáo; chưa nộp: ${missing}.`;
  }
  return reporting.missing.length === 0
    ? `${done}/${all} units have reported: every unit with allocated targets.`
    : `${done}/${all} units have reported; not yet in: ${missing}.`;
}

/** The consolidated column's heading: "Tổng hợp 18 đơn vị". */
export function consolidatedLabel(units: number, lang: Lang): string {
  return lang === 'vi'
    ? `Tổng hợp ${units} đơn vị`
    : `Consolidated, ${units} unit${units === 1 ? '' : 's'}`;
}
