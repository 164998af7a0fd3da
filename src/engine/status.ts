import type { Localized } from '../catalogue/types';
import type { Status } from './types';

/**
 * Labels and colours of SPEC §2, the same in the sheet, the summary and the pane. One deviation:
 * Không áp dụng's font is #666666, not #7F7F7F, which reads at 3.6:1 on its fill (WCAG AA asks
 * 4.5:1); the fill stays. test/unit/status-contrast.test.ts checks every pair.
 */
export const STATUS_INFO: Record<Status, { label: Localized; fill: string; font: string }> = {
  MET: { label: { vi: 'Đạt', en: 'Met' }, fill: '#C6EFCE', font: '#006100' },
  NEAR: { label: { vi: 'Gần đạt', en: 'Near' }, fill: '#FFEB9C', font: '#9C5700' },
  MISSED: { label: { vi: 'Không đạt', en: 'Missed' }, fill: '#FFC7CE', font: '#9C0006' },
  NO_DATA: { label: { vi: 'Chưa có số liệu', en: 'No data' }, fill: '#F2F2F2', font: '#595959' },
  NOT_APPLICABLE: {
    label: { vi: 'Không áp dụng', en: 'Not applicable' },
    fill: '#F2F2F2',
    font: '#666666',
  },
  INVALID: { label: { vi: 'Lỗi số liệu', en: 'Invalid data' }, fill: '#F8CBAD', font: '#843C0C' },
};

/** Not met: the statuses a reviewer looks for first. */
export function isNotMet(status: Status): boolean {
  return status === 'NEAR' || status === 'MISSED';
}
