/**
 * Nothing lost in files (SPEC §11): on Excel's own files with a report sheet added, a report saved
 * by LibreOffice and a macro-enabled workbook, `evaluate` changes only the output cells, the
 * styles and strings, the workbook part, its relationships and content types, and adds the summary
 * part; every other part keeps its bytes, compressed ones included. Evaluating twice equals once;
 * clear gives the input back; LibreOffice prints the evaluated report on as many pages.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { evaluateFiles } from '../../src/cli/evaluate-command';
import { evaluateWorkbooks, planClear, planEvaluation } from '../../src/template';
import { snapshotFromPackage } from '../../src/workbook/xlsx/light-reader';
import { XlsxPackage } from '../../src/workbook/xlsx/package';
import { applyPlanToPackage } from '../../src/workbook/xlsx/package-patcher';
import { scanSheet } from '../../src/workbook/xlsx/sheet-scan';
import { toA1 } from '../../src/template/address';
import { tempFolder } from '../fixtures/cli-run';
import {
  asMacroWorkbook,
  convertWithLibreOffice,
  EXCEL_CORPUS,
  libreOfficeMissing,
  libreOfficeReport,
  pdfPages,
  withoutCells,
  withoutRows,
  withReportSheet,
  zipParts,
} from './lossless-fixtures';

const NOW = new Date(2021, 2, 15, 10, 30);
const missing = libreOfficeMissing();
if (missing && !process.env.CI) {
  console.warn(`LibreOffice tests skipped: ${missing}`);
}
const withLibreOffice = missing && !process.env.CI ? describe.skip : describe;

let dir: string;
beforeAll(async () => {
  dir = await tempFolder('lossless');
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function evaluate(input: string, out: string, summary?: string) {
  const outcome = await evaluateFiles({ files: [input], out, lang: 'vi', now: NOW, summary });
  return outcome.files[0].output;
}

function allowedParts(pkg: XlsxPackage, reportSheets: string[]): Set<string> {
  return new Set([
    ...pkg.sheets.filter((s) => reportSheets.includes(s.name)).map((s) => s.part),
    pkg.stylesPart ?? '',
    pkg.sharedStringsPart ?? '',
    pkg.workbookPart,
    pkg.workbookRelsPart,
    '[Content_Types].xml',
  ]);
}

/** Checks the output against the input as SPEC §11 says, part by part and cell by cell. */
async function expectOnlyOutputsChanged(input: string, output: string, ownSummary: boolean) {
  const inBytes = await fs.readFile(input);
  const outBytes = await fs.readFile(output);
  const before = new XlsxPackage(inBytes);
  const after = new XlsxPackage(outBytes);
  const snapshot = snapshotFromPackage(before, input);
  const evaluation = evaluateWorkbooks([snapshot]);
  const plan = planEvaluation(evaluation, snapshot, { summary: ownSummary, lang: 'vi', now: NOW });
  const reportSheets = plan.sheets.map((s) => s.sheet);
  expect(reportSheets.length).toBeGreaterThan(0);

  const allowed = allowedParts(before, reportSheets);
  const inParts = zipParts(inBytes);
  const outParts = zipParts(outBytes);
  const changed: string[] = [];
  for (const [name, part] of inParts) {
    const out = outParts.get(name);
    expect({ name, kept: out !== undefined }).toEqual({ name, kept: true });
    if (allowed.has(name)) continue;
    // The same compressed bytes, so the same uncompressed ones (same CRC and size).
    if (!out!.raw.equals(part.raw) || out!.crc !== part.crc || out!.size !== part.size) {
      changed.push(name);
    }
  }
  expect(changed).toEqual([]);
  const added = [...outParts.keys()].filter((name) => !inParts.has(name));
  // The summary and the sheets made with it (the unit matrix) are new parts; nothing else is.
  const madeNames = [plan.summary?.name, ...(plan.extraSheets ?? []).map((sheet) => sheet.name)];
  const madeParts = after.sheets.filter((s) => madeNames.includes(s.name)).map((s) => s.part);
  expect(added.sort()).toEqual(ownSummary ? madeParts.sort() : []);

  for (const writes of plan.sheets) {
    const part = before.sheets.find((s) => s.name === writes.sheet)!.part;
    const inXml = before.requireText(part);
    const outXml = after.requireText(part);
    const refs = new Set(writes.cells.map((c) => toA1(c.row, c.col)));
    const inRows = new Set(scanSheet(inXml).rows.map((r) => r.row));
    const newRows = new Set(writes.cells.map((c) => c.row).filter((r) => !inRows.has(r)));
    expect(withoutRows(withoutCells(outXml, refs), newRows)).toBe(withoutCells(inXml, refs));
    expect(outXml).not.toBe(inXml);
  }
}

async function expectTwiceIsOnce(output: string, folder: string) {
  const again = await evaluate(output, path.join(folder, 'again'));
  const first = zipParts(await fs.readFile(output));
  const second = new XlsxPackage(await fs.readFile(again));
  const firstPkg = new XlsxPackage(await fs.readFile(output));
  expect([...zipParts(await fs.readFile(again)).keys()]).toEqual([...first.keys()]);
  for (const name of first.keys()) {
    const a = firstPkg.text(name);
    const b = second.text(name);
    expect({ name, same: a === b }).toEqual({ name, same: true });
  }
}

async function expectClearRestores(input: string, output: string) {
  const inBytes = await fs.readFile(input);
  const cleared = new XlsxPackage(await fs.readFile(output));
  applyPlanToPackage(cleared, planClear(snapshotFromPackage(cleared, output)));
  const clearedBytes = cleared.toBuffer();
  const before = new XlsxPackage(inBytes);
  const after = new XlsxPackage(clearedBytes);
  expect(snapshotFromPackage(after)).toEqual(snapshotFromPackage(before));
  const reportSheets = before.sheets.map((s) => s.name);
  const allowed = allowedParts(before, reportSheets);
  const inParts = zipParts(inBytes);
  const outParts = zipParts(clearedBytes);
  expect([...outParts.keys()].sort()).toEqual([...inParts.keys()].sort());
  for (const [name, part] of inParts) {
    if (allowed.has(name)) continue;
    expect({ name, same: outParts.get(name)!.raw.equals(part.raw) }).toEqual({ name, same: true });
  }
}

const EXCEL_FILES = [
  'test-issue-880.xlsx',
  'chart-sheet.xlsx',
  'comments.xlsx',
  'images.xlsx',
  'whole-sheet-validation.xlsx',
];

describe.each(EXCEL_FILES)("Excel's %s with a report sheet added", (name) => {
  let input: string;
  let output: string;
  let folder: string;
  beforeAll(async () => {
    folder = path.join(dir, path.parse(name).name);
    await fs.mkdir(folder, { recursive: true });
    input = path.join(folder, name);
    await fs.writeFile(input, withReportSheet(await fs.readFile(path.join(EXCEL_CORPUS, name))));
    output = await evaluate(input, path.join(folder, 'out'));
  });

  test('only the output cells, styles, workbook part and the new summary part differ', async () => {
    await expectOnlyOutputsChanged(input, output, true);
  });
  test('evaluating the output again changes nothing', async () => {
    await expectTwiceIsOnce(output, folder);
  });
  test('clear gives the input back', async () => {
    await expectClearRestores(input, output);
  });
});

describe('a macro-enabled workbook (.xlsm)', () => {
  const vba = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256));
  let input: string;
  let output: string;
  beforeAll(async () => {
    const folder = path.join(dir, 'xlsm');
    await fs.mkdir(folder, { recursive: true });
    input = path.join(folder, 'bao-cao.xlsm');
    const base = withReportSheet(await fs.readFile(path.join(EXCEL_CORPUS, 'comments.xlsx')));
    await fs.writeFile(input, asMacroWorkbook(base, vba));
    output = await evaluate(input, path.join(folder, 'out'));
  });

  test('comes out as an .xlsm with its VBA project byte for byte', async () => {
    expect(path.basename(output)).toBe('bao-cao.evaluated.xlsm');
    const parts = zipParts(await fs.readFile(output));
    const pkg = new XlsxPackage(await fs.readFile(output));
    expect(
      parts
        .get('xl/vbaProject.bin')!
        .raw.equals(zipParts(await fs.readFile(input)).get('xl/vbaProject.bin')!.raw),
    ).toBe(true);
    expect(pkg.requireText('[Content_Types].xml')).toContain('macroEnabled.main+xml');
  });
  test('only the output cells and the summary part differ', async () => {
    await expectOnlyOutputsChanged(input, output, true);
  });
});

withLibreOffice('a report saved by LibreOffice', () => {
  let input: string;
  let output: string;
  let folder: string;
  beforeAll(async () => {
    folder = path.join(dir, 'libreoffice');
    input = await libreOfficeReport(folder, 'que-vo');
    output = await evaluate(input, path.join(folder, 'out'));
  }, 180_000);

  test('only the output cells, styles, workbook part and the new summary part differ', async () => {
    const xml = new XlsxPackage(await fs.readFile(input));
    // What LibreOffice wrote and an ExcelJS round trip used to lose.
    expect(xml.requireText(xml.sheets[0].part)).toMatch(/fitToPage="true"|fitToPage="1"/);
    await expectOnlyOutputsChanged(input, output, true);
  });
  test('evaluating the output again changes nothing', async () => {
    await expectTwiceIsOnce(output, folder);
  });
  test('clear gives the input back', async () => {
    await expectClearRestores(input, output);
  });
  test('prints on as many pages as the input', async () => {
    const withResults = await evaluate(
      input,
      path.join(folder, 'results-only'),
      path.join(folder, 'tong-hop.xlsx'),
    );
    const before = await convertWithLibreOffice(input, 'pdf', path.join(folder, 'pdf-in'));
    const after = await convertWithLibreOffice(withResults, 'pdf', path.join(folder, 'pdf-out'));
    const pages = await pdfPages(before);
    expect(pages).toBeGreaterThan(0);
    expect(await pdfPages(after)).toBe(pages);
  }, 180_000);
});
