import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../lib/types';
import { CATALOGS, type Catalog, CLASHES } from './catalogs';

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

const catalogs = { vi: flatten(CATALOGS.vi), en: flatten(CATALOGS.en), th: flatten(CATALOGS.th) };
const allKeys = new Set(Object.values(catalogs).flatMap((catalog) => [...catalog.keys()]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Keys named literally in the sources: t('a.b'), i18n.t('a.b') and labelKey: 'a.b'. */
function keysUsedInSources(): Map<string, string> {
  const used = new Map<string, string>();
  const pattern = /\b(?:t\(\s*|labelKey:\s*)['"`]([a-zA-Z0-9_]+(?:\.[a-zA-Z0-9_]+)+)['"`]/g;
  for (const file of sourceFiles(join(import.meta.dirname, '..'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) used.set(match[1]!, file);
  }
  return used;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('message catalogs', () => {
  it('define each key once (main catalogs and feature parts)', () => {
    expect(CLASHES).toEqual([]);
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`${locale} has every key of every other catalog, none empty`, () => {
      const missing = [...allKeys].filter((key) => !catalog.has(key));
      expect(missing).toEqual([]);
      const empty = [...catalog].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });
  }

  it('uses the same {{placeholders}} in every language', () => {
    const mismatched = [...allKeys].filter((key) => {
      const reference = placeholders(catalogs.en.get(key) ?? '').join();
      return (
        placeholders(catalogs.vi.get(key) ?? '').join() !== reference ||
        placeholders(catalogs.th.get(key) ?? '').join() !== reference
      );
    });
    expect(mismatched).toEqual([]);
  });

  it('has every key that the web sources use', () => {
    const used = keysUsedInSources();
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter(([key]) => !allKeys.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('names every role and translates every API error code', () => {
    const codes = [
      'bad_request',
      'validation_failed',
      'unauthenticated',
      'two_factor_required',
      'forbidden',
      'csrf_failed',
      'not_found',
      'conflict',
      'idempotency_conflict',
      'idempotency_mismatch',
      'unprocessable',
      'too_many_attempts',
      'rate_limited',
      'internal',
      'unavailable',
    ];
    const needed = [...ROLES.map((role) => `roles.${role}`), ...codes.map((code) => `errors.${code}`)];
    expect(needed.filter((key) => !allKeys.has(key))).toEqual([]);
  });

  it('is really translated: Vietnamese has diacritics, Thai has Thai script', () => {
    expect(catalogs.vi.get('auth.signIn')).toBe('Đăng nhập');
    expect(catalogs.vi.get('partner.programsEmpty')).toMatch(/[ăâđêôơư]/i);
    expect(catalogs.th.get('partner.programsEmpty')).toMatch(/[\u0E00-\u0E7F]/);
    const untranslatedThai = [...catalogs.th].filter(
      ([key, text]) => text === catalogs.en.get(key) && !/^[A-Za-zê ()]+$/.test(text),
    );
    expect(untranslatedThai).toEqual([]);
  });
});
