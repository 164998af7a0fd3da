/**
 * SPEC §8: the 2020 plan exported as a plan sheet evaluates exactly like the built-in plan. Every
 * workbook the tests build (the bad-input corpus, the demo province, in both languages) is
 * evaluated with the built-in plan and with the exported one, read back from a saved .xlsx; the
 * JSON must be identical but for the plan's source.
 */
import ExcelJS from 'exceljs';
import { readPlanSheets } from '../../src/catalogue/plan-sheet-reader';
import type { Catalogue, Lang } from '../../src/catalogue/types';
import { sampleUnitWorkbook } from '../../src/cli/demo';
import { evaluationToJson } from '../../src/cli/json';
import { planExportWorkbook } from '../../src/cli/plan-command';
import { SAMPLE_PROVINCE } from '../../src/cli/sample-province';
import { evaluateWorkbooks } from '../../src/template';
import type { WorkbookSnapshot } from '../../src/template/types';
import { snapshotFromExcelJs } from '../../src/workbook/xlsx/exceljs-adapter';
import { CASES } from '../reliability/corpus';

/** Saves and reloads a workbook, so that what is read is what a file holds. */
async function throughFile(wb: ExcelJS.Workbook, name: string): Promise<WorkbookSnapshot> {
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return snapshotFromExcelJs(reread, name);
}

async function exportedPlan(lang: Lang): Promise<Catalogue> {
  const [reading] = readPlanSheets(await throughFile(planExportWorkbook(lang), 'bo-chi-tieu.xlsx'));
  expect(reading.issues).toEqual([]);
  return reading.catalogue as Catalogue;
}

function jsonWithout(snapshots: WorkbookSnapshot[], lang: Lang, catalogue?: Catalogue) {
  const json = evaluationToJson(evaluateWorkbooks(snapshots, { catalogue }), lang);
  return { ...json, plan: { ...json.plan, source: null } };
}

describe('the exported 2020 plan round-trips', () => {
  let plan: Catalogue;
  beforeAll(async () => {
    plan = await exportedPlan('vi');
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const wb = new ExcelJS.Workbook();
    await c.build(wb);
    const snapshot = await throughFile(wb, 'case.xlsx');
    for (const lang of ['vi', 'en'] as const) {
      const builtin = jsonWithout([snapshot], lang);
      const exported = jsonWithout([snapshot], lang, plan);
      if (lang === 'vi') expect(exported).toEqual(builtin);
      else
        expect(exported.units.map((u) => u.results.map((r) => r.status))).toEqual(
          builtin.units.map((u) => u.results.map((r) => r.status)),
        );
    }
  });

  it('for the demo province, consolidated, in Vietnamese and English exports', async () => {
    const snapshots = await Promise.all(
      SAMPLE_PROVINCE.map((unit, i) => throughFile(sampleUnitWorkbook(unit, 'vi'), `u${i}.xlsx`)),
    );
    const builtin = jsonWithout(snapshots, 'vi');
    expect(builtin.units).toHaveLength(SAMPLE_PROVINCE.length);
    expect(jsonWithout(snapshots, 'vi', plan)).toEqual(builtin);
    // The English export carries English wording only: the figures and statuses are the same.
    const english = await exportedPlan('en');
    const numbers = (json: typeof builtin) =>
      json.consolidated!.results.map(({ message: _m, ...rest }) => rest);
    expect(numbers(jsonWithout(snapshots, 'en', english))).toEqual(numbers(builtin));
  });
});
