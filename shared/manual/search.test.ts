import { describe, expect, it } from 'vitest';
import { searchTerms } from '../search/fold';
import { searchManual, snippetAround } from './search';

const pages = [
  { id: 'entry', title: '录入发票', text: '按票面顺序填写。\n发现重复时不能保存。' },
  { id: 'cases', title: '遗失发票与补办', text: '发票遗失后，建立补办案件。\n记录每次联系，补办材料逐项勾选。' },
  { id: 'backup', title: 'Backups', text: 'Plug in the USB stick and press Back up now.\nVerify the backup.' },
];

describe('manual search', () => {
  it('finds Chinese words inside sentences, title hits first', () => {
    expect(searchManual(pages, '补办').map((h) => h.id)).toEqual(['cases']);
    // Both titles hold 发票: the page using it more often comes first.
    expect(searchManual(pages, '发票').map((h) => h.id)).toEqual(['cases', 'entry']);
    expect(searchManual(pages, '重复').map((h) => h.id)).toEqual(['entry']);
    expect(searchManual(pages, '保存').map((h) => h.id)).toEqual(['entry']);
  });

  it('folds case and full-width letters, and needs every word of the query', () => {
    expect(searchManual(pages, 'ＵＳＢ').map((h) => h.id)).toEqual(['backup']);
    expect(searchManual(pages, 'usb VERIFY').map((h) => h.id)).toEqual(['backup']);
    expect(searchManual(pages, 'usb 补办')).toEqual([]);
    expect(searchManual(pages, '   ')).toEqual([]);
    expect(searchTerms(' Back  UP ')).toEqual(['back', 'up']);
  });

  it('gives a snippet on the line of the first hit with the hit as written', () => {
    const hit = searchManual(pages, 'usb')[0];
    expect(hit?.snippet).toEqual({ before: 'Plug in the ', hit: 'USB', after: ' stick and press Back up now.' });
    expect(searchManual(pages, '联系')[0]?.snippet).toEqual({ before: '记录每次', hit: '联系', after: '，补办材料逐项勾选。' });
  });

  it('shortens long lines around the hit and marks the cut', () => {
    const text = `${'甲'.repeat(50)}补办${'乙'.repeat(50)}`;
    const s = snippetAround(text, '补办', 5);
    expect(s).toEqual({ before: '…甲甲甲甲甲', hit: '补办', after: '乙乙乙乙乙…' });
    expect(snippetAround(text, '丙')).toBeNull();
  });

  it('cuts English snippets between words', () => {
    const text = 'When an invoice is lost, or reconciliation shows one never arrived, open a replacement case and follow it step by step.';
    expect(snippetAround(text, 'replacement')).toEqual({ before: '…one never arrived, open a ', hit: 'replacement', after: ' case and follow it step by…' });
  });

  it('maps a hit found through width folding back to the characters on the page', () => {
    expect(snippetAround('按 Ｃｔｒｌ＋Ｋ 打开', 'ctrl+k')).toEqual({ before: '按 ', hit: 'Ｃｔｒｌ＋Ｋ', after: ' 打开' });
  });
});
