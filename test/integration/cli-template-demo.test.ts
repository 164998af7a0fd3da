/**
 * `union-targets template` and `demo`, and the installed `bin/union-targets.js` as a real process
 * (exit codes, standard output and error, no stack trace).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../../src/catalogue';
import { readReportSheet } from '../../src/template';
import { snapshotWorksheet } from '../../src/workbook/xlsx/exceljs-adapter';
import { cli, listFiles, tempFolder } from '../fixtures/cli-run';
import { readWorkbook } from '../fixtures/report-workbook';

const run = promisify(execFile);
const BIN = path.resolve(__dirname, '../../bin/union-targets.js');
const catalogue = loadCatalogue();

let dir: string;
beforeAll(async () => {
  dir = await tempFolder('tpl');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('template', () => {
  test('one sheet per unit, named after it and valid, each a complete blank report', async () => {
    const file = path.join(dir, 'mau.xlsx');
    const long = 'Liên đoàn Lao động huyện Lương Tài tỉnh Bắc Ninh';
    const units = [
      'LĐLĐ huyện Tiên Du',
      'CĐ [KCN] Quế Võ/Yên Phong: *?',
      long,
      'lđlđ huyện tiên du',
      "'Từ Sơn'",
    ];
    const result = await cli('template', '--out', file, '--units', units.join(';'));
    expect(result.code).toBe(0);
    expect(result.out).toContain(file);

    const wb = await readWorkbook(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(5);
    expect(names[0]).toBe('LĐLĐ huyện Tiên Du');
    expect(names[1]).toBe('CĐ -KCN- Quế Võ-Yên Phong- --');
    expect(names[2]).toBe(long.slice(0, 31).trimEnd());
    expect(names[3]).toBe('lđlđ huyện tiên du (2)');
    expect(names[4]).toBe('Từ Sơn');
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);

    wb.worksheets.forEach((ws, i) => {
      const { report } = readReportSheet(snapshotWorksheet(ws), catalogue);
      expect(report).not.toBeNull();
      expect(report!.unit).toBe(units[i].trim());
      expect(report!.rows.map((r) => r.code)).toEqual(catalogue.rules.map((r) => r.code));
      expect(report!.rows.every((r) => r.input.actual.kind === 'empty')).toBe(true);
    });
    const first = wb.worksheets[0];
    const texts: string[] = [];
    first.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('≥ 110');
    expect(texts).toContain('> 90%');
    expect(texts).toContain('đoàn viên');
    expect(texts.some((t) => t.includes('Giỏi việc nước, đảm việc nhà'))).toBe(true);
  });

  test('a blank template evaluates to "no data" everywhere', async () => {
    const file = path.join(dir, 'blank.xlsx');
    expect((await cli('template', '--out', file)).code).toBe(0);
    const out = path.join(dir, 'blank-out');
    const result = await cli('evaluate', file, '--out', out, '--json', '-');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.units).toHaveLength(1);
    expect(json.units[0].results.map((r: { status: string }) => r.status)).toEqual(
      catalogue.rules.map(() => 'NO_DATA'),
    );
  });

  test('replaces an earlier blank template, never a report with figures in it', async () => {
    const file = path.join(dir, 'reuse.xlsx');
    expect((await cli('template', '--out', file)).code).toBe(0);
    expect((await cli('template', '--out', file, '--units', 'A;B')).code).toBe(0);
    expect((await readWorkbook(file)).worksheets.map((w) => w.name)).toEqual(['A', 'B']);

    const wb = await readWorkbook(file);
    const ws = wb.getWorksheet('A')!;
    const { report } = readReportSheet(snapshotWorksheet(ws), catalogue);
    ws.getCell(report!.rows[0].row + 1, report!.columns.actual! + 1).value = 120;
    await wb.xlsx.writeFile(file);
    const bytes = await fs.readFile(file);
    const refused = await cli('template', '--out', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`Đã có tệp "${file}"`);
    expect(await fs.readFile(file)).toEqual(bytes);
  });
});

describe('demo', () => {
  test('writes the template and a sample province, evaluates it and prints the table', async () => {
    const out = path.join(dir, 'demo');
    const started = Date.now();
    const result = await cli('demo', '--out', out);
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await listFiles(out)).toEqual([
      'don-vi',
      'don-vi/cd-giao-duc.xlsx',
      'don-vi/cd-khu-cong-nghiep.xlsx',
      'don-vi/tien-du.xlsx',
      'don-vi/tu-son.xlsx',
      'ket-qua',
      'ket-qua.json',
      'ket-qua/cd-giao-duc.evaluated.xlsx',
      'ket-qua/cd-khu-cong-nghiep.evaluated.xlsx',
      'ket-qua/tien-du.evaluated.xlsx',
      'ket-qua/tu-son.evaluated.xlsx',
      'mau-bao-cao-2020.xlsx',
      'tong-hop.xlsx',
    ]);
    // The printed table: one line per rule with its status and gap in words.
    for (const rule of catalogue.rules) {
      expect(result.out).toMatch(new RegExp(`^${rule.code.replace('.', '\\.')}\\s`, 'm'));
    }
    expect(result.out).toContain('còn thiếu 7 đoàn viên');
    expect(result.out).toContain(path.join(out, 'tong-hop.xlsx'));

    const json = JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8'));
    expect(json.units.map((u: { unit: string }) => u.unit)).toEqual([
      'LĐLĐ huyện Tiên Du',
      'LĐLĐ thành phố Từ Sơn',
      'Công đoàn ngành Giáo dục',
      'Công đoàn các Khu công nghiệp',
    ]);
    const consolidated = new Set(
      json.consolidated.results.map((r: { status: string }) => r.status),
    );
    for (const status of ['MET', 'NEAR', 'MISSED']) expect(consolidated.has(status)).toBe(true);
    const unitResults = json.units.flatMap(
      (u: { results: Record<string, unknown>[] }) => u.results,
    );
    const statuses = new Set(unitResults.map((r: Record<string, unknown>) => r.status));
    for (const status of ['MET', 'NEAR', 'MISSED', 'NO_DATA', 'NOT_APPLICABLE', 'INVALID']) {
      expect(statuses.has(status)).toBe(true);
    }
    expect(unitResults.filter((r: Record<string, unknown>) => r.status === 'INVALID')).toHaveLength(
      1,
    );
    expect(unitResults.some((r: Record<string, unknown>) => r.gapUnit === 'points')).toBe(true);
    // A unit's own target from its Chỉ tiêu column: Tiên Du has 30 for I.1a, not 110.
    const tienDuI1a = json.units[0].results.find((r: { code: string }) => r.code === 'I.1a');
    expect(tienDuI1a).toMatchObject({ target: 30, status: 'MET' });

    const summary = await readWorkbook(path.join(out, 'tong-hop.xlsx'));
    expect(summary.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tổng hợp theo đơn vị']);

    // Running it again replaces its own files.
    expect((await cli('demo', '--out', out)).code).toBe(0);
  });
});

describe('bin/union-targets.js', () => {
  async function bin(args: string[], cwd = dir) {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  test('runs the CLI with its exit codes and never prints a stack trace', async () => {
    const help = await bin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('union-targets evaluate');

    const usage = await bin(['evaluate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Cách dùng:');

    const missing = await bin(['evaluate', 'khong-co.xlsx', '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('File "khong-co.xlsx" does not exist.');
    expect(missing.stderr).not.toMatch(/\n\s+at /);

    const cwd = await fs.mkdtemp(path.join(dir, 'bin-'));
    const template = await bin(['template'], cwd);
    expect(template.code).toBe(0);
    expect(await fs.readdir(cwd)).toEqual(['mau-bao-cao-2020.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(cwd, 'mau-bao-cao-2020.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo']);
  });
});
