/**
 * Reading through Office.js gives the snapshot the ExcelJS path gives for the same file, formula
 * cells known only as "=" (Office is not asked for their texts, which nothing downstream reads):
 * the reader, the engine and the planner see the same workbook in the pane and in the CLI,
 * merged areas included. A workbook too large for one response is read in slices, several sheets
 * to a request, with the same result.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readWorkbook } from '../../src/workbook/office/read';
import { SyncCounter } from '../../src/workbook/office/sync';
import { snapshotFromExcelJs } from '../../src/workbook/xlsx/exceljs-adapter';
import { ExcelHost } from '../host/excel-host';
import { installHost } from '../host/install';
import { modelFromWorkbook, seedFromXlsx } from '../host/seed-xlsx';
import type { WorkbookSnapshot } from '../../src/template/types';
import { UserFacingError } from '../../src/workbook/errors';
import { emptyWorkbook, putValues, type WorkbookModel } from '../host/model';
import { reloaded } from './workbooks';

/** What Office.js reads: the ExcelJS snapshot with each formula text reduced to "=". */
function formulasAsPresence(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => ({
      ...sheet,
      formulas: sheet.formulas?.map((row) => row.map((f) => (f === null ? null : '='))),
    })),
  };
}

/** 0-based absolute area from an A1 range, for readable expectations. */
function area(range: string) {
  const [a, b = a] = range.split(':');
  const cell = (x: string) => ({
    row: Number(x.replace(/[A-Z]+/, '')) - 1,
    col: x.replace(/\d+/, '').charCodeAt(0) - 65,
  });
  return { top: cell(a).row, left: cell(a).col, bottom: cell(b).row, right: cell(b).col };
}

/** Positions ("D5") of the formula cells of a sheet snapshot. */
function formulaCells(snapshot: WorkbookSnapshot, sheet = 0): string[] {
  const { origin, formulas = [] } = snapshot.sheets[sheet];
  return formulas.flatMap((row, i) =>
    row.flatMap((f, j) =>
      f === null ? [] : [`${String.fromCharCode(65 + origin.col + j)}${origin.row + i + 1}`],
    ),
  );
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
  // Empty, but formatted by the unit: its format is read like any other.
  data.getCell('F7').numFmt = '0.0%';
  data.mergeCells('C8:E8');
  data.getCell('C8').value = 'Gộp ô';
  // A shared formula down G3:G5, an array formula over H3:H4, one never calculated in F4.
  data.fillFormula('G3:G5', 'LEN(C3)', [2, 4, 4]);
  data.getCell('H3').value = {
    formula: 'D4:D5*2',
    result: 240,
    shareType: 'array',
    ref: 'H3:H4',
  } as ExcelJS.CellFormulaValue;
  data.getCell('H4').value = { error: '#DIV/0!' };
  data.getCell('F4').value = { formula: 'SUM(K40:K60)' } as ExcelJS.CellFormulaValue;
  // Empty merged cells inside the used range (F9:G10), to its right (J3:K4) and running into it
  // from the left (B9:C9, its top-left cell outside): only the first starts in the used range.
  data.mergeCells('F9:G10');
  data.getCell('C10').value = 'cuối';
  data.mergeCells('J3:K4');
  data.mergeCells('B9:C9');
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
  it('gives the snapshot of the ExcelJS adapter, formulas as "=" and merges, in two syncs', async () => {
    const file = await reloaded(mixedWorkbook());
    const expected = snapshotFromExcelJs(file);
    const host = new ExcelHost(modelFromWorkbook(file));

    const read = await readWith(host);

    expect(read.snapshot).toEqual(formulasAsPresence(expected));
    expect(host.syncCount).toBe(2);
    // Formula texts are neither asked for nor sent back: only where formulas are.
    expect(expected.sheets[0].formulas?.flat()).toContain('=D4/0');
    // Shared (G3:G5), array (H3:H4, each cell), never calculated (F4), plain (D5, E5).
    expect(formulaCells(read.snapshot)).toEqual(['G3', 'H3', 'F4', 'G4', 'H4', 'D5', 'E5', 'G5']);
    expect(read.snapshot.sheets.map((s) => s.merges)).toEqual([
      [area('C8:E8'), area('F9:G10')],
      [],
      [],
      [],
    ]);
    expect(host.requests[1].responseBytes).toBeLessThan(
      Buffer.byteLength(JSON.stringify(expected)) * 2,
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
    // Never calculated: a formula, and no value.
    expect(at('F4')).toBeNull();
    expect(at('F7')).toBeNull();
    expect(sheet.numberFormats[7 - 1 - sheet.origin.row][5 - sheet.origin.col]).toBe('0.0%');
    expect(read.sheets.map((s) => [s.name, s.visible, s.protected, s.usedRange])).toEqual([
      ['Số liệu', true, false, 'C3:H10'],
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
      expect(read.snapshot).toEqual(formulasAsPresence(snapshotFromExcelJs(file)));
      expect(host.sheet('Số liệu').merges.sort()).toEqual(['B9:C9', 'C8:E8', 'F9:G10', 'J3:K4']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the areas of a sheet whose quoted name holds a comma and an apostrophe', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tổ 1, tổ 'B' cũ");
    ws.getCell('A1').value = 1;
    ws.getCell('B1').value = { formula: 'A1*2', result: 2 };
    ws.getCell('D3').value = { formula: 'A1*3', result: 3 };
    ws.mergeCells('A2:B2');
    ws.mergeCells('C3:C4');
    const file = await reloaded(wb);
    const host = new ExcelHost(modelFromWorkbook(file));

    const read = await readWith(host);

    expect(read.snapshot).toEqual(formulasAsPresence(snapshotFromExcelJs(file)));
    expect(formulaCells(read.snapshot)).toEqual(['B1', 'D3']);
    expect(read.snapshot.sheets[0].merges).toEqual([area('A2:B2'), area('C3:C4')]);
  });

  it('without ExcelApi 1.13 leaves merges out (unknown), formulas still read, two syncs', async () => {
    const host = new ExcelHost(modelFromWorkbook(await reloaded(mixedWorkbook())), {
      excelApi: '1.12',
    });
    const uninstall = installHost(host);
    try {
      const read = await readWith(host);
      expect(read.snapshot.sheets.map((s) => s.merges)).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(formulaCells(read.snapshot)).toContain('H4');
      expect(host.syncCount).toBe(2);
    } finally {
      uninstall();
    }
  });

  it('past 512 merged areas, which Excel refuses at once: read in pieces, every merge', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    for (let r = 1; r <= 600; r++) {
      ws.getCell(r, 1).value = r;
      ws.mergeCells(r, 2, r, 3);
      ws.getCell(r, 2).value = `CĐCS số ${r}`;
      ws.getCell(r, 4).value = { formula: `A${r}*2`, result: r * 2 };
    }
    const file = await reloaded(wb);
    const host = new ExcelHost(modelFromWorkbook(file));

    const read = await readWith(host);

    expect(read.snapshot).toEqual(formulasAsPresence(snapshotFromExcelJs(file)));
    expect(read.snapshot.sheets[0].merges).toHaveLength(600);
    expect(formulaCells(read.snapshot)).toHaveLength(600);
    // The refused read, the used ranges measured, then the pieces: one request here.
    expect(host.syncCount).toBe(4);
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
      for (let r = 2; r < longRows + 2; r += 7) {
        sheet.merges.push(`E${r}:F${r + 1}`);
        sheet.cells[`D${r}`] = { ...sheet.cells[`D${r}`], formula: `=B${r}*2` };
      }
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
    const model = bigModel(200, 6000);
    const whole = await readWith(new ExcelHost(model));
    const host = new ExcelHost(model, { maxPayloadBytes: 200_000 });

    const read = await readWith(host, 160_000);

    expect(read).toEqual(whole);
    // Formula cells and merged areas come out of the slices as out of the one read.
    const long = read.snapshot.sheets[200];
    expect(long.merges).toHaveLength(Math.ceil(6000 / 7));
    expect(long.formulas?.flat().filter((f) => f === '=')).toHaveLength(Math.ceil(6000 / 7));
    // The sheet list, the refused read of everything, the used ranges, then the slices.
    expect(host.requests[1].responseBytes).toBeGreaterThan(200_000);
    const slices = host.requests.slice(3);
    expect(slices.length).toBeGreaterThan(1);
    for (const request of slices) {
      expect(request.responseBytes).toBeLessThanOrEqual(200_000);
      expect(request.bytes).toBeLessThanOrEqual(200_000);
    }
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
