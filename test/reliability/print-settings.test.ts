/**
 * The file path must keep each sheet's print settings. ExcelJS, left to itself, writes every sheet
 * it loaded with firstPageNumber="1" useFirstPageNumber="1" copies="1", whatever the file said,
 * which makes each sheet restart its page numbers at 1 when the workbook is printed as a whole;
 * readXlsxFile puts that right. The comparison of the corpus sees the page setup as ExcelJS reads
 * it (workbook-state.ts); this test looks at the attributes in the files themselves.
 */
import path from 'node:path';
import { readZipEntryText } from '../../src/workbook/xlsx/zip-entry';
import { addTemplateSheet } from './builders';
import { evaluateXlsx, makeTempDir, readXlsxFile, removeTempDir, saveFixture } from './pipeline';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));

/** The attributes of a sheet's <pageSetup> that say how its pages are numbered and printed. */
function numbering(file: string, sheetNumber: number): Record<string, string> {
  const xml = readZipEntryText(file, `xl/worksheets/sheet${sheetNumber}.xml`) ?? '';
  const setup = /<pageSetup\b[^>]*>/.exec(xml)?.[0] ?? '';
  const attributes: Record<string, string> = {};
  for (const m of setup.matchAll(/\b(firstPageNumber|useFirstPageNumber|copies)="([^"]*)"/g)) {
    attributes[m[1]] = m[2];
  }
  return attributes;
}

it('keeps the page numbering of every sheet as it was', async () => {
  const input = await saveFixture(dir, 'in-an', (wb) => {
    addTemplateSheet(wb).fill('I.1a', 120);
    wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'Điền cột Thực hiện';
    // A sheet that does number its pages from 5, printed twice: that must stay.
    const annex = wb.addWorksheet('Phụ lục');
    annex.getCell('A1').value = 'Danh sách CĐCS';
    // ExcelJS writes `copies` but leaves it out of its typings.
    Object.assign(annex.pageSetup, { firstPageNumber: 5, copies: 2 });
  });
  const output = path.join(dir, 'in-an.evaluated.xlsx');
  await evaluateXlsx(input, output);
  const print = async (file: string) =>
    (await readXlsxFile(file)).worksheets
      .filter((ws) => !ws.name.startsWith('Tổng hợp'))
      .map((ws) => {
        const setup = ws.pageSetup as typeof ws.pageSetup & { useFirstPageNumber?: boolean };
        return { sheet: ws.name, restartsAt1: Boolean(setup.useFirstPageNumber) };
      });
  expect(await print(output)).toEqual(await print(input));

  // In the files themselves: the same attributes, sheet by sheet (the summary is sheet 4).
  expect(numbering(input, 1)).toEqual({});
  expect(numbering(input, 3)).toEqual({
    firstPageNumber: '5',
    useFirstPageNumber: '1',
    copies: '2',
  });
  for (const sheet of [1, 2, 3]) expect(numbering(output, sheet)).toEqual(numbering(input, sheet));
});
