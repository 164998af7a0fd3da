/**
 * What goes wrong in Excel: a protected sheet, a workbook changed between reading and writing,
 * Office errors, a workbook without a report sheet. Each gives a plain message and leaves the
 * workbook as it was.
 */
import { clearInExcel, evaluateInExcel } from '../../src/workbook/office/actions';
import { UserFacingError } from '../../src/workbook/errors';
import { toUserFacingError } from '../../src/workbook/office/errors';
import type { ExcelHost } from '../host/excel-host';
import { HostApiError } from '../host/errors';
import { emptyWorkbook, putValues } from '../host/model';
import { modelFromWorkbook } from '../host/seed-xlsx';
import { workbookView } from './compare';
import { DISTRICT_FIGURES, hostFor, reportWorkbook } from './workbooks';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function seeded(units = 1, extraSheet = false): ExcelHost {
  const wb = reportWorkbook(
    Array.from({ length: units }, (_, i) => ({
      sheet: i === 0 ? 'Báo cáo' : `Báo cáo ${i + 1}`,
      unit: `Đơn vị ${i + 1}`,
      figures: DISTRICT_FIGURES,
    })),
  );
  if (extraSheet) wb.addWorksheet('Hướng dẫn').getCell('A1').value = 'Điền số liệu vào cột F';
  const setup = hostFor(modelFromWorkbook(wb));
  uninstall = setup.uninstall;
  return setup.host;
}

async function failure(promise: Promise<unknown>): Promise<UserFacingError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserFacingError);
    return error as UserFacingError;
  }
  throw new Error('expected the action to fail');
}

/** Runs `change` as a user would, just before the given sync; returns the workbook right after. */
function changeBeforeSync(host: ExcelHost, sync: number, change: () => void) {
  const seen: { view: ReturnType<typeof workbookView> | null } = { view: null };
  host.beforeSync = (n) => {
    if (n !== sync) return;
    change();
    seen.view = workbookView(host.model);
  };
  return seen;
}

describe('a protected sheet', () => {
  it('names the sheet, says how to fix it, and writes nothing', async () => {
    const host = seeded(2);
    host.protectSheet('Báo cáo 2');
    const before = workbookView(host.model);

    const error = await failure(evaluateInExcel({ summary: true, lang: 'vi' }));

    expect(error.localized.vi).toContain('"Báo cáo 2"');
    expect(error.localized.vi).toContain('bảo vệ');
    expect(error.localized.vi).toContain('Chưa có gì được ghi');
    expect(error.localized.en).toContain('"Báo cáo 2" is protected');
    expect(error.localized.vi).not.toContain('"Báo cáo",');
    expect(workbookView(host.model)).toEqual(before);
    expect(host.syncCount).toBe(2);
  });

  it('protected after reading: Excel refuses, the message is plain and the sheet unchanged', async () => {
    const host = seeded(1);
    const seen = changeBeforeSync(host, 3, () => host.protectSheet('Báo cáo'));

    const error = await failure(evaluateInExcel({ summary: false, lang: 'vi' }));

    expect(error.localized.vi).toMatch(/Excel không cho phép thay đổi/);
    expect(error.localized.en).toMatch(/Unprotect/);
    expect(error.localized.en).not.toMatch(/RichApi|read-only\./);
    expect(workbookView(host.model)).toEqual(seen.view);
  });

  it('clear on a protected sheet changes nothing either', async () => {
    const host = seeded(1);
    await evaluateInExcel({ summary: true, lang: 'vi' });
    host.protectSheet('Báo cáo');
    const before = workbookView(host.model);

    const error = await failure(clearInExcel());

    expect(error.localized.vi).toContain('"Báo cáo"');
    expect(workbookView(host.model)).toEqual(before);
  });

  it('a protected workbook structure blocks the summary before anything is written', async () => {
    const host = seeded(1);
    host.model.structureProtected = true;
    const before = workbookView(host.model);

    const error = await failure(evaluateInExcel({ summary: true, lang: 'en' }));

    expect(error.localized.en).toContain('Protect Workbook');
    expect(workbookView(host.model)).toEqual(before);
  });
});

describe('the workbook changed between reading and writing', () => {
  const CHANGED = /Nothing has been written/;

  it('a report sheet renamed: nothing written, and it says so', async () => {
    const host = seeded(2);
    const seen = changeBeforeSync(host, 3, () => host.renameSheet('Báo cáo 2', 'BC2'));

    const error = await failure(evaluateInExcel({ summary: true, lang: 'vi' }));

    expect(error.localized.en).toMatch(CHANGED);
    expect(error.localized.vi).toMatch(/đã thay đổi.*Chưa có gì được ghi/);
    expect(workbookView(host.model)).toEqual(seen.view);
  });

  it('rows inserted in a report sheet: nothing written', async () => {
    const host = seeded(1);
    const seen = changeBeforeSync(host, 3, () => host.insertRows('Báo cáo', 9, 2));

    const error = await failure(evaluateInExcel({ summary: false, lang: 'vi' }));

    expect(error.localized.en).toMatch(CHANGED);
    expect(workbookView(host.model)).toEqual(seen.view);
  });

  it('another sheet deleted: nothing written', async () => {
    const host = seeded(1, true);
    const seen = changeBeforeSync(host, 3, () => host.deleteSheet('Hướng dẫn'));

    const error = await failure(evaluateInExcel({ summary: true, lang: 'vi' }));

    expect(error.localized.en).toMatch(CHANGED);
    expect(workbookView(host.model)).toEqual(seen.view);
  });

  it('a figure typed into an input cell meanwhile does not stop the write', async () => {
    const host = seeded(1);
    changeBeforeSync(host, 3, () => host.edit('Báo cáo', 'K9', 'đã kiểm tra'));

    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' });

    expect(outcome.syncs).toBe(3);
    expect(host.cell('Báo cáo', 'K9')?.value).toBe('đã kiểm tra');
  });

  it('a sheet renamed while it is being read is read under its new name', async () => {
    const host = seeded(1);
    changeBeforeSync(host, 2, () => host.renameSheet('Báo cáo', 'BC huyện'));

    const outcome = await evaluateInExcel({ summary: false, lang: 'vi' });

    expect(outcome.evaluation.units[0].report.sheet).toBe('BC huyện');
    const row = outcome.evaluation.units[0].report.rows[0];
    expect(host.cell('BC huyện', row.outputCells.status)?.value).toBeDefined();
  });
});

describe('nothing to evaluate, or not able to', () => {
  it('a workbook without a report sheet: a message that says what to do, nothing written', async () => {
    const model = emptyWorkbook(['Sheet1']);
    putValues(model.sheets[0], 'A1', [['Danh sách đơn vị'], ['LĐLĐ huyện A']]);
    const setup = hostFor(model);
    uninstall = setup.uninstall;
    const before = workbookView(setup.host.model);

    const error = await failure(evaluateInExcel({ summary: true, lang: 'vi' }));

    expect(error.localized.vi).toContain('Chèn mẫu báo cáo');
    expect(error.localized.en).toContain('no report sheet');
    expect(workbookView(setup.host.model)).toEqual(before);
  });

  it('outside Excel: a plain message instead of a ReferenceError', async () => {
    const error = await failure(evaluateInExcel({ summary: false, lang: 'vi' }));
    expect(error.localized.en).toContain('open in Excel');
  });

  it('an Excel too old for the add-in (before ExcelApi 1.9) says so before touching anything', async () => {
    const host = seeded(1);
    host.excelApi = '1.8';
    const error = await failure(evaluateInExcel({ summary: false, lang: 'vi' }));
    expect(error.localized.vi).toContain('quá cũ');
    expect(host.syncCount).toBe(0);
  });
});

describe('Office errors in plain words', () => {
  const officeError = (code: string) => new HostApiError(code, `Internal text for ${code}`, 'X.y');

  it('gives each kind of Office error its own plain, actionable sentence', () => {
    const codes = [
      'AccessDenied',
      'InvalidOperationInCellEditMode',
      'ItemNotFound',
      'ItemAlreadyExists',
      'MergedRangeConflict',
      'RequestPayloadSizeLimitExceeded',
      'ActivityLimitReached',
      'ApiNotFound',
      'InvalidSelection',
    ];
    const messages = codes.map((code) =>
      toUserFacingError(officeError(code), { activity: 'write' }),
    );
    for (const [i, error] of messages.entries()) {
      expect(error.localized.vi).not.toContain('Internal text');
      expect(error.localized.en).not.toContain('Internal text');
      expect(error.cause).toBeInstanceOf(HostApiError);
      expect(error.localized.vi).not.toBe(messages[(i + 1) % messages.length].localized.vi);
    }
    expect(messages[1].localized.vi).toContain('Enter hoặc Esc');
    expect(messages[0].localized.en).toContain('protected');
  });

  it('names the sheet when it knows it, and says whether anything was written', () => {
    const known = toUserFacingError(officeError('ItemNotFound'), {
      activity: 'select',
      sheet: 'Báo cáo',
    });
    expect(known.localized.vi).toContain('"Báo cáo"');
    expect(known.localized.vi).toContain('chưa bị thay đổi');
    const partial = toUserFacingError(officeError('GeneralException'), { activity: 'write' });
    expect(partial.localized.en).toContain('GeneralException');
    expect(partial.localized.en).toContain('Some results may have been written');
  });

  it('passes a UserFacingError through and wraps anything else without its text', () => {
    const mine = new UserFacingError({ vi: 'a', en: 'b' });
    expect(toUserFacingError(mine, { activity: 'read' })).toBe(mine);
    const bug = toUserFacingError(new TypeError('x is undefined'), { activity: 'read' });
    expect(bug.localized.en).toBe(
      'Something unexpected went wrong while reading the workbook. The workbook has not been changed.',
    );
    expect(bug.localized.vi).not.toContain('undefined');
  });
});
