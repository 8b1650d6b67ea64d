import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ApiError } from '../lib/api';
import type { Locale } from '../lib/types';
import { CATALOGS } from './catalogs';

export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'vi', label: 'Tiếng Việt' },
  { value: 'en', label: 'English' },
  { value: 'th', label: 'ไทย' },
];

const STORAGE_KEY = 'kenh.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en' || value === 'th';
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: CATALOGS.vi },
    en: { translation: CATALOGS.en },
    th: { translation: CATALOGS.th },
  },
  lng: storedLocale(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

function applyDocumentLanguage(locale: string) {
  document.documentElement.lang = locale;
  // Fetch the bundled Thai font before Thai text is laid out, so devices without one never show boxes.
  if (locale === 'th' && 'fonts' in document)
    for (const weight of [400, 500, 700])
      void document.fonts.load(`${weight} 1em "Noto Sans Thai"`, 'ก').catch(() => undefined);
}
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

/** Switches the interface language and remembers it in this browser. */
export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the profile still keeps it
  }
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'vi';
}

/** The user's message for any error: API codes are translated, never the server's English text. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    return i18n.exists(key) ? i18n.t(key) : i18n.t('errors.internal');
  }
  return i18n.t('errors.internal');
}
