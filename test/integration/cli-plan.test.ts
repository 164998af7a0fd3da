/**
 * A plan for 2026 typed by hand (ExcelJS here, not the product's writer; and once more saved
 * through LibreOffice when it is installed), and a unit's report typed by hand, evaluated through
 * the CLI with `--plan`, with the plan sheet inside the report workbook, and with plans that
 * conflict or have errors (SPEC §8). Expected figures are worked out from SPEC §2 by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, tempFolder } from '../fixtures/cli-run';

type Row = (string | number | null)[];

const PLAN_ROWS: Row[] = [
  ['CÁC CHỈ TIÊU PHẤN ĐẤU NĂM 2026'],
  [],
  ['STT', 'Mã', 'Nội dung', 'Loại chỉ tiêu', 'Mức phấn đấu', 'Đơn vị tính', 'Tổng số là'],
  ['I. CÔNG TÁC TỔ CHỨC'],
  [1, 'I.1a', 'Kết nạp mới 120 đoàn viên', 'Số lượng', 'ít nhất 120', 'đoàn viên', null],
  [2, 1.2, 'CĐCS xếp loại tốt từ 90% trở lên', 'Tỷ lệ', 0.9, '%', 'CĐCS'],
  [
    3,
    'CT05',
    'Bình quân mỗi CĐCS giới thiệu ít nhất 1 đoàn viên ưu tú',
    'Bình quân',
    'ít nhất 1',
    'đoàn viên',
    'CĐCS',
  ],
  ['II', null, 'Chỉ tiêu phối hợp thực hiện'],
  [
    1,
    'II.1',
    'Không để xảy ra tranh chấp lao động tập thể',
    'Số lượng',
    'không để xảy ra',
    'vụ',
    null,
  ],
  [2, 'II.2', 'Tai nạn lao động không quá 5 vụ', 'số lượng', 'không quá 5', 'vụ', null],
  [3, 'II.3', 'Tỷ lệ lao động nghỉ việc dưới 3%', 'Tỷ lệ', 'dưới 3%', null, 'lao động'],
  ['III - KINH PHÍ'],
  [1, 'III.1', 'Thu kinh phí công đoàn đạt 90% dự toán', 'Kinh phí', '90', 'đồng', null],
];

function addRows(ws: ExcelJS.Worksheet, rows: Row[]): void {
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value !== null) ws.getCell(i + 1, j + 1).value = value;
    });
  });
}

function planSheet(wb: ExcelJS.Workbook, rows: Row[] = PLAN_ROWS): void {
  const ws = wb.addWorksheet('Chỉ tiêu 2026');
  addRows(ws, rows);
  ws.mergeCells('A1:G1');
  ws.mergeCells('A4:G4');
  ws.getCell('E6').numFmt = '0%';
}

/** Thực hiện and Tổng số of each code, as a unit types them. */
const FIGURES: [string | number, number | string, number | null][] = [
  ['I.1a', 118, null],
  [1.2, 45, 50],
  ['CT05', 40, 50],
  ['II.1', 0, null],
  ['II.2', 7, null],
  ['II.3', 2, 100],
  ['III.1', '950.000.000 đồng', 1_000_000_000],
];

function reportSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Báo cáo');
  addRows(ws, [
    ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2026'],
    ['Đơn vị báo cáo: LĐLĐ huyện Quế Võ'],
    [],
    ['STT', 'Mã chỉ tiêu', 'Thực hiện', 'Tổng số'],
    ...FIGURES.map(([code, actual, total], i) => [i + 1, code, actual, total]),
  ]);
}

async function save(dir: string, name: string, build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** status, comparator, target, required, gap of each code: SPEC §2 worked by hand. */
const EXPECTED = {
  'I.1a': ['NEAR', '>=', 120, 120, -2], // 118 of ≥ 120: 98% of the way
  '1.2': ['MET', '>=', 0.9, 45, 0], // 45/50 = 90%: ⌈0.9·50⌉ = 45
  CT05: ['MISSED', '>=', 1, 50, -10], // 40/50 = 0.8 per CĐCS < 90% of 1
  'II.1': ['MET', '<=', 0, 0, 0], // zero events
  'II.2': ['MISSED', '<=', 5, 5, -2], // 7 > 5; 5/7 < 90%
  'II.3': ['MET', '<', 0.03, 2, 0], // 2/100 < 3%: largest = ⌈3⌉ − 1 = 2
  'III.1': ['MET', '>=', 0.9, 900_000_000, 50_000_000],
};

interface JsonOut {
  catalogue: string;
  plan: { year: number | null; source: string };
  units: {
    results: {
      code: string;
      status: string;
      comparator: string;
      target: number;
      required: number;
      gap: number;
    }[];
  }[];
}

async function readJson(file: string): Promise<JsonOut> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as JsonOut;
}

function outcome(json: JsonOut) {
  return Object.fromEntries(
    json.units[0].results.map((r) => [
      r.code,
      [r.status, r.comparator, r.target, r.required, r.gap],
    ]),
  );
}

describe('evaluate with a plan typed by hand (SPEC §8)', () => {
  let dir: string;

  /** `evaluate <report> [--plan plan] --out <dir>/<name> --json <dir>/<name>.json`, run well. */
  async function evaluateWithJson(name: string, report: string, plan?: string) {
    const json = path.join(dir, `${name}.json`);
    const planArgs = plan ? ['--plan', plan] : [];
    const run = await cli(
      'evaluate',
      report,
      ...planArgs,
      '--out',
      path.join(dir, name),
      '--json',
      json,
    );
    expect(run.code).toBe(0);
    return { run, json: await readJson(json) };
  }

  beforeAll(async () => {
    dir = await tempFolder('plan');
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('--plan FILE: statuses, required values and gaps of every comparator and kind', async () => {
    const plan = await save(dir, 'ke-hoach-2026.xlsx', (wb) => planSheet(wb));
    const report = await save(dir, 'que-vo.xlsx', reportSheet);
    const { run, json: result } = await evaluateWithJson('a', report, plan);
    expect(run.err).toBe('');
    expect(result.catalogue).toBe('2026');
    expect(result.plan).toEqual({ year: 2026, source: `${plan} › Chỉ tiêu 2026` });
    expect(outcome(result)).toEqual(EXPECTED);
  });

  it('finds the plan sheet inside the report workbook, and gives the same results', async () => {
    const both = await save(dir, 'ca-hai.xlsx', (wb) => {
      planSheet(wb);
      reportSheet(wb);
    });
    const { json: result } = await evaluateWithJson('b', both);
    expect(result.plan.source).toBe(`${both} › Chỉ tiêu 2026`);
    expect(outcome(result)).toEqual(EXPECTED);
    // The plan sheet is not a unit.
    expect(result.units).toHaveLength(1);
  });

  it('refuses two different plans, naming both', async () => {
    const other = PLAN_ROWS.map((row) =>
      row[1] === 'II.2' ? [...row.slice(0, 4), 'không quá 4', ...row.slice(5)] : row,
    );
    const plan = await save(dir, 'khac.xlsx', (wb) => planSheet(wb, other));
    const both = await save(dir, 'ca-hai-2.xlsx', (wb) => {
      planSheet(wb);
      reportSheet(wb);
    });
    const run = await cli('evaluate', both, '--plan', plan, '--out', path.join(dir, 'c'));
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${plan} › Chỉ tiêu 2026`);
    expect(run.err).toContain(`${both} › Chỉ tiêu 2026`);
    expect(existsSync(path.join(dir, 'c'))).toBe(true);
    expect(await fs.readdir(path.join(dir, 'c'))).toEqual([]);
  });

  it('exits 1 on a plan with errors, naming the sheet and the cell', async () => {
    const broken = PLAN_ROWS.map((row) =>
      row[1] === 'II.3' ? [...row.slice(0, 4), 'khoảng 3%', ...row.slice(5)] : row,
    );
    const plan = await save(dir, 'loi.xlsx', (wb) => planSheet(wb, broken));
    const report = await save(dir, 'que-vo-2.xlsx', reportSheet);
    const run = await cli('evaluate', report, '--plan', plan, '--out', path.join(dir, 'd'));
    expect(run.code).toBe(1);
    expect(run.err).toContain("Trang 'Chỉ tiêu 2026', ô E11");
    expect(run.err).toContain('khoảng 3%');
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('template --plan follows the plan: rows, sections, year', async () => {
    const plan = await save(dir, 'ke-hoach-t.xlsx', (wb) => planSheet(wb));
    const out = path.join(dir, 'mau.xlsx');
    const run = await cli('template', '--plan', plan, '--out', out);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHẤN ĐẤU NĂM 2026');
    for (const code of ['I.1a', '1.2', 'CT05', 'II.1', 'II.2', 'II.3', 'III.1'])
      expect(texts).toContain(code);
    expect(texts).toContain('KINH PHÍ');
    expect(texts).toContain('≤ 5');
  });

  it('template --period 6 says the period in its title block, and reads back as a 6-month report', async () => {
    const plan = await save(dir, 'ke-hoach-p.xlsx', (wb) => planSheet(wb));
    const out = path.join(dir, 'mau-6.xlsx');
    expect((await cli('template', '--plan', plan, '--period', '6', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    // Below the administrative header (SPEC §10): the title on row 4, the period beside the year.
    expect(ws.getCell('A4').value).toBe(
      'BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHẤN ĐẤU 6 THÁNG ĐẦU NĂM 2026',
    );
    expect(ws.getCell('E5').value).toBe('Kỳ báo cáo: 6 tháng');
    const { json: result } = await evaluateWithJson('mau-6', out, plan);
    expect((result.units[0] as { period?: number }).period).toBe(6);
    expect((await cli('template', '--period', '13')).code).toBe(2);
  });

  it('a 6-month report: the plan\'s "Chỉ tiêu 6 tháng", else pro rata, else the yearly target', async () => {
    const withPeriod = PLAN_ROWS.map((row, i) =>
      i === 2 ? [...row, 'Chỉ tiêu 6 tháng'] : row[1] === 'I.1a' ? [...row, 'ít nhất 50'] : row,
    );
    const plan = await save(dir, 'ke-hoach-6.xlsx', (wb) => planSheet(wb, withPeriod));
    const report = await save(dir, 'que-vo-6.xlsx', (wb) => {
      reportSheet(wb);
      (wb.getWorksheet('Báo cáo') as ExcelJS.Worksheet).getCell('A3').value = 'Kỳ báo cáo: 6 tháng';
    });
    const result = outcome((await evaluateWithJson('six', report, plan)).json);
    expect(result['I.1a']).toEqual(['MET', '>=', 50, 50, 68]); // the plan's 6-month target
    expect(result['III.1']).toEqual(['MET', '>=', 0.45, 450_000_000, 500_000_000]); // 90% × 6/12
    expect(result['II.2']).toEqual(EXPECTED['II.2']); // at most: kept
    expect(result['1.2']).toEqual(EXPECTED['1.2']); // ratio: kept
  });

  it('plan export writes the 2020 plan; replaces its own export, never an edited plan', async () => {
    const out = path.join(dir, 'bo-chi-tieu.xlsx');
    expect((await cli('plan', 'export', '--out', out)).code).toBe(0);
    expect((await cli('plan', 'export', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Bộ chỉ tiêu') as ExcelJS.Worksheet;
    // Below the administrative header (SPEC §10): the year on row 5.
    expect(ws.getCell('A5').value).toBe('Năm: 2020');
    ws.getCell('A5').value = 'Năm: 2026';
    await wb.xlsx.writeFile(out);
    const again = await cli('plan', 'export', '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('không phải kết quả cũ');
    expect((await cli('plan', 'show')).code).toBe(2);
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  (soffice ? it : it.skip)(
    'reads a plan saved through LibreOffice',
    async () => {
      const plan = await save(dir, 'lo-plan.xlsx', (wb) => planSheet(wb));
      const outDir = path.join(dir, 'lo');
      execFileSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${dir}/lo-profile`,
          '--headless',
          '--convert-to',
          'xlsx',
          '--outdir',
          outDir,
          plan,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const saved = path.join(outDir, 'lo-plan.xlsx');
      const report = await save(dir, 'que-vo-3.xlsx', reportSheet);
      expect(outcome((await evaluateWithJson('lo', report, saved)).json)).toEqual(EXPECTED);
    },
    180_000,
  );
});
