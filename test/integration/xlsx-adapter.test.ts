/**
 * The ExcelJS adapter on real .xlsx files: snapshots (what the reader sees), write plans (what
 * evaluation changes, and nothing else), summary sheets, and file reading and writing.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  addSheetPlan,
  applyPlanToExcelJs,
  PlanApplyError,
  snapshotFromExcelJs,
} from '../../src/workbook/xlsx/exceljs-adapter';
import { readXlsxFile, writeXlsxFile, XlsxError } from '../../src/workbook/xlsx/file';
import { readZipEntryText } from '../../src/workbook/xlsx/zip-entry';
import type { SheetPlan } from '../../src/template/types';
import { unwritableFolder } from '../fixtures/folders';
import { readWorkbook } from '../fixtures/report-workbook';
import { sheetDifferences, sheetFacts } from '../fixtures/xlsx-cells';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ut-adapter-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Writes with plain ExcelJS and reads back, as a file from elsewhere would arrive. */
async function roundTrip(wb: ExcelJS.Workbook, name: string): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return readWorkbook(file);
}

function sheetXml(file: string, n = 1): string {
  const xml = readZipEntryText(file, `xl/worksheets/sheet${n}.xml`);
  if (xml === null) throw new Error(`no sheet${n}.xml in ${file}`);
  return xml;
}

describe('snapshotFromExcelJs', () => {
  test('reduces every kind of cell to what the reader needs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Báo cáo');
    ws.getCell('C3').value = 45;
    ws.getCell('D3').value = '1.234';
    ws.getCell('E3').value = true;
    ws.getCell('F3').value = {
      richText: [{ text: 'Thực ' }, { text: 'hiện', font: { bold: true } }],
    };
    ws.getCell('G3').value = { text: 'trang web', hyperlink: 'https://example.org' };
    ws.getCell('C4').value = new Date(Date.UTC(2020, 0, 15));
    ws.getCell('C4').numFmt = 'dd/mm/yyyy';
    ws.getCell('D4').value = { formula: 'C3*2', result: 90 };
    ws.getCell('E4').value = { formula: 'C3/0', result: { error: '#DIV/0!' } };
    ws.getCell('F4').value = { formula: 'C3+1' };
    ws.getCell('G4').value = { error: '#N/A' };
    ws.getCell('C5').value = 0.855;
    ws.getCell('C5').numFmt = '0.0%';
    // A shared formula, as Excel saves a formula filled down (ExcelJS's typings omit the fields).
    ws.getCell('D5').value = {
      formula: 'C3*3',
      result: 135,
      shareType: 'shared',
      ref: 'D5:D6',
    } as ExcelJS.CellFormulaValue;
    ws.getCell('D6').value = { sharedFormula: 'D5', result: 136 };
    ws.getCell('E5').value = 'gộp';
    ws.mergeCells('E5:F6');
    ws.getCell('H9').value = 'cuối';

    const snap = snapshotFromExcelJs(await roundTrip(wb, 'kinds.xlsx'), 'kinds.xlsx');
    expect(snap.file).toBe('kinds.xlsx');
    const sheet = snap.sheets[0];
    expect(sheet.origin).toEqual({ row: 2, col: 2 });
    expect(sheet.values.length).toBe(7); // rows 3..9
    expect(sheet.values[0].length).toBe(6); // columns C..H
    const at = (a1: string) => {
      const col = a1.charCodeAt(0) - 65 - sheet.origin.col;
      const row = Number(a1.slice(1)) - 1 - sheet.origin.row;
      return {
        value: sheet.values[row][col],
        format: sheet.numberFormats[row][col],
        formula: sheet.formulas?.[row][col] ?? null,
      };
    };
    expect(at('C3')).toEqual({ value: 45, format: 'General', formula: null });
    expect(at('D3').value).toBe('1.234');
    expect(at('E3').value).toBe(true);
    expect(at('F3').value).toBe('Thực hiện');
    expect(at('G3').value).toBe('trang web');
    // 15/01/2020 is serial 43845 in the 1900 system, and keeps its date format.
    expect(at('C4')).toEqual({ value: 43845, format: 'dd/mm/yyyy', formula: null });
    expect(at('D4')).toEqual({ value: 90, format: 'General', formula: '=C3*2' });
    expect(at('E4').value).toEqual({ error: '#DIV/0!' });
    expect(at('F4')).toEqual({ value: null, format: 'General', formula: '=C3+1' });
    expect(at('G4').value).toEqual({ error: '#N/A' });
    expect(at('C5')).toEqual({ value: 0.855, format: '0.0%', formula: null });
    expect(at('D6')).toEqual({ value: 136, format: 'General', formula: '=C4*3' });
    // Only the top-left cell of a merge holds the value, as in Excel.
    expect(at('E5').value).toBe('gộp');
    expect(at('F5').value).toBeNull();
    expect(at('E6').value).toBeNull();
    expect(at('H9').value).toBe('cuối');
    expect(at('D8').value).toBeNull();
    expect(at('D8').format).toBe('General');
  });

  test('dates in the 1904 date system give that system’s serial', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2020, 0, 15));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    const snap = snapshotFromExcelJs(await roundTrip(wb, 'd1904.xlsx'));
    expect(snap.sheets[0].values[0][0]).toBe(43845 - 1462);
  });

  test('tab order, visibility, protection, empty sheets and defined names', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Một').getCell('A1').value = 1;
    const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
    hidden.getCell('B2').value = 2;
    const locked = wb.addWorksheet("Bob's sheet");
    locked.getCell('A1').value = 3;
    await locked.protect('', {});
    wb.addWorksheet('Trống');
    wb.definedNames.add("'Bob''s sheet'!$A$1:$B$2", 'Vung_1');
    const snap = snapshotFromExcelJs(await roundTrip(wb, 'meta.xlsx'));
    expect(snap.sheets.map((s) => s.name)).toEqual(['Một', 'Ẩn', "Bob's sheet", 'Trống']);
    expect(snap.sheets.map((s) => s.visible)).toEqual([true, false, true, true]);
    expect(snap.sheets.map((s) => s.protected)).toEqual([false, false, true, false]);
    expect(snap.sheets[3].values).toEqual([]);
    expect(snap.names).toEqual({ Vung_1: "'Bob''s sheet'!$A$1:$B$2" });
  });
});

describe('applyPlanToExcelJs', () => {
  async function styledWorkbook(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Báo cáo');
    for (const a1 of ['H7', 'H8', 'I7']) {
      ws.getCell(a1).font = { name: 'Times New Roman', size: 13, bold: true, italic: true };
      ws.getCell(a1).border = { top: { style: 'thin' }, bottom: { style: 'double' } };
      ws.getCell(a1).alignment = { horizontal: 'right', vertical: 'top' };
    }
    ws.getCell('A1').value = 'giữ nguyên';
    return roundTrip(wb, 'styled.xlsx');
  }

  test('text that looks like a formula is written as text', async () => {
    const wb = await styledWorkbook();
    const texts = ['=1+1', '+84 912 345 678', '-', '@x', '=HYPERLINK("http://x","y")'];
    applyPlanToExcelJs(wb, {
      sheets: [
        {
          sheet: 'Báo cáo',
          cells: texts.map((value, i) => ({ row: 10 + i, col: 0, value })),
        },
      ],
    });
    const file = path.join(dir, 'texts.xlsx');
    await writeXlsxFile(wb, file);
    const back = (await readWorkbook(file)).getWorksheet('Báo cáo')!;
    texts.forEach((text, i) => {
      const cell = back.getCell(11 + i, 1);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    });
    expect(sheetXml(file)).not.toContain('<f>');
  });

  test('changes the fill, font colour and number format and keeps every other style', async () => {
    const wb = await styledWorkbook();
    const ws = wb.getWorksheet('Báo cáo')!;
    // Read from a file, cells of the same style share one style object.
    expect(ws.getCell('H7').style).toBe(ws.getCell('H8').style);
    applyPlanToExcelJs(wb, {
      sheets: [
        {
          sheet: 'Báo cáo',
          cells: [
            {
              row: 6,
              col: 7,
              value: 0.8653846,
              numberFormat: '0.0%',
              fill: '#C6EFCE',
              fontColor: '#006100',
            },
          ],
        },
      ],
    });
    const file = path.join(dir, 'restyled.xlsx');
    await writeXlsxFile(wb, file);
    const back = (await readWorkbook(file)).getWorksheet('Báo cáo')!;
    const h7 = back.getCell('H7');
    expect(h7.value).toBe(0.8653846);
    expect(h7.numFmt).toBe('0.0%');
    expect(h7.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } });
    expect(h7.font).toMatchObject({
      name: 'Times New Roman',
      size: 13,
      bold: true,
      italic: true,
      color: { argb: 'FF006100' },
    });
    expect(h7.border).toEqual({ top: { style: 'thin' }, bottom: { style: 'double' } });
    expect(h7.alignment).toEqual({ horizontal: 'right', vertical: 'top' });
    // The cell that shared H7's style is untouched.
    const h8 = back.getCell('H8');
    expect(h8.fill).toEqual({ type: 'pattern', pattern: 'none' });
    expect(h8.font.color).toBeUndefined();
    expect(h8.numFmt).toBeUndefined();
  });

  test('a null fill removes the fill; a null font colour removes only the colour', async () => {
    const wb = await styledWorkbook();
    const plan = (fill: string | null, fontColor: string | null) => ({
      sheets: [{ sheet: 'Báo cáo', cells: [{ row: 6, col: 8, value: 'Đạt', fill, fontColor }] }],
    });
    applyPlanToExcelJs(wb, plan('#C6EFCE', '#006100'));
    applyPlanToExcelJs(wb, plan(null, null));
    const file = path.join(dir, 'cleared-style.xlsx');
    await writeXlsxFile(wb, file);
    const i7 = (await readWorkbook(file)).getWorksheet('Báo cáo')!.getCell('I7');
    expect(i7.fill).toEqual({ type: 'pattern', pattern: 'none' });
    expect(i7.font).toEqual({ name: 'Times New Roman', size: 13, bold: true, italic: true });
  });

  test('sets and removes defined names, deletes sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Đơn vị O'Neil").getCell('A1').value = 1;
    wb.addWorksheet('Tổng hợp').getCell('A1').value = 2;
    wb.definedNames.add("'Tổng hợp'!$A$1", 'Old_Name');
    const read = await roundTrip(wb, 'names.xlsx');
    applyPlanToExcelJs(read, {
      sheets: [],
      setNames: { UnionTargets_Added_1: "'Đơn vị O''Neil'!$H$5:$J$5" },
      deleteNames: ['Old_Name'],
      deleteSheets: ['Tổng hợp'],
    });
    const file = path.join(dir, 'names-out.xlsx');
    await writeXlsxFile(read, file);
    const snap = snapshotFromExcelJs(await readWorkbook(file));
    expect(snap.sheets.map((s) => s.name)).toEqual(["Đơn vị O'Neil"]);
    expect(snap.names).toEqual({ UnionTargets_Added_1: "'Đơn vị O''Neil'!$H$5:$J$5" });
  });

  test('a plan that does not fit changes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Báo cáo').getCell('A1').value = 'x';
    const locked = wb.addWorksheet('Khóa');
    locked.getCell('A1').value = 'y';
    await locked.protect('', {});
    const read = await roundTrip(wb, 'fit.xlsx');
    const before = sheetFacts(read.getWorksheet('Báo cáo')!);

    const missing = () =>
      applyPlanToExcelJs(read, {
        sheets: [
          { sheet: 'Báo cáo', cells: [{ row: 0, col: 1, value: 'mới' }] },
          { sheet: 'Đã xóa', cells: [{ row: 0, col: 0, value: 1 }] },
        ],
      });
    expect(missing).toThrow(PlanApplyError);
    const protectedSheet = () =>
      applyPlanToExcelJs(read, {
        sheets: [
          { sheet: 'Báo cáo', cells: [{ row: 0, col: 1, value: 'mới' }] },
          { sheet: 'Khóa', cells: [{ row: 0, col: 1, value: 1 }] },
        ],
        deleteSheets: ['Báo cáo'],
      });
    expect(protectedSheet).toThrow(/protected/);
    try {
      protectedSheet();
    } catch (error) {
      expect((error as PlanApplyError).localized.vi).toContain('Khóa');
    }
    expect(read.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Khóa']);
    expect(sheetDifferences(before, sheetFacts(read.getWorksheet('Báo cáo')!))).toEqual([]);
  });

  test('refuses to write into a covered cell of a merge, which would land in another row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Báo cáo');
    ws.getCell('J8').value = 'cũ';
    ws.mergeCells('J8:J9');
    const read = await roundTrip(wb, 'merged.xlsx');
    const write = () =>
      applyPlanToExcelJs(read, {
        sheets: [
          {
            sheet: 'Báo cáo',
            cells: [
              { row: 7, col: 9, value: 'Đạt' },
              { row: 8, col: 9, value: 'Không đạt' },
            ],
          },
        ],
      });
    expect(write).toThrow(PlanApplyError);
    try {
      write();
    } catch (error) {
      expect((error as PlanApplyError).localized.vi).toContain(
        'ô J9 nằm trong vùng gộp ô bắt đầu từ J8',
      );
    }
    expect(read.getWorksheet('Báo cáo')!.getCell('J8').value).toBe('cũ');
  });

  test('internal links of an input sheet survive reading and writing', async () => {
    const source = path.join(dir, 'links-in.xlsx');
    // Written the way Excel writes an internal link: a location and no relationship.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Mục lục').getCell('A1').value = {
      text: 'Đi tới',
      hyperlink: "#'Báo cáo'!F12",
    };
    wb.addWorksheet('Báo cáo');
    await writeXlsxFile(wb, source);
    expect(sheetXml(source)).toContain('location="&apos;Báo cáo&apos;!F12"');
    expect(sheetXml(source)).not.toContain('r:id=');

    const read = await readXlsxFile(source);
    expect(read.getWorksheet('Mục lục')!.getCell('A1').value).toEqual({
      text: 'Đi tới',
      hyperlink: "#'Báo cáo'!F12",
    });
    const copy = path.join(dir, 'links-out.xlsx');
    await writeXlsxFile(read, copy, [source]);
    expect(sheetXml(copy)).toContain('location="&apos;Báo cáo&apos;!F12"');
    expect(readZipEntryText(copy, 'xl/worksheets/_rels/sheet1.xml.rels') ?? '').not.toContain(
      'External',
    );
  });
});

describe('addSheetPlan', () => {
  const plan = (name: string, replace: boolean, marker: string): SheetPlan => ({
    name,
    replace,
    cells: [
      { row: 0, col: 0, value: marker, bold: true, fontSize: 14 },
      { row: 1, col: 0, value: '=không phải công thức' },
      { row: 2, col: 0, value: 'Báo cáo!F12', link: { sheet: 'Báo cáo', cell: 'F12' } },
      {
        row: 3,
        col: 1,
        value: 0.9,
        numberFormat: '0%',
        fill: '#FFC7CE',
        fontColor: '#9C0006',
        border: true,
        wrap: true,
        horizontal: 'center',
        vertical: 'middle',
      },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
    columnWidths: [6, 40, 12],
    freeze: { rows: 4, columns: 2 },
    page: { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1 },
  });

  test('writes cells, merges, widths, frozen panes, page setup and working links', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Báo cáo');
    addSheetPlan(wb, plan('Tổng hợp', false, 'TỔNG HỢP'));
    const file = path.join(dir, 'summary.xlsx');
    await writeXlsxFile(wb, file);
    const ws = (await readWorkbook(file)).getWorksheet('Tổng hợp')!;
    expect(ws.getCell('A1').value).toBe('TỔNG HỢP');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('A2').value).toBe('=không phải công thức');
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.getCell('A3').value).toEqual({ text: 'Báo cáo!F12', hyperlink: "#'Báo cáo'!F12" });
    const b4 = ws.getCell('B4');
    expect(b4.numFmt).toBe('0%');
    expect(b4.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(b4.border.top).toEqual({ style: 'thin' });
    expect(b4.alignment).toEqual({ wrapText: true, horizontal: 'center', vertical: 'middle' });
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(['A1:E1']);
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([6, 40, 12]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    const xml = sheetXml(file, 2);
    expect(xml).toContain('location="&apos;Báo cáo&apos;!F12"');
    expect(xml).not.toContain('r:id=');
  });

  test('replaces an earlier summary at its tab position, and never a sheet it may not', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Báo cáo');
    addSheetPlan(wb, plan('Tổng hợp', false, 'cũ'));
    wb.addWorksheet('Ghi chú');
    addSheetPlan(wb, plan('Tổng hợp', true, 'mới'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Tổng hợp', 'Ghi chú']);
    const file = path.join(dir, 'replaced.xlsx');
    await writeXlsxFile(wb, file);
    const back = await readWorkbook(file);
    expect(back.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Tổng hợp', 'Ghi chú']);
    expect(back.getWorksheet('Tổng hợp')!.getCell('A1').value).toBe('mới');
    expect(() => addSheetPlan(back, plan('Tổng hợp', false, 'x'))).toThrow(PlanApplyError);
  });
});

describe('readXlsxFile and writeXlsxFile', () => {
  async function reasonOf(file: string): Promise<string> {
    try {
      await readXlsxFile(file);
      return 'read';
    } catch (error) {
      expect(error).toBeInstanceOf(XlsxError);
      expect((error as XlsxError).localized.vi).toContain(file);
      return (error as XlsxError).reason;
    }
  }

  test('every unreadable file is refused with its reason and name', async () => {
    const good = path.join(dir, 'good.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 'x';
    await wb.xlsx.writeFile(good);
    const bytes = await fs.readFile(good);

    const files: Record<string, Buffer | string | null> = {
      'empty.xlsx': Buffer.alloc(0),
      'notes.xlsx': 'STT;Mã;Thực hiện\n1;I.1a;120\n',
      'old.xls': Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ]),
      '~$good.xlsx': Buffer.from([0x0b, 0x4e, 0x67, 0x75, 0x79, 0x65, 0x6e]),
      'truncated.xlsx': bytes.subarray(0, Math.floor(bytes.length / 2)),
      'folder.xlsx': null,
    };
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(dir, name);
      if (content === null) await fs.mkdir(file, { recursive: true });
      else await fs.writeFile(file, content);
    }
    expect(await reasonOf(path.join(dir, 'missing.xlsx'))).toBe('missing');
    expect(await reasonOf(path.join(dir, 'empty.xlsx'))).toBe('empty');
    expect(await reasonOf(path.join(dir, 'notes.xlsx'))).toBe('not-xlsx');
    expect(await reasonOf(path.join(dir, 'old.xls'))).toBe('legacy-or-encrypted');
    expect(await reasonOf(path.join(dir, '~$good.xlsx'))).toBe('excel-lock-file');
    expect(await reasonOf(path.join(dir, 'truncated.xlsx'))).toBe('corrupt');
    expect(await reasonOf(path.join(dir, 'folder.xlsx'))).toBe('not-a-file');
    expect(await reasonOf(good)).toBe('read');
  });

  test('never writes onto an input, through a link either, and leaves no temporary file', async () => {
    const sub = await fs.mkdtemp(path.join(dir, 'w-'));
    const input = path.join(sub, 'input.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 'gốc';
    await wb.xlsx.writeFile(input);
    const original = await fs.readFile(input);
    await fs.symlink(input, path.join(sub, 'alias.xlsx'));
    await fs.link(input, path.join(sub, 'hard.xlsx'));

    wb.getWorksheet('A')!.getCell('A1').value = 'mới';
    for (const target of ['input.xlsx', 'alias.xlsx', 'hard.xlsx', './input.xlsx']) {
      await expect(writeXlsxFile(wb, path.join(sub, target), [input])).rejects.toMatchObject({
        reason: 'is-input',
      });
    }
    expect(await fs.readFile(input)).toEqual(original);

    const out = path.join(sub, 'out.xlsx');
    await fs.writeFile(out, 'an earlier output');
    await writeXlsxFile(wb, out, [input]);
    expect((await readWorkbook(out)).getWorksheet('A')!.getCell('A1').value).toBe('mới');
    expect((await fs.readdir(sub)).sort()).toEqual(
      ['alias.xlsx', 'hard.xlsx', 'input.xlsx', 'out.xlsx'].sort(),
    );
  });

  test('a folder that is missing or not writable is named in the error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A');
    await expect(
      writeXlsxFile(wb, path.join(dir, 'no-such-folder', 'x.xlsx')),
    ).rejects.toMatchObject({ reason: 'no-folder' });
    await expect(
      writeXlsxFile(wb, path.join(await unwritableFolder(dir), 'x.xlsx')),
    ).rejects.toMatchObject({ reason: 'no-permission' });
  });
});
