/**
 * The file path must keep each sheet's print settings. ExcelJS writes every sheet it loaded with
 * firstPageNumber="1" useFirstPageNumber="1" copies="1", whatever the file said, which makes each
 * sheet restart its page numbers at 1 when the workbook is printed as a whole. The comparison of
 * the corpus leaves that one change out (workbook-state.ts); this test keeps it in view.
 */
import path from 'node:path';
import { addTemplateSheet } from './builders';
import { evaluateXlsx, makeTempDir, readXlsxFile, removeTempDir, saveFixture } from './pipeline';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));

it('keeps the page numbering of every sheet as it was', async () => {
  const input = await saveFixture(dir, 'in-an', (wb) => {
    addTemplateSheet(wb).fill('I.1a', 120);
    wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'Điền cột Thực hiện';
  });
  const output = path.join(dir, 'in-an.evaluated.xlsx');
  await evaluateXlsx(input, output);
  const print = async (file: string) =>
    (await readXlsxFile(file)).worksheets
      .filter((ws) => ws.name !== 'Tổng hợp')
      .map((ws) => {
        const setup = ws.pageSetup as typeof ws.pageSetup & { useFirstPageNumber?: boolean };
        return { sheet: ws.name, restartsAt1: Boolean(setup.useFirstPageNumber) };
      });
  expect(await print(output)).toEqual(await print(input));
});
