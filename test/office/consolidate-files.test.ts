/**
 * *Tổng hợp từ tệp…* through Office.js against the in-memory host (SPEC §9): the units' files
 * copied in (report sheets only, one request per file), then Đánh giá and the summary; the
 * secretariat's year of 20 allocated units with the files of 18, one of them twice.
 */
import ExcelJS from 'exceljs';
import { evaluateInExcel } from '../../src/workbook/office/actions';
import {
  CONSOLIDATE_UNAVAILABLE,
  copyReportSheetsInExcel,
  distinctSheetName,
  type FileProgress,
  type UnitFile,
} from '../../src/workbook/office/consolidate-files';
import { UserFacingError } from '../../src/workbook/errors';
import { addInstructionsSheet } from '../fixtures/report-workbook';
import {
  addAllocationSheet,
  ALLOCATED_UNITS,
  I3,
  MISSING_UNITS,
  TWICE,
  unitFileName,
  unitWorkbook,
} from '../fixtures/secretariat-year';
import { ExcelHost } from '../host/excel-host';
import { installHost } from '../host/install';
import { modelFromWorkbook } from '../host/seed-xlsx';
import { readXlsxBytes } from '../host/xlsx-bytes';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function secretariatHost(excelApi?: string): ExcelHost {
  const wb = new ExcelJS.Workbook();
  addAllocationSheet(wb);
  const host = new ExcelHost(modelFromWorkbook(wb), { readXlsx: readXlsxBytes, excelApi });
  uninstall = installHost(host);
  return host;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function unitFiles(): Promise<UnitFile[]> {
  const files: UnitFile[] = [];
  for (const [i, unit] of ALLOCATED_UNITS.slice(0, 18).entries()) {
    const wb = unitWorkbook(unit);
    // Units keep other sheets beside their report: those never come in.
    if (i === 0) addInstructionsSheet(wb);
    files.push({ name: unitFileName(i), bytes: await bytesOf(wb) });
  }
  files.push({ name: TWICE.copy, bytes: await bytesOf(unitWorkbook(TWICE.unit)) });
  return files;
}

describe('Tổng hợp từ tệp… in Excel', () => {
  it('copies 18 units’ report sheets in, one file twice: 18 units against their allocated targets, 2 missing, the copy named', async () => {
    const host = secretariatHost();
    const files = await unitFiles();
    files.splice(3, 0, { name: 'hong.xlsx', bytes: new TextEncoder().encode('không phải xlsx') });
    const progress: FileProgress[] = [];
    const before = host.syncCount;

    const outcomes = await copyReportSheetsInExcel(files, (p) => progress.push(p));

    const failedFiles = outcomes.filter((o) => o.error);
    expect(failedFiles.map((o) => o.file)).toEqual(['hong.xlsx']);
    expect(failedFiles[0].error!.vi).toMatch(/^Tệp "hong\.xlsx": không đọc được/);
    // One request to insert and one to rename, per file that comes in.
    expect(host.syncCount - before).toBe(2 * 19);
    expect(progress.filter((p) => p.state !== 'copying').map((p) => p.state)).toEqual(
      files.map((f) => (f.name === 'hong.xlsx' ? 'failed' : 'done')),
    );
    const names = host.model.sheets.map((s) => s.name);
    expect(names).toContain('don-vi-01');
    expect(names).toContain('bao-cao-que-vo (1)');
    expect(names).not.toContain('Hướng dẫn');
    expect(names).toHaveLength(1 + 19);

    const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });
    const { evaluation } = outcome;
    expect(evaluation.units).toHaveLength(18);
    expect(evaluation.reporting!.missing).toEqual(MISSING_UNITS);
    for (const unit of evaluation.units) {
      expect(unit.results.find((r) => r.code === 'I.3')).toMatchObject({
        status: 'MET',
        target: I3.allocated,
      });
    }
    const twice = evaluation.issues.find((i) => i.kind === 'same-unit-identical')!;
    expect(twice.sheet).toBe('bao-cao-que-vo (1)');
    expect(twice.message.vi).toContain("trang 'don-vi-05'");
    const summary = Object.values(host.sheet(outcome.summarySheet!).cells).map((c) => c.value);
    expect(summary).toContain('Số đơn vị báo cáo: 18');
    expect(summary).toContain(`18/20 đơn vị đã báo cáo; chưa nộp: ${MISSING_UNITS.join(', ')}.`);
    expect(summary).toContain('Tổng hợp 18 đơn vị');
  });

  it('names a file too large for one request and a file without a report sheet; the others come in', async () => {
    const host = secretariatHost();
    const noReport = new ExcelJS.Workbook();
    addInstructionsSheet(noReport);
    // Random bytes do not compress: over the 5 MB request once in base64.
    const large = new Uint8Array(4_000_000);
    for (let i = 0; i < large.length; i += 65_536) {
      crypto.getRandomValues(large.subarray(i, Math.min(i + 65_536, large.length)));
    }
    const outcomes = await copyReportSheetsInExcel([
      { name: 'lon.xlsx', bytes: large },
      { name: 'huong-dan.xlsx', bytes: await bytesOf(noReport) },
      { name: 'tien-du.xlsx', bytes: await bytesOf(unitWorkbook('LĐLĐ huyện Tiên Du')) },
    ]);
    expect(outcomes.map((o) => [o.file, o.error === null])).toEqual([
      ['lon.xlsx', false],
      ['huong-dan.xlsx', false],
      ['tien-du.xlsx', true],
    ]);
    expect(outcomes[0].error!.vi).toContain('quá lớn');
    expect(outcomes[0].error!.vi).toContain('5 MB');
    expect(outcomes[1].error!.vi).toContain('không có trang báo cáo nào (các trang: "Hướng dẫn")');
    expect(host.model.sheets.map((s) => s.name)).toEqual(['Giao chỉ tiêu', 'tien-du']);
    // No request ever went over Excel on the web's limit.
    expect(host.largestRequestBytes).toBeLessThanOrEqual(5_000_000);
  });

  it('explains why it is unavailable without ExcelApi 1.13, and copies nothing', async () => {
    const host = secretariatHost('1.12');
    const attempt = copyReportSheetsInExcel([
      { name: 'tien-du.xlsx', bytes: await bytesOf(unitWorkbook('LĐLĐ huyện Tiên Du')) },
    ]);
    await expect(attempt).rejects.toThrow(UserFacingError);
    await expect(attempt).rejects.toMatchObject({ localized: CONSOLIDATE_UNAVAILABLE });
    expect(host.model.sheets).toHaveLength(1);
  });

  it('makes sheet names distinct, within Excel’s 31 characters and allowed characters', () => {
    expect(distinctSheetName('don-vi-01', ['Don-vi-01'])).toBe('don-vi-01 (2)');
    expect(distinctSheetName('a/b:c', [])).toBe('a b c');
    const long = 'Báo cáo của Công đoàn ngành Giáo dục tỉnh';
    expect(distinctSheetName(long, [long.slice(0, 31)])).toHaveLength(31);
  });
});
