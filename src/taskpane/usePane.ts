// The pane's commands: each runs one workbook action, one at a time, and reports through the
// reducer. Office.js is reached only through src/workbook/office/actions.ts.
import { useCallback, useReducer, useRef } from 'react';
import type { Lang, Localized } from '../catalogue/types';
import {
  clearInExcel,
  evaluateInExcel,
  insertPlanSheetInExcel,
  insertTemplateInExcel,
  selectCellInExcel,
  type ActionOutcome,
} from '../workbook/office/actions';
import { errorText } from './error-text';
import { busyAnnouncement, outcomeAnnouncement } from './announcements';
import { PLAN_STRINGS } from './plan-strings';
import {
  INITIAL_PANE_STATE,
  reducePane,
  type Notice,
  type PaneAction,
  type PaneEvent,
} from './pane-state';
import { STRINGS, type PaneStrings } from './strings';
import type { CellTarget } from './view-model';

function inBothLanguages(text: (s: PaneStrings) => string): Localized {
  return { vi: text(STRINGS.vi), en: text(STRINGS.en) };
}

/**
 * A plain evaluation needs no message: the counts' heading says when and how much it evaluated
 * and the live region says the outcome. A summary sheet is worth a visible line, and so is what
 * went wrong without costing a result (the summary's layout).
 */
function evaluationNotice(outcome: ActionOutcome): Notice | null {
  const sheet = outcome.summarySheet;
  const notes = outcome.notes ?? [];
  if (!sheet && notes.length === 0) return null;
  const text = inBothLanguages((s) => (sheet ? s.summaryWritten(sheet) : ''));
  for (const note of notes) {
    text.vi = `${text.vi} ${note.vi}`.trim();
    text.en = `${text.en} ${note.en}`.trim();
  }
  return { intent: 'success', text };
}

export function usePane(lang: Lang) {
  const [state, dispatch] = useReducer(reducePane, INITIAL_PANE_STATE);
  const running = useRef(false);
  const langRef = useRef(lang);
  langRef.current = lang;

  /** Runs one action unless another is running; resolves to whether it ran. */
  const run = useCallback(
    async (action: PaneAction, work: () => Promise<PaneEvent>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      dispatch({
        type: 'start',
        action,
        announcement: action === 'live' ? null : busyAnnouncement(action),
      });
      try {
        dispatch(await work());
      } catch (error) {
        dispatch({ type: 'failed', notice: { intent: 'error', text: errorText(error) } });
      } finally {
        running.current = false;
      }
      return true;
    },
    [],
  );

  const evaluate = useCallback(
    (mode: 'evaluate' | 'summarize' | 'live') =>
      run(mode, async () => {
        const outcome = await evaluateInExcel({
          summary: mode === 'summarize',
          live: mode === 'live',
          lang: langRef.current,
          onProgress: (progress) => dispatch({ type: 'progress', progress }),
        });
        return {
          type: 'evaluated',
          outcome,
          notice: mode === 'live' ? null : evaluationNotice(outcome),
          announcement: outcomeAnnouncement(outcome, mode === 'live'),
          at: new Date(),
        };
      }),
    [run],
  );

  const clear = useCallback(
    () =>
      run('clear', async () => {
        await clearInExcel();
        return {
          type: 'cleared',
          notice: { intent: 'success', text: inBothLanguages((s) => s.cleared) },
        };
      }),
    [run],
  );

  const insertTemplate = useCallback(
    () =>
      run('insertTemplate', async () => {
        const sheet = await insertTemplateInExcel(langRef.current);
        return {
          type: 'done',
          notice: { intent: 'success', text: inBothLanguages((s) => s.templateInserted(sheet)) },
        };
      }),
    [run],
  );

  const insertPlan = useCallback(
    () =>
      run('insertPlan', async () => {
        const sheet = await insertPlanSheetInExcel(langRef.current);
        const text = {
          vi: PLAN_STRINGS.vi.planInserted(sheet),
          en: PLAN_STRINGS.en.planInserted(sheet),
        };
        return { type: 'done', notice: { intent: 'success', text } };
      }),
    [run],
  );

  const selectCell = useCallback(async (target: CellTarget) => {
    try {
      await selectCellInExcel(target.sheet, target.cell);
    } catch (error) {
      dispatch({ type: 'failed', notice: { intent: 'error', text: errorText(error) } });
    }
  }, []);

  const reportError = useCallback((error: unknown) => {
    dispatch({ type: 'failed', notice: { intent: 'error', text: errorText(error) } });
  }, []);

  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss' }), []);

  return {
    state,
    evaluate,
    clear,
    insertTemplate,
    insertPlan,
    selectCell,
    reportError,
    dismissNotice,
  };
}
