/**
 * Workbooks for the nothing-lost tests (SPEC §11): Excel's own files with a report sheet added as
 * a new part, a report saved by LibreOffice, a macro-enabled copy, and the comparisons of an
 * input package with an output package part by part.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { buildBlankTemplate } from '../../src/template';
import type { CellWrite, SheetPlan } from '../../src/template/types';
import { XlsxPackage } from '../../src/workbook/xlsx/package';
import { PackagePatcher } from '../../src/workbook/xlsx/package-patcher';
import { scanSheet } from '../../src/workbook/xlsx/sheet-scan';
import { splice } from '../../src/workbook/xlsx/sheet-patch';
import { makeEntry, readZipEntries, writeZip } from '../../src/workbook/xlsx/zip-package';
import { addTemplateSheet } from '../reliability/builders';

const run = promisify(execFile);

export const EXCEL_CORPUS = path.resolve(__dirname, '../../../shared/corpus/excel');

/** Why LibreOffice cannot be used here, or null when it can. */
export function libreOfficeMissing(): string | null {
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  return soffice ? null : 'soffice not found (apt-get install libreoffice-calc-nogui)';
}

/** `soffice --headless --convert-to <to>` of `file` into `outDir`; returns the new file's path. */
export async function convertWithLibreOffice(
  file: string,
  to: string,
  outDir: string,
): Promise<string> {
  await fs.mkdir(outDir, { recursive: true });
  const profile = path.join(
    os.tmpdir(),
    `lo-ut-${process.pid}-${Math.random().toString(36).slice(2)}`,
  );
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        file,
      ],
      { timeout: 120_000 },
    );
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, `${path.parse(file).name}.${to.split(':')[0]}`);
  if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${file} to ${to}`);
  return out;
}

export async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}

/** The blank template as a report sheet with figures in Thực hiện and Tổng số of every rule. */
export function filledReportPlan(name: string, unitName: string): SheetPlan {
  const plan = buildBlankTemplate({ sheetName: name, unitName });
  const header = plan.cells.find((c) => c.value === 'Thực hiện')!;
  const denominator = plan.cells.find((c) => c.row === header.row && c.value === 'Tổng số')!;
  const figures: CellWrite[] = [];
  plan.cells
    .filter((c) => c.col === 1 && c.row > header.row && typeof c.value === 'string')
    .forEach((c, i) => {
      figures.push({ row: c.row, col: header.col, value: 40 + i });
      figures.push({ row: c.row, col: denominator.col, value: 50 });
    });
  return { ...plan, replace: false, cells: [...plan.cells, ...figures] };
}

/** A copy of a package with a report sheet added: a new part, its relationship and content type. */
export function withReportSheet(data: Buffer, name = 'Báo cáo'): Buffer {
  const pkg = new XlsxPackage(data);
  new PackagePatcher(pkg).apply({
    sheets: [],
    extraSheets: [filledReportPlan(name, 'LĐLĐ huyện Tiên Du')],
  });
  return pkg.toBuffer();
}

const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** The package as an .xlsm: a VBA project part (opaque bytes) with its relationship and type. */
export function asMacroWorkbook(data: Buffer, vba: Buffer): Buffer {
  const pkg = new XlsxPackage(data);
  const types = pkg
    .requireText('[Content_Types].xml')
    .replace(SHEET_MAIN, MACRO_MAIN)
    .replace(
      '</Types>',
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    );
  pkg.setText('[Content_Types].xml', types);
  pkg.setText(
    pkg.workbookRelsPart,
    pkg
      .requireText(pkg.workbookRelsPart)
      .replace(
        '</Relationships>',
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
  );
  // The VBA part is binary, so it goes in as a zip entry of its own.
  return writeZip([...readZipEntries(pkg.toBuffer()), makeEntry('xl/vbaProject.bin', vba)]);
}

/**
 * A unit's report as LibreOffice saves it: made with ExcelJS (validation over whole columns, a
 * conditional format, a defined name, fit to one page wide, centred, no gridlines), then opened
 * and saved as .xlsx by LibreOffice.
 */
export async function libreOfficeReport(dir: string, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = addTemplateSheet(wb, 'Báo cáo', 'LĐLĐ huyện Quế Võ');
  sheet.fill('I.1a', 103).fill('I.2a', 9, 10).fill('I.2b', 45, 52).fill('I.4b', 2900, 3100);
  const ws = sheet.ws;
  // ExcelJS's typings leave out the sheet's validation list.
  (
    ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add('F7:G40', {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
  });
  ws.addConditionalFormatting({
    ref: 'F7:F40',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: [0],
        priority: 1,
        style: { font: { color: { argb: 'FFFF0000' } } },
      },
    ],
  });
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
  };
  ws.views = [{ showGridLines: false }];
  wb.definedNames.add("'Báo cáo'!$B$7:$B$32", 'MaChiTieu');
  const made = path.join(dir, 'made', `${name}.xlsx`);
  await fs.mkdir(path.dirname(made), { recursive: true });
  await wb.xlsx.writeFile(made);
  return convertWithLibreOffice(made, 'xlsx', path.join(dir, 'lo'));
}

/** Every entry of a zip: its name, uncompressed text/bytes and compressed bytes. */
export function zipParts(data: Buffer): Map<string, { raw: Buffer; crc: number; size: number }> {
  return new Map(
    readZipEntries(data).map((e) => [e.name, { raw: e.raw, crc: e.crc, size: e.size }]),
  );
}

/** The sheet XML without the `<c>` elements at `refs`, and rows left empty written alike. */
export function withoutCells(xml: string, refs: ReadonlySet<string>): string {
  const scan = scanSheet(xml);
  const edits = scan.rows.flatMap((row) =>
    row.cells
      .filter((c) => refs.has(c.attrs.r ?? ''))
      .map((c) => ({ start: c.start, end: c.end, text: '' })),
  );
  return splice(xml, edits).replace(/<row ([^>]*?)\s*><\/row>/g, '<row $1/>');
}

/** Rows made only for output cells (absent from the input) are left out as well. */
export function withoutRows(xml: string, rows: ReadonlySet<number>): string {
  const scan = scanSheet(xml);
  const edits = scan.rows
    .filter((r) => rows.has(r.row))
    .map((r) => ({ start: r.start, end: r.end, text: '' }));
  return splice(xml, edits);
}
