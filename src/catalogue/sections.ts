import type { Catalogue, Localized, SectionInfo } from './types';

/**
 * The sections to list rules under, in order: a nameless one first when some rules sit above the
 * plan sheet's first heading (SPEC §8: "none before the first"), then the plan's sections.
 */
export function sectionsInOrder(catalogue: Catalogue): SectionInfo[] {
  const none = catalogue.rules.some((rule) => rule.section === '');
  return none ? [{ id: '', title: { vi: '', en: '' } }, ...catalogue.sections] : catalogue.sections;
}

/** "năm 2026" / "2026" for titles; empty when the plan gives no year (SPEC §8). */
export function yearWords(catalogue: Catalogue): Localized {
  return catalogue.year === 0
    ? { vi: '', en: '' }
    : { vi: ` NĂM ${catalogue.year}`, en: ` ${catalogue.year}` };
}
