/**
 * `npm run print-pages`: page images for README of what the product prints, as LibreOffice renders
 * it: the blank template's first page, and the first page of the demo's summary and of its unit
 * matrix. Only this command writes them (assets/screenshots/print-*.png); `npm test` never does.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDemo } from '../../src/cli/demo';
import { commandExists, convertToPdf, readPdfPages } from './pdf-pages';

const OUT = path.join(__dirname, '..', '..', 'assets', 'screenshots');

/** One page of a PDF as a PNG at `dpi`, copied to `target`. */
function pageImage(pdf: string, page: number, target: string, dpi = 70): void {
  const prefix = path.join(path.dirname(pdf), `${path.basename(pdf, '.pdf')}-p${page}`);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    pdf,
    prefix,
  ]);
  const made = readdirSync(path.dirname(pdf)).find(
    (f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'),
  );
  if (!made) throw new Error(`pdftoppm made no image of page ${page} of ${pdf}`);
  copyFileSync(path.join(path.dirname(pdf), made), target);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

async function main(): Promise<void> {
  for (const tool of ['soffice', 'pdftoppm', 'pdftotext']) {
    if (!commandExists(tool)) {
      throw new Error(`${tool} is missing: apt-get install libreoffice-calc-nogui poppler-utils`);
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ut-print-pages-'));
  try {
    const demo = await runDemo({ out: path.join(dir, 'demo'), lang: 'vi' });
    const summary = demo.evaluation.summaryFile!;
    const pdfDir = path.join(dir, 'pdf');
    convertToPdf([demo.template, summary], pdfDir, path.join(dir, 'lo-profile'));
    const templatePdf = path.join(pdfDir, `${path.basename(demo.template, '.xlsx')}.pdf`);
    const summaryPdf = path.join(pdfDir, `${path.basename(summary, '.xlsx')}.pdf`);
    pageImage(templatePdf, 1, path.join(OUT, 'print-template.png'));
    pageImage(summaryPdf, 1, path.join(OUT, 'print-summary.png'));
    // The matrix starts on the first page with its own title.
    const pages = readPdfPages(summaryPdf);
    const matrix = pages.findIndex((p) => p.text.includes('CỦA TỪNG ĐƠN VỊ'));
    if (matrix >= 0) pageImage(summaryPdf, matrix + 1, path.join(OUT, 'print-matrix.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
