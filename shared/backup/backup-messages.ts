/** Plain-language messages (zh-CN default, en) and CLI exit statuses for backup failures. */
import { translate, type Catalogue, type Locale } from '../i18n/translate';
import type { BackupError, DamagedFile, DamagedRecords } from './types';

const MESSAGES: Catalogue = {
  'not-a-repository': { 'zh-CN': '这个文件夹不是发票台账的备份库（{detail}）', en: 'This folder is not a Fapiao Desk backup repository ({detail})' },
  'already-a-repository': { 'zh-CN': '这个文件夹里已经有一个备份库', en: 'This folder already holds a backup repository' },
  'wrong-password': { 'zh-CN': '密码或恢复密钥不正确，备份库没有打开', en: 'The password or recovery key is wrong; the repository was not opened' },
  'unsupported-version': {
    'zh-CN': '这个备份库由更新版本的软件创建（格式 {found}，本软件支持到 {supported}），请先升级软件',
    en: 'This repository was made by a newer version (format {found}; this version reads up to {supported}); please update the app',
  },
  'unsafe-kdf': { 'zh-CN': '备份库头部的密码参数不安全，已拒绝使用（{detail}）', en: 'The repository header asks for unsafe password parameters and was refused ({detail})' },
  damaged: { 'zh-CN': '备份已损坏或不完整：{files}', en: 'The backup is damaged or incomplete: {files}' },
  'damaged.records': { 'zh-CN': '受影响的记录：{records}', en: 'Records affected: {records}' },
  'damaged.attachments': { 'zh-CN': '受影响的附件：{attachments}', en: 'Attachments affected: {attachments}' },
  'damaged.intact': { 'zh-CN': '仍可完整恢复的快照：{ids}', en: 'Snapshots still fully restorable: {ids}' },
  'damaged.none-intact': { 'zh-CN': '没有可完整恢复的快照', en: 'No snapshot is fully restorable' },
  'problem.missing': { 'zh-CN': '{path} 缺失', en: '{path} is missing' },
  'problem.truncated': { 'zh-CN': '{path} 被截断', en: '{path} is truncated' },
  'problem.hash-mismatch': { 'zh-CN': '{path} 内容已改变（校验值不符）', en: '{path} has changed (hash mismatch)' },
  'problem.foreign': { 'zh-CN': '{path} 属于另一个备份库', en: '{path} belongs to another repository' },
  'problem.undecryptable': { 'zh-CN': '{path} 中有数据已损坏（解密校验失败）', en: '{path} holds damaged data (it fails decryption and authentication)' },
  'problem.unreadable': { 'zh-CN': '{path} 无法读取', en: '{path} cannot be read' },
  records: { 'zh-CN': '{table} 表 {rows} 条（主键从 {first} 起）', en: '{rows} {table} rows (keys from {first})' },
  'records.until': { 'zh-CN': '{table} 表 {rows} 条（主键 {first} 至 {before} 之前）', en: '{rows} {table} rows (keys from {first} up to {before})' },
  'no-snapshot': { 'zh-CN': '找不到快照 {id}', en: 'No snapshot {id}' },
  'no-snapshot.any': { 'zh-CN': '备份库里还没有可用的快照', en: 'The repository holds no readable snapshot' },
  'bad-export': { 'zh-CN': '导出文件夹有问题：{path}（{detail}）', en: 'The export folder has a problem: {path} ({detail})' },
  io: { 'zh-CN': '读写失败：{path}（{detail}）', en: 'Reading or writing failed: {path} ({detail})' },
  cancelled: { 'zh-CN': '备份已取消，之前的快照未受影响', en: 'Cancelled; earlier snapshots are untouched' },
};

const LIST_LIMIT = 20;

function list(items: readonly string[], locale: Locale): string {
  const shown = items.slice(0, LIST_LIMIT).join(locale === 'en' ? ', ' : '，');
  return items.length > LIST_LIMIT ? `${shown} … (+${String(items.length - LIST_LIMIT)})` : shown;
}

function fileText(file: DamagedFile, locale: Locale): string {
  return translate(MESSAGES, locale, `problem.${file.problem}`, { path: file.path });
}

function recordText(r: DamagedRecords, locale: Locale): string {
  const params = { table: r.table, rows: r.rows, first: r.firstKey, before: r.beforeKey ?? '' };
  return translate(MESSAGES, locale, r.beforeKey === undefined ? 'records' : 'records.until', params);
}

/** The message for a failure, in the given language; damage lists files, then records, attachments and intact snapshots. */
export function backupErrorMessage(error: BackupError, locale: Locale): string {
  switch (error.kind) {
    case 'damaged': {
      const lines = [translate(MESSAGES, locale, 'damaged', { files: list(error.files.map((f) => fileText(f, locale)), locale) })];
      if (error.records.length > 0) lines.push(translate(MESSAGES, locale, 'damaged.records', { records: list(error.records.map((r) => recordText(r, locale)), locale) }));
      if (error.attachments.length > 0) lines.push(translate(MESSAGES, locale, 'damaged.attachments', { attachments: list(error.attachments, locale) }));
      if (error.intactSnapshots.length > 0) lines.push(translate(MESSAGES, locale, 'damaged.intact', { ids: list(error.intactSnapshots, locale) }));
      return lines.join('\n');
    }
    case 'not-a-repository':
      return translate(MESSAGES, locale, error.kind, { detail: error.detail ?? '' });
    case 'unsupported-version':
      return translate(MESSAGES, locale, error.kind, { found: error.found, supported: error.supported });
    case 'unsafe-kdf':
      return translate(MESSAGES, locale, error.kind, { detail: error.detail });
    case 'no-snapshot':
      return error.snapshotId === undefined ? translate(MESSAGES, locale, 'no-snapshot.any') : translate(MESSAGES, locale, error.kind, { id: error.snapshotId });
    case 'bad-export':
    case 'io':
      return translate(MESSAGES, locale, error.kind, { path: error.path, detail: error.detail });
    case 'already-a-repository':
    case 'wrong-password':
    case 'cancelled':
      return translate(MESSAGES, locale, error.kind);
  }
}

/** CLI exit status: 2 wrong password, 3 damaged or truncated, 4 newer format or unsafe parameters, 1 anything else. */
export function backupExitCode(error: BackupError): 1 | 2 | 3 | 4 {
  switch (error.kind) {
    case 'wrong-password':
      return 2;
    case 'damaged':
      return 3;
    case 'unsupported-version':
    case 'unsafe-kdf':
      return 4;
    default:
      return 1;
  }
}
