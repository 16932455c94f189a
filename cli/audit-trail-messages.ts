// Messages of `npm run audit-trail` for what the CLI itself detects; the verification's own messages are in
// shared/audit/audit-export-messages.ts, so the app and the CLI word them alike.
import { translate, type Catalogue, type Locale } from '../shared/i18n/translate';

const MESSAGES: Catalogue = {
  usage: { 'zh-CN': '用法错误：{detail}', en: 'Usage error: {detail}' },
  notFound: { 'zh-CN': '找不到文件“{file}”。', en: 'The file “{file}” does not exist.' },
  unreadable: { 'zh-CN': '无法读取文件“{file}”（{reason}）。', en: 'The file “{file}” cannot be read ({reason}).' },
  headMismatch: {
    'zh-CN': '导出本身校验通过，但链头哈希是 {found}，不是 --head 给出的 {expected}：这份导出与您核对的日志不是同一份（或不是同一时刻的）。',
    en: 'The export itself verifies, but its head hash is {found}, not {expected} given with --head: it is not the trail you compare it with (or not as of the same moment).',
  },
  headMatches: { 'zh-CN': '链头哈希与 --head 一致。', en: 'The head hash matches --head.' },
};

/** A CLI message in the chosen language. */
export function auditTrailMessage(locale: Locale, key: string, params?: Readonly<Record<string, string | number>>): string {
  return translate(MESSAGES, locale, key, params);
}
