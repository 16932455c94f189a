import type { Catalogue } from '../../../shared/i18n/translate';

/** Sync strings: status line, connection settings, conflict review. */
export const SYNC_MESSAGES = {
  'nav.sync': { 'zh-CN': '同步与冲突', en: 'Sync & conflicts' },
  'sync.title': { 'zh-CN': '同步', en: 'Sync' },
} satisfies Catalogue;
