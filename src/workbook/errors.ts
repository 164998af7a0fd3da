import type { Localized } from '../catalogue/types';

/**
 * A failure the user can act on, already in plain words in both languages (which sheet, which
 * cell, what to do). The workbook actions throw nothing else; the pane shows `localized[lang]`.
 */
export class UserFacingError extends Error {
  readonly localized: Localized;

  constructor(localized: Localized, options?: { cause?: unknown }) {
    super(localized.en);
    this.name = 'UserFacingError';
    this.localized = localized;
    if (options && 'cause' in options) this.cause = options.cause;
  }
}
