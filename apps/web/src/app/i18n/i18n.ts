import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { LOCALES, type Locale } from '@retainer/shared';
import { zhCN } from '../locales/zh-CN';
import { enUS } from '../locales/en-US';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

// Before sign-in the choice lives in the browser; after sign-in the user's saved locale wins.
const STORAGE_KEY = 'retainer.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  document.title = locale === 'zh-CN' ? '律维 Retainer' : 'Retainer';
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}

export const i18n = i18next.createInstance();

const initial = storedLocale();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});
applyLocale(initial);
i18n.on('languageChanged', (lng) => {
  if (isLocale(lng)) applyLocale(lng);
});

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'zh-CN';
}
