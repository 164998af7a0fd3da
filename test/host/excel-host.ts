/**
 * An in-memory Excel for tests: a workbook model behind the Office.js proxies of ./proxies, with
 * `Excel.run`, `context.sync()`, events, and the `Office` object the pane starts from. It counts
 * syncs and the size of every request (the UTF-8 length of its queued actions as JSON) and of its
 * answer, refuses either past Excel on the web's 5 MB, records the selected cell, and lets a test
 * change the workbook between two syncs as a user would.
 * No Node-only imports: it is bundled into the browser test as well.
 */
import type { XlsxReader } from './insert-from-base64';
import { cellKey, parseCell, parseRect, quotedSheet, rectAddress, type Rect } from './a1';
import { HostApiError, hostErrors } from './errors';
import { applyEntry, readEntry } from './input';
import {
  cloneModel,
  emptySheet,
  type CellModel,
  type SheetModel,
  type WorkbookModel,
} from './model';
import {
  ClientObject,
  HostRequestContext,
  type ChangeEvent,
  type HostBackend,
  type QueuedAction,
} from './proxies';
// Printing members of the proxies (row heights, page layout, data bars, charts).
import './print-proxies';

export interface RequestRecord {
  /** UTF-8 bytes of the request: the queued actions as JSON. */
  bytes: number;
  actions: number;
  /** UTF-8 bytes of the loaded values sent back. */
  responseBytes: number;
}

export interface HostOptions {
  /** Office.context.displayLanguage; default 'vi-VN'. */
  displayLanguage?: string;
  /**
   * Highest ExcelApi requirement set supported; default '1.13' (merged areas). What
   * `Office.context.requirements.isSetSupported` answers, and what the API refuses past it.
   */
  excelApi?: string;
  /**
   * Largest request and response, in bytes; default 5,000,000 (Excel on the web refuses either
   * past 5 MB, and the host says it is Excel on the web).
   */
  maxPayloadBytes?: number;
  /** Reads .xlsx bytes for insertWorksheetsFromBase64 (Node: readXlsxBytes of xlsx-bytes.ts). */
  readXlsx?: XlsxReader;
}

export const DEFAULT_MAX_PAYLOAD_BYTES = 5_000_000;

// Measured with the platform's encoder, independently of the adapter's own size estimate.
const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).byteLength;
}

export function versionAtMost(version: string, max: string): boolean {
  const [a1, a2 = 0] = version.split('.').map(Number);
  const [b1, b2 = 0] = max.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

/** A value written into a cell covered by a merge, which Excel drops (see Range.values). */
export interface IgnoredWrite {
  sheet: string;
  /** A1 address of the covered cell. */
  cell: string;
}

export class ExcelHost implements HostBackend {
  readonly readXlsx: XlsxReader | undefined;
  readonly model: WorkbookModel;
  readonly requests: RequestRecord[] = [];
  /** Values an add-in wrote into covered cells of merges: Excel kept none of them. */
  readonly ignoredWrites: IgnoredWrite[] = [];
  /** Called before a sync's actions run, with the 1-based number of that sync. */
  beforeSync: ((syncNumber: number) => void) | null = null;
  /** Functions registered with Office.actions.associate (ribbon commands). */
  readonly associated = new Map<string, (event: unknown) => unknown>();
  private readonly handlers = new Map<number, (event: ChangeEvent) => Promise<unknown>>();
  private nextHandler = 1;
  private changes: ChangeEvent[] = [];
  displayLanguage: string;
  excelApi: string;
  maxPayloadBytes: number;

  constructor(model: WorkbookModel, options: HostOptions = {}) {
    this.model = cloneModel(model);
    this.displayLanguage = options.displayLanguage ?? 'vi-VN';
    this.excelApi = options.excelApi ?? '1.13';
    this.maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
    this.readXlsx = options.readXlsx;
  }

  get syncCount(): number {
    return this.requests.length;
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }

  get lastSelection(): { sheet: string; address: string } | null {
    return this.model.selection;
  }

  resetCounters(): void {
    this.requests.length = 0;
    this.ignoredWrites.length = 0;
  }

  // --- HostBackend --------------------------------------------------------------------------

  async execute(_context: HostRequestContext, actions: QueuedAction[]): Promise<void> {
    const bytes = utf8Length(JSON.stringify(actions.map((a) => a.json)));
    const record: RequestRecord = { bytes, actions: actions.length, responseBytes: 0 };
    this.requests.push(record);
    this.beforeSync?.(this.requests.length);
    // Excel answers asynchronously; nothing a batch does is visible before its sync resolves.
    await Promise.resolve();
    if (bytes > this.maxPayloadBytes) throw hostErrors.requestTooLarge(bytes);
    const commits: (() => void)[] = [];
    const responses: unknown[] = [];
    let failure: unknown = null;
    for (const action of actions) {
      try {
        const result = action.run();
        if (result?.commit) commits.push(result.commit);
        if (result?.response !== undefined) responses.push(result.response);
      } catch (error) {
        failure = error;
        break;
      }
    }
    record.responseBytes = utf8Length(JSON.stringify(responses));
    this.deliverChanges();
    if (failure) throw failure;
    // The batch has run (its writes stay done); only the answer is refused.
    if (record.responseBytes > this.maxPayloadBytes) {
      throw hostErrors.responseTooLarge(record.responseBytes);
    }
    for (const commit of commits) commit();
  }

  supports(version: string): boolean {
    return versionAtMost(version, this.excelApi);
  }

  noteIgnoredWrite(sheet: SheetModel, row: number, col: number): void {
    this.ignoredWrites.push({ sheet: sheet.name, cell: cellKey(row, col) });
  }

  newSheet(name: string): SheetModel {
    const sheet = emptySheet(name);
    this.model.sheets.push(sheet);
    return sheet;
  }

  noteChange(sheet: SheetModel, rect: Rect): void {
    this.changes.push({
      type: 'WorksheetChanged',
      changeType: 'RangeEdited',
      source: 'Local',
      worksheetId: sheet.id,
      address: rectAddress(rect),
    });
  }

  addHandler(handler: (event: ChangeEvent) => Promise<unknown>): number {
    const id = this.nextHandler++;
    this.handlers.set(id, handler);
    return id;
  }

  removeHandler(id: number): void {
    if (!this.handlers.delete(id)) throw hostErrors.itemNotFound('onChanged.remove');
  }

  select(sheet: SheetModel, rect: Rect): void {
    this.model.selection = { sheet: sheet.name, address: rectAddress(rect) };
  }

  /** Events reach handlers after the sync that caused them, as in Excel. */
  private deliverChanges(): void {
    const events = this.changes;
    this.changes = [];
    if (events.length === 0 || this.handlers.size === 0) return;
    const handlers = [...this.handlers.values()];
    setTimeout(() => {
      for (const event of events) for (const handler of handlers) void handler(event);
    }, 0);
  }

  get handlerCount(): number {
    return this.handlers.size;
  }

  // --- Excel.run ----------------------------------------------------------------------------

  /** `Excel.run(batch)` or `Excel.run(contextOrObject, batch)`. */
  async run<T>(
    first:
      ((context: HostRequestContext) => Promise<T>) | HostRequestContext | ClientObject<unknown>,
    second?: (context: HostRequestContext) => Promise<T>,
  ): Promise<T> {
    let context: HostRequestContext;
    let batch: (context: HostRequestContext) => Promise<T>;
    if (typeof first === 'function') {
      context = new HostRequestContext(this);
      batch = first;
    } else {
      context = first instanceof ClientObject ? first.context : first;
      if (!second) throw hostErrors.invalidArgument('Excel.run', 'no batch function');
      batch = second;
    }
    context.open = true;
    try {
      const result = batch(context);
      if (!result || typeof (result as Promise<T>).then !== 'function') {
        throw new HostApiError('RunMustReturnPromise', 'The batch function must return a promise.');
      }
      const value = await result;
      // Excel.run sends what is still queued when the batch ends.
      if (context.pendingActions > 0) await context.sync();
      return value;
    } finally {
      context.open = false;
    }
  }

  /** The `Excel`, `Office` and `OfficeExtension` globals an add-in sees. */
  globals(): { Excel: unknown; Office: unknown; OfficeExtension: unknown } {
    const displayLanguage = () => this.displayLanguage;
    const excelApi = () => this.excelApi;
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    const Excel = {
      run: (first: never, second?: never) => this.run(first, second),
      ErrorCodes: {
        accessDenied: 'AccessDenied',
        generalException: 'GeneralException',
        invalidArgument: 'InvalidArgument',
        invalidOperation: 'InvalidOperation',
        itemAlreadyExists: 'ItemAlreadyExists',
        itemNotFound: 'ItemNotFound',
        invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      },
    };
    const Office = {
      HostType: { Excel: 'Excel' },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
      onReady: (callback?: (i: typeof info) => void) => {
        callback?.(info);
        return Promise.resolve(info);
      },
      context: {
        get displayLanguage() {
          return displayLanguage();
        },
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === 'ExcelApi' && versionAtMost(version ?? '1.1', excelApi()),
        },
      },
      addin: {
        showAsTaskpane: () => Promise.resolve(),
        hide: () => Promise.resolve(),
      },
      actions: {
        associate: (name: string, action: (event: unknown) => unknown) => {
          this.associated.set(name, action);
        },
      },
    };
    return { Excel, Office, OfficeExtension: { Error: HostApiError } };
  }

  // --- What a test (or a user at the keyboard) does to the workbook ---------------------------

  sheet(name: string): SheetModel {
    const sheet = this.model.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet "${name}" in the host workbook`);
    return sheet;
  }

  cell(sheet: string, a1: string): CellModel | undefined {
    return this.sheet(sheet).cells[a1.toUpperCase()];
  }

  snapshot(): WorkbookModel {
    return cloneModel(this.model);
  }

  /** Typing into a cell: read as typed input, and an onChanged event. */
  edit(sheet: string, a1: string, input: string | number | boolean): void {
    const target = this.sheet(sheet);
    const at = parseCell(a1);
    if (!at) throw new Error(`Bad cell ${a1}`);
    const key = cellKey(at.row, at.col);
    const cell = (target.cells[key] ??= {});
    applyEntry(cell, readEntry(input));
    if (Object.keys(cell).length === 0) delete target.cells[key];
    this.noteChange(target, { top: at.row, left: at.col, bottom: at.row, right: at.col });
    this.deliverChanges();
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    const pattern = new RegExp(`${quotedSheet(from).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!`, 'g');
    for (const [name, formula] of Object.entries(this.model.names)) {
      this.model.names[name] = formula.replace(pattern, `${quotedSheet(to)}!`);
    }
    sheet.name = to;
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.model.sheets.splice(this.model.sheets.indexOf(sheet), 1);
  }

  protectSheet(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  /** Inserts `count` empty rows before 0-based `row`, moving cells and merges down. */
  insertRows(name: string, row: number, count: number): void {
    const sheet = this.sheet(name);
    const moved: Record<string, CellModel> = {};
    for (const [key, cell] of Object.entries(sheet.cells)) {
      const at = parseCell(key)!;
      moved[cellKey(at.row >= row ? at.row + count : at.row, at.col)] = cell;
    }
    sheet.cells = moved;
    sheet.merges = sheet.merges.map((m) => {
      const r = parseRect(m)!;
      const shift = (n: number) => (n >= row ? n + count : n);
      return rectAddress({ ...r, top: shift(r.top), bottom: shift(r.bottom) });
    });
  }
}
