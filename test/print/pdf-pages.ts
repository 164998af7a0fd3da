/**
 * What a PDF rendered by LibreOffice shows, read from `pdftotext -bbox-layout`: per page, the text
 * lines with their boxes and the words' heights; and the checks SPEC §10 asks of a printed form.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface PdfLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface PdfPage {
  lines: PdfLine[];
  /** Every line's text, in reading order, joined by newlines. */
  text: string;
}

export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function readPdfPages(pdf: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const lines: PdfLine[] = [];
      const pattern =
        /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
      for (const m of page.matchAll(pattern)) {
        const words = [...m[5].matchAll(/>([^<]*)<\/word>/g)].map((w) => decode(w[1]));
        lines.push({
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          y1: Number(m[4]),
          text: words.join(' '),
        });
      }
      lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
      return { lines, text: lines.map((l) => l.text).join('\n') };
    });
}

/**
 * Pairs of lines printed over each other: boxes that intersect by more than a quarter of the
 * smaller line's height and by any width (the rule of ../shared/tools/print-overlap.py).
 */
export function overlappingLines(pages: PdfPage[]): string[] {
  const found: string[] = [];
  pages.forEach((page, p) => {
    const lines = page.lines;
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i];
        const b = lines[j];
        if (b.y0 > a.y1) break;
        const h = Math.min(a.y1 - a.y0, b.y1 - b.y0);
        const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        if (dy > 0.25 * h && dx > 1) found.push(`page ${p + 1}: "${a.text}" / "${b.text}"`);
      }
    }
  });
  return found;
}

/**
 * The smallest printed text size, in points: a line's box is the font's ascent plus descent, 1.107
 * em for Liberation Serif (Times New Roman's metric twin).
 */
export function smallestTextSize(pages: PdfPage[]): number {
  let smallest = Infinity;
  for (const page of pages) {
    for (const line of page.lines) smallest = Math.min(smallest, (line.y1 - line.y0) / 1.107);
  }
  return smallest;
}

/** The fonts the PDF embeds (pdffonts), without their subset prefixes. */
export function pdfFonts(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0])
    .filter((name) => name)
    .map((name) => name.replace(/^[A-Z]{6}\+/, ''));
}

/**
 * Converts every file to PDF with one LibreOffice run (its own profile, so parallel runs do not
 * collide); the PDFs go to `outDir` under the files' base names.
 */
export function convertToPdf(files: string[], outDir: string, profile: string): void {
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
}
