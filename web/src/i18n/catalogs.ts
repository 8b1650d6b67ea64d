import type { Locale } from '../lib/types';
import en from './en.json';
import th from './th.json';
import vi from './vi.json';

export type Catalog = { [key: string]: string | Catalog };

/**
 * A feature may keep its messages in `parts/<feature>.json` as `{ "vi": {…}, "en": {…}, "th": {…} }`;
 * they are merged into the main catalogs (a key defined twice is an error, caught by the tests).
 */
const parts = import.meta.glob<Record<Locale, Catalog>>('./parts/*.json', { eager: true, import: 'default' });

function merge(target: Catalog, source: Catalog, path: string, clashes: string[]): Catalog {
  for (const [key, value] of Object.entries(source)) {
    const at = path ? `${path}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) target[key] = value;
    else if (typeof existing === 'object' && typeof value === 'object') merge(existing, value, at, clashes);
    else clashes.push(at);
  }
  return target;
}

/** Keys defined both in a main catalog and in a part (or in two parts). */
export const CLASHES: string[] = [];

function build(locale: Locale, base: Catalog): Catalog {
  const catalog = structuredClone(base);
  for (const part of Object.values(parts)) merge(catalog, part[locale] ?? {}, '', CLASHES);
  return catalog;
}

export const CATALOGS: Record<Locale, Catalog> = {
  vi: build('vi', vi),
  en: build('en', en),
  th: build('th', th),
};
