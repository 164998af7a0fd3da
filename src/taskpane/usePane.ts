// The pane's commands: each runs one workbook action, one at a time, and reports through the
// reducer. Office.js is reached only through src/workbook/office/actions.ts.
import { useCallback, useReducer, useRef } from 'react';
import type { Lang, Localized } from '../catalogue/types';
import {
  clearInExcel,
  evaluateInExcel,
  insertTemplateInExcel,
  selectCellInExcel,
  type ActionOutcome,
} from '../workbook/office/actions';
import { errorText } from './error-text';
import { INITIAL_PANE_STATE, reducePane, type PaneAction, type PaneEvent } from './pane-state';
import { STRINGS, type PaneStrings } from './strings';
import type { CellTarget } from './view-model';

function inBothLanguages(text: (s: PaneStrings) => string): Localized {
  return { vi: text(STRINGS.vi), en: text(STRINGS.en) };
}

function evaluationNotice(outcome: ActionOutcome): Localized {
  const units = outcome.evaluation.units.length;
  const rules = outcome.evaluation.units.reduce((n, u) => n + u.results.length, 0);
  const text = inBothLanguages((s) =>
    outcome.summarySheet
      ? `${s.evaluated(units, rules)} ${s.summaryWritten(outcome.summarySheet)}`
      : s.evaluated(units, rules),
  );
  // What went wrong without costing a result (the summary's layout) is said too.
  for (const note of outcome.notes ?? []) {
    text.vi = `${text.vi} ${note.vi}`;
    text.en = `${text.en} ${note.en}`;
  }
  return text;
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
      dispatch({ type: 'start', action });
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
        const notice =
          mode === 'live' ? null : { intent: 'success' as const, text: evaluationNotice(outcome) };
        return { type: 'evaluated', outcome, notice };
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

  return { state, evaluate, clear, insertTemplate, selectCell, reportError, dismissNotice };
}
