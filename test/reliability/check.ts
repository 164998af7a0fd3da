/**
 * What every fixture of the corpus is checked for, on the ExcelJS path: the expected statuses and
 * issues with messages that name the sheet and cell; each status written into its own row; nothing
 * changed outside the output cells; evaluating twice the same as once; clear giving the workbook
 * back; a summary of literal text with links that reach real cells.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { STATUS_INFO } from '../../src/engine/status';
import { parseA1 } from '../../src/template/address';
import type { Evaluation, RuleRow, TemplateIssue } from '../../src/template/types';
import type { Case, Expectation, IssueExpectation, ResultExpectation } from './corpus';
import {
  clearXlsx,
  evaluateXlsx,
  fileName,
  madeSheetNames,
  outputCells,
  readXlsxFile,
  saveFixture,
  type EvaluatedFile,
} from './pipeline';
import {
  diffWorkbooks,
  withoutStatusColours,
  workbookState,
  type WorkbookState,
} from './workbook-state';

/** Excel holds at most 32,767 characters in a cell. */
const EXCEL_CELL_LIMIT = 32_767;
/** A message longer than this is no longer one a person reads and acts on. */
const MESSAGE_LIMIT = 1_000;

export interface CaseRun {
  input: string;
  original: ExcelJS.Workbook;
  first: EvaluatedFile;
  /** The evaluated file read back; null when nothing was written. */
  evaluated: ExcelJS.Workbook | null;
  /** The same file evaluated a second time, read back. */
  twice: ExcelJS.Workbook | null;
  /** The evaluated file cleared, read back (the original cleared when nothing was written). */
  cleared: ExcelJS.Workbook | null;
}

/** Saves the fixture and runs it through evaluate, evaluate again, and clear. */
export async function runCase(dir: string, c: Case): Promise<CaseRun> {
  const base = fileName(c.name);
  const input = await saveFixture(dir, base, c.build);
  const out = (suffix: string) => path.join(dir, `${base}.${suffix}.xlsx`);
  const first = await evaluateXlsx(input, out('evaluated'));
  const run: CaseRun = {
    input,
    original: await readXlsxFile(input),
    first,
    evaluated: null,
    twice: null,
    cleared: null,
  };
  if (first.applyError) return run;
  if (first.output) {
    run.evaluated = await readXlsxFile(first.output);
    const second = await evaluateXlsx(first.output, out('twice'));
    run.twice = second.output ? await readXlsxFile(second.output) : null;
    await clearXlsx(first.output, out('cleared'));
  } else {
    await clearXlsx(input, out('cleared'));
  }
  run.cleared = await readXlsxFile(out('cleared'));
  return run;
}

// ---------------------------------------------------------------------------------------------

function isResult(e: Expectation): e is ResultExpectation {
  return 'code' in e;
}

function ruleRow(evaluation: Evaluation, sheet: string, code: string): RuleRow | undefined {
  return evaluation.units
    .find((u) => u.report.sheet === sheet)
    ?.report.rows.find((row) => row.code === code);
}

/** The message names the sheet and the cell, in Vietnamese and in English. */
function expectPlace(message: { vi: string; en: string }, sheet: string, cell: string | null) {
  if (sheet !== '') {
    expect(message.vi).toContain(sheet);
    expect(message.en).toContain(sheet);
  }
  if (cell !== null) {
    expect(message.vi).toMatch(new RegExp(`\\b${cell}\\b`));
    expect(message.en).toMatch(new RegExp(`\\b${cell}\\b`));
  }
}

function checkResult(evaluation: Evaluation, e: ResultExpectation): void {
  const unit = evaluation.units.find((u) => u.report.sheet === e.sheet);
  expect(unit).toBeDefined();
  const result = unit!.results.find((r) => r.code === e.code);
  expect({ code: e.code, status: result?.status, kind: result?.invalidKind }).toEqual({
    code: e.code,
    status: e.status,
    kind: e.invalidKind,
  });
  expect(result!.message.vi).toMatch(e.message);
  // A judged result's message gives figures, not a place: its row is checked where it is written.
  if (e.cell !== null) expectPlace(result!.message, e.sheet, e.cell);
  if (e.status === 'INVALID') {
    // Every INVALID result is also listed among the issues, at its cell.
    const issue = evaluation.issues.find(
      (i) => i.sheet === e.sheet && i.code === e.code && i.kind.startsWith('invalid-'),
    );
    expect({ sheet: issue?.sheet, cell: issue?.cell }).toEqual({ sheet: e.sheet, cell: e.cell });
  }
}

function matchesKind(issue: TemplateIssue, kind: string | RegExp): boolean {
  return typeof kind === 'string' ? issue.kind === kind : kind.test(issue.kind);
}

function checkIssue(evaluation: Evaluation, e: IssueExpectation): void {
  const found = evaluation.issues.filter(
    (i) => matchesKind(i, e.issue) && i.sheet === e.sheet && i.cell === e.cell,
  );
  const seen = evaluation.issues.map((i) => `${i.kind} ${i.sheet}!${i.cell}`);
  expect({ found: found.length > 0, seen }).toEqual({ found: true, seen });
  const issue = found[0];
  expect(issue.severity).toBe(e.severity);
  expect(issue.message.vi).toMatch(e.message);
  expectPlace(issue.message, e.sheet, e.cell);
}

/** Each expectation of the case, against an evaluation (from either path). */
export function checkExpectations(evaluation: Evaluation, c: Case): void {
  for (const e of c.expect) {
    if (isResult(e)) checkResult(evaluation, e);
    else checkIssue(evaluation, e);
  }
}

/** Every message of the evaluation is short enough to read. */
export function checkMessageLengths(evaluation: Evaluation): void {
  const long = [
    ...evaluation.issues.map((i) => i.message.vi),
    ...evaluation.units.flatMap((u) => u.results.map((r) => r.message.vi)),
  ].filter((m) => m.length > MESSAGE_LIMIT);
  expect(long.map((m) => `${m.length} characters: ${m.slice(0, 80)}…`)).toEqual([]);
}

function valueAt(wb: ExcelJS.Workbook, sheet: string, a1: string): ExcelJS.CellValue {
  return wb.getWorksheet(sheet)?.getCell(a1).value ?? null;
}

/** The label of every result is in the Đánh giá cell of its own row. */
export function checkStatusCells(
  evaluation: Evaluation,
  read: (sheet: string, a1: string) => unknown,
): void {
  const wrong: string[] = [];
  for (const unit of evaluation.units) {
    if (unit.report.outputBlocked) continue;
    for (const result of unit.results) {
      const row = ruleRow(evaluation, unit.report.sheet, result.code);
      // A status cell the reader keeps (merged, the unit's formula) is checked as left alone.
      if (!row || row.keptOutputs?.includes('status')) continue;
      const label = STATUS_INFO[result.status].label.vi;
      const written = read(unit.report.sheet, row.outputCells.status);
      if (written !== label) {
        wrong.push(`${unit.report.sheet}!${row.outputCells.status} (${result.code}): ${written}`);
      }
    }
  }
  expect(wrong).toEqual([]);
}

export function checkStatusCellsInFile(run: CaseRun): void {
  checkStatusCells(run.first.evaluation, (sheet, a1) => valueAt(run.evaluated!, sheet, a1));
}

export function stateOf(wb: ExcelJS.Workbook): WorkbookState {
  return workbookState(wb, { addinNames: true });
}

/** Cells outside the output cells of rule rows (and the summary) are exactly as they were. */
export function checkOutsideOutputs(run: CaseRun): void {
  const exclude = outputCells(run.first.evaluation, madeSheetNames(run.first.plan));
  const before = workbookState(run.original);
  const after = workbookState(run.evaluated!);
  expect(diffWorkbooks(before, after, exclude)).toEqual([]);
}

export function checkTwice(run: CaseRun): void {
  expect(run.twice).not.toBeNull();
  expect(diffWorkbooks(stateOf(run.evaluated!), stateOf(run.twice!))).toEqual([]);
}

/**
 * Clear gives back the original, except that the output cells evaluation wrote lose their fills
 * and font colours: SPEC §4, clear "empties those cells, removes their fills" (and the status
 * font colour that goes with each fill). Their values, number formats and all else come back.
 */
export function checkCleared(run: CaseRun): void {
  const written = outputCells(run.first.evaluation, null);
  const expected = withoutStatusColours(stateOf(run.original), written);
  expect(diffWorkbooks(expected, stateOf(run.cleared!))).toEqual([]);
}

export function checkRefused(run: CaseRun, c: Case): void {
  const refused = c.refused!;
  const error = run.first.applyError as { localized?: { vi: string; en: string } };
  expect(error?.localized).toBeDefined();
  expect(error.localized!.vi).toMatch(refused.message);
  expect(error.localized!.vi).toContain(`"${refused.sheet}"`);
  expect(error.localized!.en).toContain(`"${refused.sheet}"`);
  expect(run.first.output).toBeNull();
  expect(diffWorkbooks(stateOf(run.original), stateOf(run.first.workbook))).toEqual([]);
}

/** "#'Bob''s'!F8" → the sheet and the cell; null when it is not a link into the workbook. */
export function parseInternalLink(target: string): { sheet: string; cell: string } | null {
  const m = /^#(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+)$/.exec(target);
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: m[3] };
}

/**
 * The summary: no formula anywhere, every text within Excel's cell limit, every link a link to a
 * cell of a sheet that exists, and the case's own texts and links present.
 */
export function checkSummary(run: CaseRun, c: Case): void {
  const name = run.first.plan?.summary?.name;
  expect(name).toBeDefined();
  const wb = run.evaluated!;
  const ws = wb.getWorksheet(name!);
  expect(ws).toBeDefined();
  const texts = new Set<string>();
  const links: string[] = [];
  const problems: string[] = [];
  ws!.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (cell.type === ExcelJS.ValueType.Formula) problems.push(`${cell.address} is a formula`);
      if (typeof v === 'string') {
        texts.add(v);
        if (v.length > EXCEL_CELL_LIMIT) problems.push(`${cell.address}: ${v.length} characters`);
      }
      if (v && typeof v === 'object' && 'hyperlink' in v) {
        links.push(v.hyperlink);
        const to = parseInternalLink(v.hyperlink);
        const sheet = to && wb.getWorksheet(to.sheet);
        if (!to || !sheet || !parseA1(to.cell)) {
          problems.push(`${cell.address} links to ${v.hyperlink}`);
        }
      }
    }),
  );
  expect(problems).toEqual([]);
  for (const text of c.summaryTexts ?? []) expect([...texts]).toContain(text);
  for (const link of c.summaryLinks ?? []) expect(links).toContain(link);
}

/** The tests of one fixture of the corpus, on the ExcelJS path; `dir` gives the temp folder. */
export function caseTests(c: Case, dir: () => string): void {
  let run: CaseRun;
  beforeAll(async () => {
    run = await runCase(dir(), c);
  });

  it('says what is wrong, naming the sheet and the cell', () => {
    checkExpectations(run.first.evaluation, c);
    checkMessageLengths(run.first.evaluation);
  });

  if (c.refused) {
    it('refuses to write, naming the sheet, and leaves the workbook as it was', () => {
      checkRefused(run, c);
    });
    return;
  }

  if (c.noReportSheet) {
    it('writes nothing, and says the workbook has no report sheet', () => {
      expect(run.first.evaluation.units).toEqual([]);
      expect(run.first.output).toBeNull();
      expect(run.first.evaluation.issues.map((i) => i.kind)).toContain('no-report-sheet');
    });
  } else {
    it('writes each status into the Đánh giá cell of its own row', () => {
      checkStatusCellsInFile(run);
    });

    it('changes nothing outside the output cells of rule rows', () => {
      checkOutsideOutputs(run);
    });

    it('gives the same workbook when evaluated twice', () => {
      checkTwice(run);
    });

    it('writes a summary of literal text whose links reach real cells', () => {
      checkSummary(run, c);
    });
  }

  it('gives back the workbook as it was when cleared', () => {
    checkCleared(run);
  });
}
