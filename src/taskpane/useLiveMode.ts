// Live mode: while on, a change on a report sheet re-evaluates, once the edits pause.
import { useEffect } from 'react';
import { startLiveMode } from '../workbook/office/live';

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
    return startLiveMode({ reevaluate, debounceMs: LIVE_DEBOUNCE_MS, onError, onStopped });
  }, [enabled, reevaluate, onError, onStopped]);
}
