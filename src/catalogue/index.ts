import { CATALOGUE_2020 } from './catalogue-2020';
import { parseCatalogue } from './schema';
import { codeKey, ruleKey } from './codes';
import type { Catalogue, Rule } from './types';

export { codeKey, ruleKey };

export { CATALOGUE_2020 };

/** The catalogue data of each year, by id; adding a year is adding a data file here. */
const CATALOGUE_DATA: Record<string, unknown> = { '2020': CATALOGUE_2020 };

const loaded = new Map<string, Catalogue>();

/** Validates catalogue data; throws an Error naming the rule code and field of each problem. */
export function validateCatalogue(data: unknown): Catalogue {
  return parseCatalogue(data);
}

/** The validated catalogue of a year (default 2020), validated once and then cached. */
export function loadCatalogue(id = '2020'): Catalogue {
  const cached = loaded.get(id);
  if (cached) return cached;
  if (!Object.prototype.hasOwnProperty.call(CATALOGUE_DATA, id)) {
    const known = Object.keys(CATALOGUE_DATA).join(', ');
    throw new Error(`Unknown catalogue "${id}" (known: ${known})`);
  }
  const catalogue = validateCatalogue(CATALOGUE_DATA[id]);
  loaded.set(id, catalogue);
  return catalogue;
}

const indexes = new WeakMap<Catalogue, Map<string, Rule>>();

/** The catalogue rule a typed code refers to ("I-1a" finds I.1a), or undefined. */
export function findRule(catalogue: Catalogue, typedCode: string): Rule | undefined {
  let index = indexes.get(catalogue);
  if (!index) {
    index = new Map();
    for (const rule of catalogue.rules) {
      const key = codeKey(rule.code);
      if (key !== null) index.set(key, rule);
    }
    indexes.set(catalogue, index);
  }
  const key = codeKey(typedCode);
  return key === null ? undefined : index.get(key);
}
