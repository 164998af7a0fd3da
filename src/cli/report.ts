/** What `evaluate` prints: the files written, counts per status, and the problems to fix. */
import type { Lang } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import { STATUSES, type Status } from '../engine/types';
import type { TemplateIssue } from '../template/types';
import type { DemoOutcome } from './demo';
import type { EvaluateOutcome } from './evaluate-command';
import { CLI_TEXT } from './messages';
import { overallLines } from './secretariat-report';
import { consolidatedTable } from './table';

/** Problems listed in the terminal; the rest are in the summary sheet. */
const MAX_ISSUES_PRINTED = 40;

/** "4 đơn vị", "1 unit", "4 units". */
export function unitCount(n: number, lang: Lang): string {
  return lang === 'vi' ? `${n} đơn vị` : `${n} unit${n === 1 ? '' : 's'}`;
}

export function statusCounts(statuses: Iterable<Status>, lang: Lang): string {
  const counts = new Map<Status, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return STATUSES.filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${STATUS_INFO[s].label[lang]}`)
    .join(', ');
}

export function issueLine(issue: TemplateIssue, lang: Lang): string {
  const where = [issue.file, issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet]
    .filter(Boolean)
    .join(' › ');
  return `  [${CLI_TEXT[issue.severity][lang]}] ${where}: ${issue.message[lang]}`;
}

export function evaluateReport(outcome: EvaluateOutcome, lang: Lang): string {
  const { evaluation } = outcome;
  const vi = lang === 'vi';
  const lines: string[] = [];
  const files = outcome.files.length;
  const units = unitCount(evaluation.units.length, lang);
  lines.push(
    vi
      ? `Đã đánh giá ${files} tệp, ${units}.`
      : `Evaluated ${files} file${files === 1 ? '' : 's'}, ${units}.`,
  );
  for (const file of outcome.files) {
    const statuses = evaluation.units
      .filter((u) => u.file === file.input)
      .flatMap((u) => u.results.map((r) => r.status));
    lines.push(
      `  ${file.input} → ${file.output}  (${unitCount(file.units, lang)}: ${statusCounts(statuses, lang)})`,
    );
  }
  lines.push(...overallLines(evaluation, lang, statusCounts));

  const problems = evaluation.issues.filter((i) => i.severity !== 'info');
  if (problems.length > 0) {
    lines.push(
      vi ? `Lỗi và cảnh báo (${problems.length}):` : `Errors and warnings (${problems.length}):`,
    );
    for (const issue of problems.slice(0, MAX_ISSUES_PRINTED)) lines.push(issueLine(issue, lang));
    if (problems.length > MAX_ISSUES_PRINTED) {
      lines.push(`  … ${problems.length - MAX_ISSUES_PRINTED} ${CLI_TEXT.moreIssues[lang]}`);
    }
  }
  if (outcome.summaryFile) lines.push(`${CLI_TEXT.summary[lang]}: ${outcome.summaryFile}`);
  if (outcome.jsonFile && outcome.jsonFile !== '-') {
    lines.push(`${CLI_TEXT.json[lang]}: ${outcome.jsonFile}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The tour: the files written, then the province's results as a table, then what to fix. */
export function demoReport(demo: DemoOutcome, lang: Lang): string {
  const { evaluation, files, summaryFile, jsonFile } = demo.evaluation;
  const vi = lang === 'vi';
  const lines: string[] = [
    vi
      ? `Union Targets: ví dụ một tỉnh với ${demo.unitFiles.length} đơn vị báo cáo`
      : `Union Targets: a sample province with ${demo.unitFiles.length} reporting units`,
    '',
    `${CLI_TEXT.template[lang]}: ${demo.template}`,
    `${CLI_TEXT.unitFiles[lang]}:`,
    ...demo.unitFiles.map((u) => `  ${u.file}  (${u.unit})`),
    `${CLI_TEXT.evaluated[lang]}:`,
    ...files.map((f) => {
      const statuses = evaluation.units
        .filter((u) => u.file === f.input)
        .flatMap((u) => u.results.map((r) => r.status));
      return `  ${f.output}  (${statusCounts(statuses, lang)})`;
    }),
  ];
  if (summaryFile) lines.push(`${CLI_TEXT.summary[lang]}: ${summaryFile}`);
  if (jsonFile) lines.push(`${CLI_TEXT.json[lang]}: ${jsonFile}`);
  lines.push(
    '',
    `${CLI_TEXT.province[lang]} (${unitCount(evaluation.units.length, lang)}): ${statusCounts(
      evaluation.consolidated.map((r) => r.status),
      lang,
    )}`,
    '',
    consolidatedTable(evaluation, lang),
  );
  const problems = evaluation.issues.filter((i) => i.severity !== 'info');
  if (problems.length > 0) {
    lines.push(
      '',
      vi ? `Lỗi và cảnh báo (${problems.length}):` : `Errors and warnings (${problems.length}):`,
    );
    for (const issue of problems) lines.push(issueLine(issue, lang));
  }
  return `${lines.join('\n')}\n`;
}
