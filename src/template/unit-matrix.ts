/**
 * "Tổng hợp theo đơn vị" (SPEC §4, §10): one column per unit with that unit's rate or count,
 * coloured by its status, on a sheet of its own so that a whole province prints readably: printed
 * at the scale that keeps 13 pt text at 9 pt or more, landscape, as many pages across as the units
 * need, with the code and content columns and the header row repeated on every page.
 */
import { loadCatalogue } from '../catalogue';
import { sectionsInOrder, yearWords } from '../catalogue/sections';
import type { Lang, Rule } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import type { RuleResult } from '../engine/types';
import {
  AVERAGE_FORMAT,
  catalogueTargetText,
  cellNumber,
  RATE_FORMAT,
  valueFormat,
} from './format';
import { summaryMarker } from './marker';
import {
  finishForPrint,
  TABLE_BODY,
  TABLE_HEADER,
  TABLE_SECTION,
  TITLE_SIZE,
} from './print-layout';
import { Layout, putMissingRow, unitHeaders } from './summary';
import type { Evaluation, SheetPlan, UnitResults } from './types';

/** The matrix sheet's name; "(2)", "(3)"… when the user owns a sheet of that name. */
export const UNIT_MATRIX_SHEET_NAME = 'Tổng hợp theo đơn vị';

export interface UnitMatrixOptions {
  name: string;
  replace: boolean;
  lang: Lang;
  now: Date;
}

const HEADER = TABLE_HEADER;
const SECTION = TABLE_SECTION;
const BODY = TABLE_BODY;
const COL = { code: 0, content: 1, target: 2, firstUnit: 3 } as const;
const WIDTHS = { code: 8, content: 38, target: 10, unit: 11 };

const TEXT = {
  title: {
    vi: (year: string) => `KẾT QUẢ THỰC HIỆN CHỈ TIÊU${year} CỦA TỪNG ĐƠN VỊ`,
    en: (year: string) => `RESULTS AGAINST THE${year} TARGETS, UNIT BY UNIT`,
  },
  legend: {
    vi: 'Mỗi cột là một đơn vị: tỷ lệ (hoặc số) của đơn vị, tô màu theo kết quả đánh giá.',
    en: 'One column per unit: its rate (or count), coloured by its result.',
  },
  code: { vi: 'Mã', en: 'Code' },
  content: { vi: 'Nội dung', en: 'Description' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
};

export function buildUnitMatrixSheet(evaluation: Evaluation, opts: UnitMatrixOptions): SheetPlan {
  const { lang } = opts;
  const catalogue = evaluation.catalogue ?? loadCatalogue();
  const names = unitHeaders(evaluation.units);
  const byCode = evaluation.units.map((u) => new Map(u.results.map((r) => [r.code, r])));
  const lastCol = COL.firstUnit + Math.max(0, evaluation.units.length - 1);
  const out = new Layout();

  // No merges across the title rows: they would be cut at the edge of the first page.
  out.put(0, TEXT.title[lang](yearWords(catalogue)[lang]), { bold: true, fontSize: TITLE_SIZE });
  out.row = 4;
  // The marker sits where the summary's does, so clear and replace find both sheets.
  out.put(0, summaryMarker(opts.now, lang), { italic: true });
  out.row++;
  out.put(0, TEXT.legend[lang], { italic: true });
  out.row += 2;

  const headerRow = out.row;
  out.put(COL.code, TEXT.code[lang], HEADER);
  out.put(COL.content, TEXT.content[lang], HEADER);
  out.put(COL.target, TEXT.target[lang], HEADER);
  names.forEach((name, i) => out.put(COL.firstUnit + i, name, HEADER));
  out.row++;
  const keep: { first: number; last: number }[] = [];
  for (const section of sectionsInOrder(catalogue)) {
    if (section.id !== '') {
      keep.push({ first: out.row, last: out.row + 2 });
      out.put(COL.code, section.id, { ...SECTION, horizontal: 'center' });
      out.put(COL.content, section.title[lang], { ...SECTION, wrap: true });
      for (let col = COL.target; col <= lastCol; col++) out.put(col, null, SECTION);
      out.row++;
    }
    for (const rule of catalogue.rules) {
      if (rule.section !== section.id) continue;
      out.put(COL.code, rule.code, { ...BODY, horizontal: 'center' });
      out.put(COL.content, rule.wording[lang], { ...BODY, wrap: true });
      out.put(COL.target, catalogueTargetText(rule, lang), {
        ...BODY,
        horizontal: 'center',
        wrap: true,
      });
      evaluation.units.forEach((unit, i) => {
        putUnitCell(out, COL.firstUnit + i, rule, unit, byCode[i].get(rule.code), lang);
      });
      out.row++;
    }
  }

  const columnWidths = [WIDTHS.code, WIDTHS.content, WIDTHS.target];
  for (let col = COL.firstUnit; col <= lastCol; col++) columnWidths.push(WIDTHS.unit);
  const plan: SheetPlan = {
    name: opts.name,
    replace: opts.replace,
    cells: out.cells,
    merges: out.merges,
    columnWidths,
    freeze: { rows: headerRow + 1, columns: COL.target + 1 },
  };
  return finishForPrint(plan, {
    lang,
    orientation: 'landscape',
    titleRows: { first: headerRow, last: headerRow },
    titleColumns: { first: COL.code, last: COL.target },
    keepTogether: keep,
    oneWide: false,
  });
}

/** A unit's figure for a rule: its rate (or its count), coloured by its status. */
function putUnitCell(
  out: Layout,
  col: number,
  rule: Rule,
  unit: UnitResults,
  result: RuleResult | undefined,
  lang: Lang,
): void {
  if (!result) {
    putMissingRow(out, col, rule.code, unit, lang);
    return;
  }
  const info = STATUS_INFO[result.status];
  const style = { ...BODY, fill: info.fill, fontColor: info.font, horizontal: 'right' as const };
  const figure = cellNumber(
    rule.kind === 'count' && !result.directRate ? result.actual : result.rate,
  );
  const numeric =
    result.status !== 'NO_DATA' &&
    result.status !== 'INVALID' &&
    result.status !== 'NOT_APPLICABLE';
  if (!numeric || figure === null) {
    out.put(col, info.label[lang], { ...style, horizontal: 'center', wrap: true });
  } else if (rule.kind === 'count' && !result.directRate) {
    out.put(col, figure, { ...style, numberFormat: valueFormat(figure) });
  } else {
    out.put(col, figure, {
      ...style,
      numberFormat: result.averageRate ? AVERAGE_FORMAT : RATE_FORMAT,
    });
  }
}
