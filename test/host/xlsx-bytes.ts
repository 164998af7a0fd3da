/** Node only: .xlsx bytes as the host's model, for insertWorksheetsFromBase64. */
import ExcelJS from 'exceljs';
import type { WorkbookModel } from './model';
import { modelFromWorkbook } from './seed-xlsx';

export async function readXlsxBytes(bytes: Uint8Array): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return modelFromWorkbook(wb);
}
