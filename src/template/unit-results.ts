/**
 * "Kết quả theo đơn vị" on the summary: for each unit, how many targets it met, nearly met and
 * missed, and the share met, with a data bar; the same figures feed Excel's chart (SPEC §10) and
 * the pane's bar per unit.
 */
import type { Lang, Localized } from '../catalogue/types';
import { STATUS_INFO } from '../engine/status';
import type { RuleResult, Status } from '../engine/types';
import type { ChartPlan, DataBarPlan, Evaluation } from './types';
import { TABLE_BODY, TABLE_HEADER } from './print-layout';
import type { Layout } from './summary';

/** A unit's results counted: met, nearly met, missed, and the rest (no data, invalid…). */
export interface UnitTally {
  met: number;
  near: number;
  missed: number;
  other: number;
  total: number;
}

const TALLIED: Partial<Record<Status, keyof Omit<UnitTally, 'total'>>> = {
  MET: 'met',
  NEAR: 'near',
  MISSED: 'missed',
};

export function tallyResults(results: readonly Pick<RuleResult, 'status'>[]): UnitTally {
  const tally: UnitTally = { met: 0, near: 0, missed: 0, other: 0, total: results.length };
  for (const r of results) tally[TALLIED[r.status] ?? 'other']++;
  return tally;
}

const TEXT: Record<string, Localized> = {
  heading: { vi: 'KẾT QUẢ THEO ĐƠN VỊ', en: 'RESULTS BY UNIT' },
  stt: { vi: 'STT', en: 'No.' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  other: { vi: 'Chưa đánh giá được', en: 'Not assessed' },
  share: { vi: 'Tỷ lệ chỉ tiêu đạt', en: 'Share of targets met' },
  chart: { vi: 'Tỷ lệ chỉ tiêu theo kết quả, từng đơn vị', en: 'Targets by result, per unit' },
};

const HEADER = TABLE_HEADER;
const BODY = TABLE_BODY;
const COL = { stt: 0, unit: 1, met: 3, near: 4, missed: 5, other: 6, share: 7 } as const;

/**
 * Writes the table from `out.row` on (heading, header, a row per unit) and leaves a blank row.
 * Returns the group to keep on one page, the data bar over the share column, and the chart of the
 * counts (Office.js places it; `anchor.row` is for the caller to set).
 */
export function unitResultsTable(
  out: Layout,
  evaluation: Evaluation,
  unitNames: string[],
  lang: Lang,
  barColor: string,
): { keep: { first: number; last: number }; dataBar: DataBarPlan; chart?: ChartPlan } {
  const first = out.row;
  out.put(0, TEXT.heading[lang], { bold: true });
  out.merge(0, COL.share);
  out.row++;
  const headerRow = out.row;
  out.put(COL.stt, TEXT.stt[lang], HEADER);
  out.put(COL.unit, TEXT.unit[lang], HEADER);
  out.merge(COL.unit, COL.unit + 1);
  const statusHeader = (col: number, status: Status) =>
    out.put(col, STATUS_INFO[status].label[lang], {
      ...HEADER,
      fill: STATUS_INFO[status].fill,
      fontColor: STATUS_INFO[status].font,
    });
  statusHeader(COL.met, 'MET');
  statusHeader(COL.near, 'NEAR');
  statusHeader(COL.missed, 'MISSED');
  out.put(COL.other, TEXT.other[lang], HEADER);
  out.put(COL.share, TEXT.share[lang], HEADER);
  out.row++;
  const firstUnitRow = out.row;
  evaluation.units.forEach((unit, i) => {
    const tally = tallyResults(unit.results);
    out.put(COL.stt, i + 1, { ...BODY, horizontal: 'center' });
    out.put(COL.unit, unitNames[i], { ...BODY, wrap: true });
    out.merge(COL.unit, COL.unit + 1);
    out.put(COL.met, tally.met, { ...BODY, horizontal: 'center' });
    out.put(COL.near, tally.near, { ...BODY, horizontal: 'center' });
    out.put(COL.missed, tally.missed, { ...BODY, horizontal: 'center' });
    out.put(COL.other, tally.other, { ...BODY, horizontal: 'center' });
    out.put(COL.share, tally.total > 0 ? tally.met / tally.total : null, {
      ...BODY,
      numberFormat: '0%',
    });
    out.row++;
  });
  const lastUnitRow = out.row - 1;
  out.row++;
  const dataBar: DataBarPlan = {
    top: firstUnitRow,
    bottom: Math.max(firstUnitRow, lastUnitRow),
    left: COL.share,
    right: COL.share,
    color: barColor,
  };
  const keep = { first, last: Math.min(lastUnitRow, headerRow + 2) };
  if (evaluation.units.length === 0) return { keep, dataBar };
  const chart: ChartPlan = {
    type: 'barStacked100',
    title: TEXT.chart[lang],
    source: { top: headerRow, left: COL.met, bottom: lastUnitRow, right: COL.missed },
    labels: { top: firstUnitRow, left: COL.unit, bottom: lastUnitRow, right: COL.unit },
    anchor: { row: 0, col: 0, rows: Math.min(30, 4 + evaluation.units.length), columns: 9 },
    colors: [STATUS_INFO.MET.font, '#FFC000', STATUS_INFO.MISSED.font],
  };
  return { keep, dataBar, chart };
}
