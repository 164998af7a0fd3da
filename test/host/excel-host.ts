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
import { ChangeEvents, type ChangeEvent } from './events';
import { applyEntry, readEntry } from './input';
import {
  cloneModel,
  emptySheet,
  type CellModel,
  type SheetModel,
  type WorkbookModel,
} from './model';
import { WEB, type HostPlatform } from './platform';
import { ClientObject, HostRequestContext, type HostBackend, type QueuedAction } from './proxies';
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
   * past 5 MB, and the host says it is Excel on the web). Same as platform.webPayloadLimit.
   */
  maxPayloadBytes?: number;
  /** Reads .xlsx bytes for insertWorksheetsFromBase64 (Node: readXlsxBytes of xlsx-bytes.ts). */
  readXlsx?: XlsxReader;
  /** Which Excel the host stands for; default WEB (./platform). */
  platform?: Partial<HostPlatform>;
}

export const DEFAULT_MAX_PAYLOAD_BYTES = WEB.webPayloadLimit;

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
  readonly events: ChangeEvents;
  displayLanguage: string;
  excelApi: string;
  platform: HostPlatform;
  /** Office.onReady (or Office.initialize) has run in this runtime (see newRuntime). */
  officeReady = true;
  /** Dialogs the add-in opened (Office.context.ui.displayDialogAsync), by URL. */
  readonly dialogs: string[] = [];
  /** The dialog open now, which the user can close. */
  openDialog: { closeByUser: () => void } | null = null;
  private cellEditEnded: Promise<void> | null = null;
  private endCellEditNow: (() => void) | null = null;

  constructor(model: WorkbookModel, options: HostOptions = {}) {
    this.model = cloneModel(model);
    this.displayLanguage = options.displayLanguage ?? 'vi-VN';
    this.excelApi = options.excelApi ?? '1.13';
    this.readXlsx = options.readXlsx;
    this.platform = { ...WEB, ...options.platform };
    if (options.maxPayloadBytes !== undefined)
      this.platform.webPayloadLimit = options.maxPayloadBytes;
    this.events = new ChangeEvents(
      () => this.platform,
      (version) => this.supports(version),
    );
    if (this.platform.cellEditMode) this.startCellEdit();
  }

  get maxPayloadBytes(): number {
    return this.platform.webPayloadLimit;
  }
  set maxPayloadBytes(bytes: number) {
    this.platform.webPayloadLimit = bytes;
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
    this.valuesRead.length = 0;
    this.events.raised.length = 0;
  }

  // --- HostBackend --------------------------------------------------------------------------

  async execute(context: HostRequestContext, actions: QueuedAction[]): Promise<void> {
    const bytes = utf8Length(JSON.stringify(actions.map((a) => a.json)));
    const record: RequestRecord = { bytes, actions: actions.length, responseBytes: 0 };
    this.requests.push(record);
    this.beforeSync?.(this.requests.length);
    // Excel answers asynchronously; nothing a batch does is visible before its sync resolves.
    await Promise.resolve();
    if (this.cellEditEnded) {
      // docs/excel/excel-add-ins-delay-in-cell-edit.md: fails at once, or waits when asked to.
      if (!context.delayForCellEdit) throw hostErrors.inCellEditMode();
      await this.cellEditEnded;
    }
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
    this.events.deliver(this.platform.ownEventsTiming === 'beforeResolve' ? 'now' : 'later');
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

  /** A write of the add-in: values, formats, links, merges. */
  noteChange(sheet: SheetModel, areas: Rect[]): void {
    this.events.note(sheet.id, areas, true);
  }

  addHandler(handler: (event: ChangeEvent) => Promise<unknown>): number {
    return this.events.add(handler);
  }

  removeHandler(id: number): void {
    if (!this.events.remove(id)) throw hostErrors.itemNotFound('onChanged.remove');
  }

  failure(call: string, where: string): HostApiError | null {
    if (!this.platform.failingCalls.includes(call)) return null;
    return new HostApiError(
      'GeneralException',
      'There was an internal error while processing the request.',
      where,
    );
  }

  select(sheet: SheetModel, rect: Rect): void {
    this.model.selection = { sheet: sheet.name, address: rectAddress(rect) };
  }

  get handlerCount(): number {
    return this.events.count;
  }

  /** Names of the sheets whose values were loaded, in order (one entry per load). */
  readonly valuesRead: string[] = [];
  /** Fault: what RangeAreas.address says instead of the areas (null: the truth). */
  areasAddressFault: ((address: string) => string) | null = null;

  noteRead(sheet: SheetModel): void {
    this.valuesRead.push(sheet.name);
  }

  areasAddress(address: string): string {
    return this.areasAddressFault ? this.areasAddressFault(address) : address;
  }

  /** A fresh JavaScript runtime (the ribbon's commands page) that has not called Office.onReady. */
  newRuntime(): void {
    this.officeReady = !this.platform.commandsNeedOnReady;
  }

  /** The user starts typing in a cell (cell-edit mode). */
  startCellEdit(): void {
    this.platform.cellEditMode = true;
    this.cellEditEnded = new Promise((resolve) => (this.endCellEditNow = resolve));
  }

  /** The user presses Enter: batches waiting for the edit go on. */
  endCellEdit(): void {
    this.platform.cellEditMode = false;
    this.endCellEditNow?.();
    this.cellEditEnded = null;
    this.endCellEditNow = null;
  }

  // --- Excel.run ----------------------------------------------------------------------------

  /**
   * `Excel.run(batch)`, `Excel.run(options, batch)` (RunOptions: delayForCellEdit) or
   * `Excel.run(contextOrObject, batch)`.
   */
  async run<T>(
    first:
      | ((context: HostRequestContext) => Promise<T>)
      | HostRequestContext
      | ClientObject<unknown>
      | { delayForCellEdit?: boolean },
    second?: (context: HostRequestContext) => Promise<T>,
  ): Promise<T> {
    let context: HostRequestContext;
    let batch: (context: HostRequestContext) => Promise<T>;
    if (typeof first === 'function') {
      context = new HostRequestContext(this);
      batch = first;
    } else {
      if (first instanceof ClientObject) context = first.context;
      else if (first instanceof HostRequestContext) context = first;
      else {
        context = new HostRequestContext(this);
        context.delayForCellEdit = first.delayForCellEdit === true;
      }
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
    // Getters below read the host as it is when the add-in asks.
    const current = () => this;
    const info = () => ({ host: 'Excel', platform: this.platform.kind });
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
    const context = {
      get displayLanguage() {
        return current().displayLanguage;
      },
      get platform() {
        return current().platform.kind;
      },
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === 'ExcelApi' && versionAtMost(version ?? '1.1', current().excelApi),
      },
      ui: {
        displayDialogAsync: (
          url: string,
          _options: unknown,
          callback?: (result: { status: string; value?: unknown; error?: unknown }) => void,
        ) => {
          current().dialogs.push(url);
          const handlers = new Map<string, (arg: unknown) => void>();
          const dialog = {
            close: () => (current().openDialog = null),
            addEventHandler: (type: string, handler: (arg: unknown) => void) =>
              handlers.set(type, handler),
          };
          setTimeout(() => {
            callback?.({ status: 'succeeded', value: dialog });
            // The user closes it with the window's X: DialogEventReceived, 12006.
            current().openDialog = {
              closeByUser: () => {
                current().openDialog = null;
                handlers.get('dialogEventReceived')?.({ error: 12006 });
              },
            };
          }, 0);
        },
      },
    };
    const Office = {
      HostType: { Excel: 'Excel' },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: {
        DialogMessageReceived: 'dialogMessageReceived',
        DialogEventReceived: 'dialogEventReceived',
      },
      onReady: (callback?: (i: ReturnType<typeof info>) => void) => {
        this.officeReady = true;
        callback?.(info());
        return Promise.resolve(info());
      },
      // docs/develop/initialize-add-in.md: where Office is not yet initialised (the commands
      // runtime before Office.onReady), Office.context is not there.
      get context() {
        return current().platform.commandsNeedOnReady && !current().officeReady
          ? undefined
          : context;
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
    this.events.note(
      target.id,
      [{ top: at.row, left: at.col, bottom: at.row, right: at.col }],
      false,
    );
    this.events.deliver('later');
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
