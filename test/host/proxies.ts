/**
 * The Excel JavaScript API objects of the in-memory host, behaving as Office.js does where the
 * add-in could get it wrong: every object is a proxy; reading a property that was not loaded and
 * synced throws PropertyNotLoaded; setting a property or calling a method only queues an action;
 * `context.sync()` runs the queued actions in order against the workbook model and stops at the
 * first failure (the actions before it stay done); objects are found by their path when an
 * action runs, so a sheet renamed in between is ItemNotFound; *OrNullObject objects learn
 * `isNullObject` at the next sync. Only the subset the add-in uses is here; anything else is
 * missing, so a test fails loudly when the add-in starts using it.
 */
import {
  insertWorksheetsFromBase64,
  type InsertWorksheetOptions,
  type XlsxReader,
} from './insert-from-base64';
import {
  cellKey,
  contains,
  intersect,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAreas,
  parseCell,
  parseRect,
  quotedSheet,
  rectAddress,
  type Rect,
} from './a1';
import { HostApiError, hostErrors } from './errors';
import type { ChangeEvent } from './events';
import type { HostPlatform } from './platform';
import { applyEntry, readEntry } from './input';
import type { BorderEdge, CellModel, ModelValue, SheetModel, WorkbookModel } from './model';
import { charactersToPoints, pointsToCharacters } from '../../src/workbook/office/units';

/** One queued action: its JSON (what is sent, for request sizes) and what it does. */
export interface QueuedAction {
  json: { path: string; action: 'set' | 'call' | 'load'; name: string; value?: unknown };
  /** Runs against the model; returns what to apply to proxies once the batch has succeeded. */
  run: () => { commit?: () => void; response?: unknown } | void;
}

export type { ChangeEvent } from './events';

/** What the proxies need from the host behind them. */
export interface HostBackend {
  readonly model: WorkbookModel;
  execute(context: HostRequestContext, actions: QueuedAction[]): Promise<void>;
  newSheet(name: string): SheetModel;
  /** A change the add-in made, for onChanged. */
  noteChange(sheet: SheetModel, areas: Rect[]): void;
  readonly platform: HostPlatform;
  readonly events: { enabled: boolean };
  /** A sheet whose cell values the add-in loaded (which sheets a read touched). */
  noteRead(sheet: SheetModel): void;
  /** The address a RangeAreas reports (a test may make it unreadable, as a fault). */
  areasAddress(address: string): string;
  /** An error a call fails with whatever its arguments (HostPlatform.failingCalls), or null. */
  failure(call: string, where: string): HostApiError | null;
  addHandler(handler: (event: ChangeEvent) => Promise<unknown>): number;
  removeHandler(id: number): void;
  select(sheet: SheetModel, rect: Rect): void;
  /** Whether the host has this ExcelApi requirement set (APIs past it fail with ApiNotFound). */
  supports(version: string): boolean;
  /** A value written into a covered cell of a merge, which Excel drops. */
  noteIgnoredWrite(sheet: SheetModel, row: number, col: number): void;
  /** Reads .xlsx bytes, for insertWorksheetsFromBase64 (absent: the call is not implemented). */
  readonly readXlsx?: XlsxReader;
}

export class HostRequestContext {
  readonly workbook: Workbook;
  readonly runtime: Runtime;
  /** Excel.run({ delayForCellEdit: true }, …). */
  delayForCellEdit = false;
  private queue: QueuedAction[] = [];
  private readonly nullables: ClientObject<unknown>[] = [];
  /** Work a queued call needs done before its sync runs (reading a file given as base64). */
  private readonly preparing: Promise<void>[] = [];
  /** False once its Excel.run has finished: its objects can no longer be used. */
  open = true;

  constructor(readonly backend: HostBackend) {
    this.workbook = new Workbook(this);
    this.runtime = new Runtime(this);
  }

  enqueue(action: QueuedAction): void {
    if (!this.open) throw hostErrors.invalidRequestContext(action.json.path);
    this.queue.push(action);
  }

  watchNull(object: ClientObject<unknown>): void {
    this.nullables.push(object);
  }

  prepare(work: Promise<void>): void {
    this.preparing.push(work);
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    if (!this.open) throw hostErrors.invalidRequestContext('RequestContext.sync');
    const actions = this.queue;
    const nullables = this.nullables.splice(0);
    this.queue = [];
    await Promise.all(this.preparing.splice(0));
    await this.backend.execute(this, actions);
    for (const object of nullables) object.settleNull();
  }
}

type LoadSpec = string | string[] | { select?: string | string[] };

function loadPaths(spec: LoadSpec | undefined): string[] {
  if (spec === undefined) return [];
  const raw = typeof spec === 'string' || Array.isArray(spec) ? spec : (spec.select ?? []);
  const list = Array.isArray(raw) ? raw : raw.split(',');
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

function json(value: unknown): unknown {
  if (value instanceof ClientObject) return { ref: value.path };
  return value;
}

/** Base of every proxy: loaded values, queued sets and calls, lazy resolution by path. */
export abstract class ClientObject<T> {
  protected abstract readonly typeName: string;
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: HostRequestContext,
    readonly path: string,
    private readonly resolver: () => T | null,
    private readonly nullable = false,
  ) {
    if (nullable) context.watchNull(this as ClientObject<unknown>);
  }

  /** The model object now, or ItemNotFound (a null object gives null). */
  protected target(): T | null {
    const found = this.resolver();
    if (found === null && !this.nullable) throw hostErrors.itemNotFound(this.path);
    return found;
  }

  protected mustTarget(where: string): T {
    const found = this.target();
    if (found === null) throw hostErrors.itemNotFound(`${this.path}.${where}`);
    return found;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw hostErrors.propertyNotLoaded(this.typeName, 'isNullObject');
    }
    return this.nullState;
  }

  /** After a sync: whether this *OrNullObject found nothing. */
  settleNull(): void {
    if (this.nullState !== undefined) return;
    try {
      this.nullState = this.resolver() === null;
    } catch {
      this.nullState = true;
    }
  }

  protected get(prop: string): unknown {
    if (!this.loaded.has(prop)) throw hostErrors.propertyNotLoaded(this.typeName, prop);
    return this.loaded.get(prop);
  }

  /** Scalar properties this object can load. */
  protected readScalar(_target: T, prop: string): unknown {
    throw hostErrors.notImplemented(`${this.typeName}.${prop}`);
  }

  /** Navigation properties (format, protection…) this object can load through. */
  protected child(_prop: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  protected queueSet(prop: string, value: unknown, apply: (target: T) => void): void {
    this.context.enqueue({
      json: { path: this.path, action: 'set', name: prop, value: json(value) },
      run: () => apply(this.mustTarget(prop)),
    });
  }

  protected queueCall(method: string, args: unknown[], apply: (target: T) => void): void {
    this.context.enqueue({
      json: { path: this.path, action: 'call', name: method, value: args.map(json) },
      run: () => {
        const failure = this.context.backend.failure(method, `${this.path}.${method}`);
        if (failure) throw failure;
        apply(this.mustTarget(method));
      },
    });
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.enqueue({
      json: { path: this.path, action: 'load', name: paths.join(',') },
      run: () => this.collect(paths),
    });
    return this;
  }

  /** Reads the paths now; the returned commit stores them once the batch has succeeded. */
  collect(paths: string[]): { commit: () => void; response: unknown } {
    const target = this.target();
    if (target === null) {
      return { commit: () => (this.nullState = true), response: null };
    }
    const commits: (() => void)[] = [() => (this.nullState = false)];
    const response: Record<string, unknown> = {};
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      const child = this.child(head);
      if (child) {
        nested.set(head, [...(nested.get(head) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
        continue;
      }
      if (rest.length > 0) throw hostErrors.invalidArgument(this.path, `cannot load ${path}`);
      const value = this.readScalar(target, head);
      response[head] = value;
      commits.push(() => this.loaded.set(head, value));
    }
    for (const [head, rest] of nested) {
      const result = this.child(head)!.collect(rest);
      response[head] = result.response;
      commits.push(result.commit);
    }
    return { commit: () => commits.forEach((c) => c()), response };
  }
}

function ensureWritable(sheet: SheetModel, where: string): void {
  if (sheet.protected) throw hostErrors.accessDenied(where);
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

function quote(text: string): string {
  return JSON.stringify(text);
}

// ---------------------------------------------------------------------------------------------

export class Workbook extends ClientObject<WorkbookModel> {
  protected readonly typeName = 'Workbook';
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly protection: WorkbookProtection;
  readonly application: { cultureInfo: { numberFormat: NumberFormatInfo } };

  constructor(context: HostRequestContext) {
    super(context, 'workbook', () => context.backend.model);
    this.worksheets = new WorksheetCollection(context, this.path);
    this.names = new NamedItemCollection(context, this.path);
    this.protection = new WorkbookProtection(context, this.path);
    this.application = { cultureInfo: { numberFormat: new NumberFormatInfo(context) } };
  }

  protected override child(prop: string): ClientObject<unknown> | undefined {
    if (prop === 'protection') return this.protection;
    return undefined;
  }

  insertWorksheetsFromBase64(base64File: string, options?: InsertWorksheetOptions) {
    return insertWorksheetsFromBase64(
      this.context,
      this.context.backend.readXlsx,
      base64File,
      options,
    );
  }
}

/** `workbook.application.cultureInfo.numberFormat` (ExcelApi 1.11): the regional separators. */
export class NumberFormatInfo extends ClientObject<HostPlatform> {
  protected readonly typeName = 'NumberFormatInfo';

  constructor(context: HostRequestContext) {
    super(context, 'workbook.application.cultureInfo.numberFormat', () => context.backend.platform);
  }

  get numberDecimalSeparator(): string {
    return this.get('numberDecimalSeparator') as string;
  }

  protected override readScalar(target: HostPlatform, prop: string): unknown {
    if (prop === 'numberDecimalSeparator') return target.decimalSeparator;
    return super.readScalar(target, prop);
  }
}

/** `context.runtime` (ExcelApi 1.8): `enableEvents` turns this add-in's events off and on. */
export class Runtime extends ClientObject<{ enabled: boolean }> {
  protected readonly typeName = 'Runtime';

  constructor(context: HostRequestContext) {
    super(context, 'runtime', () => context.backend.events);
  }

  get enableEvents(): boolean {
    return this.get('enableEvents') as boolean;
  }
  set enableEvents(on: boolean) {
    this.queueSet('enableEvents', on, (events) => (events.enabled = on));
  }

  protected override readScalar(target: { enabled: boolean }, prop: string): unknown {
    if (prop === 'enableEvents') return target.enabled;
    return super.readScalar(target, prop);
  }
}

export class WorkbookProtection extends ClientObject<WorkbookModel> {
  protected readonly typeName = 'WorkbookProtection';

  constructor(context: HostRequestContext, parent: string) {
    super(context, `${parent}.protection`, () => context.backend.model);
  }

  get protected(): boolean {
    return this.get('protected') as boolean;
  }

  protected override readScalar(target: WorkbookModel, prop: string): unknown {
    if (prop === 'protected') return target.structureProtected;
    return super.readScalar(target, prop);
  }
}

/** Event registration, as `worksheets.onChanged`. */
export class HostEventSource {
  constructor(private readonly context: HostRequestContext) {}

  add(handler: (event: ChangeEvent) => Promise<unknown>) {
    const context = this.context;
    const registration = { id: -1 };
    context.enqueue({
      json: { path: 'workbook.worksheets.onChanged', action: 'call', name: 'add' },
      run: () => {
        registration.id = context.backend.addHandler(handler);
      },
    });
    return {
      context,
      remove: () =>
        context.enqueue({
          json: { path: 'workbook.worksheets.onChanged', action: 'call', name: 'remove' },
          run: () => context.backend.removeHandler(registration.id),
        }),
    };
  }
}

export class WorksheetCollection extends ClientObject<SheetModel[]> {
  protected readonly typeName = 'WorksheetCollection';
  readonly onChanged: HostEventSource;
  private loadedItems: Worksheet[] | undefined;

  constructor(context: HostRequestContext, parent: string) {
    super(context, `${parent}.worksheets`, () => context.backend.model.sheets);
    this.onChanged = new HostEventSource(context);
  }

  get items(): Worksheet[] {
    if (!this.loadedItems) throw hostErrors.propertyNotLoaded(this.typeName, 'items');
    return this.loadedItems;
  }

  private byKey(key: string): SheetModel | null {
    return (
      this.context.backend.model.sheets.find((s) => s.id === key || sameName(s.name, key)) ?? null
    );
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this.context, `${this.path}.getItem(${quote(key)})`, () =>
      this.byKey(key),
    );
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(
      this.context,
      `${this.path}.getItemOrNullObject(${quote(key)})`,
      () => this.byKey(key),
      true,
    );
  }

  getActiveWorksheet(): Worksheet {
    const model = this.context.backend.model;
    return new Worksheet(
      this.context,
      `${this.path}.getActiveWorksheet()`,
      () => model.sheets.find((s) => s.id === model.activeSheetId) ?? null,
    );
  }

  add(name: string): Worksheet {
    const made: { sheet: SheetModel | null } = { sheet: null };
    const model = this.context.backend.model;
    this.context.enqueue({
      json: { path: this.path, action: 'call', name: 'add', value: [name] },
      run: () => {
        const where = `${this.path}.add`;
        if (model.structureProtected) throw hostErrors.accessDenied(where);
        if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
          throw hostErrors.invalidArgument(where, `sheet name ${quote(name)}`);
        }
        if (model.sheets.some((s) => sameName(s.name, name))) {
          throw hostErrors.itemAlreadyExists(where);
        }
        made.sheet = this.context.backend.newSheet(name);
      },
    });
    return new Worksheet(this.context, `${this.path}.add(${quote(name)})`, () => {
      const sheet = made.sheet;
      return sheet && model.sheets.includes(sheet) ? sheet : null;
    });
  }

  override collect(paths: string[]): { commit: () => void; response: unknown } {
    const itemPaths = paths.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    const sheets = this.mustTarget('load');
    const model = this.context.backend.model;
    const items = sheets.map(
      (sheet) =>
        new Worksheet(
          this.context,
          `${this.path}.getItem(${quote(sheet.id)})`,
          () => model.sheets.find((s) => s.id === sheet.id) ?? null,
        ),
    );
    const results = items.map((item) => item.collect(itemPaths));
    return {
      commit: () => {
        results.forEach((r) => r.commit());
        this.loadedItems = items;
      },
      response: results.map((r) => r.response),
    };
  }
}

export class WorksheetProtection extends ClientObject<SheetModel> {
  protected readonly typeName = 'WorksheetProtection';

  get protected(): boolean {
    return this.get('protected') as boolean;
  }

  protected override readScalar(target: SheetModel, prop: string): unknown {
    if (prop === 'protected') return target.protected;
    return super.readScalar(target, prop);
  }
}

export class WorksheetFreezePanes extends ClientObject<SheetModel> {
  protected readonly typeName = 'WorksheetFreezePanes';

  freezeRows(count: number): void {
    this.queueCall('freezeRows', [count], (sheet) => (sheet.freeze = { rows: count, columns: 0 }));
  }

  freezeColumns(count: number): void {
    this.queueCall(
      'freezeColumns',
      [count],
      (sheet) => (sheet.freeze = { rows: 0, columns: count }),
    );
  }

  freezeAt(range: Range): void {
    this.queueCall('freezeAt', [range], (sheet) => {
      const at = range.rectNow();
      if (at.sheet !== sheet) throw hostErrors.invalidArgument(this.path, 'range on another sheet');
      if (at.rect.top !== 0 || at.rect.left !== 0) {
        throw hostErrors.invalidArgument(this.path, 'frozen range must start at A1');
      }
      sheet.freeze = { rows: at.rect.bottom + 1, columns: at.rect.right + 1 };
    });
  }

  unfreeze(): void {
    this.queueCall('unfreeze', [], (sheet) => (sheet.freeze = null));
  }
}

export class PageLayout extends ClientObject<SheetModel> {
  protected readonly typeName = 'PageLayout';

  set orientation(value: string) {
    if (value !== 'Portrait' && value !== 'Landscape') {
      throw hostErrors.invalidArgument(this.path, `orientation ${value}`);
    }
    this.queueSet('orientation', value, (sheet) => (sheet.pageLayout.orientation = value));
  }

  set paperSize(value: string) {
    this.queueSet('paperSize', value, (sheet) => (sheet.pageLayout.paperSize = value));
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.queueSet('zoom', value, (sheet) => (sheet.pageLayout.zoom = { ...value }));
  }

  get orientation(): string {
    return this.get('orientation') as string;
  }

  protected override readScalar(target: SheetModel, prop: string): unknown {
    if (prop === 'orientation') return target.pageLayout.orientation ?? 'Portrait';
    if (prop === 'paperSize') return target.pageLayout.paperSize ?? 'Letter';
    return super.readScalar(target, prop);
  }
}

/** The bounding rectangle of the cells in use, or null for an empty sheet. */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const used = valuesOnly
      ? cell.value !== undefined || cell.formula !== undefined
      : Object.keys(cell).length > 0;
    if (!used) continue;
    const at = parseCell(key)!;
    rect = rect
      ? {
          top: Math.min(rect.top, at.row),
          left: Math.min(rect.left, at.col),
          bottom: Math.max(rect.bottom, at.row),
          right: Math.max(rect.right, at.col),
        }
      : { top: at.row, left: at.col, bottom: at.row, right: at.col };
  }
  return rect;
}

export class Worksheet extends ClientObject<SheetModel> {
  protected readonly typeName = 'Worksheet';
  readonly protection: WorksheetProtection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly pageLayout: PageLayout;

  constructor(
    context: HostRequestContext,
    path: string,
    resolver: () => SheetModel | null,
    nullable = false,
  ) {
    super(context, path, resolver, nullable);
    const sheet = () => this.target();
    this.protection = new WorksheetProtection(context, `${path}.protection`, sheet);
    this.freezePanes = new WorksheetFreezePanes(context, `${path}.freezePanes`, sheet);
    this.pageLayout = new PageLayout(context, `${path}.pageLayout`, sheet);
  }

  get name(): string {
    return this.get('name') as string;
  }
  set name(value: string) {
    this.queueSet('name', value, (sheet) => {
      const model = this.context.backend.model;
      if (model.structureProtected) throw hostErrors.accessDenied(`${this.path}.name`);
      if (model.sheets.some((s) => s !== sheet && sameName(s.name, value))) {
        throw hostErrors.itemAlreadyExists(`${this.path}.name`);
      }
      sheet.name = value;
    });
  }
  get id(): string {
    return this.get('id') as string;
  }
  get position(): number {
    return this.get('position') as number;
  }
  set position(value: number) {
    this.queueSet('position', value, (sheet) => {
      const sheets = this.context.backend.model.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) {
        throw hostErrors.invalidArgument(`${this.path}.position`, `position ${value}`);
      }
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }
  get visibility(): string {
    return this.get('visibility') as string;
  }

  protected override readScalar(target: SheetModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return target.name;
      case 'id':
        return target.id;
      case 'position':
        return this.context.backend.model.sheets.indexOf(target);
      case 'visibility':
        return target.visibility;
      default:
        return super.readScalar(target, prop);
    }
  }

  protected override child(prop: string): ClientObject<unknown> | undefined {
    if (prop === 'protection') return this.protection;
    if (prop === 'pageLayout') return this.pageLayout;
    return undefined;
  }

  private range(path: string, rect: () => Rect | null, nullable = false): Range {
    return new Range(
      this.context,
      `${this.path}.${path}`,
      () => {
        const sheet = this.target();
        if (!sheet) return null;
        const r = rect();
        return r ? { sheet, rect: r } : null;
      },
      nullable,
    );
  }

  getRange(address?: string): Range {
    const rect = address === undefined ? entireSheet() : parseRect(address);
    if (!rect) throw hostErrors.invalidArgument(`${this.path}.getRange`, `address ${address}`);
    return this.range(`getRange(${quote(address ?? '')})`, () => rect);
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): Range {
    const rect = {
      top: row,
      left: column,
      bottom: row + rowCount - 1,
      right: column + columnCount - 1,
    };
    if (
      ![row, column, rowCount, columnCount].every(Number.isInteger) ||
      rowCount < 1 ||
      columnCount < 1 ||
      row < 0 ||
      column < 0 ||
      rect.bottom >= MAX_ROWS ||
      rect.right >= MAX_COLUMNS
    ) {
      throw hostErrors.invalidArgument(`${this.path}.getRangeByIndexes`, 'indexes out of range');
    }
    return this.range(`getRangeByIndexes(${row},${column},${rowCount},${columnCount})`, () => rect);
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /**
   * ExcelApi 1.9. The areas are read when the batch runs, so a bad address fails the sync with
   * InvalidArgument, as in Excel; no address means the whole sheet.
   */
  getRanges(address?: string): RangeAreas {
    const where = `${this.path}.getRanges`;
    const model = this.context.backend.model;
    return new RangeAreas(this.context, `${where}(${quote(address ?? '')})`, () => {
      const sheet = this.target();
      if (!sheet) return null;
      if (address === undefined) return { sheet, areas: [entireSheet()] };
      const separator = this.context.backend.platform.listSeparator;
      return { sheet, areas: areasOf(address, model, where, separator) };
    });
  }

  /** An empty sheet's used range is A1, as in Excel. */
  getUsedRange(valuesOnly = false): Range {
    return this.range(`getUsedRange(${valuesOnly})`, () => {
      const sheet = this.target();
      return (sheet && usedRect(sheet, valuesOnly)) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.range(
      `getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const sheet = this.target();
        return sheet ? usedRect(sheet, valuesOnly) : null;
      },
      true,
    );
  }

  activate(): void {
    this.queueCall('activate', [], (sheet) => {
      if (sheet.visibility !== 'Visible') {
        throw hostErrors.invalidOperation(`${this.path}.activate`, 'the sheet is hidden');
      }
      this.context.backend.model.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.queueCall('delete', [], (sheet) => {
      const model = this.context.backend.model;
      const where = `${this.path}.delete`;
      if (model.structureProtected) throw hostErrors.accessDenied(where);
      const visible = model.sheets.filter((s) => s.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === sheet) {
        throw hostErrors.invalidOperation(where, 'a workbook must keep one visible sheet');
      }
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      const reference = new RegExp(`(^=|[^A-Za-z0-9_])${escapeRegExp(quotedSheet(sheet.name))}!`);
      for (const [name, formula] of Object.entries(model.names)) {
        if (reference.test(formula)) model.names[name] = '=#REF!';
      }
      if (model.activeSheetId === sheet.id) {
        model.activeSheetId = model.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
      }
    });
  }
}

/**
 * Excel documents a limit of 8,192 characters on a getRange / getRanges address (past it the
 * address is cut, which in practice fails as an invalid argument); names of ranges are allowed
 * there too, but this host does not resolve them.
 */
const MAX_ADDRESS_LENGTH = 8192;

function areasOf(
  address: string,
  model: WorkbookModel,
  where: string,
  listSeparator: ',' | ';',
): Rect[] {
  if (typeof address !== 'string' || address.length > MAX_ADDRESS_LENGTH) {
    throw hostErrors.invalidArgument(where, `address of ${String(address).length} characters`);
  }
  // getRanges wants the list separator of the regional settings on desktop, "," on the web
  // (office-js#1167, #1985): the other one is an invalid address.
  const wrong = listSeparator === ',' ? ';' : ',';
  if (address.includes(wrong)) {
    throw hostErrors.invalidArgument(
      where,
      `address ${quote(address)} (list separator "${listSeparator}")`,
    );
  }
  const areas = parseAreas(address);
  if (areas) return areas;
  const parts = address.split(/[,;]/).map((p) => p.trim());
  if (parts.some((p) => findName(model.names, p) !== null)) {
    throw hostErrors.notImplemented('defined names in getRanges');
  }
  throw hostErrors.invalidArgument(where, `address ${quote(address)}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function entireSheet(): Rect {
  return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
}

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** The one-cell rectangle at a cell. */
function corner({ row, col }: { row: number; col: number }): Rect {
  return { top: row, left: col, bottom: row, right: col };
}

function cellAt(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  return sheet.cells[cellKey(row, col)];
}

/** The cell, made if absent; dropped again by `tidy` if it ends up empty. */
function cellFor(sheet: SheetModel, row: number, col: number): CellModel {
  const key = cellKey(row, col);
  return (sheet.cells[key] ??= {});
}

function tidy(sheet: SheetModel, row: number, col: number): void {
  const key = cellKey(row, col);
  const cell = sheet.cells[key];
  if (cell && Object.keys(cell).length === 0) delete sheet.cells[key];
}

function forEachCell(rect: Rect, visit: (row: number, col: number, i: number, j: number) => void) {
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) visit(r, c, r - rect.top, c - rect.left);
  }
}

function grid<V>(rect: Rect, read: (row: number, col: number) => V): V[][] {
  const rows: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: V[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(read(r, c));
    rows.push(row);
  }
  return rows;
}

function displayValue(value: ModelValue | undefined): string | number | boolean {
  if (value === undefined) return '';
  return typeof value === 'object' ? value.error : value;
}

function valueType(value: ModelValue | undefined): string {
  if (value === undefined) return 'Empty';
  if (typeof value === 'object') return 'Error';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

/** Reading a whole column's cells cell by cell would be absurd; the API refuses it too. */
const MAX_CELLS_READ = 5_000_000;

export class Range extends ClientObject<RangeTarget> {
  protected readonly typeName = 'Range';
  readonly format: RangeFormat;

  constructor(
    context: HostRequestContext,
    path: string,
    resolver: () => RangeTarget | null,
    nullable = false,
  ) {
    super(context, path, resolver, nullable);
    this.format = new RangeFormat(context, `${path}.format`, () => {
      const target = this.target();
      return target && { sheet: target.sheet, areas: [target.rect] };
    });
  }

  /** Where this range is at this moment of the batch (for arguments of other actions). */
  rectNow(): RangeTarget {
    return this.mustTarget('resolve');
  }

  get address(): string {
    return this.get('address') as string;
  }
  get values(): unknown[][] {
    return this.get('values') as unknown[][];
  }
  /**
   * A merged area shows its top-left cell; a value written into one of its other cells is dropped
   * by Excel without an error (scripted writes through Range.Value are reported to behave so:
   * sbroenne/mcp-server-excel#831). The host drops it too, and records every non-empty one in
   * ExcelHost.ignoredWrites so that a test sees an adapter writing there.
   */
  set values(rows: unknown[][]) {
    this.queueSet('values', rows, ({ sheet, rect }) => {
      checkShape(rows, rect, `${this.path}.values`);
      ensureWritable(sheet, `${this.path}.values`);
      const covered = coveredCells(sheet, rect);
      forEachCell(rect, (r, c, i, j) => {
        const input = rows[i][j];
        if (input === null || input === undefined) return;
        if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') {
          throw hostErrors.invalidArgument(`${this.path}.values`, `value ${String(input)}`);
        }
        if (covered.has(cellKey(r, c))) {
          if (input !== '') this.context.backend.noteIgnoredWrite(sheet, r, c);
          return;
        }
        applyEntry(cellFor(sheet, r, c), readEntry(input));
        tidy(sheet, r, c);
      });
      this.context.backend.noteChange(sheet, [rect]);
    });
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat') as unknown[][];
  }
  set numberFormat(rows: unknown[][]) {
    this.queueSet('numberFormat', rows, ({ sheet, rect }) => {
      checkShape(rows, rect, `${this.path}.numberFormat`);
      ensureWritable(sheet, `${this.path}.numberFormat`);
      forEachCell(rect, (r, c, i, j) => {
        const format = rows[i][j];
        if (format === null || format === undefined) return;
        if (typeof format !== 'string') {
          throw hostErrors.invalidArgument(`${this.path}.numberFormat`, `format ${String(format)}`);
        }
        const cell = cellFor(sheet, r, c);
        if (format === '' || format === 'General') delete cell.numberFormat;
        else cell.numberFormat = format;
        tidy(sheet, r, c);
      });
      this.context.backend.noteChange(sheet, [rect]);
    });
  }
  get formulas(): unknown[][] {
    return this.get('formulas') as unknown[][];
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes') as string[][];
  }
  get rowCount(): number {
    return this.get('rowCount') as number;
  }
  get columnCount(): number {
    return this.get('columnCount') as number;
  }
  get rowIndex(): number {
    return this.get('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.get('columnIndex') as number;
  }
  set hyperlink(link: {
    documentReference?: string;
    address?: string;
    screenTip?: string;
    textToDisplay?: string;
  }) {
    this.queueSet('hyperlink', link, ({ sheet, rect }) => {
      ensureWritable(sheet, `${this.path}.hyperlink`);
      if (
        link.documentReference !== undefined &&
        !/^.+![A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(link.documentReference)
      ) {
        throw hostErrors.invalidArgument(`${this.path}.hyperlink`, link.documentReference);
      }
      forEachCell(rect, (r, c) => {
        const cell = cellFor(sheet, r, c);
        cell.hyperlink = {
          documentReference: link.documentReference,
          address: link.address,
          screenTip: link.screenTip,
        };
        if (r === rect.top && c === rect.left && link.textToDisplay !== undefined) {
          applyEntry(cell, { kind: 'value', value: link.textToDisplay });
        }
      });
      this.context.backend.noteChange(sheet, [rect]);
    });
  }

  protected override readScalar({ sheet, rect }: RangeTarget, prop: string): unknown {
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    const perCell = ['values', 'numberFormat', 'formulas', 'valueTypes'].includes(prop);
    const nullPast = this.context.backend.platform.nullValuesPastCells;
    // docs/excel/performance.md, office-js#4783: past about 5 million cells Range.values may
    // come back null rather than fail.
    if (perCell && nullPast !== null && cells > nullPast) return null;
    if (perCell && cells > MAX_CELLS_READ) {
      throw new HostApiError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
        this.path,
      );
    }
    switch (prop) {
      case 'address':
        return `${quotedSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'values':
        this.context.backend.noteRead(sheet);
        return grid(rect, (r, c) => displayValue(cellAt(sheet, r, c)?.value));
      case 'valueTypes':
        return grid(rect, (r, c) => valueType(cellAt(sheet, r, c)?.value));
      case 'numberFormat':
        return grid(rect, (r, c) =>
          readBackFormat(
            cellAt(sheet, r, c)?.numberFormat ?? 'General',
            this.context.backend.platform,
          ),
        );
      case 'formulas':
        return grid(rect, (r, c) => {
          const cell = cellAt(sheet, r, c);
          return cell?.formula ?? displayValue(cell?.value);
        });
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      default:
        return super.readScalar({ sheet, rect }, prop);
    }
  }

  protected override child(prop: string): ClientObject<unknown> | undefined {
    return prop === 'format' ? this.format : undefined;
  }

  private derived(path: string, make: (t: RangeTarget) => Rect | null, nullable = false): Range {
    return new Range(
      this.context,
      `${this.path}.${path}`,
      () => {
        const t = this.target();
        if (!t) return null;
        const rect = make(t);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable,
    );
  }

  getCell(row: number, column: number): Range {
    return this.derived(`getCell(${row},${column})`, ({ rect }) => {
      const cell = { top: rect.top + row, left: rect.left + column };
      return { ...cell, bottom: cell.top, right: cell.left };
    });
  }

  getLastCell(): Range {
    return this.derived('getLastCell()', ({ rect }) => ({
      top: rect.bottom,
      left: rect.right,
      bottom: rect.bottom,
      right: rect.right,
    }));
  }

  /** ItemNotFound when the ranges do not meet, as in Excel. */
  getIntersection(other: Range | string): Range {
    const label = typeof other === 'string' ? quote(other) : other.path;
    return this.derived(`getIntersection(${label})`, ({ sheet, rect }) => {
      const with_ = typeof other === 'string' ? parseRect(other) : other.rectNow();
      if (!with_) throw hostErrors.invalidArgument(`${this.path}.getIntersection`, label);
      if ('sheet' in with_ && with_.sheet !== sheet) {
        throw hostErrors.invalidArgument(`${this.path}.getIntersection`, 'another sheet');
      }
      const meet = intersect(rect, 'rect' in with_ ? with_.rect : with_);
      if (!meet) throw hostErrors.itemNotFound(`${this.path}.getIntersection`);
      return meet;
    });
  }

  /**
   * ExcelApi 1.9, only `Formulas` here: the cells of this range that hold a formula, as the
   * rectangles of a RangeAreas; a null object when there are none.
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreas {
    const where = `${this.path}.getSpecialCellsOrNullObject`;
    if (cellType !== 'Formulas' || (cellValueType !== undefined && cellValueType !== 'All')) {
      throw hostErrors.notImplemented(`${where}(${cellType}, ${String(cellValueType)})`);
    }
    this.requireApi('1.9', where);
    return new RangeAreas(
      this.context,
      `${where}(${quote(cellType)})`,
      () => {
        const t = this.target();
        if (!t) return null;
        const cells: { row: number; col: number }[] = [];
        for (const [key, cell] of Object.entries(t.sheet.cells)) {
          const at = parseCell(key)!;
          if (cell.formula !== undefined && contains(t.rect, corner(at))) {
            cells.push(at);
          }
        }
        return cells.length > 0 ? { sheet: t.sheet, areas: toAreas(cells) } : null;
      },
      true,
    );
  }

  /**
   * ExcelApi 1.13: the merged areas whose top-left cell lies in this range, each whole. A merge
   * that only runs into the range from above or from the left is not among them (office-js issue
   * 3611, answered as by design). A null object when there are none. Excel documents that it
   * fails past 512 merged areas, without saying how: here, a GeneralException.
   */
  getMergedAreasOrNullObject(): RangeAreas {
    const where = `${this.path}.getMergedAreasOrNullObject`;
    this.requireApi('1.13', where);
    return new RangeAreas(
      this.context,
      `${where}()`,
      () => {
        const t = this.target();
        if (!t) return null;
        const areas = t.sheet.merges
          .map((m) => parseRect(m)!)
          .filter((m) => contains(t.rect, corner({ row: m.top, col: m.left })));
        if (areas.length > MAX_MERGED_AREAS) {
          throw new HostApiError(
            'GeneralException',
            `There are ${areas.length} merged areas in the range; at most ${MAX_MERGED_AREAS} can be returned.`,
            where,
          );
        }
        return areas.length > 0 ? { sheet: t.sheet, areas } : null;
      },
      true,
    );
  }

  /** An API past the host's requirement set: the sync that sends the call fails, as in Excel. */
  private requireApi(version: string, where: string): void {
    if (this.context.backend.supports(version)) return;
    this.context.enqueue({
      json: { path: this.path, action: 'call', name: where.slice(where.lastIndexOf('.') + 1) },
      run: () => {
        throw hostErrors.apiNotFound(where, version);
      },
    });
  }

  merge(across = false): void {
    this.queueCall('merge', [across], ({ sheet, rect }) => {
      ensureWritable(sheet, `${this.path}.merge`);
      const rows = across
        ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({
            ...rect,
            top: rect.top + i,
            bottom: rect.top + i,
          }))
        : [rect];
      for (const m of rows) {
        const kept: string[] = [];
        for (const existing of sheet.merges) {
          const e = parseRect(existing)!;
          if (contains(m, e)) continue;
          if (intersect(m, e)) {
            throw hostErrors.invalidOperation(`${this.path}.merge`, `overlaps merged ${existing}`);
          }
          kept.push(existing);
        }
        // Excel keeps the top-left value and drops the others.
        forEachCell(m, (r, c) => {
          if (r === m.top && c === m.left) return;
          const cell = cellAt(sheet, r, c);
          if (cell) {
            delete cell.value;
            delete cell.formula;
            tidy(sheet, r, c);
          }
        });
        kept.push(rectAddress(m));
        sheet.merges = kept;
      }
    });
  }

  select(): void {
    this.queueCall('select', [], ({ sheet, rect }) => {
      if (this.context.backend.model.activeSheetId !== sheet.id) {
        throw hostErrors.invalidSelection(`${this.path}.select`);
      }
      this.context.backend.select(sheet, rect);
    });
  }
}

/**
 * Several rectangles of one sheet (Worksheet.getRanges, Range.getSpecialCellsOrNullObject,
 * Range.getMergedAreasOrNullObject): formats set on it apply to each; `areas` lists them.
 */
export class RangeAreas extends ClientObject<FormatTarget> {
  protected readonly typeName = 'RangeAreas';
  readonly format: RangeFormat;
  readonly areas: RangeCollection;

  constructor(
    context: HostRequestContext,
    path: string,
    resolver: () => FormatTarget | null,
    nullable = false,
  ) {
    super(context, path, resolver, nullable);
    this.format = new RangeFormat(context, `${path}.format`, () => this.target());
    this.areas = new RangeCollection(context, `${path}.areas`, () => this.target());
  }

  get address(): string {
    return this.get('address') as string;
  }
  get areaCount(): number {
    return this.get('areaCount') as number;
  }
  get cellCount(): number {
    return this.get('cellCount') as number;
  }

  protected override readScalar({ sheet, areas }: FormatTarget, prop: string): unknown {
    switch (prop) {
      case 'address':
        return this.context.backend.areasAddress(
          areas.map((r) => `${quotedSheet(sheet.name)}!${rectAddress(r)}`).join(', '),
        );
      case 'areaCount':
        return areas.length;
      case 'cellCount':
        return areas.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
      default:
        return super.readScalar({ sheet, areas }, prop);
    }
  }

  protected override child(prop: string): ClientObject<unknown> | undefined {
    if (prop === 'format') return this.format;
    if (prop === 'areas') return this.areas;
    return undefined;
  }
}

/** The rectangles of a RangeAreas, each a Range (`RangeAreas.areas`, ExcelApi 1.9). */
export class RangeCollection extends ClientObject<FormatTarget> {
  protected readonly typeName = 'RangeCollection';
  private loadedItems: Range[] | undefined;

  get items(): Range[] {
    if (!this.loadedItems) throw hostErrors.propertyNotLoaded(this.typeName, 'items');
    return this.loadedItems;
  }

  getItemAt(index: number): Range {
    return new Range(this.context, `${this.path}.getItemAt(${index})`, () => {
      const target = this.target();
      const rect = target?.areas[index];
      return target && rect ? { sheet: target.sheet, rect } : null;
    });
  }

  override collect(paths: string[]): { commit: () => void; response: unknown } {
    const itemPaths = paths.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    const items = this.mustTarget('load').areas.map((_, i) => this.getItemAt(i));
    const results = items.map((item) => item.collect(itemPaths));
    return {
      commit: () => {
        results.forEach((r) => r.commit());
        this.loadedItems = items;
      },
      response: results.map((r) => r.response),
    };
  }
}

/** Cells as rectangles: runs down each column, joined with the same run in the next column. */
function toAreas(cells: { row: number; col: number }[]): Rect[] {
  const runs: Rect[] = [];
  for (const { row, col } of [...cells].sort((a, b) => a.col - b.col || a.row - b.row)) {
    const last = runs[runs.length - 1];
    if (last && last.left === col && last.bottom === row - 1) last.bottom = row;
    else runs.push({ top: row, left: col, bottom: row, right: col });
  }
  const open = new Map<string, Rect>();
  const areas: Rect[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}:${run.left - 1}`;
    const area = open.get(key);
    if (area) {
      open.delete(key);
      area.right = run.right;
      open.set(`${area.top}:${area.bottom}:${area.right}`, area);
    } else {
      areas.push(run);
      open.set(`${run.top}:${run.bottom}:${run.right}`, run);
    }
  }
  return areas;
}

/** The cells of `rect` covered by a merge: every cell of a merged area but its top-left one. */
function coveredCells(sheet: SheetModel, rect: Rect): Set<string> {
  const covered = new Set<string>();
  for (const address of sheet.merges) {
    const merge = parseRect(address)!;
    const meet = intersect(merge, rect);
    if (!meet) continue;
    forEachCell(meet, (r, c) => {
      if (r !== merge.top || c !== merge.left) covered.add(cellKey(r, c));
    });
  }
  return covered;
}

/** Excel documents that getMergedAreasOrNullObject fails past this many merged areas. */
const MAX_MERGED_AREAS = 512;

function checkShape(rows: unknown[][], rect: Rect, where: string): void {
  const height = rect.bottom - rect.top + 1;
  const width = rect.right - rect.left + 1;
  if (
    !Array.isArray(rows) ||
    rows.length !== height ||
    rows.some((row) => !Array.isArray(row) || row.length !== width)
  ) {
    throw hostErrors.invalidArgument(
      where,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${height}×${width}).`,
    );
  }
}

/**
 * What a format object acts on: the one rectangle of a Range, or every area of a RangeAreas
 * ("setting a property on a RangeAreas sets it on all the ranges in its areas", Office docs).
 */
interface FormatTarget {
  sheet: SheetModel;
  areas: Rect[];
}

/** Format objects act on every cell of their range or ranges. */
abstract class RangePart extends ClientObject<FormatTarget> {
  protected writeCells(where: string, value: unknown, apply: (cell: CellModel) => void): void {
    this.queueSet(where, value, ({ sheet, areas }) => {
      ensureWritable(sheet, `${this.path}.${where}`);
      for (const rect of areas) {
        forEachCell(rect, (r, c) => {
          apply(cellFor(sheet, r, c));
          tidy(sheet, r, c);
        });
      }
      // Format changes raise onChanged too (docs/excel/excel-add-ins-events.md).
      this.context.backend.noteChange(sheet, areas);
    });
  }

  /** The value all cells share, or null when they differ (as Office returns). */
  protected common<V>({ sheet, areas }: FormatTarget, read: (cell: CellModel | undefined) => V) {
    const seen = new Set<V>();
    for (const rect of areas) forEachCell(rect, (r, c) => seen.add(read(cellAt(sheet, r, c))));
    return seen.size === 1 ? [...seen][0] : null;
  }
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;

function checkColor(value: string, where: string): string {
  if (!COLOR.test(value)) throw hostErrors.invalidArgument(where, `colour ${value}`);
  return value.toUpperCase();
}

export class RangeFill extends RangePart {
  protected readonly typeName = 'RangeFill';

  get color(): string {
    return this.get('color') as string;
  }
  set color(value: string) {
    const color = checkColor(value, `${this.path}.color`);
    this.writeCells('color', color, (cell) => (cell.fill = color));
  }

  clear(): void {
    this.writeCells('clear', null, (cell) => delete cell.fill);
  }

  protected override readScalar(target: FormatTarget, prop: string): unknown {
    if (prop === 'color') return this.common(target, (cell) => cell?.fill ?? '#FFFFFF');
    return super.readScalar(target, prop);
  }
}

export class RangeFont extends RangePart {
  protected readonly typeName = 'RangeFont';

  get color(): string {
    return this.get('color') as string;
  }
  /** A blank colour resets the font to automatic (Office's rule for blank property values). */
  set color(value: string) {
    if (value === '') {
      this.writeCells('color', value, (cell) => {
        const { color: _automatic, ...font } = cell.font ?? {};
        if (Object.keys(font).length > 0) cell.font = font;
        else delete cell.font;
      });
      return;
    }
    const color = checkColor(value, `${this.path}.color`);
    this.writeCells('color', color, (cell) => (cell.font = { ...cell.font, color }));
  }
  set bold(value: boolean) {
    this.writeCells('bold', value, (cell) => (cell.font = { ...cell.font, bold: value }));
  }
  set italic(value: boolean) {
    this.writeCells('italic', value, (cell) => (cell.font = { ...cell.font, italic: value }));
  }
  set size(value: number) {
    if (!(value >= 1 && value <= 409)) throw hostErrors.invalidArgument(this.path, `size ${value}`);
    this.writeCells('size', value, (cell) => (cell.font = { ...cell.font, size: value }));
  }

  protected override readScalar(target: FormatTarget, prop: string): unknown {
    switch (prop) {
      case 'color':
        return this.common(target, (cell) => cell?.font?.color ?? '#000000');
      case 'bold':
        return this.common(target, (cell) => cell?.font?.bold ?? false);
      case 'italic':
        return this.common(target, (cell) => cell?.font?.italic ?? false);
      case 'size':
        return this.common(target, (cell) => cell?.font?.size ?? 11);
      default:
        return super.readScalar(target, prop);
    }
  }
}

const EDGES: Record<string, (rect: Rect, r: number, c: number) => BorderEdge[]> = {
  EdgeTop: (rect, r) => (r === rect.top ? ['top'] : []),
  EdgeBottom: (rect, r) => (r === rect.bottom ? ['bottom'] : []),
  EdgeLeft: (rect, _r, c) => (c === rect.left ? ['left'] : []),
  EdgeRight: (rect, _r, c) => (c === rect.right ? ['right'] : []),
  InsideHorizontal: (rect, r) => [
    ...(r > rect.top ? (['top'] as const) : []),
    ...(r < rect.bottom ? (['bottom'] as const) : []),
  ],
  InsideVertical: (rect, _r, c) => [
    ...(c > rect.left ? (['left'] as const) : []),
    ...(c < rect.right ? (['right'] as const) : []),
  ],
};

const BORDER_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
];

/** An edge of a RangeAreas is that edge of each of its areas. */
export class RangeBorder extends ClientObject<FormatTarget> {
  protected readonly typeName = 'RangeBorder';

  constructor(
    context: HostRequestContext,
    path: string,
    resolver: () => FormatTarget | null,
    private readonly edge: string,
  ) {
    super(context, path, resolver);
  }

  set style(value: string) {
    if (!BORDER_STYLES.includes(value))
      throw hostErrors.invalidArgument(this.path, `style ${value}`);
    this.queueSet('style', value, ({ sheet, areas }) => {
      ensureWritable(sheet, `${this.path}.style`);
      for (const rect of areas) {
        forEachCell(rect, (r, c) => {
          const edges = EDGES[this.edge](rect, r, c);
          if (edges.length === 0) return;
          const cell = cellFor(sheet, r, c);
          const borders = { ...cell.borders };
          for (const edge of edges) {
            if (value === 'None') delete borders[edge];
            else borders[edge] = value;
          }
          if (Object.keys(borders).length > 0) cell.borders = borders;
          else delete cell.borders;
          tidy(sheet, r, c);
        });
      }
      this.context.backend.noteChange(sheet, areas);
    });
  }
}

export class RangeBorderCollection extends ClientObject<FormatTarget> {
  protected readonly typeName = 'RangeBorderCollection';

  getItem(edge: string): RangeBorder {
    if (!(edge in EDGES)) throw hostErrors.notImplemented(`border ${edge}`);
    return new RangeBorder(
      this.context,
      `${this.path}.getItem(${quote(edge)})`,
      () => this.target(),
      edge,
    );
  }
}

const HORIZONTAL = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class RangeFormat extends RangePart {
  protected readonly typeName = 'RangeFormat';
  readonly fill: RangeFill;
  readonly font: RangeFont;
  readonly borders: RangeBorderCollection;

  constructor(context: HostRequestContext, path: string, resolver: () => FormatTarget | null) {
    super(context, path, resolver);
    this.fill = new RangeFill(context, `${path}.fill`, resolver);
    this.font = new RangeFont(context, `${path}.font`, resolver);
    this.borders = new RangeBorderCollection(context, `${path}.borders`, resolver);
  }

  get columnWidth(): number {
    return this.get('columnWidth') as number;
  }
  set columnWidth(points: number) {
    if (!(points >= 0 && points <= 1800)) {
      throw hostErrors.invalidArgument(`${this.path}.columnWidth`, `width ${points}`);
    }
    this.queueSet('columnWidth', points, ({ sheet, areas }) => {
      ensureWritable(sheet, `${this.path}.columnWidth`);
      for (const rect of areas) {
        for (let c = rect.left; c <= rect.right; c++) {
          sheet.columnWidths[c] = pointsToCharacters(points);
        }
      }
    });
  }
  set wrapText(value: boolean) {
    this.writeCells('wrapText', value, (cell) => (cell.wrap = value));
  }
  set horizontalAlignment(value: string) {
    if (!HORIZONTAL.includes(value))
      throw hostErrors.invalidArgument(this.path, `alignment ${value}`);
    this.writeCells('horizontalAlignment', value, (cell) => (cell.horizontal = value));
  }
  set verticalAlignment(value: string) {
    if (!VERTICAL.includes(value))
      throw hostErrors.invalidArgument(this.path, `alignment ${value}`);
    this.writeCells('verticalAlignment', value, (cell) => (cell.vertical = value));
  }

  protected override readScalar(target: FormatTarget, prop: string): unknown {
    if (prop === 'columnWidth') {
      const chars = target.sheet.columnWidths[target.areas[0].left];
      return charactersToPoints(chars ?? DEFAULT_COLUMN_CHARACTERS);
    }
    if (prop === 'wrapText') return this.common(target, (cell) => cell?.wrap ?? false);
    return super.readScalar(target, prop);
  }

  protected override child(prop: string): ClientObject<unknown> | undefined {
    if (prop === 'fill') return this.fill;
    if (prop === 'font') return this.font;
    return undefined;
  }
}

/** Excel's default column: 8.43 characters of text plus padding, as the file stores it. */
const DEFAULT_COLUMN_CHARACTERS = 9.140625;

// ---------------------------------------------------------------------------------------------
// Defined names

interface NameTarget {
  names: Record<string, string>;
  name: string;
}

function findName(names: Record<string, string>, key: string): string | null {
  return Object.keys(names).find((n) => sameName(n, key)) ?? null;
}

export class NamedItem extends ClientObject<NameTarget> {
  protected readonly typeName = 'NamedItem';

  get name(): string {
    return this.get('name') as string;
  }
  get formula(): string {
    return this.get('formula') as string;
  }
  get type(): string {
    return this.get('type') as string;
  }

  protected override readScalar({ names, name }: NameTarget, prop: string): unknown {
    switch (prop) {
      case 'name':
        return name;
      case 'formula':
        return names[name];
      case 'type':
        return /!/.test(names[name]) ? 'Range' : 'String';
      case 'visible':
        return true;
      default:
        return super.readScalar({ names, name }, prop);
    }
  }

  delete(): void {
    this.queueCall('delete', [], ({ names, name }) => {
      if (this.context.backend.model.structureProtected) {
        throw hostErrors.accessDenied(`${this.path}.delete`);
      }
      delete names[name];
    });
  }
}

export class NamedItemCollection extends ClientObject<Record<string, string>> {
  protected readonly typeName = 'NamedItemCollection';
  private loadedItems: NamedItem[] | undefined;

  constructor(context: HostRequestContext, parent: string) {
    super(context, `${parent}.names`, () => context.backend.model.names);
  }

  get items(): NamedItem[] {
    if (!this.loadedItems) throw hostErrors.propertyNotLoaded(this.typeName, 'items');
    return this.loadedItems;
  }

  private item(path: string, key: string, nullable: boolean): NamedItem {
    const names = this.context.backend.model.names;
    return new NamedItem(
      this.context,
      `${this.path}.${path}`,
      () => {
        const name = findName(names, key);
        return name === null ? null : { names, name };
      },
      nullable,
    );
  }

  getItem(name: string): NamedItem {
    return this.item(`getItem(${quote(name)})`, name, false);
  }

  getItemOrNullObject(name: string): NamedItem {
    return this.item(`getItemOrNullObject(${quote(name)})`, name, true);
  }

  add(name: string, reference: string, comment?: string): NamedItem {
    this.queueCall('add', [name, reference, comment ?? null], (names) => {
      const where = `${this.path}.add`;
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || parseCell(name)) {
        throw hostErrors.invalidArgument(where, `name ${name}`);
      }
      if (findName(names, name) !== null) throw hostErrors.itemAlreadyExists(where);
      if (typeof reference !== 'string' || !reference.startsWith('=')) {
        throw hostErrors.invalidArgument(where, `reference ${String(reference)}`);
      }
      names[name] = reference;
    });
    return this.getItem(name);
  }

  override collect(paths: string[]): { commit: () => void; response: unknown } {
    const itemPaths = paths.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    const names = this.mustTarget('load');
    const items = Object.keys(names).map((name) => this.getItem(name));
    const results = items.map((item) => item.collect(itemPaths));
    return {
      commit: () => {
        results.forEach((r) => r.commit());
        this.loadedItems = items;
      },
      response: results.map((r) => r.response),
    };
  }
}

/** A number format as Range.numberFormat reads it back (HostPlatform.numberFormatReadBack). */
function readBackFormat(format: string, platform: HostPlatform): string {
  if (platform.numberFormatReadBack !== 'localized' || format === 'General') return format;
  return format
    .replace(/[.,]/g, (sep) => (sep === '.' ? ',' : '.'))
    .replace(/(^|;)([+-])/g, '$1\\$2');
}
