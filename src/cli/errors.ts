import type { Localized } from '../catalogue/types';

/**
 * A reason to stop, in plain words: exit code 1 when a file cannot be read or written (or holds no
 * report sheet), 2 when the command line itself is wrong. `reasons` lists every problem found, so
 * a batch with three bad files names all three at once.
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    readonly reasons: Localized[],
  ) {
    super(reasons.map((r) => r.en).join('\n'));
    this.name = 'CliError';
  }
}

export function usageError(reason: Localized): CliError {
  return new CliError(2, [reason]);
}
