// The pane's state machine: what is running, the last outcome, the notice to show, and what the
// live region says.
import type { Localized } from '../catalogue/types';
import type { ActionOutcome, Progress } from '../workbook/office/actions';

export type PaneAction = 'evaluate' | 'summarize' | 'live' | 'clear' | 'insertTemplate';

export interface Notice {
  intent: 'success' | 'error';
  text: Localized;
}

/** A sentence for screen readers; `seq` tells a repeated sentence from the one before. */
export interface Announcement {
  text: Localized;
  seq: number;
}

export interface PaneState {
  busy: { action: PaneAction; progress: Progress | null } | null;
  /** The last evaluation shown in the list; null before the first one and after clear. */
  outcome: ActionOutcome | null;
  /** When the outcome was evaluated. */
  evaluatedAt: Date | null;
  notice: Notice | null;
  /** Said politely by the live region; errors are said by the notice itself (role alert). */
  announcement: Announcement | null;
}

export type PaneEvent =
  | { type: 'start'; action: PaneAction; announcement: Localized | null }
  | { type: 'progress'; progress: Progress }
  | {
      type: 'evaluated';
      outcome: ActionOutcome;
      notice: Notice | null;
      announcement: Localized;
      at: Date;
    }
  | { type: 'cleared'; notice: Notice }
  | { type: 'done'; notice: Notice }
  | { type: 'failed'; notice: Notice }
  | { type: 'dismiss' };

export const INITIAL_PANE_STATE: PaneState = {
  busy: null,
  outcome: null,
  evaluatedAt: null,
  notice: null,
  announcement: null,
};

function announce(state: PaneState, text: Localized | null): Announcement | null {
  return text ? { text, seq: (state.announcement?.seq ?? 0) + 1 } : null;
}

export function reducePane(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'start':
      return {
        ...state,
        busy: { action: event.action, progress: null },
        // Live mode keeps its message: it re-evaluates in the background of the user's typing.
        notice: event.action === 'live' ? state.notice : null,
        announcement: event.announcement ? announce(state, event.announcement) : state.announcement,
      };
    case 'progress':
      return state.busy ? { ...state, busy: { ...state.busy, progress: event.progress } } : state;
    case 'evaluated':
      return {
        busy: null,
        outcome: event.outcome,
        evaluatedAt: event.at,
        notice: event.notice,
        announcement: announce(state, event.announcement),
      };
    case 'cleared':
      return {
        busy: null,
        outcome: null,
        evaluatedAt: null,
        notice: event.notice,
        announcement: announce(state, event.notice.text),
      };
    case 'done':
      return {
        ...state,
        busy: null,
        notice: event.notice,
        announcement: announce(state, event.notice.text),
      };
    case 'failed':
      return { ...state, busy: null, notice: event.notice, announcement: null };
    case 'dismiss':
      return { ...state, notice: null };
  }
}
