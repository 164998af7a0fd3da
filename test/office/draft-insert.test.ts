/** Inserting the draft plan sheet (SPEC §13) through Office.js, against the in-memory host. */
import { readFileSync } from 'fs';
import path from 'path';
import { readPlanSheet } from '../../src/catalogue/plan-sheet-reader';
import { draftPlan } from '../../src/drafting/draft';
import { draftToPlanSheetInput } from '../../src/drafting/draft-sheet';
import { insertDraftPlanSheetInExcel } from '../../src/workbook/office/draft-actions';
import { readWorkbook } from '../../src/workbook/office/read';
import { SyncCounter } from '../../src/workbook/office/sync';
import { emptyWorkbook } from '../host/model';
import { hostFor } from './workbooks';

const SEED = path.resolve(__dirname, '../../../shared/seed/chi-tieu-2020.txt');

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function insertDraft(): Promise<string> {
  return insertDraftPlanSheetInExcel(draftToPlanSheetInput(draftPlan(readFileSync(SEED, 'utf8'))));
}

describe('inserting the draft plan sheet', () => {
  it('adds it under its name, then under the next free one, in two syncs each', async () => {
    const installed = hostFor(emptyWorkbook(['Sheet1']));
    uninstall = installed.uninstall;
    expect(await insertDraft()).toBe('Bộ chỉ tiêu (bản nháp)');
    expect(installed.host.syncCount).toBe(2);
    expect(await insertDraft()).toBe('Bộ chỉ tiêu (bản nháp) (2)');
    expect(installed.host.model.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'Bộ chỉ tiêu (bản nháp)',
      'Bộ chỉ tiêu (bản nháp) (2)',
    ]);
  });

  it('reads back from the workbook as the 26 rules of the seed', async () => {
    const installed = hostFor(emptyWorkbook(['Sheet1']));
    uninstall = installed.uninstall;
    const name = await insertDraft();
    const snapshot = await Excel.run(async (context) => {
      const read = await readWorkbook(context, new SyncCounter());
      return read.snapshot.sheets.find((s) => s.name === name);
    });
    expect(snapshot).toBeDefined();
    const reading = readPlanSheet(snapshot!);
    expect(reading.catalogue?.rules).toHaveLength(26);
    expect(reading.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
