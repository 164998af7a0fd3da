/**
 * The lines of `evaluate`'s report that are the secretariat's (SPEC §9): the consolidated counts
 * of N units, or a single unit's results against its own targets (one unit is not a province),
 * and who has not reported.
 */
import type { Lang } from '../catalogue/types';
import type { Status } from '../engine/types';
import { consolidatedLabel, reportingLine } from '../template/reporting-text';
import type { Evaluation } from '../template/types';
import { unitTable } from './table';

export function overallLines(
  evaluation: Evaluation,
  lang: Lang,
  statusCounts: (statuses: Iterable<Status>, lang: Lang) => string,
): string[] {
  const lines: string[] = [];
  const [single] = evaluation.units;
  if (evaluation.units.length === 1) {
    const counts = statusCounts(
      single.results.map((r) => r.status),
      lang,
    );
    lines.push(
      lang === 'vi'
        ? `Kết quả của đơn vị ${single.report.unit} (so với chỉ tiêu của đơn vị): ${counts}`
        : `Results of ${single.report.unit} (against its own targets): ${counts}`,
      unitTable(evaluation, single, lang),
    );
  } else if (evaluation.units.length > 1) {
    lines.push(
      `${consolidatedLabel(evaluation.units.length, lang)}: ${statusCounts(
        evaluation.consolidated.map((r) => r.status),
        lang,
      )}`,
    );
  }
  const reporting = reportingLine(evaluation.reporting, lang);
  if (reporting !== null) lines.push(reporting);
  return lines;
}
