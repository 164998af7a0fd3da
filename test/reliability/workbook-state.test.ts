/**
 * The comparison that "nothing lost" rests on must see every kind of change a user would notice;
 * a comparison that cannot fail would prove nothing.
 */
import ExcelJS from 'exceljs';
import { addTemplateSheet, COL, restyle } from './builders';
import { diffWorkbooks, workbookState } from './workbook-state';

async function reloaded(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return copy;
}

function base(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const s = addTemplateSheet(wb).fill('I.2b', 45, 52);
  s.ws.getCell('F17').value = { formula: 'G17*0.9', result: 450 };
  wb.addWorksheet('Ghi chú').getCell('A1').value = 'Danh sách CĐCS';
  wb.definedNames.add("'Báo cáo'!$F$8:$F$34", 'ThucHien');
  return wb;
}

const CHANGES: [string, (wb: ExcelJS.Workbook) => void, RegExp][] = [
  ['a value', (wb) => (wb.getWorksheet('Báo cáo')!.getCell('F11').value = 46), /F11 value/],
  ['a formula', (wb) => (wb.getWorksheet('Báo cáo')!.getCell('F17').value = 450), /F17 formula/],
  [
    'a number format',
    (wb) => restyle(wb.getWorksheet('Báo cáo')!.getCell('F11'), { numFmt: '#,##0' }),
    /F11 numFmt/,
  ],
  [
    'a fill',
    (wb) =>
      restyle(wb.getWorksheet('Báo cáo')!.getCell('C8'), {
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } },
      }),
    /C8 fill/,
  ],
  [
    'a font',
    (wb) => restyle(wb.getWorksheet('Báo cáo')!.getCell('C8'), { font: { bold: true } }),
    /C8 font/,
  ],
  [
    'a border',
    (wb) => restyle(wb.getWorksheet('Báo cáo')!.getCell('C8'), { border: {} }),
    /C8 border/,
  ],
  [
    'an alignment',
    (wb) =>
      restyle(wb.getWorksheet('Báo cáo')!.getCell('F8'), { alignment: { horizontal: 'right' } }),
    /F8 alignment/,
  ],
  ['a merge', (wb) => wb.getWorksheet('Báo cáo')!.mergeCells('K8:K9'), /merges/],
  [
    'a column width',
    (wb) => (wb.getWorksheet('Báo cáo')!.getColumn(COL.note).width = 33),
    /column 11/,
  ],
  [
    'a hidden column',
    (wb) => (wb.getWorksheet('Báo cáo')!.getColumn(COL.unit).hidden = true),
    /column 4/,
  ],
  ['a row height', (wb) => (wb.getWorksheet('Báo cáo')!.getRow(12).height = 40), /row 12/],
  ['a hidden row', (wb) => (wb.getWorksheet('Báo cáo')!.getRow(13).hidden = true), /row 13/],
  ['a defined name', (wb) => wb.definedNames.add("'Báo cáo'!$G$8:$G$34", 'TongSo'), /name TongSo/],
  [
    'a page numbering',
    (wb) => (wb.getWorksheet('Ghi chú')!.pageSetup.firstPageNumber = 3),
    /'Ghi chú' pageSetup/,
  ],
  ['a sheet hidden', (wb) => (wb.getWorksheet('Ghi chú')!.state = 'hidden'), /'Ghi chú' state/],
  ['a sheet removed', (wb) => wb.removeWorksheet(wb.getWorksheet('Ghi chú')!.id), /sheets/],
];

describe('comparing two workbooks', () => {
  let before: ReturnType<typeof workbookState>;
  beforeAll(async () => {
    before = workbookState(await reloaded(base()));
  });

  it('finds no difference between a workbook and its copy', async () => {
    expect(diffWorkbooks(before, workbookState(await reloaded(base())))).toEqual([]);
  });

  it.each(CHANGES)('sees %s changed', async (_name, change, line) => {
    const wb = base();
    change(wb);
    const diff = diffWorkbooks(before, workbookState(await reloaded(wb)));
    expect(diff.some((l) => line.test(l))).toBe(true);
  });

  it('leaves out only the cells it is told to', async () => {
    const wb = base();
    wb.getWorksheet('Báo cáo')!.getCell('J11').value = 'Đạt';
    wb.getWorksheet('Báo cáo')!.getCell('K11').value = 'ghi chú';
    const after = workbookState(await reloaded(wb));
    const diff = diffWorkbooks(before, after, new Map([['Báo cáo', new Set(['J11'])]]));
    expect(diff).toEqual([expect.stringMatching(/^'Báo cáo'!K11 value/)]);
  });
});
