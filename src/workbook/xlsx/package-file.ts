/**
 * Workbook packages on disk for the CLI: read as an XlsxPackage (an .xlsx or an .xlsm), with a
 * message of its own for a file of another format (.ods, .csv, .xls), and written through a
 * temporary file renamed into place, never onto an input.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  checkSignature,
  readFailure,
  refuseInput,
  writeThroughTemporaryFile,
  XlsxError,
  type InputIdentities,
} from './file';
import { XlsxPackage } from './package';
import { readZipEntries, inflateEntry } from './zip-package';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const MACRO_CONTENT = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

export type PackageKind = 'xlsx' | 'xlsm';

export interface OpenedPackage {
  pkg: XlsxPackage;
  /** An .xlsm (macro-enabled workbook) is written back as an .xlsm. */
  kind: PackageKind;
}

function saveAsXlsx(file: string, what: { vi: string; en: string }): { vi: string; en: string } {
  return {
    vi: `Tệp "${file}" là ${what.vi}, không phải bảng tính .xlsx; hãy mở bằng Excel hoặc LibreOffice và lưu dưới dạng .xlsx (Tệp → Lưu như → Sổ làm việc Excel).`,
    en: `"${file}" is ${what.en}, not an .xlsx workbook; open it in Excel or LibreOffice and save it as .xlsx (File → Save As → Excel Workbook).`,
  };
}

function startsWith(data: Buffer, magic: number[]): boolean {
  return magic.every((byte, i) => data[i] === byte);
}

/** An OpenDocument spreadsheet is a zip whose first entry, "mimetype", names its type. */
function isOds(data: Buffer): boolean {
  try {
    const mimetype = readZipEntries(data).find((e) => e.name === 'mimetype');
    return (
      mimetype !== undefined &&
      inflateEntry(mimetype).toString('utf8').startsWith('application/vnd.oasis.opendocument')
    );
  } catch {
    return false;
  }
}

/** Text with separators on its first line, no zip: a .csv saved from a spreadsheet. */
function looksLikeCsv(file: string, data: Buffer): boolean {
  if (path.extname(file).toLowerCase() === '.csv') return true;
  const head = data.subarray(0, 2048).toString('utf8');
  return !head.includes('\0') && /^[^\n]*[;,\t][^\n]*\r?\n/.test(head);
}

function otherFormat(file: string, data: Buffer): XlsxError | null {
  const ext = path.extname(file).toLowerCase();
  if (startsWith(data, OLE2_MAGIC) && ext === '.xls') {
    return new XlsxError(
      'xls',
      file,
      saveAsXlsx(file, {
        vi: 'tệp .xls cũ (Excel 97–2003)',
        en: 'an old .xls file (Excel 97–2003)',
      }),
    );
  }
  if (startsWith(data, ZIP_MAGIC) && (ext === '.ods' || isOds(data))) {
    return new XlsxError(
      'ods',
      file,
      saveAsXlsx(file, {
        vi: 'bảng tính .ods (OpenDocument)',
        en: 'an .ods (OpenDocument) spreadsheet',
      }),
    );
  }
  if (
    !startsWith(data, ZIP_MAGIC) &&
    !startsWith(data, OLE2_MAGIC) &&
    data.length > 0 &&
    looksLikeCsv(file, data)
  ) {
    return new XlsxError(
      'csv',
      file,
      saveAsXlsx(file, { vi: 'tệp văn bản .csv', en: 'a .csv text file' }),
    );
  }
  return null;
}

/** Reads a workbook package; every failure is an XlsxError naming the file and why. */
export async function readPackageFile(file: string): Promise<OpenedPackage> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (error) {
    throw readFailure(file, error);
  }
  if (!path.basename(file).startsWith('~$')) {
    const other = otherFormat(file, data);
    if (other) throw other;
  }
  checkSignature(file, data);
  try {
    const pkg = new XlsxPackage(data);
    await pkg.preload([
      ...pkg.sheets.map((s) => s.part),
      pkg.stylesPart ?? '',
      pkg.sharedStringsPart ?? '',
      '[Content_Types].xml',
    ]);
    const types = pkg.requireText('[Content_Types].xml');
    pkg.requireText(pkg.workbookPart);
    return { pkg, kind: types.includes(MACRO_CONTENT) ? 'xlsm' : 'xlsx' };
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error))
      .split('\n')[0]
      .slice(0, 120);
    throw new XlsxError('corrupt', file, {
      vi: `Không đọc được tệp "${file}": tệp .xlsx bị hỏng hoặc có phần không đọc được (${detail}).`,
      en: `Cannot read "${file}": the .xlsx file is damaged or has parts that cannot be read (${detail}).`,
    });
  }
}

/** Writes `data` to `file` through a temporary file beside it, never onto one of `inputs`. */
export async function writePackageFile(
  data: Buffer,
  file: string,
  inputs: readonly string[] | InputIdentities = [],
): Promise<void> {
  refuseInput(file, inputs);
  await writeThroughTemporaryFile(file, (temp) => fs.writeFile(temp, data));
}
