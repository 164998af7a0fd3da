/**
 * Property-based tests over random sheet snapshots (issue 5, item 5): headers made of the labels
 * SPEC §3 accepts, in any order and spelling, at any origin; random codes; cells of every kind.
 * The reader never throws; evaluation writes only into output cells of rule rows (or the label
 * cells of the output columns it adds), never over a value the user typed, and the summary only
 * into its own sheet; clear empties only what evaluation writes.
 */
import fc from 'fast-check';
import { findRule } from '../../src/catalogue';
import { evaluateWorkbooks } from '../../src/template/evaluate';
import { isAddinSummarySheet, planClear, planEvaluation } from '../../src/template/plan';
import { readReportSheet } from '../../src/template/reader';
import type {
  CellValue,
  Evaluation,
  SheetSnapshot,
  WorkbookSnapshot,
  WritePlan,
} from '../../src/template/types';
import { catalogue, NOW } from './pipeline';

/** The accepted labels of SPEC §3, by column. */
const LABELS = {
  stt: ['STT', 'TT', 'Số TT'],
  code: ['Mã chỉ tiêu', 'Mã', 'Mã số'],
  content: ['Nội dung chỉ tiêu', 'Nội dung', 'Chỉ tiêu phấn đấu'],
  unit: ['Đơn vị tính', 'ĐVT'],
  target: ['Chỉ tiêu', 'Chỉ tiêu giao', 'Kế hoạch'],
  actual: ['Thực hiện', 'Kết quả thực hiện', 'Số thực hiện', 'Tử số'],
  denominator: ['Tổng số', 'Mẫu số', 'Tổng số (mẫu số)', 'Dự toán'],
  rate: ['Tỷ lệ', 'Tỷ lệ %', 'Tỷ lệ đạt', 'Tỉ lệ'],
  gap: ['Chênh lệch', 'So với chỉ tiêu'],
  status: ['Đánh giá', 'Kết quả đánh giá'],
  note: ['Ghi chú'],
} as const;
type Column = keyof typeof LABELS;
const COLUMNS = Object.keys(LABELS) as Column[];
const OUTPUT_COLUMNS: readonly Column[] = ['rate', 'gap', 'status'];

/** A label as a person might type it: other case, decomposed accents, spaces, a colon. */
const spelled = (text: string) =>
  fc
    .record({
      upper: fc.boolean(),
      nfd: fc.boolean(),
      colon: fc.boolean(),
      spaces: fc.constantFrom('', ' ', '\u00a0', '  '),
    })
    .map(({ upper, nfd, colon, spaces }) => {
      let t = upper ? text.toUpperCase() : text;
      if (nfd) t = t.normalize('NFD');
      return `${spaces}${t}${colon ? ':' : ''}${spaces}`;
    });

const labelOf = (column: Column) =>
  fc.constantFrom(...LABELS[column]).chain((text) => spelled(text).map((t) => ({ column, t })));
const label = fc.constantFrom(...COLUMNS).chain((column) => labelOf(column));

const CODES = catalogue.rules.map((r) => r.code);
const code: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CODES),
  fc.constantFrom(...CODES).map((c) => c.replace('.', '-').toLowerCase()),
  fc.constantFrom(...CODES).map((c) => c.replace(/([a-z])$/, '.$1')),
  fc.constantFrom('I.10', 'II.8b', 'III.1', 'I', 'II', 'A', ''),
  fc.string({ maxLength: 6 }),
);

const ERRORS = ['#DIV/0!', '#REF!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!'];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double(),
  fc.constantFrom(2 ** 53 + 2, 2 ** 60, -(2 ** 60), 1e308, 5e-324, -0),
  fc.boolean(),
  fc.constantFrom(...ERRORS).map((error) => ({ error })),
  fc.string(),
  fc.constantFrom(
    '85%',
    '85,5%',
    '1.234',
    '1.234.567,5 đồng',
    '45 CĐCS',
    '120 đoàn viên'.normalize('NFD'),
    '1\u00a0250',
    '\u300045\u3000',
    '１２０',
    '……',
    '-',
    '=SUM(A1)',
    '+84 912',
    '@abc',
    '12/05/2020',
    '≥ 20',
    'Trên 85%',
    'từ 95% trở lên',
    '#N/A',
    'x'.repeat(40_000),
  ),
  code,
  label.map((l) => l.t),
  // Not cell values at all: what a faulty adapter might hand over.
  fc
    .constantFrom<unknown>(undefined, NaN, Infinity, [], {}, { error: 5 })
    .map((v) => v as CellValue),
);
const numberFormat = fc.constantFrom('General', '0%', '0.00%', 'dd/mm/yyyy', '#,##0', '@', '');

interface Recipe {
  name: string;
  origin: { row: number; col: number };
  height: number;
  width: number;
  headerRow: number;
  header: { column: Column; t: string; col: number }[];
  upper: { column: Column; t: string; col: number }[];
  codes: { row: number; code: string }[];
  cells: { row: number; col: number; value: CellValue; format: string }[];
  ragged: boolean;
  isProtected: boolean;
}

const at = (l: fc.Arbitrary<{ column: Column; t: string }>) =>
  fc.record({ l, col: fc.nat(13) }).map(({ l, col }) => ({ ...l, col }));
/** Mostly a header with both required columns, sometimes one of them missing. */
const required = (column: Column) => fc.option(at(labelOf(column)), { freq: 6 });
const OPTIONAL_COLUMNS = COLUMNS.filter((c) => c !== 'code' && c !== 'actual');
/** Other columns, each once; now and then a required column labelled a second time. */
const others = fc
  .tuple(
    fc
      .shuffledSubarray(OPTIONAL_COLUMNS)
      .chain((columns) => fc.tuple(...columns.map((c) => at(labelOf(c))))),
    fc.option(at(fc.constantFrom<Column>('code', 'actual').chain(labelOf)), { freq: 12 }),
  )
  .map(([labels, twice]) => (twice ? [...labels, twice] : labels));

const recipe = (name: string): fc.Arbitrary<Recipe> =>
  fc
    .record({
      name: fc.constant(name),
      origin: fc.record({ row: fc.nat(12), col: fc.nat(6) }),
      height: fc.integer({ min: 2, max: 45 }),
      width: fc.integer({ min: 4, max: 14 }),
      headerRow: fc.nat(12),
      code: required('code'),
      actual: required('actual'),
      others,
      upper: fc.array(at(label), { maxLength: 4 }),
      codes: fc.array(fc.record({ row: fc.nat(44), code }), { maxLength: 30 }),
      cells: fc.array(
        fc.record({ row: fc.nat(44), col: fc.nat(13), value: cell, format: numberFormat }),
        { maxLength: 60 },
      ),
      ragged: fc.boolean(),
      isProtected: fc.boolean(),
    })
    .map(({ code: c, actual, others, ...rest }) => ({
      ...rest,
      // Later labels win a shared cell: the required ones go last.
      header: [...others, ...(c ? [c] : []), ...(actual ? [actual] : [])],
    }));

/** Lays a recipe out as a snapshot: header labels, codes in the code column, random cells. */
function snapshotOf(r: Recipe): SheetSnapshot {
  const values: CellValue[][] = Array.from({ length: r.height }, () =>
    new Array<CellValue>(r.width).fill(null),
  );
  const formats: string[][] = Array.from({ length: r.height }, () =>
    new Array<string>(r.width).fill('General'),
  );
  const put = (row: number, col: number, value: CellValue, format = 'General') => {
    if (row < 0 || row >= r.height || col < 0 || col >= r.width) return;
    values[row][col] = value;
    formats[row][col] = format;
  };
  // Random cells first, so that a header is mostly there; codes after them, in the code column.
  for (const c of r.cells) put(c.row, c.col, c.value, c.format);
  const headerRow = r.headerRow % r.height;
  for (const h of r.header) put(headerRow, h.col % r.width, h.t);
  for (const h of r.upper) put(headerRow - 1, h.col % r.width, h.t);
  const codeCol = r.header.find((h) => h.column === 'code')?.col;
  const body = r.height - headerRow - 1;
  if (codeCol !== undefined && body > 0) {
    for (const c of r.codes) put(headerRow + 1 + (c.row % body), codeCol % r.width, c.code);
  }
  if (r.ragged) {
    values.forEach((row, i) => (row.length = Math.max(0, row.length - (i % 3))));
  }
  return {
    name: r.name,
    origin: r.origin,
    values,
    numberFormats: formats,
    protected: r.isProtected,
  };
}

/** Sometimes the user's own "Tổng hợp", sometimes a summary the add-in made earlier. */
const extraSheet = fc.constantFrom<'none' | 'user-summary' | 'addin-summary'>(
  'none',
  'user-summary',
  'addin-summary',
);

function extra(kind: 'none' | 'user-summary' | 'addin-summary'): SheetSnapshot[] {
  if (kind === 'none') return [];
  const marker = kind === 'addin-summary' ? 'Lập bởi Union Targets lúc 01/01/2021 08:00' : 'tự làm';
  return [
    {
      name: 'Tổng hợp',
      origin: { row: 0, col: 0 },
      values: [['Bảng tổng hợp'], [marker]],
      numberFormats: [['General'], ['General']],
    },
  ];
}

const workbook: fc.Arbitrary<WorkbookSnapshot> = fc
  .record({
    sheets: fc.tuple(recipe('Báo cáo'), fc.option(recipe('Bob\'s "A" sheet'))),
    extra: extraSheet,
  })
  .map(({ sheets, extra: kind }) => ({
    sheets: [...extra(kind), ...sheets.filter((s): s is Recipe => s !== null).map(snapshotOf)],
  }));

// ---------------------------------------------------------------------------------------------

/** Folded as SPEC §3 matches labels: case, diacritics, spacing and a trailing ":" ignored. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/:$/, '');
}
const OUTPUT_LABELS = new Set(OUTPUT_COLUMNS.flatMap((c) => LABELS[c].map(fold)));

function valueAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
}

function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Where a plan writes into report sheets, as "sheet!row,col" → value. */
function targets(plan: WritePlan): { sheet: string; row: number; col: number; value: unknown }[] {
  return plan.sheets.flatMap((w) => w.cells.map((c) => ({ sheet: w.sheet, ...c })));
}

/** The cells evaluation may write, as the reader located them. */
function allowedCells(evaluation: Evaluation): Set<string> {
  const allowed = new Set<string>();
  for (const { report } of [...evaluation.units, ...(evaluation.ignoredUnits ?? [])]) {
    if (report.outputBlocked) continue;
    for (const row of report.rows) {
      for (const col of Object.values(report.outputColumns)) {
        allowed.add(`${report.sheet}!${row.row},${col}`);
      }
    }
    // A code on two rows: "Lỗi số liệu" in the Đánh giá cell of both (SPEC §9).
    for (const dup of report.duplicateCodeRows ?? []) {
      allowed.add(`${report.sheet}!${dup.row},${report.outputColumns.status}`);
    }
    for (const key of report.addedOutputColumns) {
      allowed.add(`${report.sheet}!${report.headerRow},${report.outputColumns[key]}`);
    }
  }
  return allowed;
}

describe('random sheet snapshots', () => {
  it('the reader never throws, and every issue names its sheet', () => {
    fc.assert(
      fc.property(recipe('Báo cáo'), (r) => {
        const { report, issues } = readReportSheet(snapshotOf(r), catalogue);
        for (const issue of issues) {
          expect(issue.sheet).toBe('Báo cáo');
          expect(issue.message.vi).toContain("'Báo cáo'");
        }
        if (report) {
          for (const row of report.rows) expect(row.row).toBeGreaterThan(report.headerRow);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds the report in a header of accepted labels in any order, spelling and origin', () => {
    const header = fc
      .shuffledSubarray(OPTIONAL_COLUMNS)
      .map((extra): Column[] => ['code', 'actual', ...extra])
      .chain((columns) =>
        fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length }),
      )
      .chain((columns) => fc.tuple(...columns.map((column) => labelOf(column))));
    fc.assert(
      fc.property(
        header,
        fc.record({ row: fc.nat(20), col: fc.nat(6) }),
        fc.constantFrom(...CODES),
        (labels, origin, typedCode) => {
          const columns = labels.map((l) => l.column);
          const row = labels.map((l) => (l.column === 'code' ? typedCode : null));
          const s: SheetSnapshot = {
            name: 'S',
            origin,
            values: [labels.map((l) => l.t), row],
            numberFormats: [labels.map(() => 'General'), labels.map(() => 'General')],
          };
          const { report } = readReportSheet(s, catalogue);
          expect(report).not.toBeNull();
          expect(report!.columns.code).toBe(origin.col + columns.indexOf('code'));
          expect(report!.columns.actual).toBe(origin.col + columns.indexOf('actual'));
          expect(report!.rows.map((r) => r.code)).toEqual([typedCode]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('evaluation writes only output cells of rule rows, never over what the user typed', () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const evaluation = evaluateWorkbooks([wb], { catalogue });
        const plan = planEvaluation(evaluation, wb, { summary: true, lang: 'vi', now: NOW });
        const allowed = allowedCells(evaluation);
        const seen = new Set<string>();
        for (const t of targets(plan)) {
          const key = `${t.sheet}!${t.row},${t.col}`;
          expect(allowed.has(key)).toBe(true);
          // One write per cell: two rows never share an output cell.
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
          const { report } = evaluation.units.find((u) => u.report.sheet === t.sheet)!;
          // The row holds a catalogue code in the code column.
          const typed = valueAt(sheet, t.row, report.columns.code!);
          if (t.row !== report.headerRow) {
            expect(typeof typed === 'string' && findRule(catalogue, typed)).toBeTruthy();
          }
          // A cell that holds something is only overwritten in a column labelled as an output.
          if (!isEmpty(valueAt(sheet, t.row, t.col))) {
            const labels = [report.headerRow - 1, report.headerRow].map((r) =>
              valueAt(sheet, r, t.col),
            );
            const isOutput = labels.some(
              (l) => typeof l === 'string' && OUTPUT_LABELS.has(fold(l)),
            );
            expect({ cell: key, isOutput }).toEqual({ cell: key, isOutput: true });
          }
        }
        // The summary goes to its own sheet only: a new one, or the add-in's earlier summary.
        const summary = plan.summary!;
        expect(plan.sheets.map((s) => s.sheet)).not.toContain(summary.name);
        const existing = wb.sheets.find((s) => s.name === summary.name);
        expect(existing === undefined || isAddinSummarySheet(existing)).toBe(true);
        expect(summary.replace).toBe(existing !== undefined);
        expect(plan.deleteSheets ?? []).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });

  it('clear empties only output cells of rule rows and deletes only the add-in’s summary', () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const evaluation = evaluateWorkbooks([wb], { catalogue });
        const allowed = allowedCells(evaluation);
        const plan = planClear(wb, catalogue);
        for (const t of targets(plan)) {
          expect(allowed.has(`${t.sheet}!${t.row},${t.col}`)).toBe(true);
          expect(t.value).toBeNull();
        }
        for (const name of plan.deleteSheets ?? []) {
          expect(isAddinSummarySheet(wb.sheets.find((s) => s.name === name)!)).toBe(true);
        }
      }),
      { numRuns: 250 },
    );
  });
});
