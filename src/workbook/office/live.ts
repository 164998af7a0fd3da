/**
 * Live mode's timing (SPEC §5): after someone else's change, wait until the edits pause, then
 * re-evaluate once; one evaluation at a time; a change that came in meanwhile, or an evaluation
 * that could not run (another action, the user typing), is evaluated at the next pause. Changes
 * that turn out to be the add-in's own by then start nothing (./own-writes).
 */
import { watchReportSheets } from './actions';
import { hasPendingChanges } from './own-writes';

export interface LiveModeOptions {
  /** Runs one evaluation; resolves false when it could not run now (another action was running). */
  reevaluate: () => Promise<boolean>;
  /** Typing a figure fires several change events; wait this long after the last. */
  debounceMs: number;
  onError: (error: unknown) => void;
  /** Live mode could not start (events unavailable). */
  onStopped: () => void;
}

/** Starts live mode; returns the function that stops it. Evaluates once at once. */
export function startLiveMode(options: LiveModeOptions): () => void {
  const { reevaluate, debounceMs, onError, onStopped } = options;
  let disposed = false;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => Promise<void>) | null = null;

  const schedule = () => {
    if (disposed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void fire(), debounceMs);
  };

  const run = async (): Promise<boolean> => {
    running = true;
    try {
      return await reevaluate();
    } catch (error) {
      onError(error);
      return true;
    } finally {
      running = false;
    }
  };

  const fire = async () => {
    if (disposed || !hasPendingChanges()) return;
    if (running) return schedule();
    const ran = await run();
    if (!ran || hasPendingChanges()) schedule();
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
  void run();

  return () => {
    disposed = true;
    clearTimeout(timer);
    if (unsubscribe) void unsubscribe().catch(onError);
  };
}
