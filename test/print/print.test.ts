/**
 * The print check of SPEC §10: what the product writes, rendered by LibreOffice (an independent
 * spreadsheet application) to PDF, has no text printed over other text, the administrative header
 * and the signature block, repeated header rows, page numbers "Trang N/M", one typeface and no
 * text below 9 pt. The blank template, the four evaluated demo reports, the summaries of 4 and
 * 25 units and the exported 2020 plan sheet go through one LibreOffice run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDemo, sampleUnitWorkbook } from '../../src/cli/demo';
import { evaluateFiles } from '../../src/cli/evaluate-command';
import { planExportWorkbook } from '../../src/cli/plan-command';
import { SAMPLE_PROVINCE } from '../../src/cli/sample-province';
import { writeXlsxFile } from '../../src/workbook/xlsx/file';
import {
  commandExists,
  convertToPdf,
  overlappingLines,
  pdfFonts,
  readPdfPages,
  smallestTextSize,
  type PdfPage,
} from './pdf-pages';

const tools = commandExists('soffice') && commandExists('pdftotext') && commandExists('pdffonts');
if (!tools && process.env.CI) {
  throw new Error('The print check needs LibreOffice and poppler-utils (.ci/run installs them).');
}
const describePrint = tools ? describe : describe.skip;
if (!tools) {
  console.warn(
    'Print check skipped: install LibreOffice and poppler-utils ' +
      '(apt-get install libreoffice-calc-nogui poppler-utils fonts-liberation2).',
  );
}

const UNITS_25 = 25;

/** Twenty-five units: the demo's four, again and again, under names of their own. */
async function province25(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < UNITS_25; i++) {
    const base = SAMPLE_PROVINCE[i % SAMPLE_PROVINCE.length];
    const unit = { ...base, name: `${base.name} số ${i + 1}`, file: `don-vi-${i + 1}.xlsx` };
    const file = path.join(dir, unit.file);
    await writeXlsxFile(sampleUnitWorkbook(unit, 'vi'), file);
    files.push(file);
  }
  return files;
}

describePrint('printing (LibreOffice renders, SPEC §10)', () => {
  let dir: string;
  const pdfs = new Map<string, { pages: PdfPage[]; file: string }>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ut-print-'));
    const demo = await runDemo({ out: path.join(dir, 'demo'), lang: 'vi' });
    const big = path.join(dir, 'province-25');
    const units = await province25(big);
    const summary25 = path.join(dir, 'tong-hop-25.xlsx');
    await evaluateFiles({
      files: units,
      out: path.join(big, 'ket-qua'),
      summary: summary25,
      lang: 'vi',
    });
    const reports = demo.evaluation.files.map((f) => f.output);
    const summary4 = demo.evaluation.summaryFile!;
    const plan = path.join(dir, 'bo-chi-tieu.xlsx');
    await writeXlsxFile(planExportWorkbook('vi'), plan);
    const files = [demo.template, ...reports, summary4, summary25, plan];
    const outDir = path.join(dir, 'pdf');
    convertToPdf(files, outDir, path.join(dir, 'lo-profile'));
    for (const file of files) {
      const pdf = path.join(outDir, `${path.basename(file, '.xlsx')}.pdf`);
      pdfs.set(path.basename(file, '.xlsx'), { pages: readPdfPages(pdf), file: pdf });
    }
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = (name: string) => {
    const found = pdfs.get(name);
    if (!found) throw new Error(`no PDF for ${name}: ${[...pdfs.keys()].join(', ')}`);
    return found;
  };
  const allText = (pages: PdfPage[]) => pages.map((p) => p.text).join('\n');

  function expectPrintable(name: string) {
    const { pages, file } = get(name);
    expect(overlappingLines(pages)).toEqual([]);
    expect(smallestTextSize(pages)).toBeGreaterThanOrEqual(8.9);
    // One typeface: Liberation Serif is what LibreOffice prints Times New Roman with.
    for (const font of pdfFonts(file)) expect(font).toMatch(/^(LiberationSerif|TimesNewRoman)/);
    // Every page numbered "Trang N/M".
    pages.forEach((page, i) => expect(page.text).toContain(`Trang ${i + 1}/${pages.length}`));
    return pages;
  }

  function expectHeaderAndSignature(pages: PdfPage[]) {
    const first = pages[0].text;
    expect(first).toContain('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toMatch(/ngày .+ tháng .+ năm/);
    const text = allText(pages);
    for (const words of ['NGƯỜI LẬP BIỂU', 'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH']) {
      expect(text).toContain(words);
    }
  }

  /** The last text line above the footer of each page. */
  const lastLines = (pages: PdfPage[]) =>
    pages.map((page) => {
      const body = page.lines.filter((l) => !/^Trang \d+\/\d+$/.test(l.text));
      return body[body.length - 1]?.text ?? '';
    });

  it('the blank template: header, signature, repeated header row, three pages', () => {
    const pages = expectPrintable('mau-bao-cao-2020');
    expectHeaderAndSignature(pages);
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      for (const label of ['STT', 'Nội dung chỉ tiêu', 'Thực hiện', 'Đánh giá']) {
        expect(page.text).toContain(label);
      }
    }
    // The signature block is not alone on the last page: rules print above it.
    expect(pages[2].text).toMatch(/II\.7b[\s\S]*NGƯỜI LẬP BIỂU/);
  });

  it('the evaluated demo reports print like the template, with their results', () => {
    for (const name of ['tien-du', 'tu-son', 'cd-giao-duc', 'cd-khu-cong-nghiep']) {
      const pages = expectPrintable(`${name}.evaluated`);
      expectHeaderAndSignature(pages);
      expect(pages).toHaveLength(3);
      expect(allText(pages)).toMatch(/Không đạt|Gần đạt/);
    }
  });

  it('the summary of 4 units: header, signature, results by unit, matrix; no heading left alone', () => {
    const pages = expectPrintable('tong-hop');
    expectHeaderAndSignature(pages);
    const text = allText(pages);
    expect(text).toContain('TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2020');
    expect(text).toContain('KẾT QUẢ THEO ĐƠN VỊ');
    expect(text).toContain('Trang tính');
    expect(text).not.toMatch(/\bSheet\b/);
    for (const unit of SAMPLE_PROVINCE) expect(text).toContain(unit.name);
    const headings = ['CÁC CHỈ TIÊU CHƯA ĐẠT', 'LỖI SỐ LIỆU', 'KẾT QUẢ THEO ĐƠN VỊ', 'I', 'II'];
    for (const last of lastLines(pages)) expect(headings).not.toContain(last);
    // The summary (one page wide) and the matrix (its own pages).
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(pages.length).toBeLessThanOrEqual(10);
  });

  it('the summary of 25 units stays readable: the matrix repeats code and content on every page', () => {
    const pages = expectPrintable('tong-hop-25');
    expectHeaderAndSignature(pages);
    const matrixPages = pages.filter(
      (p) => p.text.includes('Nội dung') && !p.text.includes('Thực hiện'),
    );
    expect(matrixPages.length).toBeGreaterThanOrEqual(3);
    for (const page of matrixPages) expect(page.text).toMatch(/Mã\s+Nội dung\s+Chỉ tiêu/);
    const text = allText(pages);
    for (let i = 1; i <= UNITS_25; i++) expect(text).toMatch(new RegExp(`số ${i}\\b`));
    // The summary's list of targets not met grows with the units (about ten pages here); the
    // matrix takes three strips of nine units, each a few pages down.
    expect(pages.length).toBeLessThanOrEqual(30);
  });

  it('the exported 2020 plan sheet: header, signature, repeated header row, every rule', () => {
    const pages = expectPrintable('bo-chi-tieu');
    expectHeaderAndSignature(pages);
    for (const page of pages) {
      for (const label of ['STT', 'Mã chỉ', 'Nội dung chỉ tiêu', 'Mục tiêu', 'Thực hiện là']) {
        expect(page.text).toContain(label);
      }
    }
    const text = allText(pages);
    expect(text).toContain('CÁC CHỈ TIÊU PHẤN ĐẤU');
    for (const code of ['I.1a', 'I.4b', 'II.7b']) expect(text).toContain(code);
    // The plan fits one page wide: no page holds the table's columns without their content.
    expect(pages.length).toBeLessThanOrEqual(6);
    expect(pages[pages.length - 1].text).toMatch(/II\.7b[\s\S]*NGƯỜI LẬP BIỂU/);
  });
});
