import type { Localized } from '../catalogue/types';
import type { Severity, TemplateIssue } from './types';

/** "Trang 'Báo cáo', ô F12" / "Sheet 'Báo cáo', cell F12", as the engine's messages say it. */
export function place(sheet: string, cell: string | null): Localized {
  return cell === null
    ? { vi: `Trang '${sheet}'`, en: `Sheet '${sheet}'` }
    : { vi: `Trang '${sheet}', ô ${cell}`, en: `Sheet '${sheet}', cell ${cell}` };
}

export interface IssuePlace {
  sheet: string;
  cell: string | null;
  file?: string;
  code?: string;
}

/** An issue with a message that already says where it is. */
export function makeIssue(
  severity: Severity,
  kind: string,
  at: IssuePlace,
  message: Localized,
): TemplateIssue {
  const issue: TemplateIssue = { severity, kind, sheet: at.sheet, cell: at.cell, message };
  if (at.file !== undefined) issue.file = at.file;
  if (at.code !== undefined) issue.code = at.code;
  return issue;
}

/** An issue whose message begins with its sheet and cell. */
export function issueAt(
  severity: Severity,
  kind: string,
  at: IssuePlace,
  text: Localized,
): TemplateIssue {
  const where = place(at.sheet, at.cell);
  return makeIssue(severity, kind, at, {
    vi: `${where.vi}: ${text.vi}`,
    en: `${where.en}: ${text.en}`,
  });
}
