/**
 * The browser test's stand-in for Excel: bundled and loaded before the pane, it installs
 * `window.Office` / `window.Excel` backed by the in-memory host, seeded with the workbook model
 * the test put in `window.__UT_SEED__` (display language from `window.__UT_LANG__`, default
 * 'vi-VN'), and exposes `window.__UT_HOST__` for the test to look inside.
 */
import { ExcelHost, type RequestRecord } from './excel-host';
import { installHost } from './install';
import { emptyWorkbook, reserveSheetIds, type CellModel, type WorkbookModel } from './model';

/** What the browser test reads through `window.__UT_HOST__`. */
export interface BrowserHostView {
  readonly syncCount: number;
  readonly requests: RequestRecord[];
  readonly lastSelection: { sheet: string; address: string } | null;
  getCell(sheet: string, a1: string): CellModel | null;
  model(): WorkbookModel;
  /** Types into a cell as a user would (fires onChanged, for live mode). */
  edit(sheet: string, a1: string, input: string | number | boolean): void;
}

interface TestWindow {
  __UT_SEED__?: WorkbookModel;
  /**
   * The .xlsx files the test will pick, read ahead in Node with ExcelJS (the host's reader),
   * by their base64 text: what insertWorksheetsFromBase64 finds in them.
   */
  __UT_XLSX__?: Record<string, WorkbookModel>;
  __UT_LANG__?: string;
  __UT_HOST__?: BrowserHostView;
}

const testWindow = window as unknown as TestWindow;
const seed = testWindow.__UT_SEED__ ?? emptyWorkbook();
reserveSheetIds(seed);
const host = new ExcelHost(seed, {
  displayLanguage: testWindow.__UT_LANG__ ?? 'vi-VN',
  readXlsx: readAhead,
});

/** A file the test read ahead; any other bytes cannot be read, as a damaged file in Excel. */
function readAhead(bytes: Uint8Array): Promise<WorkbookModel> {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  const model = testWindow.__UT_XLSX__?.[btoa(binary)];
  return model ? Promise.resolve(model) : Promise.reject(new Error('unreadable .xlsx'));
}
installHost(host, window);

testWindow.__UT_HOST__ = {
  get syncCount() {
    return host.syncCount;
  },
  get requests() {
    return host.requests.map((r) => ({ ...r }));
  },
  get lastSelection() {
    return host.lastSelection;
  },
  getCell: (sheet, a1) => {
    const cell = host.cell(sheet, a1);
    return cell ? (JSON.parse(JSON.stringify(cell)) as CellModel) : null;
  },
  model: () => host.snapshot(),
  edit: (sheet, a1, input) => host.edit(sheet, a1, input),
};
