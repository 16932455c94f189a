import type { Catalogue } from '../../../shared/i18n/translate';

/** Case strings (states, contact log, checklist). */
export const CASES_MESSAGES = {
  'nav.cases': { 'zh-CN': '缺失与补办', en: 'Missing & replacements' },
  'cases.title': { 'zh-CN': '缺失与补办', en: 'Missing & replacements' },
} satisfies Catalogue;
