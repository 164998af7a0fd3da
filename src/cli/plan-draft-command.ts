/**
 * `union-targets plan draft <file.txt> [--out FILE] [--json FILE|-]` (SPEC §13): the federation's
 * plan document in, a draft plan sheet (with "Cần xem lại") and/or its JSON out. Exit 0 when a
 * draft was written, whatever it flagged; 1 when the file cannot be read or holds no target.
 */
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Lang, Localized } from '../catalogue/types';
import { draftJson, draftPlan, type DraftPlan } from '../drafting/draft';
import { draftToPlanSheetInput } from '../drafting/draft-sheet';
import { buildPlanSheet } from '../template/plan-sheet';
import { addSheetPlan } from '../workbook/xlsx/exceljs-adapter';
import { isInputFile, writeXlsxFile, XlsxError } from '../workbook/xlsx/file';
import { CliError } from './errors';
import { prepareFolder } from './outputs';

export interface PlanDraftRequest {
  command: 'plan-draft';
  lang: Lang;
  file: string;
  out?: string;
  json?: string;
}

export interface PlanDraftOutcome {
  draft: DraftPlan;
  /** The workbook written, or null with only --json. */
  workbook: string | null;
  /** The JSON text when it goes to standard output ("--json -"). */
  jsonText: string | null;
}

const DRAFT_KEYWORD = 'union-targets-plan-draft';

function fail(reason: Localized): never {
  throw new CliError(1, [reason]);
}

/** The document's text: UTF-8 (with or without BOM) or UTF-16 with its BOM. */
async function readDocument(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT')
      fail({ vi: `Không có tệp "${file}".`, en: `There is no file "${file}".` });
    if (code === 'EISDIR')
      fail({
        vi: `"${file}" là một thư mục, không phải tệp văn bản.`,
        en: `"${file}" is a folder.`,
      });
    fail({ vi: `Không đọc được tệp "${file}".`, en: `Cannot read the file "${file}".` });
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    fail({
      vi: `Tệp "${file}" là tệp Word/Excel, không phải văn bản thuần; hãy mở văn bản và lưu dưới dạng .txt (UTF-8), hoặc dán nội dung vào ô "từ văn bản" của ngăn tác vụ.`,
      en: `"${file}" is a Word/Excel file, not plain text; save the document as .txt (UTF-8), or paste it into the pane's "from text" box.`,
    });
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({
      vi: `Tệp "${file}" không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8.`,
      en: `"${file}" is not UTF-8 text; save it again as UTF-8.`,
    });
  }
}

/** "ke-hoach.txt" → "ke-hoach.draft.xlsx" beside it. */
export function defaultDraftFile(input: string): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}.draft.xlsx`);
}

/** An existing file is replaced only when it is an earlier draft JSON of this command. */
async function checkWritable(file: string, input: string, json: boolean): Promise<void> {
  if (isInputFile(file, [input])) {
    fail({
      vi: `Không ghi đè lên tệp đầu vào "${file}"; hãy chọn nơi ghi khác.`,
      en: `Refusing to overwrite the input file "${file}"; choose another output.`,
    });
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return;
  if (json && stat.isFile()) {
    const earlier = await fs
      .readFile(file, 'utf8')
      .then((text) => {
        const data = JSON.parse(text) as Record<string, unknown>;
        return 'rules' in data && 'sections' in data && 'year' in data && !('units' in data);
      })
      .catch(() => false);
    if (earlier) return;
  }
  // A draft workbook may already hold the secretariat's review: it is theirs, never replaced.
  fail({
    vi: `Đã có "${file}", nên không ghi đè (có thể đó là bản đã xem lại); hãy chọn tên khác bằng --out hoặc xóa tệp đó.`,
    en: `"${file}" already exists, so it is not overwritten (it may hold a reviewed draft); choose another name with --out or delete it.`,
  });
}

async function writeDraftWorkbook(draft: DraftPlan, file: string, lang: Lang): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Union Targets';
  wb.keywords = DRAFT_KEYWORD;
  addSheetPlan(wb, buildPlanSheet(draftToPlanSheetInput(draft, lang)));
  await prepareFolder(path.dirname(file), true);
  try {
    await writeXlsxFile(wb, file);
  } catch (error) {
    if (error instanceof XlsxError) throw new CliError(1, [error.localized]);
    throw error;
  }
}

export async function runPlanDraft(request: PlanDraftRequest): Promise<PlanDraftOutcome> {
  const text = await readDocument(request.file);
  const draft = draftPlan(text);
  if (draft.rules.length === 0) {
    fail({
      vi: `Không tìm thấy chỉ tiêu nào trong "${request.file}": văn bản cần các đề mục "I.", "II." và các mục đánh số "1.", "2." có con số chỉ tiêu (như "110 đoàn viên trở lên", "90% CĐCS").`,
      en: `No target found in "${request.file}": the document needs headings "I.", "II." and numbered items "1.", "2." holding target figures (such as "110 đoàn viên trở lên", "90% CĐCS").`,
    });
  }
  const jsonToStdout = request.json === '-';
  const workbook =
    request.out ?? (request.json === undefined ? defaultDraftFile(request.file) : null);
  if (workbook !== null) await checkWritable(workbook, request.file, false);
  if (request.json !== undefined && !jsonToStdout)
    await checkWritable(request.json, request.file, true);

  const jsonText = `${JSON.stringify(draftJson(draft), null, 2)}\n`;
  if (workbook !== null) await writeDraftWorkbook(draft, workbook, request.lang);
  if (request.json !== undefined && !jsonToStdout) {
    await prepareFolder(path.dirname(request.json), true);
    try {
      await fs.writeFile(request.json, jsonText, 'utf8');
    } catch {
      fail({
        vi: `Không ghi được tệp "${request.json}".`,
        en: `Cannot write the file "${request.json}".`,
      });
    }
  }
  return { draft, workbook, jsonText: jsonToStdout ? jsonText : null };
}

/** What the command prints: where the draft went, how many rules, and each row to review. */
export function planDraftReport(outcome: PlanDraftOutcome, lang: Lang): string {
  const { draft } = outcome;
  const marked = draft.rules.filter((r) => r.review !== null);
  const lines: string[] = [];
  const year = draft.year ?? (lang === 'vi' ? 'không rõ năm' : 'year unknown');
  if (lang === 'vi') {
    if (outcome.workbook) lines.push(`Đã ghi bản nháp bộ chỉ tiêu: ${outcome.workbook}`);
    lines.push(
      `Năm ${year}: ${draft.sections.length} mục, ${draft.rules.length} chỉ tiêu, ${marked.length} dòng cần xem lại.`,
    );
  } else {
    if (outcome.workbook) lines.push(`Draft plan written: ${outcome.workbook}`);
    lines.push(
      `Year ${year}: ${draft.sections.length} sections, ${draft.rules.length} targets, ${marked.length} rows to review.`,
    );
  }
  for (const rule of marked) lines.push(`  ${rule.code}: ${rule.review}`);
  for (const skip of draft.skipped) {
    const text = skip.text.length > 60 ? `${skip.text.slice(0, 59)}…` : skip.text;
    lines.push(
      lang === 'vi'
        ? `  Mục ${skip.code} không có chỉ tiêu đo được, không thành dòng nào: "${text}"`
        : `  Item ${skip.code} holds no measurable target and gave no row: "${text}"`,
    );
  }
  lines.push(
    lang === 'vi'
      ? 'Đây là bản đề xuất: hãy xem lại từng dòng rồi lưu thành trang "Bộ chỉ tiêu" trước khi đánh giá.'
      : 'This is a proposal: review each row, then save it as the plan sheet before evaluating.',
  );
  return `${lines.join('\n')}\n`;
}
