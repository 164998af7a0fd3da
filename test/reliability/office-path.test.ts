/**
 * A representative part of the corpus through the add-in's path: the fixture file seeded into the
 * in-memory Excel host, *Đánh giá* (with the summary) and *Xóa kết quả* run as the pane runs them.
 * The same messages and cells as the file path, the same workbook written, at most three syncs,
 * nothing written when it is refused, and clear giving the workbook back.
 */
import ExcelJS from 'exceljs';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import type { Evaluation } from '../../src/template/types';
import { planEvaluation } from '../../src/template/plan';
import {
  clearInExcel,
  evaluateInExcel,
  type ActionOutcome,
} from '../../src/workbook/office/actions';
import { UserFacingError } from '../../src/workbook/errors';
import { applyPlanToExcelJs, snapshotFromExcelJs } from '../../src/workbook/xlsx/exceljs-adapter';
import { ExcelHost } from '../host/excel-host';
import { installHost } from '../host/install';
import type { WorkbookModel } from '../host/model';
import { modelFromWorkbook, seedFromXlsx } from '../host/seed-xlsx';
import { cellView, workbookView } from '../office/compare';
import { checkExpectations, checkMessageLengths, checkStatusCells } from './check';
import { CASES, LARGE_CASES, type Case } from './corpus';
import {
  catalogue,
  fileName,
  makeTempDir,
  NOW,
  outputCells,
  removeTempDir,
  saveFixture,
} from './pipeline';

const OFFICE_CASES = [...CASES, ...LARGE_CASES].filter((c) => c.office);

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
  // Only the clock: the summary's "made at" line must be NOW on both paths.
  jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'setTimeout'] });
});
afterAll(async () => {
  jest.useRealTimers();
  await removeTempDir(dir);
});

/** The file path on the same file, in memory and without a file name, as the add-in sees it. */
async function viaExcelJs(file: string): Promise<WorkbookModel | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const snapshot = snapshotFromExcelJs(wb);
  const evaluation = evaluateWorkbooks([snapshot], { catalogue });
  if (evaluation.units.length === 0) return null;
  applyPlanToExcelJs(
    wb,
    planEvaluation(evaluation, snapshot, { summary: true, lang: 'vi', now: NOW }),
  );
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return modelFromWorkbook(copy);
}

interface OfficeRun {
  seed: WorkbookModel;
  outcome: ActionOutcome | null;
  error: unknown;
  /** The workbook after the first evaluation (or the failed one), and as the tests compare it. */
  evaluatedModel: WorkbookModel;
  evaluated: ReturnType<typeof workbookView>;
  twice: ReturnType<typeof workbookView> | null;
  cleared: ReturnType<typeof workbookView> | null;
  reference: WorkbookModel | null;
}

async function runInExcel(c: Case): Promise<OfficeRun> {
  const file = await saveFixture(dir, fileName(c.name), c.build);
  const seed = await seedFromXlsx(file);
  const host = new ExcelHost(seed);
  const uninstall = installHost(host);
  try {
    const run: OfficeRun = {
      seed,
      outcome: null,
      error: null,
      evaluatedModel: seed,
      evaluated: workbookView(seed),
      twice: null,
      cleared: null,
      reference: c.refused || c.noReportSheet ? null : await viaExcelJs(file),
    };
    try {
      run.outcome = await evaluateInExcel({ summary: true, lang: 'vi' });
    } catch (error) {
      run.error = error;
    }
    run.evaluatedModel = host.snapshot();
    run.evaluated = workbookView(run.evaluatedModel);
    if (run.outcome) {
      await evaluateInExcel({ summary: true, lang: 'vi' });
      run.twice = workbookView(host.model);
      await clearInExcel();
      run.cleared = workbookView(host.model);
    }
    return run;
  } finally {
    uninstall();
  }
}

describe.each(OFFICE_CASES)('$name, in Excel', (c) => {
  let run: OfficeRun;
  beforeAll(async () => {
    run = await runInExcel(c);
  });

  if (c.refused || c.noReportSheet) {
    it('refuses in plain words and leaves the workbook as it was', () => {
      expect(run.error).toBeInstanceOf(UserFacingError);
      const message = (run.error as UserFacingError).localized;
      if (c.refused) {
        expect(message.vi).toContain(`"${c.refused.sheet}"`);
        expect(message.vi).toMatch(c.refused.message);
      } else {
        expect(message.vi).toMatch(/không có trang tính báo cáo|chưa có trang tính báo cáo/i);
      }
      expect(message.vi).toContain('Chưa có gì được ghi');
      expect(run.evaluated).toEqual(workbookView(run.seed));
    });
    return;
  }

  it('says what is wrong, naming the sheet and the cell', () => {
    expect(run.error).toBeNull();
    checkExpectations(run.outcome!.evaluation, c);
    checkMessageLengths(run.outcome!.evaluation);
  });

  it('writes each status into its own row, in at most three syncs', () => {
    const cells = (sheet: string) => run.evaluatedModel.sheets.find((s) => s.name === sheet)?.cells;
    checkStatusCells(run.outcome!.evaluation, (sheet, a1) => cells(sheet)?.[a1]?.value);
    expect(run.outcome!.syncs).toBeLessThanOrEqual(3);
  });

  it('writes the same workbook as the file path', () => {
    const expected = workbookView(run.reference!);
    expect(run.evaluated.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    expected.sheets.forEach((sheet, i) => expect(run.evaluated.sheets[i]).toEqual(sheet));
    expect(run.evaluated.names).toEqual(expected.names);
  });

  it('gives the same workbook when evaluated twice', () => {
    expect(run.twice).toEqual(run.evaluated);
  });

  it('gives back the workbook as it was when cleared', () => {
    expect(run.cleared).toEqual(clearedView(run.seed, run.outcome!.evaluation));
  });
});

/**
 * The seed as clear must give it back: the output cells evaluation wrote lose their fills and
 * font colours (SPEC §4: clear "removes their fills"), everything else is as it was.
 */
function clearedView(seed: WorkbookModel, evaluation: Evaluation): ReturnType<typeof workbookView> {
  const view = workbookView(seed);
  const blank = JSON.stringify(cellView(undefined));
  const written = outputCells(evaluation, null);
  for (const sheet of view.sheets) {
    const cells = written.get(sheet.name);
    if (!(cells instanceof Set)) continue;
    for (const a1 of cells) {
      const cell = sheet.cells[a1];
      if (!cell) continue;
      const next = { ...cell, fill: null, fontColor: null };
      if (JSON.stringify(next) === blank) delete sheet.cells[a1];
      else sheet.cells[a1] = next;
    }
  }
  return view;
}
