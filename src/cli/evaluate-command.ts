/**
 * `union-targets evaluate`: read every input once, evaluate, apply the write plans in memory, and
 * only when every file has gone through write the outputs. Inputs are never written.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Catalogue, Lang, Localized } from '../catalogue/types';
import { buildUnitMatrixSheet, UNIT_MATRIX_SHEET_NAME } from '../template/unit-matrix';
import {
  buildSummarySheet,
  evaluateWorkbooks,
  type EvaluateOptions,
  planEvaluation,
  SUMMARY_SHEET_NAME,
} from '../template';
import type { Evaluation, WorkbookSnapshot } from '../template/types';
import {
  fileIdentity,
  inputIdentities,
  XlsxError,
  type InputIdentities,
} from '../workbook/xlsx/file';
import { snapshotFromPackage } from '../workbook/xlsx/light-reader';
import type { XlsxPackage } from '../workbook/xlsx/package';
import { readPackageFile, writePackageFile } from '../workbook/xlsx/package-file';
import { applyPlanToPackage } from '../workbook/xlsx/package-patcher';
import { newWorkbookPackage } from '../workbook/xlsx/new-package';
import { PatchError } from '../workbook/xlsx/sheet-patch';
import { CliError } from './errors';
import { evaluationToJson } from './json';
import { loadPlanWorkbook, planForBatch } from './plan-workbook';
import {
  assignOutputs,
  checkReplaceable,
  prepareFolder,
  SUMMARY_WORKBOOK_PROPERTIES,
} from './outputs';

export interface EvaluateRequest {
  files: string[];
  out?: string;
  json?: string;
  summary?: string;
  /** A workbook holding the plan sheet "Bộ chỉ tiêu" (SPEC §8). */
  plan?: string;
  lang: Lang;
  now?: Date;
}

export interface EvaluatedFile {
  input: string;
  output: string;
  /** Report sheets (units) found in the file. */
  units: number;
}

export interface EvaluateOutcome {
  evaluation: Evaluation;
  files: EvaluatedFile[];
  summaryFile: string | null;
  /** The JSON file written, "-" when the JSON is in `jsonText` for standard output, or null. */
  jsonFile: string | null;
  jsonText: string | null;
}

interface LoadedFile {
  input: string;
  output: string;
  pkg: XlsxPackage;
  snapshot: WorkbookSnapshot;
}

/** The same file named twice would count its units twice: keep the first mention. */
function distinctInputs(files: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const file of files) {
    const key = fileIdentity(file);
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(file);
    }
  }
  return kept;
}

function noReportSheet(file: string, evaluation: Evaluation): Localized {
  const why = evaluation.issues
    // The reader's own "no report sheet" issue says what this sentence says; keep the others
    // (a header lacking a column…), which say why.
    .filter((i) => i.file === file && i.severity === 'error' && i.kind !== 'no-report-sheet')
    .map((i) => i.message);
  const detail: Localized = {
    vi: why.length > 0 ? ` (${why.map((m) => m.vi).join('; ')})` : '',
    en: why.length > 0 ? ` (${why.map((m) => m.en).join('; ')})` : '',
  };
  return {
    vi: `Tệp "${file}" không có trang báo cáo nào: cần một dòng tiêu đề có cột "Mã chỉ tiêu" và cột "Thực hiện" trong 30 dòng đầu của trang${detail.vi}.`,
    en: `"${file}" holds no report sheet: a sheet needs a header row with a "Mã chỉ tiêu" (code) column and a "Thực hiện" (actual) column within its first 30 rows${detail.en}.`,
  };
}

async function checkOutputs(
  request: EvaluateRequest,
  inputs: InputIdentities,
  outputs: string[],
): Promise<void> {
  const reasons: Localized[] = [];
  const collect = async (check: Promise<void>) => {
    try {
      await check;
    } catch (error) {
      if (error instanceof CliError) reasons.push(...error.reasons);
      else throw error;
    }
  };
  for (const output of outputs) await collect(checkReplaceable(output, 'evaluated', inputs));
  const outputKeys = new Set(outputs.map((o) => path.resolve(o)));
  for (const [option, file, kind] of [
    ['--summary', request.summary, 'summary'],
    ['--json', request.json === '-' ? undefined : request.json, 'json'],
  ] as const) {
    if (file === undefined) continue;
    if (outputKeys.has(path.resolve(file))) {
      reasons.push({
        vi: `${option} "${file}" trùng tên với một tệp kết quả .evaluated.xlsx.`,
        en: `${option} "${file}" is the same file as an .evaluated.xlsx output.`,
      });
      continue;
    }
    await collect(checkReplaceable(file, kind, inputs));
  }
  if (
    request.summary &&
    request.json &&
    path.resolve(request.summary) === path.resolve(request.json)
  ) {
    reasons.push({
      vi: '--summary và --json không thể ghi vào cùng một tệp.',
      en: '--summary and --json cannot write the same file.',
    });
  }
  if (reasons.length > 0) throw new CliError(1, reasons);
}

export async function evaluateFiles(request: EvaluateRequest): Promise<EvaluateOutcome> {
  const now = request.now ?? new Date();
  const inputs = distinctInputs(request.files);
  // The plan workbook is an input too: never written over.
  const ids = inputIdentities(request.plan ? [...inputs, request.plan] : inputs);
  const outputs = assignOutputs(inputs, request.out);

  // Cheap checks first: a wrong --out must not cost the reading of fifty workbooks.
  if (request.out) await prepareFolder(request.out, true);
  await checkOutputs(request, ids, outputs);

  const planBook = request.plan ? await loadPlanWorkbook(request.plan) : undefined;
  const loaded: LoadedFile[] = [];
  const failures: Localized[] = [];
  // The files are read from disk together (the disk works while the reader parses), and
  // taken in the order given.
  const opened = await Promise.allSettled(inputs.map((input) => readPackageFile(input)));
  for (const [i, input] of inputs.entries()) {
    const result = opened[i];
    try {
      if (result.status === 'rejected') throw result.reason;
      const { pkg } = result.value;
      loaded.push({ input, output: outputs[i], pkg, snapshot: snapshotFromPackage(pkg, input) });
    } catch (error) {
      if (error instanceof XlsxError) failures.push(error.localized);
      else throw error;
    }
  }

  if (failures.length > 0) throw new CliError(1, failures);
  const plan = planForBatch(
    loaded.map((f) => f.snapshot),
    planBook,
  );
  const catalogue = plan.catalogue as Catalogue;
  const planWorkbook = planBook?.snapshot;
  const evaluation = evaluateWorkbooks(
    loaded.map((f) => f.snapshot),
    { catalogue, planWorkbook },
  );
  // The plan's own warnings (no year…) come first: they concern every unit.
  evaluation.issues.unshift(...plan.issues);
  const unitsPerFile = new Map<string, number>();
  // A copy of a unit already given is ignored in the consolidation, but its file has a report.
  for (const unit of [...evaluation.units, ...(evaluation.ignoredUnits ?? [])]) {
    if (unit.file !== undefined)
      unitsPerFile.set(unit.file, (unitsPerFile.get(unit.file) ?? 0) + 1);
  }
  for (const file of loaded) {
    if (!unitsPerFile.has(file.input)) failures.push(noReportSheet(file.input, evaluation));
  }
  if (failures.length > 0) throw new CliError(1, failures);

  if (!request.out) {
    for (const dir of new Set(outputs.map((o) => path.dirname(o)))) await prepareFolder(dir, false);
  }
  for (const file of [request.summary, request.json === '-' ? undefined : request.json]) {
    if (file !== undefined) await prepareFolder(path.dirname(file), true);
  }

  // Without --summary each output carries its own workbook's summary sheet, as Excel makes it;
  // with it, the one consolidated summary workbook is the summary of the batch. Every plan is
  // applied in memory before the first byte is written.
  const ownSummary = !request.summary;
  for (const file of loaded) {
    const own =
      ownSummary && loaded.length > 1
        ? ownEvaluation(file.snapshot, { catalogue, planWorkbook })
        : evaluation;
    const plan = planEvaluation(own, file.snapshot, {
      summary: ownSummary,
      lang: request.lang,
      now,
    });
    try {
      applyPlanToPackage(file.pkg, plan);
    } catch (error) {
      if (!(error instanceof PatchError)) throw error;
      failures.push({
        vi: `Tệp "${file.input}": ${error.localized.vi}`,
        en: `"${file.input}": ${error.localized.en}`,
      });
    }
  }
  if (failures.length > 0) throw new CliError(1, failures);

  let summaryBook: Promise<Buffer> | null = null;
  if (request.summary) {
    const sheet = buildSummarySheet(evaluation, {
      name: SUMMARY_SHEET_NAME,
      replace: false,
      lang: request.lang,
      now,
      links: { otherFiles: linksIntoOutputs(loaded, request.summary) },
    });
    const matrix = buildUnitMatrixSheet(evaluation, {
      name: UNIT_MATRIX_SHEET_NAME,
      replace: false,
      lang: request.lang,
      now,
    });
    summaryBook = newWorkbookPackage([sheet, matrix], { ...SUMMARY_WORKBOOK_PROPERTIES, now });
  }

  // Every output was checked writable above; they are written together, and a failure names
  // each file that could not be written.
  const writes = loaded.map(async (file) =>
    writePackageFile(await file.pkg.toBufferAsync(now), file.output, ids),
  );
  if (summaryBook && request.summary) {
    const file = request.summary;
    writes.push(summaryBook.then((bytes) => writePackageFile(bytes, file, ids)));
  }
  const written = await Promise.allSettled(writes);
  const writeFailures: Localized[] = [];
  for (const result of written) {
    if (result.status === 'fulfilled') continue;
    if (result.reason instanceof XlsxError) writeFailures.push(result.reason.localized);
    else throw result.reason;
  }
  if (writeFailures.length > 0) throw new CliError(1, writeFailures);

  let jsonText: string | null = null;
  if (request.json) {
    jsonText = `${JSON.stringify(evaluationToJson(evaluation, request.lang), null, 2)}\n`;
    if (request.json !== '-') {
      await fs.writeFile(request.json, jsonText, 'utf8').catch((error: unknown) => {
        throw new CliError(1, [
          {
            vi: `Không ghi được tệp JSON "${request.json}" (${(error as { code?: string }).code ?? 'lỗi không rõ'}).`,
            en: `Could not write the JSON file "${request.json}" (${(error as { code?: string }).code ?? 'unknown error'}).`,
          },
        ]);
      });
    }
  }

  return {
    evaluation,
    files: loaded.map((f) => ({
      input: f.input,
      output: f.output,
      units: unitsPerFile.get(f.input) ?? 0,
    })),
    summaryFile: request.summary ?? null,
    jsonFile: request.json ?? null,
    jsonText: request.json === '-' ? jsonText : null,
  };
}

/**
 * The consolidated summary is a workbook of its own: its links to a unit's cell open that unit's
 * `.evaluated.xlsx`, by a path relative to the summary's folder. A link target is a URI, so each
 * segment is percent-encoded (a space, a "#" or Vietnamese letters in a folder name).
 */
function linksIntoOutputs(
  loaded: readonly { input: string; output: string }[],
  summaryFile: string,
): Record<string, string> {
  const from = path.dirname(path.resolve(summaryFile));
  return Object.fromEntries(
    loaded.map((f) => [
      f.input,
      path.relative(from, path.resolve(f.output)).split(path.sep).map(encodeURIComponent).join('/'),
    ]),
  );
}

/**
 * One file's own evaluation, for its own summary sheet: its units against the same plan and
 * allocation; who has not reported is the batch's business, not one file's.
 */
function ownEvaluation(snapshot: WorkbookSnapshot, opts: EvaluateOptions): Evaluation {
  const own = evaluateWorkbooks([snapshot], opts);
  delete own.reporting;
  return own;
}
