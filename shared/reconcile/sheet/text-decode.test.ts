import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimited } from './csv-parse';
import { encodeGbk, encodeUtf16, encodeUtf8 } from './test-files';
import { decodeSpreadsheetText, looksBinary } from './text-decode';

const SAMPLE = '记账日期,交易金额,对手信息\r\n2024-05-08,-1234.50,上海某某有限公司 6222001234567890\r\n';

describe('decodeSpreadsheetText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeSpreadsheetText(encodeUtf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeSpreadsheetText(encodeUtf8(SAMPLE, true))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM in both byte orders (Excel "Unicode text" is little-endian)', () => {
    expect(decodeSpreadsheetText(encodeUtf16(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeSpreadsheetText(encodeUtf16(SAMPLE, false))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('reads UTF-16LE without a BOM when the text is mostly ASCII', () => {
    const text = 'date\tamount\r\n2024-05-08\t12.00\r\n';
    const withBom = encodeUtf16(text);
    expect(decodeSpreadsheetText(withBom.subarray(2))).toEqual({ text, encoding: 'utf-16le' });
  });

  it('falls back to GBK when the bytes are not UTF-8 (Chinese bank exports)', () => {
    const r = decodeSpreadsheetText(encodeGbk(SAMPLE));
    expect(r).toEqual({ text: SAMPLE, encoding: 'gbk' });
  });

  it('refuses binary junk: NUL bytes, random bytes', () => {
    expect(decodeSpreadsheetText(new Uint8Array([0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x00, 0x01, 0x02]))).toBeNull();
    let seed = 7;
    const random = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    expect(decodeSpreadsheetText(random)).toBeNull();
  });

  it('looksBinary tolerates ordinary text with tabs and line breaks', () => {
    expect(looksBinary('a\tb\r\nc\fd')).toBe(false);
    expect(looksBinary('a\u0000b')).toBe(true);
  });
});

describe('parseDelimited', () => {
  it('keeps every cell as text, leading zeros and long digit runs included', () => {
    expect(parseDelimited('发票号码,金额\n00012345,1.50\n25924000000001260164,2\n')).toEqual([
      ['发票号码', '金额'], ['00012345', '1.50'], ['25924000000001260164', '2'],
    ]);
  });

  it('follows RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    expect(parseDelimited('a,"1,234.50","say ""hi""","two\r\nlines"\r\nb,,"",x')).toEqual([
      ['a', '1,234.50', 'say "hi"', 'two\r\nlines'], ['b', null, null, 'x'],
    ]);
  });

  it('reads CRLF, LF and CR line ends, keeps blank lines as empty rows, and a trailing delimiter as an empty cell', () => {
    expect(parseDelimited('a,b\r\n\r\nc,d\re,\n')).toEqual([['a', 'b'], [null], ['c', 'd'], ['e', null]]);
  });

  it('picks the delimiter the header and data lines use, past preamble lines', () => {
    expect(detectDelimiter('明细查询文件下载\n卡号: 1\n日期\t金额\t摘要\n2024-01-01\t1\tx\n')).toBe('\t');
    expect(detectDelimiter('title\nA,B,C\n1,2,3\n')).toBe(',');
    expect(parseDelimited('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });
});
