import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { captureError, fileTypeError, imageSizeError } from '../capture-error';
import { captureMessage } from '../capture-messages';
import { isImageType, sniffFileType } from './sniff';

const sample = (path: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/samples/${path}`, import.meta.url)));
const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array<number>(32).fill(0)]);

describe('sniffFileType', () => {
  it.each([
    ['ofd/zhejiang-e-putong.ofd', 'ofd'], ['ofd/qingdao-shudian-zhuan.ofd', 'ofd'], ['pdf/sichuan-shudian-zhuan-rendered.pdf', 'pdf'],
    ['images/tianjin-e-putong.png', 'png'], ['images/demo-zhuanpiao-scan.jpg', 'jpeg'],
  ])('recognises the real sample %s as %s', (path, type) => {
    expect(sniffFileType(sample(path), 'renamed.bin')).toBe(type);
  });

  it('goes by content, not by name', () => {
    expect(sniffFileType(sample('ofd/zhejiang-e-putong.ofd'), 'invoice.pdf')).toBe('ofd');
    expect(sniffFileType(zipSync({ 'a.txt': strToU8('x') }), 'a.zip')).toBe('zip');
    expect(sniffFileType(zipSync({ 'a.txt': strToU8('x') }).subarray(0, 20), 'broken.ofd')).toBe('ofd');
  });

  it('recognises XML, the other image kinds, empty and unknown files', () => {
    expect(sniffFileType(strToU8('\uFEFF  <?xml version="1.0"?><EInvoice/>'))).toBe('xml');
    expect(sniffFileType(strToU8('<EInvoice><Header/></EInvoice>'))).toBe('xml');
    expect(sniffFileType(strToU8('junk\n%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFileType(bytes(0x49, 0x49, 0x2a, 0x00))).toBe('tiff');
    expect(sniffFileType(bytes(0x4d, 0x4d, 0x00, 0x2a))).toBe('tiff');
    expect(sniffFileType(bytes(0x42, 0x4d))).toBe('bmp');
    expect(sniffFileType(strToU8('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('webp');
    expect(sniffFileType(new Uint8Array(0))).toBe('empty');
    expect(sniffFileType(strToU8('hello world'))).toBe('unknown');
    expect(isImageType('webp') && !isImageType('pdf')).toBe(true);
  });
});

describe('capture errors', () => {
  it('gives every stopping error a plain bilingual message', () => {
    expect(captureMessage(fileTypeError('empty') ?? captureError('notInvoice'), 'zh-CN')).toBe('文件是空的（0 字节），请重新选择');
    expect(captureMessage(captureError('pdfPassword'), 'en')).toContain('password-protected');
    expect(captureMessage(captureError('corruptFile'), 'zh-CN')).toContain('损坏');
    expect(captureMessage(captureError('notInvoice'), 'en')).toContain('No invoice');
    expect(fileTypeError('pdf')).toBeNull();
    expect(fileTypeError('zip')).toEqual({ code: 'unsupportedType', params: { type: 'ZIP' } });
  });

  it('refuses images above 40 megapixels', () => {
    expect(imageSizeError(5000, 8000)).toBeNull();
    const e = imageSizeError(10_000, 8000);
    expect(e).toEqual({ code: 'imageTooLarge', params: { megapixels: 80, limit: 40 } });
    expect(e && captureMessage(e, 'zh-CN')).toBe('图片过大（80 百万像素，上限 40），请缩小后再试');
  });
});
