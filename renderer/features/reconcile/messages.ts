import type { Catalogue } from '../../../shared/i18n/translate';

/** Reconciliation and spreadsheet strings (the readers' own messages live in shared/reconcile/sheet). */
export const RECONCILE_MESSAGES = {
  'nav.reconcile': { 'zh-CN': '对账', en: 'Reconcile' },
  'nav.sheets': { 'zh-CN': 'Excel 导入导出', en: 'Excel import & export' },
  'reconcile.title': { 'zh-CN': '对账：找出缺失的发票', en: 'Reconcile: find missing invoices' },
  'sheets.title': { 'zh-CN': 'Excel 导入导出', en: 'Excel import & export' },
} satisfies Catalogue;
