import { describe, expect, it } from 'vitest';
import { parseExtractArgs } from './extract-args';

describe('parseExtractArgs', () => {
  it('takes files, --lang in both spellings, --no-ocr and everything after --', () => {
    expect(parseExtractArgs(['a.pdf', '--lang', 'en', 'b.ofd'])).toEqual({ kind: 'run', paths: ['a.pdf', 'b.ofd'], locale: 'en', ocr: true });
    expect(parseExtractArgs(['--lang=zh-CN', '--no-ocr', 'dir'])).toEqual({ kind: 'run', paths: ['dir'], locale: 'zh-CN', ocr: false });
    expect(parseExtractArgs(['--', '--odd-name.pdf'])).toEqual({ kind: 'run', paths: ['--odd-name.pdf'], locale: 'zh-CN', ocr: true });
  });

  it('reports usage errors', () => {
    expect(parseExtractArgs([])).toEqual({ kind: 'usage', message: 'no files given' });
    expect(parseExtractArgs(['-x', 'a.pdf'])).toEqual({ kind: 'usage', message: 'unknown option -x' });
    expect(parseExtractArgs(['--lang', 'fr', 'a.pdf']).kind).toBe('usage');
    expect(parseExtractArgs(['a.pdf', '--lang']).kind).toBe('usage');
    expect(parseExtractArgs(['--help'])).toEqual({ kind: 'help' });
  });
});
