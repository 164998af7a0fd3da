// Live mode: while on, a change on a report sheet re-evaluates, once the edits pause.
import { useEffect } from 'react';
import { watchReportSheets } from '../workbook/office/actions';

/** Typing a figure fires several change events; wait until they pause. */
export const LIVE_DEBOUNCE_MS = 800;

/**
 * @param reevaluate runs one evaluation; resolves false when another action was running, in
 *   which case the change is retried after the next pause.
 */
export function useLiveMode(
  enabled: boolean,
  reevaluate: () => Promise<boolean>,
  onError: (error: unknown) => void,
  onStopped: () => void,
): void {
  useEffect(() => {
    if (!enabled) return;
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => Promise<void>) | null = null;

    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        if (disposed) return;
        if (!(await reevaluate()) && !disposed) schedule();
      }, LIVE_DEBOUNCE_MS);
    };

    watchReportSheets(schedule).then(
      (stop) => {
        if (disposed) void stop().catch(onError);
        else unsubscribe = stop;
      },
      (error) => {
        onError(error);
        onStopped();
      },
    );
    // Switching live mode on brings the results up to date at once.
    void reevaluate();

    return () => {
      disposed = true;
      clearTimeout(timer);
      if (unsubscribe) void unsubscribe().catch(onError);
    };
  }, [enabled, reevaluate, onError, onStopped]);
}
