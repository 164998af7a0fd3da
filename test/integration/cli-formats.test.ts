/**
 * Files of another format get a message of their own (SPEC §11): an .ods, a .csv, an old .xls
 * each say what they are and to save as .xlsx from Excel or LibreOffice; exit 1, nothing written.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { makeEntry, writeZip } from '../../src/workbook/xlsx/zip-package';
import { cli, listFiles, tempFolder } from '../fixtures/cli-run';

let dir: string;
beforeAll(async () => {
  dir = await tempFolder('formats');
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const ODS = writeZip([
  makeEntry('mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')),
  makeEntry('content.xml', Buffer.from('<office:document-content/>')),
]);
const XLS = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
]);
const CSV = 'STT;Mã chỉ tiêu;Thực hiện\n1;I.1a;120\n';

test.each([
  ['bao-cao.ods', ODS, /bảng tính \.ods \(OpenDocument\)/, /an \.ods \(OpenDocument\) spreadsheet/],
  ['bao-cao.csv', CSV, /tệp văn bản \.csv/, /a \.csv text file/],
  ['bao-cao.xls', XLS, /tệp \.xls cũ/, /an old \.xls file/],
  // What the file holds decides, not its name.
  ['doi-ten.xlsx', ODS, /bảng tính \.ods/, /an \.ods/],
])('%s is named with what it is and how to save it as .xlsx', async (name, content, vi, en) => {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  const out = path.join(dir, `out-${name}`);
  const run = await cli('evaluate', file, '--out', out);
  expect(run.code).toBe(1);
  expect(run.err).toContain(file);
  expect(run.err).toMatch(vi);
  expect(run.err).toContain('hãy mở bằng Excel hoặc LibreOffice và lưu dưới dạng .xlsx');
  expect(run.err).not.toMatch(/\n\s+at /);
  expect(await listFiles(out)).toEqual([]);
  const english = await cli('evaluate', file, '--out', out, '--lang', 'en');
  expect(english.err).toMatch(en);
  expect(english.err).toContain('open it in Excel or LibreOffice and save it as .xlsx');
});
