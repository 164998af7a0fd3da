/**
 * The secretariat's year through the CLI (SPEC §9): a plan workbook (the exported plan with an
 * allocation "Giao chỉ tiêu" beside it) for 20 units, `template --plan` writing their sheets, the
 * files of 18 units back, one of them twice; and a single unit's file on its own.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { cli, tempFolder } from '../fixtures/cli-run';
import { readWorkbook, writeWorkbook } from '../fixtures/report-workbook';
import {
  ALLOCATED_UNITS,
  I3,
  I9,
  MISSING_UNITS,
  TWICE,
  unitWorkbook,
  writeSecretariatYear,
} from '../fixtures/secretariat-year';

interface JsonResult {
  code: string;
  status: string;
  target: number;
}
interface Json {
  units: { file: string; unit: string; results: JsonResult[] }[];
  consolidated: { results: (JsonResult & { actual: number; unitsLacking: number })[] } | null;
  missingUnits: string[] | null;
  issues: { severity: string; file: string | null; message: string }[];
}

describe('the secretariat’s year through the CLI', () => {
  let dir: string;
  let year: Awaited<ReturnType<typeof writeSecretariatYear>>;

  beforeAll(async () => {
    dir = await tempFolder('secretariat');
    const planFile = path.join(dir, 'ke-hoach-2020.xlsx');
    expect((await cli('plan', 'export', '--out', planFile)).code).toBe(0);
    year = await writeSecretariatYear(dir, {
      file: planFile,
      workbook: await readWorkbook(planFile),
    });
  });

  test('template --plan writes one sheet per allocated unit, its Chỉ tiêu filled', async () => {
    const out = path.join(dir, 'mau', 'mau-bao-cao.xlsx');
    const run = await cli('template', '--plan', year.plan, '--out', out);
    expect(run.code).toBe(0);
    const book = await readWorkbook(out);
    expect(book.worksheets).toHaveLength(20);
    const sheet = book.worksheets[2];
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain(`Đơn vị báo cáo: ${ALLOCATED_UNITS[2]}`);
    // The I.3 row: its Chỉ tiêu is the unit's ≥ 40, not the province's ≥ 800.
    let i3Target: unknown;
    sheet.eachRow((row) => {
      row.eachCell((cell, col) => {
        if (cell.value === 'I.3') i3Target = row.getCell(col + 3).value;
      });
    });
    expect(i3Target).toBe(`≥ ${I3.allocated}`);
  });

  test('18 of 20 units, one file twice: the allocated targets, who is missing, which file repeats which', async () => {
    const files = [...year.units, year.copy];
    const out = path.join(dir, 'ket-qua');
    const json = path.join(dir, 'ket-qua.json');
    const summary = path.join(dir, 'tong-hop.xlsx');
    const run = await cli(
      'evaluate',
      ...files,
      '--plan',
      year.plan,
      '--out',
      out,
      '--summary',
      summary,
      '--json',
      json,
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`18/20 đơn vị đã báo cáo; chưa nộp: ${MISSING_UNITS.join(', ')}.`);
    expect(run.out).toContain('Tổng hợp 18 đơn vị:');

    const report = JSON.parse(await fs.readFile(json, 'utf8')) as Json;
    expect(report.units).toHaveLength(18);
    expect(report.missingUnits).toEqual(MISSING_UNITS);
    for (const unit of report.units) {
      const i3 = unit.results.find((r) => r.code === 'I.3')!;
      const i9 = unit.results.find((r) => r.code === 'I.9')!;
      // 45 against the unit's ≥ 40 (the province's ≥ 800 would be Không đạt).
      expect(i3).toMatchObject({ status: 'MET', target: I3.allocated });
      expect(i9).toMatchObject({ status: 'MISSED', target: I9.allocated });
    }
    // The copy is not counted: 18 × 45, not 19 × 45.
    const i3 = report.consolidated!.results.find((r) => r.code === 'I.3')!;
    expect(i3).toMatchObject({ actual: 18 * I3.actual, unitsLacking: 0 });
    const twice = report.issues.filter((i) => i.message.includes(TWICE.unit));
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatchObject({ severity: 'warning', file: year.copy });
    expect(twice[0].message).toContain(year.units[4]);
    expect(twice[0].message).toContain(year.copy);

    const book = await readWorkbook(summary);
    const texts: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('Số đơn vị báo cáo: 18');
    expect(texts).toContain(`18/20 đơn vị đã báo cáo; chưa nộp: ${MISSING_UNITS.join(', ')}.`);
    expect(texts).toContain('Tổng hợp 18 đơn vị');
  });

  test('a single unit’s file is that unit, against its own targets, not a province', async () => {
    const file = path.join(dir, 'mot-don-vi', 'tien-du.xlsx');
    await fs.mkdir(path.dirname(file), { recursive: true });
    const wb = unitWorkbook('LĐLĐ huyện Tiên Du');
    // The unit's own Chỉ tiêu: ≥ 40 for I.3 (the province's is ≥ 800).
    wb.worksheets[0].eachRow((row) => {
      if (row.getCell(2).value === 'I.3') row.getCell(5).value = '≥ 40';
    });
    await writeWorkbook(wb, file);
    const run = await cli('evaluate', file, '--json', '-');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as Json;
    expect(report.consolidated).toBeNull();
    expect(report.missingUnits).toBeNull();
    expect(report.units[0].results.find((r) => r.code === 'I.3')).toMatchObject({
      status: 'MET',
      target: 40,
    });
    expect(run.err).toContain(
      'Kết quả của đơn vị LĐLĐ huyện Tiên Du (so với chỉ tiêu của đơn vị):',
    );
    expect(run.err).toMatch(/I\.3 .*≥ 40\s+Đạt/);
    expect(run.err).not.toMatch(/toàn tỉnh|Tổng hợp 1 đơn vị/i);

    const book = await readWorkbook(file.replace(/\.xlsx$/, '.evaluated.xlsx'));
    const summary = book.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('Đơn vị: LĐLĐ huyện Tiên Du');
    expect(texts).toContain('≥ 40');
    expect(texts.some((t) => t.startsWith('Tổng hợp 1'))).toBe(false);
  });
});
