/**
 * WorksheetCollection.onChanged for the in-memory host: which changes raise an event, what the
 * event says, and when it reaches the handlers. Excel raises it for the user's edits and for the
 * add-in's own writes, formats included ("Office Add-in (JavaScript) code that changes the
 * workbook", docs/excel/excel-add-ins-events.md); `context.runtime.enableEvents = false` turns
 * events off for the add-in (ExcelApi 1.8, same doc, "Enable and disable events"); ExcelApi 1.14
 * says who caused it (`triggerSource`, Excel.EventTriggerSource). A multi-area change is one
 * event whose address lists the areas with "," (office-js#1985).
 */
import { rectAddress, type Rect } from './a1';
import type { HostPlatform } from './platform';

export interface ChangeEvent {
  type: 'WorksheetChanged';
  changeType: 'RangeEdited';
  source: 'Local' | 'Remote';
  worksheetId: string;
  address: string;
  /** ExcelApi 1.14 only. */
  triggerSource?: 'ThisLocalAddin' | 'Unknown';
}

type Handler = (event: ChangeEvent) => Promise<unknown>;

export class ChangeEvents {
  private readonly handlers = new Map<number, Handler>();
  private nextId = 1;
  private pending: ChangeEvent[] = [];
  /** `context.runtime.enableEvents`, shared by every context of the add-in. */
  enabled = true;
  /** Every event raised, delivered or not (what a test inspects). */
  readonly raised: ChangeEvent[] = [];

  constructor(
    private readonly platform: () => HostPlatform,
    private readonly hasApi: (version: string) => boolean,
  ) {}

  get count(): number {
    return this.handlers.size;
  }

  add(handler: Handler): number {
    const id = this.nextId++;
    this.handlers.set(id, handler);
    return id;
  }

  remove(id: number): boolean {
    return this.handlers.delete(id);
  }

  /** A change to `areas` of a sheet, by the add-in (`own`) or by the user. */
  note(worksheetId: string, areas: Rect[], own: boolean): void {
    const platform = this.platform();
    if (own && platform.raisesEventsForOwnWrites === 'never') return;
    // Events off hold back every event for this add-in, the user's too (the docs' warning).
    if (!this.enabled && !(own && platform.raisesEventsForOwnWrites === 'always')) return;
    const event: ChangeEvent = {
      type: 'WorksheetChanged',
      changeType: 'RangeEdited',
      source: 'Local',
      worksheetId,
      address: areas.map(rectAddress).join(','),
    };
    if (platform.triggerSource && this.hasApi('1.14')) {
      event.triggerSource = own ? 'ThisLocalAddin' : 'Unknown';
    }
    this.raised.push(event);
    this.pending.push(event);
  }

  /**
   * Hands the pending events to the handlers: at once (before the add-in's sync resolves) or
   * after the current task (after it resolves).
   */
  deliver(when: 'now' | 'later'): void {
    const events = this.pending;
    this.pending = [];
    if (events.length === 0 || this.handlers.size === 0) return;
    const handlers = [...this.handlers.values()];
    const send = () => {
      for (const event of events) for (const handler of handlers) void handler(event);
    };
    if (when === 'now') send();
    else setTimeout(send, 0);
  }
}
