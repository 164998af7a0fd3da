// Who has not reported (SPEC §9): "18/20 đơn vị đã báo cáo; chưa nộp: …", when the workbook
// holds an allocation "Giao chỉ tiêu".
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Lang } from '../catalogue/types';
import { reportingLine } from '../template/reporting-text';
import type { ReportingUnits as Reporting } from '../template/types';

export function ReportingUnits({ reporting, lang }: { reporting?: Reporting; lang: Lang }) {
  const line = reportingLine(reporting, lang);
  if (line === null || !reporting) return null;
  return (
    <MessageBar
      intent={reporting.missing.length > 0 ? 'warning' : 'success'}
      layout="multiline"
      data-testid="reporting-units"
    >
      <MessageBarBody>{line}</MessageBarBody>
    </MessageBar>
  );
}
