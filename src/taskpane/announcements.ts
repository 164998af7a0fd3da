// What the pane's live region says: an action starting, and its outcome in one sentence.
import type { Localized } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import { STATUSES } from '../engine/types';
import type { ActionOutcome } from '../workbook/office/actions';
import type { PaneAction } from './pane-state';
import { STRINGS } from './strings';
import { templateProblemCounts } from './view-model';

export function busyAnnouncement(action: Exclude<PaneAction, 'live'>): Localized {
  return { vi: STRINGS.vi.busyAnnouncement[action], en: STRINGS.en.busyAnnouncement[action] };
}

/**
 * "Đã đánh giá 2 đơn vị: 37 đạt, 6 gần đạt, 4 không đạt, 2 lỗi số liệu." with the statuses that
 * occur, in the tiles' order (they add up to the chỉ tiêu of the tiles), then the template's
 * problems and the summary sheet when there are.
 */
export function outcomeAnnouncement(outcome: ActionOutcome, again: boolean): Localized {
  const problems = templateProblemCounts(outcome.evaluation);
  const units = outcome.evaluation.units.length;
  const sentence = (lang: 'vi' | 'en') => {
    const s = STRINGS[lang];
    const counts = STATUSES.filter((status) => outcome.counts[status] > 0).map((status) => ({
      status: STATUS_INFO[status].label[lang],
      count: outcome.counts[status],
    }));
    return [
      s.outcomeSentence(units, counts, again),
      problems.errors + problems.notes > 0 && s.templateProblems(problems.errors, problems.notes),
      outcome.summarySheet && s.summaryWritten(outcome.summarySheet),
    ]
      .filter(Boolean)
      .join(' ');
  };
  return { vi: sentence('vi'), en: sentence('en') };
}
