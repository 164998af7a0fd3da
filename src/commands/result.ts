// The dialog a ribbon command opens to report its outcome: counts per status in the sheet's
// colours, or the error in plain words. Built with DOM text nodes only.
import { STATUS_INFO } from '../engine/status';
import { STATUSES } from '../engine/types';
import { STRINGS } from '../taskpane/strings';
import { reportFromQuery, type CommandReport } from './result-report';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  style?: Partial<CSSStyleDeclaration>,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (style) Object.assign(node.style, style);
  return node;
}

function renderReport(root: HTMLElement, report: CommandReport) {
  const s = STRINGS[report.lang];
  document.documentElement.lang = report.lang;
  root.append(
    element('h1', report.ok ? s.dialogTitle[report.command] : s.dialogErrorTitle, {
      fontSize: '20px',
      margin: '0 0 12px',
    }),
  );
  if (!report.ok) {
    root.append(element('p', report.error, { color: STATUS_INFO.INVALID.font }));
    return;
  }
  const total = STATUSES.reduce((n, status) => n + report.counts[status], 0);
  root.append(element('p', s.evaluated(report.units, total), { margin: '0 0 4px' }));
  root.append(
    element(
      'p',
      s.dialogMetLine(report.counts.MET, report.counts.NEAR + report.counts.MISSED, total),
      {
        fontWeight: '600',
        margin: '0 0 12px',
      },
    ),
  );
  const list = element('ul', undefined, { listStyle: 'none', padding: '0', margin: '0 0 12px' });
  for (const status of STATUSES) {
    if (report.counts[status] === 0) continue;
    const info = STATUS_INFO[status];
    list.append(
      element('li', `${info.label[report.lang]}: ${report.counts[status]}`, {
        backgroundColor: info.fill,
        color: info.font,
        padding: '4px 8px',
        margin: '0 0 4px',
        borderRadius: '4px',
      }),
    );
  }
  root.append(list);
  if (report.summarySheet) root.append(element('p', s.summaryWritten(report.summarySheet)));
}

Office.onReady(() => {
  const root = document.getElementById('result');
  if (!root) return;
  Object.assign(document.body.style, {
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    fontSize: '14px',
    margin: '16px',
    color: '#242424',
  });
  const report = reportFromQuery(window.location.search);
  if (report) renderReport(root, report);
  const lang = report?.lang ?? 'vi';
  const close = element('button', STRINGS[lang].dialogClose, {
    padding: '6px 20px',
    fontSize: '14px',
    cursor: 'pointer',
  });
  close.type = 'button';
  close.addEventListener('click', () => Office.context.ui.messageParent('close'));
  root.append(close);
  close.focus();
});
