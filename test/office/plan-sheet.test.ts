/**
 * The plan of the open workbook through Office.js (SPEC §8): *Chèn bộ chỉ tiêu* inserts the 2020
 * plan sheet; *Chèn mẫu báo cáo* and *Đánh giá* follow a plan sheet in the workbook; a plan with
 * errors stops evaluation with a list naming each cell.
 */
import ExcelJS from 'exceljs';
import {
  evaluateInExcel,
  insertPlanSheetInExcel,
  insertTemplateInExcel,
} from '../../src/workbook/office/actions';
import { UserFacingError } from '../../src/workbook/errors';
import type { ExcelHost } from '../host/excel-host';
import { emptyWorkbook } from '../host/model';
import { hostFor } from './workbooks';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function install(host: { host: ExcelHost; uninstall: () => void }): ExcelHost {
  uninstall = host.uninstall;
  return host.host;
}

type Row = (string | number | null)[];

function planWorkbook(target: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kế hoạch');
  const rows: Row[] = [
    ['Năm: 2026'],
    ['STT', 'Mã chỉ tiêu', 'Nội dung chỉ tiêu', 'Loại', 'Mục tiêu', 'ĐVT', 'Tổng số là'],
    ['I', 'Tổ chức'],
    [1, 'CT01', 'Kết nạp mới đoàn viên', 'Số lượng', '≥ 50', 'đoàn viên', null],
    [2, 'CT02', 'Tai nạn lao động', 'Số lượng', target, 'vụ', null],
  ];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  return wb;
}

describe('the plan sheet in the open workbook', () => {
  it('Chèn bộ chỉ tiêu inserts the 2020 plan sheet, which evaluation then uses', async () => {
    const host = install(hostFor(emptyWorkbook(['Sheet1'])));
    expect(await insertPlanSheetInExcel('vi')).toBe('Bộ chỉ tiêu');
    const sheet = host.sheet('Bộ chỉ tiêu');
    expect(host.model.activeSheetId).toBe(sheet.id);
    expect(sheet.cells['B9']?.value).toBe('I.1a');
    expect(sheet.cells['E9']?.value).toBe('≥ 110');
    expect(await insertPlanSheetInExcel('vi')).toBe('Bộ chỉ tiêu (2)');

    host.model.sheets = host.model.sheets.filter((s) => s.name !== 'Bộ chỉ tiêu (2)');
    await insertTemplateInExcel('vi');
    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' });
    expect(outcome.evaluation.units).toHaveLength(1);
    expect(outcome.counts.NO_DATA).toBe(26);
    expect(outcome.evaluation.catalogue?.source).toEqual({
      kind: 'sheet',
      file: null,
      sheet: 'Bộ chỉ tiêu',
    });
  });

  it('Chèn mẫu báo cáo follows the workbook plan: its codes, targets and year', async () => {
    const host = install(hostFor(planWorkbook('không quá 2')));
    const name = await insertTemplateInExcel('vi');
    const cells = host.sheet(name).cells;
    const texts = Object.values(cells).map((c) => c?.value);
    expect(texts).toContain('CT01');
    expect(texts).toContain('CT02');
    expect(texts).toContain('≤ 2');
    expect(texts).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHẤN ĐẤU NĂM 2026');
    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' });
    expect(outcome.evaluation.units[0].results.map((r) => r.code)).toEqual(['CT01', 'CT02']);
    expect(outcome.evaluation.catalogue?.year).toBe(2026);
  });

  it('stops on a plan with errors, listing each with its sheet and cell', async () => {
    install(hostFor(planWorkbook('khoảng hai vụ')));
    const error = await evaluateInExcel({ summary: false, lang: 'vi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).localized.vi).toContain("Trang 'Kế hoạch', ô E5");
    expect((error as UserFacingError).localized.en).toContain("Sheet 'Kế hoạch', cell E5");
    await expect(insertTemplateInExcel('vi')).rejects.toThrow(UserFacingError);
  });
});
