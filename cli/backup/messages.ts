// Messages of the backup CLI itself (the format's own failures are worded in shared/backup/backup-messages.ts).
import { translate, type Catalogue, type Locale } from '../../shared/i18n/translate';

const MESSAGES: Catalogue = {
  usage: { 'zh-CN': '用法错误：{detail}', en: 'Usage error: {detail}' },
  passwordFile: { 'zh-CN': '无法读取密码文件 {path}（{detail}）', en: 'The password file {path} cannot be read ({detail})' },
  passwordEmpty: { 'zh-CN': '密码文件 {path} 是空的', en: 'The password file {path} is empty' },
  notEmpty: { 'zh-CN': '目标文件夹 {path} 不是空的，为避免覆盖已有文件，请换一个空文件夹', en: 'The folder {path} is not empty; choose an empty folder so nothing is overwritten' },
  created: { 'zh-CN': '已创建快照 {id}（第 {seq} 个）：{mb} MB 数据，本次写入 {written} MB，已读回校验', en: 'Snapshot {id} (#{seq}) created: {mb} MB of data, {written} MB written this time, read back and checked' },
  initialised: { 'zh-CN': '已在 {path} 新建备份库。请牢记密码：密码丢失后备份无法恢复。', en: 'New repository created in {path}. Keep the password safe: without it the backup cannot be restored.' },
  extracted: { 'zh-CN': '已把快照 {id} 恢复到 {path}：{files} 个文件，{mb} MB', en: 'Snapshot {id} restored to {path}: {files} files, {mb} MB' },
  verified: { 'zh-CN': '校验通过（级别 {level}）：{snapshots} 个快照，{packs} 个数据包，{mb} MB', en: 'Verified (level {level}): {snapshots} snapshots, {packs} packs, {mb} MB' },
  unreferenced: { 'zh-CN': '另有 {count} 个未被任何快照使用的数据包（多为中断的备份留下，可用 prune 清理）', en: '{count} packs are not used by any snapshot (usually left by an interrupted backup; prune removes them)' },
  listHeader: { 'zh-CN': '序号  快照ID            时间                      发票数   附件数  数据量(MB)', en: 'seq   snapshot id       created                   invoices  scans   data (MB)' },
  listDamaged: { 'zh-CN': '无法读取的快照文件：{path}', en: 'Snapshot file cannot be read: {path}' },
  listEmpty: { 'zh-CN': '备份库里还没有快照', en: 'The repository holds no snapshot yet' },
  pruned: { 'zh-CN': '保留 {kept} 个快照，删除 {removed} 个快照和 {packs} 个数据包，释放 {mb} MB', en: 'Kept {kept} snapshots; removed {removed} snapshots and {packs} packs, freeing {mb} MB' },
  passwd: { 'zh-CN': '已设置新密码（恢复密钥如有，仍然有效）', en: 'The new password is set (a recovery key, if any, still works)' },
  recoveryKey: {
    'zh-CN': '新的恢复密钥（请打印或抄写在纸上，与U盘分开保管；旧的恢复密钥已失效）：',
    en: 'New recovery key (print it or copy it onto paper and keep it apart from the stick; the old recovery key no longer works):',
  },
  demo: { 'zh-CN': '已在 {path} 写入演示数据：{invoices} 张发票，{attachments} 个附件，共 {mb} MB', en: 'Demo data written to {path}: {invoices} invoices, {attachments} attachments, {mb} MB' },
  io: { 'zh-CN': '读写失败：{detail}', en: 'Reading or writing failed: {detail}' },
};

/** A CLI message in the chosen language. */
export function cliMessage(locale: Locale, key: string, params?: Readonly<Record<string, string | number>>): string {
  return translate(MESSAGES, locale, key, params);
}

/** Bytes as megabytes with one decimal. */
export const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);
