import fc from 'fast-check';
import { loadCatalogue } from '../../src/catalogue';
import { STATUS_INFO } from '../../src/engine/status';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import {
  isAddinSummarySheet,
  planClear,
  planEvaluation,
  summaryTarget,
} from '../../src/template/plan';
import type { CellValue, WorkbookSnapshot } from '../../src/template/types';
import { filledTemplate, MemoryWorkbook, rowOf, sheet } from './template-fixtures';

const catalogue = loadCatalogue();
const now = new Date(2021, 0, 15, 9, 5);

function evaluateAndPlan(book: WorkbookSnapshot, summary = false, lang: 'vi' | 'en' = 'vi') {
  const evaluation = evaluateWorkbooks([book]);
  return { evaluation, plan: planEvaluation(evaluation, book, { summary, lang, now }) };
}

const unitA = () =>
  filledTemplate('Báo cáo', 'LĐLĐ huyện A', {
    'I.2b': { actual: 45, denominator: 52 },
    'I.1b': { actual: 1 },
    'I.5a': { actual: '80.000.000', denominator: 100000000 },
    'I.4b': { actual: '90%' },
    'I.6': { actual: 'nhiều', denominator: 10 },
  });

/** A report sheet without output columns, with a user note further down. */
const bare = () =>
  sheet('Huyện B', [
    ['Đơn vị báo cáo: LĐLĐ huyện B'],
    [],
    ['Mã', 'Thực hiện', 'Tổng số'],
    ['I.3', 812, null],
    ['I.2a', 9, 10],
    [],
    ['Ghi chú: số liệu đến 15/12'],
  ]);

describe('planEvaluation', () => {
  it('writes the three output cells of each rule row with value, format and status colours', () => {
    const s = unitA();
    const { plan } = evaluateAndPlan({ sheets: [s] });
    expect(plan.sheets).toHaveLength(1);
    const cells = plan.sheets[0].cells;
    const at = (code: string, col: number) =>
      cells.find((c) => c.row === rowOf(s, code) && c.col === col);

    const met = STATUS_INFO.MET;
    expect(at('I.2b', 7)).toMatchObject({
      numberFormat: '0.0%;-0.0%',
      fill: met.fill,
      fontColor: met.font,
    });
    expect(at('I.2b', 7)!.value).toBeCloseTo(45 / 52, 9);
    expect(at('I.2b', 8)).toMatchObject({ value: 3, numberFormat: '+#,##0;[Red]-#,##0;0' });
    expect(at('I.2b', 9)).toMatchObject({ value: 'Đạt', fill: met.fill, fontColor: met.font });
    // A label needs no number format: the cell keeps its own.
    expect(at('I.2b', 9)!.numberFormat).toBeUndefined();

    // A count rule's rate is its attainment.
    expect(at('I.1b', 7)!.value).toBe(0.25);
    expect(at('I.1b', 8)!.value).toBe(-3);
    expect(at('I.1b', 9)).toMatchObject({ value: 'Không đạt', fill: STATUS_INFO.MISSED.fill });
    expect(at('I.5a', 8)!.value).toBe(-20000000);
    // A direct rate: the gap is in percentage points.
    expect(at('I.4b', 8)).toMatchObject({ value: 0, numberFormat: '+0.0%;[Red]-0.0%;0.0%' });
    expect(at('I.4b', 9)!.value).toBe('Gần đạt');

    // No data and invalid data: only the label.
    for (const [code, status] of [
      ['I.3', 'NO_DATA'],
      ['I.6', 'INVALID'],
    ] as const) {
      expect(at(code, 7)).toMatchObject({ value: null, fill: STATUS_INFO[status].fill });
      expect(at(code, 8)!.value).toBeNull();
      // An empty cell gets no format of the add-in's (it has General already).
      expect(at(code, 7)!.numberFormat).toBeUndefined();
      expect(at(code, 9)!.value).toBe(STATUS_INFO[status].label.vi);
    }
    expect(cells).toHaveLength(26 * 3);
    expect(plan.setNames).toBeUndefined();
    expect(plan.summary).toBeUndefined();
  });

  it('writes the labels in English when asked', () => {
    const s = unitA();
    const { plan } = evaluateAndPlan({ sheets: [s] }, false, 'en');
    const status = plan.sheets[0].cells.find((c) => c.row === rowOf(s, 'I.2b') && c.col === 9);
    expect(status!.value).toBe('Met');
  });

  it('adds missing output columns with their labels, remembered by a defined name', () => {
    const { plan } = evaluateAndPlan({ sheets: [bare()] });
    const cells = plan.sheets[0].cells;
    const labels = cells.filter((c) => c.row === 2);
    expect(labels.map((c) => [c.col, c.value])).toEqual([
      [3, 'Tỷ lệ'],
      [4, 'Chênh lệch'],
      [5, 'Đánh giá'],
    ]);
    expect(plan.setNames).toEqual({ UnionTargets_Added_1: "'Huyện B'!$D$3:$F$3" });
    expect(cells.filter((c) => c.row !== 2).map((c) => [c.row, c.col])).toEqual([
      [4, 3],
      [4, 4],
      [4, 5],
      [3, 3],
      [3, 4],
      [3, 5],
    ]);
  });

  it('writes nothing to a sheet whose added columns would cover data', () => {
    const s = sheet('S', [
      ['Mã', 'Thực hiện'],
      ['I.3', 800, 'của tôi'],
    ]);
    const { evaluation, plan } = evaluateAndPlan({ sheets: [s] });
    expect(evaluation.units).toHaveLength(1);
    expect(plan.sheets).toEqual([]);
    expect(plan.setNames).toBeUndefined();
  });

  it('writes only the units of the workbook it is given', () => {
    const a: WorkbookSnapshot = { sheets: [unitA()], file: 'a.xlsx' };
    const b: WorkbookSnapshot = { sheets: [bare()], file: 'b.xlsx' };
    const evaluation = evaluateWorkbooks([a, b]);
    const plan = planEvaluation(evaluation, b, { summary: true, lang: 'vi', now });
    expect(plan.sheets.map((s) => s.sheet)).toEqual(['Huyện B']);
    // The summary is of the whole evaluation.
    const header = plan.summary!.cells.filter((c) => c.value === 'LĐLĐ huyện A');
    expect(header.length).toBeGreaterThan(0);
  });

  it('touches only output cells of rule rows and labels of added columns (property)', () => {
    const input: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -5, max: 2000 }),
      fc.double({ min: -1, max: 2, noNaN: true }),
      fc.constantFrom('85%', '1.234', 'abc', '……', '-', '≥ 20', 'Trên 90%', true),
      fc.constantFrom('#DIV/0!', '#N/A').map((error) => ({ error })),
    );
    const codes = catalogue.rules.map((r) => r.code);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...codes),
          fc.record({ actual: input, denominator: input, target: input }),
        ),
        fc.boolean(),
        (inputs, withOutputColumns) => {
          let s = filledTemplate('Báo cáo', 'A', inputs);
          if (!withOutputColumns) {
            // Drop the output and note columns: evaluation must add them.
            s = {
              ...s,
              values: s.values.map((r) => r.slice(0, 7)),
              numberFormats: s.numberFormats.map((r) => r.slice(0, 7)),
              formulas: s.formulas?.map((r) => r.slice(0, 7)),
            };
          }
          const { evaluation, plan } = evaluateAndPlan({ sheets: [s] });
          const report = evaluation.units[0].report;
          const allowed = new Set<string>();
          for (const row of report.rows) {
            for (const col of Object.values(report.outputColumns)) allowed.add(`${row.row},${col}`);
          }
          for (const key of report.addedOutputColumns) {
            allowed.add(`${report.headerRow},${report.outputColumns[key]}`);
          }
          for (const cell of plan.sheets.flatMap((w) => w.cells)) {
            expect(allowed.has(`${cell.row},${cell.col}`)).toBe(true);
            expect(cell.link).toBeUndefined();
            if (typeof cell.value === 'number') expect(Number.isFinite(cell.value)).toBe(true);
          }
          // Evaluating the evaluated workbook changes nothing more.
          const book = new MemoryWorkbook([s]);
          book.apply(plan);
          const once = book.state();
          book.apply(evaluateAndPlan(book.snapshot()).plan);
          expect(book.state()).toEqual(once);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('output cells the unit formatted or owns', () => {
  /** unitA, its Tỷ lệ and Chênh lệch cells formatted by the unit, one Tỷ lệ a formula. */
  const formatted = () => {
    const s = unitA();
    const r = (code: string) => rowOf(s, code);
    for (let row = r('I.1a'); row <= r('II.7b'); row++) {
      if (typeof s.values[row][1] !== 'string') continue;
      s.numberFormats[row][7] = '0.0%';
      s.numberFormats[row][8] = '#,##0;[Red]-#,##0';
    }
    // An earlier evaluation's formats: I.3 (no data) had a rate, I.1b a Chênh lệch in points.
    s.numberFormats[r('I.3')][7] = '0.0%;-0.0%';
    s.numberFormats[r('I.1b')][8] = '+0.0%;[Red]-0.0%;0.0%';
    s.values[r('I.2b')][7] = 45 / 52;
    s.formulas = s.values.map((row) => row.map((): string | null => null));
    s.formulas[r('I.2b')][7] = '=F11/G11';
    return s;
  };

  it('keeps the unit’s formats and formulas; its own formats only go where it put them', () => {
    const s = formatted();
    const { plan } = evaluateAndPlan({ sheets: [s] });
    const at = (code: string, col: number) =>
      plan.sheets[0].cells.find((c) => c.row === rowOf(s, code) && c.col === col);
    // The unit's "0.0%" and "#,##0;[Red]-#,##0" stay: no format is written over them.
    expect(at('I.1b', 7)).toMatchObject({ value: 0.25 });
    expect(at('I.1b', 7)!.numberFormat).toBeUndefined();
    expect(at('I.6', 8)!.numberFormat).toBeUndefined();
    // The add-in's own formats are the add-in's to change: a count gap, and General when empty.
    expect(at('I.1b', 8)).toMatchObject({ value: -3, numberFormat: '+#,##0;[Red]-#,##0;0' });
    expect(at('I.3', 7)).toMatchObject({ value: null, numberFormat: 'General' });
    // The formula cell is not written at all; the rest of its row is.
    expect(at('I.2b', 7)).toBeUndefined();
    expect(at('I.2b', 9)).toMatchObject({ value: 'Đạt' });
    expect(plan.sheets[0].cells).toHaveLength(26 * 3 - 1);
  });

  it('clears the add-in’s formats and colours only, and gives the workbook back', () => {
    const book = new MemoryWorkbook([formatted()]);
    const original = book.state();
    book.apply(evaluateAndPlan(book.snapshot()).plan);
    const once = book.state();
    const s = formatted();
    const cell = (code: string, col: number) => book.state()['Báo cáo'][`${rowOf(s, code)},${col}`];
    expect(cell('I.1b', 7)).toMatchObject({ value: 0.25, numberFormat: '0.0%' });
    expect(cell('I.2b', 7)).toEqual(original['Báo cáo'][`${rowOf(s, 'I.2b')},7`]);

    book.apply(evaluateAndPlan(book.snapshot()).plan);
    expect(book.state()).toEqual(once);

    const clear = planClear(book.snapshot());
    const writes = clear.sheets[0].cells;
    expect(writes.find((c) => c.row === rowOf(s, 'I.2b') && c.col === 7)).toBeUndefined();
    expect(writes.filter((c) => c.numberFormat !== undefined)).toEqual([
      expect.objectContaining({ row: rowOf(s, 'I.1b'), col: 8, numberFormat: 'General' }),
    ]);
    book.apply(clear);
    // The earlier evaluation's formats (I.3, I.1b) are gone too, leaving those cells empty.
    const expected = structuredClone(original);
    delete expected['Báo cáo'][`${rowOf(s, 'I.3')},7`];
    delete expected['Báo cáo'][`${rowOf(s, 'I.1b')},8`];
    expect(book.state()).toEqual(expected);
  });

  it('writes and clears nothing in a rule row whose output cell is merged', () => {
    const s = { ...unitA(), merges: [{ top: 7, left: 9, bottom: 8, right: 9 }] };
    const { evaluation, plan } = evaluateAndPlan({ sheets: [s] });
    const rows = new Set([rowOf(s, 'I.1a'), rowOf(s, 'I.1b')]);
    expect(plan.sheets[0].cells.filter((c) => rows.has(c.row))).toEqual([]);
    expect(plan.sheets[0].cells).toHaveLength(24 * 3);
    expect(planClear({ sheets: [s] }).sheets[0].cells.filter((c) => rows.has(c.row))).toEqual([]);
    expect(evaluation.issues.map((i) => [i.kind, i.cell])).toContainEqual([
      'output-cell-merged',
      'J8',
    ]);
  });
});

describe('evaluating twice, and clearing', () => {
  it('gives the same workbook when evaluated twice, and clear restores the original', () => {
    const own = sheet('Tổng hợp', [['Bảng tổng hợp của phòng'], ['tự làm']]);
    const book = new MemoryWorkbook([own, unitA(), bare()]);
    const original = book.state();

    const first = planEvaluation(evaluateWorkbooks([book.snapshot()]), book.snapshot(), {
      summary: true,
      lang: 'vi',
      now,
    });
    expect(first.summary!.name).toBe('Tổng hợp (2)');
    expect(first.summary!.replace).toBe(false);
    book.apply(first);
    const once = book.state();
    expect(once['Tổng hợp']).toEqual(original['Tổng hợp']);
    expect(Object.keys(book.names)).toEqual(['UnionTargets_Added_1']);

    const second = planEvaluation(evaluateWorkbooks([book.snapshot()]), book.snapshot(), {
      summary: true,
      lang: 'vi',
      now,
    });
    expect(second.summary).toMatchObject({ name: 'Tổng hợp (2)', replace: true });
    book.apply(second);
    expect(book.state()).toEqual(once);

    const clear = planClear(book.snapshot());
    expect(clear.deleteSheets).toEqual(['Tổng hợp (2)']);
    expect(clear.deleteNames).toEqual(['UnionTargets_Added_1']);
    book.apply(clear);
    expect(book.state()).toEqual(original);
    expect(book.names).toEqual({});
  });

  it('finds the added columns again after the sheet was renamed', () => {
    const book = new MemoryWorkbook([bare()]);
    const original = book.state()['Huyện B'];
    book.apply(
      planEvaluation(evaluateWorkbooks([book.snapshot()]), book.snapshot(), {
        summary: false,
        lang: 'vi',
        now,
      }),
    );
    // Excel renames the sheet in every reference, names included.
    const cells = book.sheets.get('Huyện B')!;
    book.sheets.delete('Huyện B');
    book.sheets.set("B's sheet", cells);
    book.names = { UnionTargets_Added_1: "'B''s sheet'!$D$3:$F$3" };

    const again = planEvaluation(evaluateWorkbooks([book.snapshot()]), book.snapshot(), {
      summary: false,
      lang: 'vi',
      now,
    });
    expect(again.setNames).toBeUndefined();

    book.apply(planClear(book.snapshot()));
    expect(book.state()["B's sheet"]).toEqual(original);
  });

  it('leaves a label the user typed over an added column alone', () => {
    const book = new MemoryWorkbook([bare()]);
    book.apply(
      planEvaluation(evaluateWorkbooks([book.snapshot()]), book.snapshot(), {
        summary: false,
        lang: 'vi',
        now,
      }),
    );
    book.sheets.get('Huyện B')!.set('2,5', {
      value: 'Nhận xét',
      numberFormat: 'General',
      fill: null,
      fontColor: null,
    });
    const clear = planClear(book.snapshot());
    const labelWrites = clear.sheets[0].cells.filter((c) => c.row === 2);
    expect(labelWrites.map((c) => c.col)).toEqual([3, 4]);
  });
});

describe('the summary sheet name', () => {
  const made = () => {
    const evaluation = evaluateWorkbooks([{ sheets: [unitA()] }]);
    const plan = planEvaluation(
      evaluation,
      { sheets: [unitA()] },
      { summary: true, lang: 'vi', now },
    );
    const book = new MemoryWorkbook();
    book.addSheetPlan(plan.summary!);
    return book.snapshot().sheets[0];
  };

  it('is recognised as the add-in’s own by its marker, and a user sheet is not', () => {
    const summary = made();
    expect(summary.name).toBe('Tổng hợp');
    expect(isAddinSummarySheet(summary)).toBe(true);
    expect(isAddinSummarySheet(sheet('Tổng hợp', [['Tổng hợp'], ['Lập bởi phòng Tổ chức']]))).toBe(
      false,
    );
  });

  it('goes to "Tổng hợp (3)" when the user owns "Tổng hợp" and "tổng hợp (2)"', () => {
    const user = (name: string) => sheet(name, [['x']]);
    expect(summaryTarget({ sheets: [user('Tổng hợp'), user('tổng hợp (2)')] })).toEqual({
      name: 'Tổng hợp (3)',
      replace: false,
    });
    expect(summaryTarget({ sheets: [{ ...made(), name: 'TỔNG HỢP' }] })).toEqual({
      name: 'TỔNG HỢP',
      replace: true,
    });
  });

  it('is not read as a report sheet, though its header has Mã and Thực hiện', () => {
    const summary = made();
    const evaluation = evaluateWorkbooks([{ sheets: [unitA(), summary] }]);
    expect(evaluation.units.map((u) => u.report.sheet)).toEqual(['Báo cáo']);
  });
});

describe('evaluateWorkbooks', () => {
  it('takes every report sheet of every workbook as a unit and reports workbooks without one', () => {
    const instructions = sheet('Hướng dẫn', [['Điền số liệu vào sheet Báo cáo']]);
    const evaluation = evaluateWorkbooks([
      { sheets: [instructions, unitA(), bare()], file: 'a.xlsx' },
      { sheets: [instructions], file: 'empty.xlsx' },
    ]);
    expect(evaluation.units.map((u) => [u.file, u.report.sheet, u.report.unit])).toEqual([
      ['a.xlsx', 'Báo cáo', 'LĐLĐ huyện A'],
      ['a.xlsx', 'Huyện B', 'LĐLĐ huyện B'],
    ]);
    expect(evaluation.units[0].results.map((r) => r.code)).toEqual(
      catalogue.rules.map((r) => r.code),
    );
    expect(evaluation.units[1].results.map((r) => r.code)).toEqual(['I.2a', 'I.3']);
    expect(evaluation.consolidated.map((r) => r.code)).toEqual(catalogue.rules.map((r) => r.code));

    const i3 = evaluation.consolidated.find((r) => r.code === 'I.3')!;
    expect(i3).toMatchObject({ actual: 812, unitsCounted: 1, unitsLacking: 1 });
    const i2a = evaluation.consolidated.find((r) => r.code === 'I.2a')!;
    expect(i2a).toMatchObject({ actual: 9, denominator: 10, status: 'MET' });

    const noReport = evaluation.issues.find((i) => i.kind === 'no-report-sheet')!;
    expect(noReport).toMatchObject({ severity: 'error', file: 'empty.xlsx', cell: null });
    expect(noReport.message.vi).toContain('empty.xlsx');

    const invalid = evaluation.issues.find((i) => i.code === 'I.6')!;
    expect(invalid).toMatchObject({
      severity: 'error',
      kind: 'invalid-not-a-number',
      sheet: 'Báo cáo',
      cell: `F${rowOf(unitA(), 'I.6') + 1}`,
      file: 'a.xlsx',
    });
    expect(invalid.message.vi).toContain(invalid.cell!);
  });
});
