import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUE_2020 } from '../../../src/catalogue/catalogue-2020';
import {
  isDraftPlanSheet,
  readPlanSheet,
  readPlanSheets,
} from '../../../src/catalogue/plan-sheet-reader';
import { draftPlan } from '../../../src/drafting/draft';
import { draftToPlanSheetInput } from '../../../src/drafting/draft-sheet';
import { buildPlanSheet } from '../../../src/template/plan-sheet';
import type { CellValue, SheetPlan, SheetSnapshot } from '../../../src/template/types';
import { sheet } from '../template-fixtures';

const SEED = path.resolve(__dirname, '../../../../shared/seed/chi-tieu-2020.txt');
const FIXTURES = path.resolve(__dirname, '../../fixtures/plan-documents');

/** The sheet's values as an adapter would read them back. */
function snapshotOf(plan: SheetPlan): SheetSnapshot {
  const rows: CellValue[][] = [];
  for (const cell of plan.cells) {
    rows[cell.row] ??= [];
    rows[cell.row][cell.col] = cell.value;
  }
  return sheet(
    plan.name,
    Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null)),
  );
}

describe('the draft plan sheet (SPEC §8 columns plus "Cần xem lại")', () => {
  it('reads back, once saved, as the 2020 plan: codes, kinds, comparators, targets', () => {
    const plan = buildPlanSheet(draftToPlanSheetInput(draftPlan(readFileSync(SEED, 'utf8'))));
    const reading = readPlanSheet(snapshotOf(plan));
    expect(reading.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const rules = reading.catalogue?.rules.map((r) => [r.code, r.kind, r.comparator, r.target]);
    expect(rules).toEqual(
      CATALOGUE_2020.rules.map((r) => [r.code, r.kind, r.comparator, r.target]),
    );
    expect(reading.catalogue?.year).toBe(2020);
    expect(reading.catalogue?.sections.map((s) => s.id)).toEqual(['I', 'II']);
  });

  it('has the review column, with each reason on its rule row', () => {
    const draft = draftPlan(readFileSync(path.join(FIXTURES, 'giao-duc-2025.txt'), 'utf8'));
    const plan = buildPlanSheet(draftToPlanSheetInput(draft));
    const snapshot = snapshotOf(plan);
    const header = snapshot.values.findIndex((r) => r.includes('Cần xem lại'));
    expect(header).toBeGreaterThanOrEqual(0);
    const reviewCol = snapshot.values[header].indexOf('Cần xem lại');
    const codeCol = snapshot.values[header].findIndex((v) => v === 'Mã chỉ tiêu');
    const marked = snapshot.values
      .slice(header + 1)
      .filter((r) => typeof r[reviewCol] === 'string' && r[reviewCol] !== '')
      .map((r) => r[codeCol]);
    expect(marked).toEqual(draft.rules.filter((r) => r.review !== null).map((r) => r.code));
    expect(marked.length).toBeGreaterThan(0);
  });

  it('writes a zero-event target in words and the counted noun of a ratio as its ĐVT', () => {
    const draft = draftPlan(readFileSync(path.join(FIXTURES, 'huyen-2026.txt'), 'utf8'));
    const input = draftToPlanSheetInput(draft);
    expect(input.rows.find((r) => r.code === 'II.2')).toMatchObject({
      target: 'không để xảy ra',
      unit: 'vụ',
    });
    expect(input.rows.find((r) => r.code === 'I.3')).toMatchObject({
      kind: 'ratio',
      target: '> 80%',
      unit: 'CĐCS',
    });
  });

  it('is not a plan while it has its review column; deleting the column makes it one', () => {
    const draft = draftPlan(readFileSync(path.join(FIXTURES, 'nghe-an-2026.txt'), 'utf8'));
    const snapshot = snapshotOf(buildPlanSheet(draftToPlanSheetInput(draft)));
    expect(isDraftPlanSheet(snapshot)).toBe(true);
    expect(readPlanSheets({ file: 'a.xlsx', sheets: [snapshot] })).toEqual([]);

    const header = snapshot.values.findIndex((r) => r.includes('Cần xem lại'));
    const reviewCol = snapshot.values[header].indexOf('Cần xem lại');
    const reviewed = {
      ...snapshot,
      values: snapshot.values.map((r) => r.filter((_, c) => c !== reviewCol)),
      numberFormats: snapshot.numberFormats.map((r) => r.filter((_, c) => c !== reviewCol)),
    };
    expect(isDraftPlanSheet(reviewed)).toBe(false);
    const [reading] = readPlanSheets({ file: 'a.xlsx', sheets: [reviewed] });
    expect(reading.catalogue?.year).toBe(2026);
    expect(reading.catalogue?.rules.map((r) => r.code)).toEqual(draft.rules.map((r) => r.code));
  });
});
