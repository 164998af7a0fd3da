import { CATALOGUE_2020 } from './catalogue-2020';
import { parseCatalogue } from './schema';
import type { Catalogue, Rule } from './types';

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

const CODE_PATTERN = /^(II|I)[.\-_,/:]*0*(\d{1,3})[.\-_,/:)]*([A-Z])?[.)]*$/;

/**
 * The key of a rule code as typed in a sheet: "I.1.a", "I-1a", "i.1 A", "I.01a" and "Ｉ．１ａ" all
 * give "I.1a"; "I.8." gives "I.8". Case, spaces of any kind and accents are ignored; the section
 * numeral is kept exactly, so "I.1a" never matches "II.1a". Null when the text is not a code.
 */
export function ruleKey(code: string): string | null {
  if (typeof code !== 'string' || code.length > 40) return null;
  const folded = code
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\u200b\u2060\ufeff]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toUpperCase();
  const m = CODE_PATTERN.exec(folded);
  if (!m) return null;
  return `${m[1]}.${Number(m[2])}${m[3] ? m[3].toLowerCase() : ''}`;
}

const indexes = new WeakMap<Catalogue, Map<string, Rule>>();

/** The catalogue rule a typed code refers to ("I-1a" finds I.1a), or undefined. */
export function findRule(catalogue: Catalogue, typedCode: string): Rule | undefined {
  let index = indexes.get(catalogue);
  if (!index) {
    index = new Map();
    for (const rule of catalogue.rules) {
      const key = ruleKey(rule.code);
      if (key !== null) index.set(key, rule);
    }
    indexes.set(catalogue, index);
  }
  const key = ruleKey(typedCode);
  return key === null ? undefined : index.get(key);
}
