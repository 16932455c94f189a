import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ofdFirstPageText } from './ofd-preview';

const sample = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/samples/ofd/${name}`, import.meta.url)));

describe('ofdFirstPageText', () => {
  it('gives the positioned text of the first page, labels from templates included', () => {
    const items = ofdFirstPageText(sample('zhejiang-e-putong.ofd'));
    const text = items?.map((i) => i.str).join('') ?? '';
    expect(text).toContain('兰溪市悦济舫餐厅');
    expect(text).toContain('83089647');
    expect(items?.every((i) => i.page === 1 && Number.isFinite(i.x) && Number.isFinite(i.y))).toBe(true);
  });

  it('is null for bytes that are not an OFD', () => {
    expect(ofdFirstPageText(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
