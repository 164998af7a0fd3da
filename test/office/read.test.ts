/**
 * Reading through Office.js gives the snapshot the ExcelJS path gives for the same file: the
 * reader, the engine and the planner see the same workbook in the pane and in the CLI.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readWorkbook, SyncCounter } from '../../src/workbook/office-adapter';
import { snapshotFromExcelJs } from '../../src/workbook/exceljs-adapter';
import { ExcelHost } from '../host/excel-host';
import { modelFromWorkbook, seedFromXlsx } from '../host/seed-xlsx';
import { reloaded } from './workbooks';

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
  it('gives the same snapshot as the ExcelJS adapter, in two syncs', async () => {
    const file = await reloaded(mixedWorkbook());
    const expected = snapshotFromExcelJs(file);
    const host = new ExcelHost(modelFromWorkbook(file));
    const counter = new SyncCounter();

    const read = await host.run((context) => readWorkbook(context as never, counter));

    expect(read.snapshot).toEqual(expected);
    expect(counter.count).toBe(2);
    expect(host.syncCount).toBe(2);
  });

  it('keeps apart an error value and text that reads like one, and a formula from text', async () => {
    const host = new ExcelHost(modelFromWorkbook(mixedWorkbook()));
    const read = await host.run((context) => readWorkbook(context as never, new SyncCounter()));
    const sheet = read.snapshot.sheets[0];
    const at = (a1: string) => {
      const col = a1.charCodeAt(0) - 65 - sheet.origin.col;
      const row = Number(a1.slice(1)) - 1 - sheet.origin.row;
      return { value: sheet.values[row][col], formula: sheet.formulas?.[row][col] };
    };
    expect(sheet.origin).toEqual({ row: 2, col: 2 });
    expect(at('C6')).toEqual({ value: { error: '#N/A' }, formula: null });
    expect(at('G7')).toEqual({ value: '#N/A', formula: null });
    expect(at('D5')).toEqual({ value: { error: '#DIV/0!' }, formula: '=D4/0' });
    expect(at('F6')).toEqual({ value: '=không phải công thức', formula: null });
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
      const read = await host.run((context) => readWorkbook(context as never, new SyncCounter()));
      const file = new ExcelJS.Workbook();
      await file.xlsx.readFile(path);
      expect(read.snapshot).toEqual(snapshotFromExcelJs(file));
      expect(host.sheet('Số liệu').merges).toEqual(['C8:E8']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
