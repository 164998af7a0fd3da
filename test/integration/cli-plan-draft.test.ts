/** `union-targets plan draft` (SPEC §6, §13) on real files, read back with ExcelJS. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CATALOGUE_2020 } from '../../src/catalogue/catalogue-2020';
import { readPlanSheet } from '../../src/catalogue/plan-sheet-reader';
import { snapshotWorksheet } from '../../src/workbook/xlsx/exceljs-adapter';
import { cli, listFiles, tempFolder } from '../fixtures/cli-run';

const SEED = path.resolve(__dirname, '../../../shared/seed/chi-tieu-2020.txt');
const FIXTURES = path.resolve(__dirname, '../fixtures/plan-documents');

async function copyInto(dir: string, from: string, name = path.basename(from)): Promise<string> {
  const file = path.join(dir, name);
  await fs.copyFile(from, file);
  return file;
}

describe('union-targets plan draft', () => {
  it('writes <name>.draft.xlsx beside the document: a plan sheet with "Cần xem lại"', async () => {
    const dir = await tempFolder('draft');
    const input = await copyInto(dir, SEED);
    const run = await cli('plan', 'draft', input);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('26 chỉ tiêu, 0 dòng cần xem lại');
    expect(await listFiles(dir)).toEqual(['chi-tieu-2020.draft.xlsx', 'chi-tieu-2020.txt']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'chi-tieu-2020.draft.xlsx'));
    expect(wb.worksheets).toHaveLength(1);
    const snapshot = snapshotWorksheet(wb.worksheets[0]);
    expect(snapshot.values.some((row) => row.includes('Cần xem lại'))).toBe(true);
    const reading = readPlanSheet(snapshot);
    expect(reading.catalogue?.rules.map((r) => [r.code, r.kind, r.comparator, r.target])).toEqual(
      CATALOGUE_2020.rules.map((r) => [r.code, r.kind, r.comparator, r.target]),
    );
  });

  it('prints the JSON alone on standard output with --json -, the report on standard error', async () => {
    const dir = await tempFolder('draft-json');
    const input = await copyInto(dir, path.join(FIXTURES, 'giao-duc-2025.txt'));
    const run = await cli('plan', 'draft', input, '--json', '-');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(Object.keys(json)).toEqual(['year', 'sections', 'rules']);
    expect(json.year).toBe(2025);
    expect(json.sections[0]).toEqual({ id: 'I', title: 'Công tác tuyên truyền, giáo dục' });
    expect(Object.keys(json.rules[0])).toEqual([
      'code',
      'section',
      'kind',
      'comparator',
      'target',
      'unit',
      'numerator',
      'denominator',
      'wording',
      'review',
    ]);
    expect(json.rules.find((r: { code: string }) => r.code === 'II.1b')).toMatchObject({
      kind: 'count',
      comparator: '>=',
      target: '210000',
      unit: 'suất',
      review: null,
    });
    expect(run.err).toContain('2 dòng cần xem lại');
    expect(run.err).toContain('II.3: "Không có"');
    // Only JSON was asked for: no workbook.
    expect(await listFiles(dir)).toEqual(['giao-duc-2025.txt']);
  });

  it('writes both with --out and --json FILE, and replaces its own earlier JSON', async () => {
    const dir = await tempFolder('draft-both');
    const input = await copyInto(dir, path.join(FIXTURES, 'huyen-2026.txt'));
    const out = path.join(dir, 'nhap', 'bo-chi-tieu.xlsx');
    const json = path.join(dir, 'nhap.json');
    expect((await cli('plan', 'draft', input, '--out', out, '--json', json)).code).toBe(0);
    await fs.rm(out);
    expect((await cli('plan', 'draft', input, '--out', out, '--json', json)).code).toBe(0);
    expect(JSON.parse(await fs.readFile(json, 'utf8')).rules).toHaveLength(11);
  });

  it('never overwrites an existing workbook (it may hold the review) nor the input', async () => {
    const dir = await tempFolder('draft-keep');
    const input = await copyInto(dir, SEED);
    const out = path.join(dir, 'reviewed.xlsx');
    await fs.writeFile(out, 'the secretariat reviewed this');
    const run = await cli('plan', 'draft', input, '--out', out);
    expect(run.code).toBe(1);
    expect(run.err).toContain('không ghi đè');
    expect(await fs.readFile(out, 'utf8')).toBe('the secretariat reviewed this');
    const onInput = await cli('plan', 'draft', input, '--json', input);
    expect(onInput.code).toBe(1);
    expect(onInput.err).toContain('tệp đầu vào');
  });

  it('reads UTF-16 and a Windows-1252 mistake is named, exit 1', async () => {
    const dir = await tempFolder('draft-enc');
    const text = await fs.readFile(SEED, 'utf8');
    const utf16 = path.join(dir, 'utf16.txt');
    await fs.writeFile(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const ok = await cli('plan', 'draft', utf16, '--json', '-');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).rules).toHaveLength(26);

    const latin = path.join(dir, 'latin.txt');
    await fs.writeFile(latin, Buffer.from([0x49, 0x2e, 0x20, 0xc0, 0x20, 0xe9, 0x0a]));
    const bad = await cli('plan', 'draft', latin);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('không phải văn bản UTF-8');
  });

  it('exits 1 for a missing file, a Word/Excel file, or a text without any target', async () => {
    const dir = await tempFolder('draft-bad');
    const missing = await cli('plan', 'draft', path.join(dir, 'none.txt'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Không có tệp');

    const zip = path.join(dir, 'ke-hoach.docx');
    await fs.writeFile(zip, Buffer.from('PK\u0003\u0004rest', 'binary'));
    const word = await cli('plan', 'draft', zip);
    expect(word.code).toBe(1);
    expect(word.err).toContain('.txt (UTF-8)');

    const empty = path.join(dir, 'empty.txt');
    await fs.writeFile(
      empty,
      'KẾ HOẠCH NĂM 2026\n\nI. Mục tiêu chung\n1. Nâng cao chất lượng hoạt động.\n',
    );
    const none = await cli('plan', 'draft', empty);
    expect(none.code).toBe(1);
    expect(none.err).toContain('Không tìm thấy chỉ tiêu nào');
    expect(await listFiles(dir)).toEqual(['empty.txt', 'ke-hoach.docx']);
  });

  it.each([
    [['plan', 'draft'], 'cần một tệp'],
    [['plan', 'draft', 'a.txt', 'b.txt'], 'thừa "b.txt"'],
    [['plan', 'draft', 'a.txt', '--summary', 'x'], 'không có tùy chọn --summary'],
    [['plan', 'draft', 'a.txt', '--lang', 'fr'], '--lang chỉ nhận'],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
  });
});
