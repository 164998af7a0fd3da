/**
 * Reading through Office.js gives the snapshot the ExcelJS path gives for the same file (less the
 * formula texts, which nothing downstream reads): the reader, the engine and the planner see the
 * same workbook in the pane and in the CLI. A workbook too large for one response is read in
 * slices, several sheets to a request.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readWorkbook } from '../../src/workbook/office-read';
import { SyncCounter } from '../../src/workbook/office-sync';
import { snapshotFromExcelJs } from '../../src/workbook/exceljs-adapter';
import { ExcelHost } from '../host/excel-host';
import { modelFromWorkbook, seedFromXlsx } from '../host/seed-xlsx';
import type { WorkbookSnapshot } from '../../src/template/types';
import { UserFacingError } from '../../src/workbook/errors';
import { emptyWorkbook, putValues, type WorkbookModel } from '../host/model';
import { reloaded } from './workbooks';

/** What Office.js reads: the ExcelJS snapshot without `formulas`. */
function withoutFormulas(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map(({ formulas: _formulas, ...sheet }) => sheet),
  };
}

async function readWith(host: ExcelHost, maxResponseBytes?: number) {
  const counter = new SyncCounter();
  const read = await host.run((context) =>
    readWorkbook(context as never, counter, { maxResponseBytes }),
  );
  expect(counter.count).toBe(host.syncCount);
  return read;
}

function mixedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Số liệu');
  // The used range starts at C3, not A1.
  data.getCell('C3').value = 'Mã';
  data.getCell('D3').value = 'Thực hiện';
  data.getCell('C4').value = 'I.1a';
  data.getCell('D4').value = 120;
  data.getCell('E4').value = 0.85;
  data.getCell('E4').numFmt = '0.0%';
  data.getCell('C5').value = 'I.2b';
  data.getCell('D5').value = { formula: 'D4/0', result: { error: '#DIV/0!' } };
  data.getCell('E5').value = { formula: 'D4*2', result: 240 };
  data.getCell('F5').value = true;
  data.getCell('C6').value = { error: '#N/A' };
  data.getCell('D6').value = new Date(Date.UTC(2020, 11, 31));
  data.getCell('D6').numFmt = 'dd/mm/yyyy';
  data.getCell('E6').value = {
    richText: [{ text: 'Công ' }, { text: 'đoàn', font: { bold: true } }],
  };
  data.getCell('F6').value = '=không phải công thức';
  data.getCell('G7').value = '#N/A';
  data.mergeCells('C8:E8');
  data.getCell('C8').value = 'Gộp ô';
  const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.getCell('A1').value = 1;
  const locked = wb.addWorksheet("Bob's sheet");
  locked.getCell('B2').value = 'x';
  (locked as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
  wb.addWorksheet('Trống');
  wb.definedNames.add("'Số liệu'!$C$3:$D$3", 'UnionTargets_Added_1');
  return wb;
}

describe('reading the workbook through Office.js', () => {
  it('gives the same snapshot as the ExcelJS adapter, less formulas, in two syncs', async () => {
    const file = await reloaded(mixedWorkbook());
    const expected = snapshotFromExcelJs(file);
    const host = new ExcelHost(modelFromWorkbook(file));

    const read = await readWith(host);

    expect(read.snapshot).toEqual(withoutFormulas(expected));
    expect(host.syncCount).toBe(2);
    // Formula texts are neither asked for nor sent back: only computed values.
    expect(expected.sheets[0].formulas?.flat()).toContain('=D4/0');
    expect(read.snapshot.sheets[0].formulas).toBeUndefined();
    expect(host.requests[1].responseBytes).toBeLessThan(
      Buffer.byteLength(JSON.stringify(withoutFormulas(expected))) * 2,
    );
  });

  it('keeps apart an error value and text that reads like one, or like a formula', async () => {
    const host = new ExcelHost(modelFromWorkbook(mixedWorkbook()));
    const read = await readWith(host);
    const sheet = read.snapshot.sheets[0];
    const at = (a1: string) => {
      const col = a1.charCodeAt(0) - 65 - sheet.origin.col;
      const row = Number(a1.slice(1)) - 1 - sheet.origin.row;
      return sheet.values[row][col];
    };
    expect(sheet.origin).toEqual({ row: 2, col: 2 });
    expect(at('C6')).toEqual({ error: '#N/A' });
    expect(at('G7')).toBe('#N/A');
    expect(at('D5')).toEqual({ error: '#DIV/0!' });
    expect(at('E5')).toBe(240);
    expect(at('F6')).toBe('=không phải công thức');
    expect(read.sheets.map((s) => [s.name, s.visible, s.protected, s.usedRange])).toEqual([
      ['Số liệu', true, false, 'C3:G8'],
      ['Ẩn', false, false, 'A1'],
      ["Bob's sheet", true, true, 'B2'],
      ['Trống', true, false, null],
    ]);
  });

  it('seeds the host from an .xlsx file on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ut-seed-'));
    try {
      const path = join(dir, 'bao-cao.xlsx');
      await mixedWorkbook().xlsx.writeFile(path);
      const host = new ExcelHost(await seedFromXlsx(path));
      const read = await readWith(host);
      const file = new ExcelJS.Workbook();
      await file.xlsx.readFile(path);
      expect(read.snapshot).toEqual(withoutFormulas(snapshotFromExcelJs(file)));
      expect(host.sheet('Số liệu').merges).toEqual(['C8:E8']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** `count` small sheets and one of `longRows` rows of text, built directly as a host model. */
function bigModel(
  count: number,
  longRows: number,
  text = 'Công ty TNHH Một thành viên số',
): WorkbookModel {
  const names = [...Array.from({ length: count }, (_, i) => `Đơn vị ${i + 1}`), 'Danh sách'];
  const model = emptyWorkbook(names);
  model.sheets.forEach((sheet, i) => {
    if (sheet.name === 'Danh sách') {
      putValues(
        sheet,
        'B2',
        Array.from({ length: longRows }, (_, r) => [
          r + 1,
          `${text} ${r + 1}`,
          (r * 37) % 500,
          null,
          'đã đối chiếu',
        ]),
      );
      sheet.cells.C5.numberFormat = '@';
    } else {
      putValues(sheet, 'A1', [
        ['Mã', 'Thực hiện', 'Tổng số'],
        ['I.1a', 100 + i, null],
        ['I.2b', { error: '#DIV/0!' }, 52],
      ]);
    }
  });
  return model;
}

describe('reading a workbook too large for one response', () => {
  it('reads in slices under the limit, several sheets to a request, the same snapshot', async () => {
    const model = bigModel(200, 3000);
    const whole = await readWith(new ExcelHost(model));
    const host = new ExcelHost(model, { maxPayloadBytes: 100_000 });

    const read = await readWith(host, 80_000);

    expect(read).toEqual(whole);
    // The sheet list, the refused read of everything, the used ranges, then the slices.
    expect(host.requests[1].responseBytes).toBeGreaterThan(100_000);
    const slices = host.requests.slice(3);
    expect(slices.length).toBeGreaterThan(1);
    for (const request of slices) expect(request.responseBytes).toBeLessThanOrEqual(100_000);
    // 201 sheets, yet the requests are counted by size: each carries many of the small sheets.
    expect(host.syncCount).toBeLessThan(20);
  });

  it('splits a slice Excel still refuses (long text) until every answer fits', async () => {
    const model = bigModel(3, 400, 'Ghi chú dài '.repeat(40));
    const whole = await readWith(new ExcelHost(model));
    const host = new ExcelHost(model, { maxPayloadBytes: 60_000 });

    const read = await readWith(host, 50_000);

    expect(read).toEqual(whole);
    const refused = host.requests.slice(3).filter((r) => r.responseBytes > 60_000);
    expect(refused.length).toBeGreaterThan(0);
  });

  it('a row too large to read on its own: a plain message naming the sheet and the row', async () => {
    const model = bigModel(1, 5);
    putValues(model.sheets[1], 'C4', [['x'.repeat(30_000)]]);
    const host = new ExcelHost(model, { maxPayloadBytes: 20_000 });

    const error = await readWith(host, 15_000).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).localized.vi).toContain('"Danh sách"');
    expect((error as UserFacingError).localized.vi).toContain('hàng 4');
    expect((error as UserFacingError).localized.en).toContain('row 4');
  });

  it('a stray entry far away: a plain message naming the sheet and its last cell', async () => {
    const model = bigModel(2, 10);
    putValues(model.sheets[0], 'Z200000', [['?']]);
    const host = new ExcelHost(model);

    const error = await readWith(host).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).localized.vi).toContain('"Đơn vị 1"');
    expect((error as UserFacingError).localized.vi).toContain('Z200000');
    // Measured, then refused: nothing of the five million cells was asked for in slices.
    expect(host.syncCount).toBe(3);
  });
});
