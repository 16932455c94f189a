import type { Catalogue } from '../../../shared/i18n/translate';

/** 首页: what needs doing today, in tiles and charts. */
export const HOME_MESSAGES = {
  'nav.home': { 'zh-CN': '首页', en: 'Home' },
  'home.title': { 'zh-CN': '首页', en: 'Home' },
} as const satisfies Catalogue;
