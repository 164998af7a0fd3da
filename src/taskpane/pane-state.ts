// The pane's state machine: what is running, the last outcome, and the notice to show.
import type { Localized } from '../catalogue/types';
import type { ActionOutcome, Progress } from '../workbook/office/actions';

export type PaneAction =
  'evaluate' | 'summarize' | 'live' | 'clear' | 'insertTemplate' | 'insertPlan';

export interface Notice {
  intent: 'success' | 'error';
  text: Localized;
}

export interface PaneState {
  busy: { action: PaneAction; progress: Progress | null } | null;
  /** The last evaluation shown in the list; null before the first one and after clear. */
  outcome: ActionOutcome | null;
  notice: Notice | null;
}

export type PaneEvent =
  | { type: 'start'; action: PaneAction }
  | { type: 'progress'; progress: Progress }
  | { type: 'evaluated'; outcome: ActionOutcome; notice: Notice | null }
  | { type: 'cleared'; notice: Notice }
  | { type: 'done'; notice: Notice }
  | { type: 'failed'; notice: Notice }
  | { type: 'dismiss' };

export const INITIAL_PANE_STATE: PaneState = { busy: null, outcome: null, notice: null };

export function reducePane(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'start':
      return { ...state, busy: { action: event.action, progress: null }, notice: null };
    case 'progress':
      return state.busy ? { ...state, busy: { ...state.busy, progress: event.progress } } : state;
    case 'evaluated':
      return { busy: null, outcome: event.outcome, notice: event.notice };
    case 'cleared':
      return { busy: null, outcome: null, notice: event.notice };
    case 'done':
    case 'failed':
      return { ...state, busy: null, notice: event.notice };
    case 'dismiss':
      return { ...state, notice: null };
  }
}
