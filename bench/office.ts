/**
 * Office.js figures (SPEC §7: at most 3 syncs for one *Đánh giá*, the same for 1 and 200 report
 * sheets, no request over 5 MB): evaluateInExcel({ summary: true }) as the pane and the ribbon run
 * it, against the in-memory Excel host of test/host installed as the globals Excel and Office.
 * Each workbook is written to .xlsx and read back first, as a file opened in Excel would be.
 */
import ExcelJS from 'exceljs';
import { loadCatalogue } from '../src/catalogue';
import type { Catalogue } from '../src/catalogue/types';
import { evaluateInExcel } from '../src/workbook/office/actions';
import { ExcelHost } from '../test/host/excel-host';
import { installHost } from '../test/host/install';
import { modelFromWorkbook } from '../test/host/seed-xlsx';
import { addReportSheet } from '../test/office/workbooks';
import { failedMeasurement, figure, type Figure } from './figures';
import { round3, timeMs } from './timing';
import { benchUnits, unitsWorkbook } from './units';

const MAX_SYNCS = 3;
/** Excel on the web refuses a request (or a response) of 5 MB or more. */
const MAX_REQUEST_BYTES = 5_000_000;
const LONG_SHEET_ROWS = 5000;

interface OfficeCase {
  label: string;
  reportSheets: number;
  build: (catalogue: Catalogue) => ExcelJS.Workbook;
}

/**
 * One report sheet of 5,000 rows: the 26 rule rows, then the list of the unit's grassroots unions
 * that districts keep under their figures (no code, so not rule rows, but every cell is read).
 */
function longSheetWorkbook(catalogue: Catalogue): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const [unit] = benchUnits(1, catalogue);
  const ws = addReportSheet(wb, unit);
  ws.addRow([null, null, 'Danh sách công đoàn cơ sở trực thuộc']);
  for (let i = 1; ws.rowCount < LONG_SHEET_ROWS; i++) {
    const members = 20 + ((i * 37) % 480);
    ws.addRow([i, null, `CĐCS Công ty TNHH số ${i}`, 'đoàn viên', null, members, members + 5]);
  }
  return wb;
}

const CASES: OfficeCase[] = [1, 20, 200]
  .map((n): OfficeCase => ({
    label: `${n} report sheet${n === 1 ? '' : 's'}`,
    reportSheets: n,
    build: (catalogue) => unitsWorkbook(benchUnits(n, catalogue)),
  }))
  .concat({
    label: `1 sheet of ${LONG_SHEET_ROWS} rows`,
    reportSheets: 1,
    build: longSheetWorkbook,
  });

interface CaseResult {
  syncs: number;
  largestRequest: number;
  largestResponse: number;
  requests: { bytes: number; actions: number; responseBytes: number }[];
  ms: number;
}

async function runCase(wb: ExcelJS.Workbook, reportSheets: number): Promise<CaseResult> {
  // Through .xlsx and back, as Excel would open the file.
  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load(await wb.xlsx.writeBuffer());
  const host = new ExcelHost(modelFromWorkbook(reloaded));
  const uninstall = installHost(host);
  try {
    let units = 0;
    let syncs = 0;
    const ms = await timeMs(async () => {
      const outcome = await evaluateInExcel({ summary: true, lang: 'vi' });
      units = outcome.evaluation.units.length;
      syncs = outcome.syncs;
    });
    if (units !== reportSheets) {
      throw new Error(`evaluated ${units} report sheets, expected ${reportSheets}`);
    }
    if (syncs !== host.syncCount) {
      throw new Error(
        `evaluateInExcel reported ${syncs} syncs, the host counted ${host.syncCount}`,
      );
    }
    return {
      syncs: host.syncCount,
      largestRequest: host.largestRequestBytes,
      largestResponse: Math.max(0, ...host.requests.map((r) => r.responseBytes)),
      requests: host.requests.map((r) => ({ ...r })),
      ms: round3(ms),
    };
  } finally {
    uninstall();
  }
}

/** Each round trip's size, so a failed row shows where the extra sync went. */
function requestsNote(result: CaseResult): string {
  const each = result.requests.map(
    (r, i) => `#${i + 1}: ${r.actions} actions, ${r.bytes} B sent, ${r.responseBytes} B back`,
  );
  return `requests ${each.join('; ')}`;
}

export async function benchOffice(): Promise<Figure[]> {
  const catalogue = loadCatalogue();
  const figures: Figure[] = [];
  const syncsOf = new Map<string, number>();
  for (const c of CASES) {
    try {
      const result = await runCase(c.build(catalogue), c.reportSheets);
      const details = { requests: result.requests, evaluateInExcelMs: result.ms };
      figures.push(
        figure(
          `office: syncs, ${c.label}`,
          result.syncs,
          'syncs',
          { op: '<=', limit: MAX_SYNCS },
          { note: requestsNote(result) },
        ),
        figure(
          `office: largest request, ${c.label}`,
          result.largestRequest,
          'bytes',
          { op: '<', limit: MAX_REQUEST_BYTES },
          { details },
        ),
        figure(`office: largest response, ${c.label}`, result.largestResponse, 'bytes', null),
      );
      syncsOf.set(c.label, result.syncs);
    } catch (error) {
      figures.push(failedMeasurement(`office: ${c.label}`, 'syncs', null, error));
    }
  }
  const one = syncsOf.get(CASES[0].label);
  const many = syncsOf.get(CASES[2].label);
  if (one !== undefined && many !== undefined) {
    figures.push(
      figure('office: syncs for 200 sheets − syncs for 1', many - one, 'syncs', {
        op: '=',
        limit: 0,
      }),
    );
  }
  return figures;
}
