/** What every Office.js step of an action shares: counting round trips, and feature checks. */

/** Counts the round trips of one action; ActionOutcome.syncs reports it. */
export class SyncCounter {
  count = 0;

  async sync(context: Excel.RequestContext): Promise<void> {
    this.count++;
    await context.sync();
  }
}

/** Whether Excel has the ExcelApi requirement set; true outside Office (tests build plans). */
export function supportsExcelApi(version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}
