import { Rational } from './rational';
import type { EngineSettings } from './types';

/** NEAR from 90% attainment (SPEC §2). */
export const DEFAULT_SETTINGS: EngineSettings = Object.freeze({
  nearThreshold: Rational.of(9n, 10n),
});

/** The settings in force: the defaults, overridden by what the caller gives. */
export function resolveSettings(settings: Partial<EngineSettings> | undefined): EngineSettings {
  if (!settings || !(settings.nearThreshold instanceof Rational)) return DEFAULT_SETTINGS;
  return { ...DEFAULT_SETTINGS, ...settings };
}
