/**
 * Where outputs go and what they may replace. An input is never overwritten; an existing file is
 * replaced only when it is an earlier output of this tool (an .evaluated.xlsx, a summary workbook
 * made by it, a blank template, its JSON), so a user's own workbook is never lost to a typo.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../catalogue';
import { readPlanSheet } from '../catalogue/plan-sheet-reader';
import type { Catalogue } from '../catalogue/types';
import { catalogueToPlanSheetInput } from '../template/plan-sheet';
import type { Localized } from '../catalogue/types';
import { readReportSheet } from '../template';
import { snapshotWorksheet } from '../workbook/xlsx/exceljs-adapter';
import { isInputFile, readXlsxFile, type InputIdentities } from '../workbook/xlsx/file';
import { readZipEntryText } from '../workbook/xlsx/zip-entry';
import { CliError } from './errors';

export const EVALUATED_SUFFIX = '.evaluated.xlsx';
/** A macro-enabled workbook stays one: its output keeps the .xlsm extension and its macros. */
export const EVALUATED_MACRO_SUFFIX = '.evaluated.xlsm';

function evaluatedSuffix(input: string): string {
  return path.extname(input).toLowerCase() === '.xlsm' ? EVALUATED_MACRO_SUFFIX : EVALUATED_SUFFIX;
}

/** "data/a.xlsx" → "a.evaluated.xlsx" ("a.xlsm" → "a.evaluated.xlsm"). */
export function evaluatedName(input: string): string {
  return `${path.parse(input).name}${evaluatedSuffix(input)}`;
}

/**
 * The output path of each input: DIR (or the input's folder) / <name>.evaluated.xlsx. Two inputs
 * of the same name from different folders get "a (2).evaluated.xlsx" rather than one output.
 */
export function assignOutputs(inputs: readonly string[], outDir?: string): string[] {
  const taken = new Set<string>();
  return inputs.map((input) => {
    const dir = outDir ?? path.dirname(input);
    const name = path.parse(input).name;
    for (let n = 1; ; n++) {
      const file = path.join(dir, `${n === 1 ? name : `${name} (${n})`}${evaluatedSuffix(input)}`);
      const key = path.resolve(file);
      if (!taken.has(key)) {
        taken.add(key);
        return file;
      }
    }
  });
}

function code(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

function folderError(dir: string, error: unknown): CliError {
  switch (code(error)) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new CliError(1, [
        {
          vi: `Không có quyền ghi vào thư mục "${dir}".`,
          en: `No permission to write in folder "${dir}".`,
        },
      ]);
    case 'ENOTDIR':
    case 'EEXIST':
      return new CliError(1, [
        {
          vi: `"${dir}" là một tệp, không phải thư mục.`,
          en: `"${dir}" is a file, not a folder.`,
        },
      ]);
    case 'ENOENT':
      return new CliError(1, [
        { vi: `Không có thư mục "${dir}".`, en: `Folder "${dir}" does not exist.` },
      ]);
    default:
      return new CliError(1, [
        {
          vi: `Không ghi được vào thư mục "${dir}" (${code(error) ?? 'lỗi không rõ'}).`,
          en: `Cannot write in folder "${dir}" (${code(error) ?? 'unknown error'}).`,
        },
      ]);
  }
}

/**
 * Makes sure files can be written in `dir` before any work is done (creating it when asked), so
 * a batch never stops half-way for want of permission.
 */
export async function prepareFolder(dir: string, create: boolean): Promise<void> {
  try {
    if (create) await fs.mkdir(dir, { recursive: true });
    const probe = path.join(dir, `.union-targets-${process.pid}-${randomBytes(4).toString('hex')}`);
    await fs.writeFile(probe, '', { flag: 'wx' });
    await fs.rm(probe, { force: true });
  } catch (error) {
    throw folderError(dir, error);
  }
}

export type OutputKind = 'evaluated' | 'summary' | 'template' | 'json' | 'plan';

function notOurs(file: string): Localized {
  return {
    vi: `Đã có tệp "${file}" và đó không phải kết quả cũ của union-targets, nên không ghi đè; hãy chọn tên khác hoặc xóa tệp đó.`,
    en: `"${file}" already exists and is not an earlier output of union-targets, so it is not overwritten; choose another name or delete it.`,
  };
}

/** Written into the summary workbook's properties, so a later run knows it may replace it. */
const SUMMARY_WORKBOOK_KEYWORD = 'union-targets-summary';

/** Written into the summary workbook's core properties. */
export const SUMMARY_WORKBOOK_PROPERTIES = {
  creator: 'Union Targets',
  keywords: SUMMARY_WORKBOOK_KEYWORD,
};

/** Read from the file's properties alone: no need to load a big summary to recognise it. */
async function isEarlierSummary(file: string): Promise<boolean> {
  const core = readZipEntryText(file, 'docProps/core.xml');
  return core !== null && core.includes(`<cp:keywords>${SUMMARY_WORKBOOK_KEYWORD}</cp:keywords>`);
}

async function isBlankTemplate(file: string): Promise<boolean> {
  const wb = await readXlsxFile(file);
  const catalogue = loadCatalogue();
  return (
    wb.worksheets.length > 0 &&
    wb.worksheets.every((ws) => {
      const { report } = readReportSheet(snapshotWorksheet(ws), catalogue);
      return (
        report !== null &&
        report.rows.every(
          (row) => row.input.actual.kind === 'empty' && row.input.denominator.kind === 'empty',
        )
      );
    })
  );
}

async function isEarlierJson(file: string): Promise<boolean> {
  const data: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
  return (
    typeof data === 'object' &&
    data !== null &&
    'catalogue' in data &&
    'units' in data &&
    'consolidated' in data
  );
}

/**
 * An earlier `plan export` left as it was written: one plan sheet holding the built-in plan. A
 * plan the secretariat has edited is their work, and is never replaced.
 */
async function isUnchangedPlanExport(file: string): Promise<boolean> {
  const wb = await readXlsxFile(file);
  if (wb.worksheets.length !== 1) return false;
  const reading = readPlanSheet(snapshotWorksheet(wb.worksheets[0]));
  const exported = (c: Catalogue) => JSON.stringify(catalogueToPlanSheetInput(c));
  return reading.catalogue !== null && exported(reading.catalogue) === exported(loadCatalogue());
}

const EARLIER_OUTPUT: Record<
  Exclude<OutputKind, 'evaluated'>,
  (file: string) => Promise<boolean>
> = {
  summary: isEarlierSummary,
  template: isBlankTemplate,
  json: isEarlierJson,
  plan: isUnchangedPlanExport,
};

/** Throws a CliError (exit 1) unless `file` may be written: never an input, never a user's file. */
export async function checkReplaceable(
  file: string,
  kind: OutputKind,
  inputs: readonly string[] | InputIdentities,
): Promise<void> {
  if (isInputFile(file, inputs)) {
    throw new CliError(1, [
      {
        vi: `Không ghi đè lên tệp đầu vào "${file}"; hãy chọn nơi ghi khác.`,
        en: `Refusing to overwrite the input file "${file}"; choose another output.`,
      },
    ]);
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) {
    throw new CliError(1, [
      {
        vi: `"${file}" là một thư mục; hãy cho tên một tệp.`,
        en: `"${file}" is a folder; give a file name.`,
      },
    ]);
  }
  if (kind === 'evaluated') return;
  const ours = await EARLIER_OUTPUT[kind](file).catch(() => false);
  if (!ours) throw new CliError(1, [notOurs(file)]);
}
