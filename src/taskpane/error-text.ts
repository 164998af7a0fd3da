import type { Localized } from '../catalogue/types';
import { UserFacingError } from '../workbook/errors';
import { STRINGS } from './strings';

/**
 * What to tell the user about a failure: the adapter's own plain message when it made one,
 * otherwise a generic sentence. Never a stack trace or a raw Office error.
 */
export function errorText(error: unknown): Localized {
  if (error instanceof UserFacingError) return error.localized;
  // Kept for whoever debugs with the browser's developer tools; the user sees plain words.
  console.error(error);
  return { vi: STRINGS.vi.unexpectedError, en: STRINGS.en.unexpectedError };
}
