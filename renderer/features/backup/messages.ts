import type { Catalogue } from '../../../shared/i18n/translate';

/** Backup strings: back up to USB/folder, verify, restore, export. */
export const BACKUP_MESSAGES = {
  'nav.backup': { 'zh-CN': '备份与恢复', en: 'Backup & restore' },
  'backup.title': { 'zh-CN': '备份与恢复', en: 'Backup & restore' },
} satisfies Catalogue;
