// What a ribbon command reports to its result dialog, carried in the dialog's URL (the dialog is
// a separate page; the query string is the simplest channel every Office version supports).
import type { Lang } from '../catalogue/types';
import { STATUSES, type Status } from '../engine/types';

export type RibbonCommand = 'evaluate' | 'summarize';

export type CommandReport =
  | {
      command: RibbonCommand;
      lang: Lang;
      ok: true;
      counts: Record<Status, number>;
      units: number;
      summarySheet: string | null;
    }
  | { command: RibbonCommand; lang: Lang; ok: false; error: string };

const PARAM = 'report';

export function reportToQuery(report: CommandReport): string {
  return new URLSearchParams({ [PARAM]: JSON.stringify(report) }).toString();
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Reads the report back from a query string; null when it is absent or malformed. */
export function reportFromQuery(search: string): CommandReport | null {
  const raw = new URLSearchParams(search).get(PARAM);
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const r = data as Record<string, unknown>;
  const command = r.command === 'evaluate' || r.command === 'summarize' ? r.command : null;
  const lang = r.lang === 'vi' || r.lang === 'en' ? r.lang : null;
  if (!command || !lang) return null;
  if (r.ok === false && typeof r.error === 'string') {
    return { command, lang, ok: false, error: r.error };
  }
  const counts = r.counts as Record<string, unknown> | undefined;
  if (r.ok !== true || !counts || !STATUSES.every((s) => isCount(counts[s])) || !isCount(r.units)) {
    return null;
  }
  const summarySheet = typeof r.summarySheet === 'string' ? r.summarySheet : null;
  return {
    command,
    lang,
    ok: true,
    counts: Object.fromEntries(STATUSES.map((s) => [s, counts[s] as number])) as Record<
      Status,
      number
    >,
    units: r.units,
    summarySheet,
  };
}
