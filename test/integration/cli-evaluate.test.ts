/**
 * `union-targets evaluate` on real .xlsx files made by the fixtures: what is written, what is
 * never touched, the JSON of SPEC §6, exit codes, and outputs that must not replace inputs.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { planClear } from '../../src/template';
import { snapshotFromExcelJs } from '../../src/workbook/xlsx/exceljs-adapter';
import { snapshotFromPackage } from '../../src/workbook/xlsx/light-reader';
import { XlsxPackage } from '../../src/workbook/xlsx/package';
import { applyPlanToPackage } from '../../src/workbook/xlsx/package-patcher';
import { cli, listFiles, tempFolder } from '../fixtures/cli-run';
import { unwritableFolder } from '../fixtures/folders';
import {
  addInstructionsSheet,
  addReportSheet,
  addUserSummarySheet,
  readWorkbook,
  type BuiltSheet,
} from '../fixtures/report-workbook';
import { sheetDifferences, sheetFacts, workbookFacts } from '../fixtures/xlsx-cells';

let dir: string;
beforeAll(async () => {
  dir = await tempFolder('cli');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const FORMULA_LIKE_UNIT = '=HYPERLINK("http://example.org","bấm")';

/** A workbook as units send them: instructions, four layouts, a user's own "Tổng hợp". */
async function mixedWorkbook(file: string): Promise<BuiltSheet[]> {
  const wb = new ExcelJS.Workbook();
  addInstructionsSheet(wb);
  const sheets = [
    addReportSheet(wb, {
      name: 'Báo cáo',
      unit: 'LĐLĐ huyện Tiên Du',
      rows: [
        { code: 'I.1a', actual: '120 đoàn viên', target: 'Trên 100' },
        { code: 'I.2b', actual: 45, denominator: 52, note: '+84 912 345 678' },
        {
          code: 'I-4b',
          actual: { formula: 'F9/0', result: { error: '#DIV/0!' } },
          denominator: 100,
        },
        {
          code: 'I.5a',
          actual: '1.234.567.890 đồng',
          denominator: { number: 2_000_000_000, numFmt: '#,##0' },
        },
        { code: 'I.6', actual: { formula: 'SUM(3000,200)', result: 3200 }, denominator: 4000 },
        { code: 'I.7a', actual: '100%', note: '@ghi chú' },
        { code: 'II.7b', actual: 13, denominator: 20, note: '-' },
      ],
    }),
    addReportSheet(wb, {
      name: 'Hai dòng',
      unit: FORMULA_LIKE_UNIT,
      layout: 'two-row-header',
      rows: [{ code: 'I.2a', actual: 9, denominator: 10 }],
    }),
    addReportSheet(wb, {
      name: 'Xáo cột',
      unit: 'CĐ các Khu công nghiệp',
      layout: 'shuffled',
      rows: [{ code: 'i.2 A', actual: '63', denominator: '70' }],
    }),
    addReportSheet(wb, {
      name: 'Thiếu cột',
      unit: 'Công đoàn ngành Giáo dục',
      layout: 'no-output-columns',
      rows: [{ code: 'I.2a', actual: 1, denominator: 2 }],
    }),
  ];
  addUserSummarySheet(wb);
  await wb.xlsx.writeFile(file);
  return sheets;
}

async function unitWorkbook(file: string, unit: string, actual: number, total: number) {
  const wb = new ExcelJS.Workbook();
  const built = addReportSheet(wb, {
    name: 'Báo cáo',
    unit,
    rows: [
      { code: 'I.2a', actual, denominator: total },
      { code: 'I.1a', actual: actual * 2 },
    ],
  });
  await wb.xlsx.writeFile(file);
  return built;
}

describe('evaluate on one workbook', () => {
  let input: string;
  let output: string;
  let sheets: BuiltSheet[];
  let inputBytes: Buffer;
  let run: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    input = path.join(dir, 'mixed.xlsx');
    sheets = await mixedWorkbook(input);
    inputBytes = await fs.readFile(input);
    run = await cli('evaluate', input, '--out', path.join(dir, 'out'));
    output = path.join(dir, 'out', 'mixed.evaluated.xlsx');
  });

  test('runs, reports, and writes <name>.evaluated.xlsx into --out', async () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${input} → ${output}`);
    expect(run.out).toContain('4 đơn vị');
    // The Excel error in I.4b is named with its sheet and cell.
    expect(run.out).toMatch(/\[Lỗi\] .*Báo cáo!F10: .*#DIV\/0!/);
    expect(await listFiles(path.join(dir, 'out'))).toEqual(['mixed.evaluated.xlsx']);
  });

  test('leaves the input file byte for byte as it was', async () => {
    expect(await fs.readFile(input)).toEqual(inputBytes);
  });

  test('changes no input cell: values, formulas, formats, fills, fonts, merges, widths', async () => {
    const before = workbookFacts(await readWorkbook(input));
    const after = workbookFacts(await readWorkbook(output));
    for (const built of sheets) {
      const diffs = sheetDifferences(before.get(built.name)!, after.get(built.name)!, [
        ...built.outputCells,
        ...built.addedHeaderCells,
      ]);
      expect({ sheet: built.name, diffs }).toEqual({ sheet: built.name, diffs: [] });
    }
    for (const other of ['Hướng dẫn', 'Tổng hợp']) {
      expect(sheetDifferences(before.get(other)!, after.get(other)!)).toEqual([]);
    }
  });

  test('writes rate, gap and status with the status colours, keeping the cell’s own font', async () => {
    const ws = (await readWorkbook(output)).getWorksheet('Báo cáo')!;
    const main = sheets[0];
    const [rate, gap, status] = main.outputColumns;
    const row = main.rowOf['I.2b'];
    expect(ws.getCell(row, rate).value).toBeCloseTo(45 / 52, 12);
    expect(ws.getCell(row, rate).numFmt).toContain('%');
    expect(ws.getCell(row, gap).value).toBe(3);
    expect(ws.getCell(row, status).value).toBe('Đạt');
    for (const col of [rate, gap, status]) {
      const cell = ws.getCell(row, col);
      expect(cell.fill).toEqual({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFC6EFCE' },
      });
      expect(cell.font).toMatchObject({
        name: 'Times New Roman',
        size: 13,
        color: { argb: 'FF006100' },
      });
      expect(cell.border.top).toMatchObject({ style: 'thin' });
    }
    const invalid = ws.getCell(main.rowOf['I-4b'], status);
    expect(invalid.value).toBe('Lỗi số liệu');
    expect(invalid.fill).toMatchObject({ fgColor: { argb: 'FFF8CBAD' } });
    // 13/20 = 65% against "trên 65%": exactly at the threshold is not met.
    expect(ws.getCell(main.rowOf['II.7b'], status).value).toBe('Gần đạt');
  });

  test('reads a two-row merged header, shuffled columns and text numbers', async () => {
    const wb = await readWorkbook(output);
    const [twoRows, shuffled, noOutputs] = sheets.slice(1);
    const statusOf = (built: BuiltSheet, code: string) =>
      wb.getWorksheet(built.name)!.getCell(built.rowOf[code], built.outputColumns[2]).value;
    expect(statusOf(twoRows, 'I.2a')).toBe('Đạt'); // 9/10 ≥ 90%
    expect(statusOf(shuffled, 'i.2 A')).toBe('Đạt'); // "63"/"70" ≥ 90%
    expect(statusOf(noOutputs, 'I.2a')).toBe('Không đạt'); // 1/2
    const header = wb.getWorksheet(noOutputs.name)!;
    expect(noOutputs.addedHeaderCells.map((a1) => header.getCell(a1).value)).toEqual([
      'Tỷ lệ',
      'Chênh lệch',
      'Đánh giá',
    ]);
  });

  test('puts the summary beside the user’s own "Tổng hợp", with unit text never a formula', async () => {
    const wb = await readWorkbook(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Hướng dẫn',
      'Báo cáo',
      'Hai dòng',
      'Xáo cột',
      'Thiếu cột',
      'Tổng hợp',
      'Tổng hợp (2)',
      // The unit-by-unit matrix, on a sheet of its own (SPEC §4, §10).
      'Tổng hợp theo đơn vị',
    ]);
    const summary = sheetFacts(wb.getWorksheet('Tổng hợp (2)')!);
    const formulas = [...summary.cells.values()].filter((c) => c.formula !== null);
    expect(formulas).toEqual([]);
    const texts = [...summary.cells.values()].map((c) => c.value);
    expect(texts).toContain(JSON.stringify(FORMULA_LIKE_UNIT));
    for (const unit of [
      'LĐLĐ huyện Tiên Du',
      'CĐ các Khu công nghiệp',
      'Công đoàn ngành Giáo dục',
    ]) {
      expect(texts.some((t) => t.includes(unit))).toBe(true);
    }
  });

  test('evaluating the evaluated file yields the same cells and replaces its own summary', async () => {
    const again = await cli('evaluate', output, '--out', path.join(dir, 'again'));
    expect(again.code).toBe(0);
    const first = await readWorkbook(output);
    const second = await readWorkbook(path.join(dir, 'again', 'mixed.evaluated.evaluated.xlsx'));
    expect(second.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
    for (const ws of first.worksheets) {
      // A2 of the summary is its time of making.
      const skip = ws.name === 'Tổng hợp (2)' ? ['A2'] : [];
      const diffs = sheetDifferences(
        sheetFacts(ws),
        sheetFacts(second.getWorksheet(ws.name)!),
        skip,
      );
      expect({ sheet: ws.name, diffs }).toEqual({ sheet: ws.name, diffs: [] });
    }
  });

  test('evaluate then clear gives back the original cells', async () => {
    // Cleared as the file adapter clears: the plan applied to the package.
    const evaluated = new XlsxPackage(await fs.readFile(output));
    applyPlanToPackage(evaluated, planClear(snapshotFromPackage(evaluated, output)));
    const cleared = path.join(dir, 'cleared.xlsx');
    await fs.writeFile(cleared, evaluated.toBuffer());
    const before = await readWorkbook(input);
    const after = await readWorkbook(cleared);
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    for (const ws of before.worksheets) {
      const diffs = sheetDifferences(sheetFacts(ws), sheetFacts(after.getWorksheet(ws.name)!));
      expect({ sheet: ws.name, diffs }).toEqual({ sheet: ws.name, diffs: [] });
    }
    expect(snapshotFromExcelJs(after).names).toEqual({});
  });
});

describe('--json', () => {
  let input: string;
  let main: BuiltSheet;
  beforeAll(async () => {
    input = path.join(dir, 'json-in.xlsx');
    [main] = await mixedWorkbook(input);
  });

  test('has exactly the fields of SPEC §6, plain numbers and nulls', async () => {
    const jsonFile = path.join(dir, 'json-out', 'result.json');
    const run = await cli(
      'evaluate',
      input,
      '--out',
      path.join(dir, 'json-out'),
      '--json',
      jsonFile,
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(await fs.readFile(jsonFile, 'utf8'));
    // SPEC §8 adds "plan": which plan evaluated, and where it came from.
    expect(Object.keys(json)).toEqual([
      'catalogue',
      'plan',
      'units',
      'consolidated',
      'missingUnits',
      'issues',
    ]);
    expect(json.catalogue).toBe('2020');
    expect(json.plan).toEqual({ year: 2020, source: 'builtin' });
    expect(json.units.map((u: { sheet: string }) => u.sheet)).toEqual([
      'Báo cáo',
      'Hai dòng',
      'Xáo cột',
      'Thiếu cột',
    ]);
    const unit = json.units[0];
    expect(Object.keys(unit)).toEqual(['file', 'sheet', 'unit', 'period', 'results']);
    expect(unit).toMatchObject({
      file: input,
      sheet: 'Báo cáo',
      unit: 'LĐLĐ huyện Tiên Du',
      period: 12,
    });
    const byCode = Object.fromEntries(unit.results.map((r: { code: string }) => [r.code, r]));
    const resultKeys = [
      'code',
      'status',
      'actual',
      'denominator',
      'rate',
      'target',
      'comparator',
      'required',
      'gap',
      'gapUnit',
      'cell',
      'message',
    ];
    for (const result of unit.results) expect(Object.keys(result)).toEqual(resultKeys);
    expect(byCode['I.2b']).toMatchObject({
      status: 'MET',
      actual: 45,
      denominator: 52,
      rate: 0.8653846,
      target: 0.8,
      comparator: '>=',
      required: 42,
      gap: 3,
      gapUnit: 'count',
      cell: main.actualCells['I.2b'],
    });
    expect(byCode['I.1a']).toMatchObject({
      status: 'MET',
      actual: 120,
      denominator: null,
      target: 100,
      comparator: '>',
      required: 101,
      gap: 19,
      gapUnit: 'count',
      cell: main.actualCells['I.1a'],
    });
    expect(byCode['I.5a']).toMatchObject({
      actual: 1_234_567_890,
      denominator: 2_000_000_000,
      gapUnit: 'money',
      required: 2_000_000_000,
      gap: -765_432_110,
    });
    expect(byCode['I.7a']).toMatchObject({
      status: 'MET',
      actual: 1,
      denominator: null,
      required: null,
      gap: 0,
      gapUnit: 'points',
    });
    expect(byCode['I.6']).toMatchObject({ actual: 3200, denominator: 4000, status: 'MET' });
    expect(byCode['I.4b']).toMatchObject({ status: 'INVALID', cell: 'F10' });
    expect(byCode['I.4b'].message).toContain('F10');

    const consolidated = json.consolidated.results;
    expect(consolidated).toHaveLength(26);
    for (const result of consolidated) {
      expect(Object.keys(result)).toEqual([...resultKeys, 'unitsLacking']);
      expect(result.cell).toBeNull();
    }
    const i2a = consolidated.find((r: { code: string }) => r.code === 'I.2a');
    // 9/10 + 63/70 + 1/2 = 73/82; the main sheet has no I.2a row, so one unit lacks it.
    expect(i2a).toMatchObject({ actual: 73, denominator: 82, unitsLacking: 1, status: 'NEAR' });

    for (const issue of json.issues) {
      expect(Object.keys(issue)).toEqual(['severity', 'file', 'sheet', 'cell', 'message']);
    }
    expect(json.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', file: input, sheet: 'Báo cáo', cell: 'F10' }),
    );
  });

  test('"-" prints the JSON alone on standard output, in the language asked', async () => {
    const run = await cli(
      'evaluate',
      input,
      '--out',
      path.join(dir, 'json-en'),
      '--json',
      '-',
      '--lang',
      'en',
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json.units).toHaveLength(4);
    expect(run.err).toContain('Evaluated 1 file, 4 units.');
    const invalid = json.units[0].results.find((r: { code: string }) => r.code === 'I.4b');
    expect(invalid.message).toMatch(/F10/);
    expect(invalid.message).not.toMatch(/Trang|ô /);
  });
});

describe('a batch of files', () => {
  test('every report sheet of every file is a unit; --summary consolidates them all', async () => {
    const sub = await tempFolder('batch');
    const a = path.join(sub, 'a.xlsx');
    const b = path.join(sub, 'b.xlsx');
    // Another unit than b.xlsx's Tiên Du: the same unit with other figures would be left out of
    // the consolidation (SPEC §9).
    await unitWorkbook(a, 'LĐLĐ huyện Quế Võ', 9, 10);
    await mixedWorkbook(b);
    const summary = path.join(sub, 'tong-hop.xlsx');
    const run = await cli(
      'evaluate',
      a,
      b,
      a,
      '--summary',
      summary,
      '--json',
      path.join(sub, 'r.json'),
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain('2 tệp, 5 đơn vị');
    const json = JSON.parse(await fs.readFile(path.join(sub, 'r.json'), 'utf8'));
    expect(json.units.map((u: { file: string }) => u.file)).toEqual([a, b, b, b, b]);
    // a.xlsx named twice counts once: 9/10 + 73/82 = 82/92.
    const i2a = json.consolidated.results.find((r: { code: string }) => r.code === 'I.2a');
    expect(i2a).toMatchObject({ actual: 82, denominator: 92 });

    const book = await readWorkbook(summary);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tổng hợp theo đơn vị']);
    const texts = [...sheetFacts(book.worksheets[0]).cells.values()].map((c) => c.value);
    expect(texts.some((t) => t.includes('LĐLĐ huyện Tiên Du'))).toBe(true);
    // With one consolidated summary, the unit outputs carry their results only.
    const outA = await readWorkbook(path.join(sub, 'a.evaluated.xlsx'));
    expect(outA.worksheets.map((w) => w.name)).toEqual(['Báo cáo']);

    // Without --summary each output gets the summary of its own units.
    const own = await cli('evaluate', a, b);
    expect(own.code).toBe(0);
    const ownA = await readWorkbook(path.join(sub, 'a.evaluated.xlsx'));
    expect(ownA.worksheets.map((w) => w.name)).toEqual([
      'Báo cáo',
      'Tổng hợp',
      'Tổng hợp theo đơn vị',
    ]);

    // A second run replaces the earlier summary workbook.
    expect((await cli('evaluate', a, '--summary', summary)).code).toBe(0);
    await fs.rm(sub, { recursive: true, force: true });
  });

  test("the consolidated summary's links open the cell in each unit's evaluated file", async () => {
    const sub = await tempFolder('links');
    const b = path.join(sub, 'b.xlsx');
    await mixedWorkbook(b);
    const summary = path.join(sub, 'tong-hop', 'tong-hop.xlsx');
    await fs.mkdir(path.dirname(summary));
    const run = await cli('evaluate', b, '--out', path.join(sub, 'ket qua'), '--summary', summary);
    expect(run.code).toBe(0);

    // Each link is the file as its relationship's target and the cell as its location (SPEC
    // §11): the target never repeats the location, which LibreOffice would append twice.
    const pkg = new XlsxPackage(await fs.readFile(summary));
    const sheetXml = pkg.requireText(pkg.sheets[0].part);
    const rels = pkg.text(pkg.sheets[0].part.replace(/([^/]+)$/, '_rels/$1.rels')) ?? '';
    const links = [
      ...sheetXml.matchAll(/<hyperlink ref="[A-Z]+\d+" r:id="(\w+)" location="([^"]*)"\/>/g),
    ];
    expect(links.length).toBeGreaterThan(0);
    expect(sheetXml.match(/<hyperlink /g)!.length).toBe(links.length);
    for (const [, id, location] of links) {
      const file = new RegExp(`Id="${id}"[^>]*Target="([^"]*)" TargetMode="External"`).exec(
        rels,
      )?.[1];
      expect(file).toBe('../ket%20qua/b.evaluated.xlsx');
      expect(location.replace(/&apos;/g, "'")).toMatch(
        /^'[^']+'!\$?[A-Z]+\$?\d+$|^[^'!]+![A-Z]+\d+$/,
      );
      const target = path.resolve(path.dirname(summary), decodeURIComponent(file!));
      await expect(fs.access(target)).resolves.toBeUndefined();
    }
    await fs.rm(sub, { recursive: true, force: true });
  });
});

describe('exit codes and refusals', () => {
  let sub: string;
  let good: string;
  beforeEach(async () => {
    sub = await tempFolder('exit');
    good = path.join(sub, 'good.xlsx');
    await unitWorkbook(good, 'LĐLĐ huyện A', 5, 10);
  });
  afterEach(async () => {
    await fs.rm(sub, { recursive: true, force: true });
  });

  test('2 with a short usage text for a wrong command line', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Thiếu lệnh/],
      [['evaluate'], /ít nhất một tệp/],
      [['evaluate', good, '--bogus'], /--bogus/],
      [['evaluate', good, '--lang', 'fr'], /--lang/],
      [['evaluate', good, '--json'], /--json cần một giá trị/],
      [['evaluate', good, '--units', 'A'], /không có tùy chọn --units/],
      [['template', 'extra.xlsx'], /--out/],
      [['template', '--units', ' ; '], /--units/],
      [['frobnicate'], /Không có lệnh "frobnicate"/],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(...argv);
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
      expect(run.err).toMatch(message);
      expect(run.err).toContain('union-targets evaluate <tệp.xlsx>...');
      expect(run.err).not.toMatch(/\n\s+at /);
    }
    const en = await cli('evaluate', '--lang', 'en');
    expect(en.err).toContain('needs at least one .xlsx file');
    expect(en.err).toContain('Usage:');
  });

  test('0 for --help, with the commands', async () => {
    for (const argv of [['--help'], ['help'], ['evaluate', '--help'], ['-h', '--lang', 'en']]) {
      const run = await cli(...argv);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/union-targets evaluate/);
    }
  });

  test('1 naming each file that cannot be read, and nothing is written', async () => {
    const corrupt = path.join(sub, 'corrupt.xlsx');
    await fs.writeFile(corrupt, (await fs.readFile(good)).subarray(0, 300));
    const text = path.join(sub, 'ghi-chu.xlsx');
    await fs.writeFile(text, 'không phải bảng tính');
    const missing = path.join(sub, 'missing.xlsx');
    const before = await listFiles(sub);
    const run = await cli(
      'evaluate',
      good,
      corrupt,
      missing,
      text,
      '--summary',
      path.join(sub, 's.xlsx'),
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain(`Không đọc được tệp "${corrupt}"`);
    expect(run.err).toContain(`Không tìm thấy tệp "${missing}"`);
    expect(run.err).toContain(`Tệp "${text}" không phải bảng tính .xlsx`);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(await listFiles(sub)).toEqual(before);
  });

  test('1 for a workbook without a report sheet', async () => {
    const other = path.join(sub, 'huong-dan.xlsx');
    const wb = new ExcelJS.Workbook();
    addInstructionsSheet(wb);
    await wb.xlsx.writeFile(other);
    const run = await cli('evaluate', other, good);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`Tệp "${other}" không có trang báo cáo nào`);
    expect(await listFiles(sub)).toEqual(['good.xlsx', 'huong-dan.xlsx']);
    const en = await cli('evaluate', other, '--lang', 'en');
    expect(en.err).toContain(`"${other}" holds no report sheet`);
  });

  test('1 when an output would replace an input; the inputs stay as they were', async () => {
    const clash = path.join(sub, 'good.evaluated.xlsx');
    await unitWorkbook(clash, 'LĐLĐ huyện B', 1, 2);
    const bytes = [await fs.readFile(good), await fs.readFile(clash)];
    const run = await cli('evaluate', good, clash);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`Không ghi đè lên tệp đầu vào "${clash}"`);
    expect([await fs.readFile(good), await fs.readFile(clash)]).toEqual(bytes);

    const asSummary = await cli('evaluate', good, '--out', path.join(sub, 'o'), '--summary', good);
    expect(asSummary.code).toBe(1);
    expect(await fs.readFile(good)).toEqual(bytes[0]);
    const asJson = await cli('evaluate', good, '--out', path.join(sub, 'o'), '--json', good);
    expect(asJson.code).toBe(1);
    expect(await fs.readFile(good)).toEqual(bytes[0]);
  });

  test('an earlier output is replaced, a user’s own file is not', async () => {
    expect((await cli('evaluate', good)).code).toBe(0);
    const output = path.join(sub, 'good.evaluated.xlsx');
    const first = (await fs.stat(output)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await cli('evaluate', good)).code).toBe(0);
    expect((await fs.stat(output)).mtimeMs).toBeGreaterThan(first);

    const mine = path.join(sub, 'cua-toi.xlsx');
    await unitWorkbook(mine, 'Văn phòng', 3, 4);
    const mineBytes = await fs.readFile(mine);
    const run = await cli('evaluate', good, '--summary', mine);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`Đã có tệp "${mine}"`);
    expect(await fs.readFile(mine)).toEqual(mineBytes);

    const notes = path.join(sub, 'notes.json');
    await fs.writeFile(notes, '{"my":"notes"}');
    expect((await cli('evaluate', good, '--json', notes)).code).toBe(1);
    expect(await fs.readFile(notes, 'utf8')).toBe('{"my":"notes"}');
  });

  test('1 when --out cannot be written, saying so', async () => {
    const folder = path.join(await unwritableFolder(sub), 'ket-qua');
    const run = await cli('evaluate', good, '--out', folder);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/Không có quyền ghi vào thư mục/);
    const onFile = await cli('evaluate', good, '--out', good);
    expect(onFile.code).toBe(1);
    expect(onFile.err).toContain(`"${good}" là một tệp, không phải thư mục`);
  });

  test('1 for a protected report sheet, naming it; nothing is written', async () => {
    const locked = path.join(sub, 'locked.xlsx');
    const wb = await readWorkbook(good);
    await wb.getWorksheet('Báo cáo')!.protect('', {});
    await wb.xlsx.writeFile(locked);
    const run = await cli('evaluate', good, locked, '--out', path.join(sub, 'o'));
    expect(run.code).toBe(1);
    expect(run.err).toContain('"Báo cáo" đang được bảo vệ');
    expect(run.err).toContain(locked);
    expect(await listFiles(path.join(sub, 'o'))).toEqual([]);
  });
});
