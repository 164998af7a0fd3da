/**
 * The light reader (straight from the sheet XML) gives the same snapshot as the ExcelJS reader on
 * every fixture of the corpus and on Excel's own files, and reads a validation over the whole
 * sheet without expanding it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { snapshotFromExcelJs } from '../../src/workbook/xlsx/exceljs-adapter';
import { readXlsxFile } from '../../src/workbook/xlsx/file';
import { snapshotFromPackage } from '../../src/workbook/xlsx/light-reader';
import { XlsxPackage } from '../../src/workbook/xlsx/package';
import { CASES, LARGE_CASES } from '../reliability/corpus';
import { fileName, makeTempDir, removeTempDir, saveFixture } from '../reliability/pipeline';

const EXCEL_CORPUS = path.resolve(__dirname, '../../../shared/corpus/excel');

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));

async function bothSnapshots(file: string) {
  const exceljs = snapshotFromExcelJs(await readXlsxFile(file), file);
  const light = snapshotFromPackage(new XlsxPackage(await fs.readFile(file)), file);
  return { exceljs, light };
}

describe.each([...CASES, ...LARGE_CASES])('$name', (c) => {
  test('the light reader and the ExcelJS reader see the same workbook', async () => {
    const file = await saveFixture(dir, fileName(c.name), c.build);
    const { exceljs, light } = await bothSnapshots(file);
    expect(light).toEqual(exceljs);
  });
});

describe("Excel's own files", () => {
  // whole-sheet-validation.xlsx is read below: ExcelJS takes minutes over it.
  test.each(['test-issue-880.xlsx', 'chart-sheet.xlsx', 'comments.xlsx', 'images.xlsx'])(
    '%s reads the same',
    async (name) => {
      const { exceljs, light } = await bothSnapshots(path.join(EXCEL_CORPUS, name));
      expect(light).toEqual(exceljs);
    },
  );

  test('a validation over the whole sheet is read as one element, not a million cells', async () => {
    const file = path.join(EXCEL_CORPUS, 'whole-sheet-validation.xlsx');
    const pkg = new XlsxPackage(await fs.readFile(file));
    const xml = pkg.requireText(pkg.sheets[0].part);
    expect(xml).toContain('A1:XFD1048576');
    const snapshot = snapshotFromPackage(pkg, file);
    const sheet = snapshot.sheets[0];
    // The used range is the cells that hold something, however large the validation's range.
    expect(sheet.values.length).toBeLessThan(100);
    expect(sheet.values.every((row) => row.length < 100)).toBe(true);
  });
});
