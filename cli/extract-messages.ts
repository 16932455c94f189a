// Messages for failures the CLI detects before capture runs (capture's own messages are in shared/capture).
import { translate, type Catalogue, type Locale } from '../shared/i18n/translate';

const MESSAGES: Catalogue = {
  'extract.notFound': { 'zh-CN': '找不到文件：{path}', en: 'File not found: {path}' },
  'extract.unreadable': { 'zh-CN': '无法读取文件：{path}（{reason}）', en: 'The file cannot be read: {path} ({reason})' },
  'extract.fileTooLarge': {
    'zh-CN': '文件过大（{megabytes} MB，上限 {limit} MB），未读取', en: 'The file is too large ({megabytes} MB, limit {limit} MB); it was not read',
  },
  'extract.internal': {
    'zh-CN': '读取时发生内部错误（{detail}），请把文件交给开发人员', en: 'An internal error occurred while reading ({detail}); please pass the file to the developers',
  },
};

/** Codes of CLI-level failures. */
export type ExtractErrorCode = 'notFound' | 'unreadable' | 'fileTooLarge' | 'internal';

/** A CLI-level failure with its message. */
export function extractError(code: ExtractErrorCode, locale: Locale, params: Readonly<Record<string, string | number>>): { code: string; message: string } {
  return { code, message: translate(MESSAGES, locale, `extract.${code}`, params) };
}
