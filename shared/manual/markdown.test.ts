import { describe, expect, it } from 'vitest';
import { pagePlainText, pageTitle, parseInline, parseMarkdown } from './markdown';

describe('manual markdown', () => {
  it('reads headings, paragraphs, lists, tips and images', () => {
    const blocks = parseMarkdown([
      '# 录入发票', '', '按票面顺序填写，', '按 Enter 保存。', '',
      '1. 点 **录入发票**', '2. 按 `Enter`', '', '- 一', '- 二', '  接着', '',
      '> 提示：先核对', '', '![录入页面](entry.jpg)', '## 小节',
    ].join('\n'));
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'tip', 'image', 'heading']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: '按票面顺序填写， 按 Enter 保存。' }] });
    expect(blocks[2]).toMatchObject({ kind: 'list', ordered: true, items: [[{ kind: 'text', text: '点 ' }, { kind: 'strong', text: '录入发票' }], [{ kind: 'text', text: '按 ' }, { kind: 'code', text: 'Enter' }]] });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: false, items: [[{ text: '一' }], [{ text: '二' }, { text: ' 接着' }]] });
    expect(blocks[5]).toEqual({ kind: 'image', alt: '录入页面', src: 'entry.jpg' });
    expect(blocks[6]).toMatchObject({ kind: 'heading', level: 2, text: '小节' });
    expect(pageTitle(blocks, 'x')).toBe('录入发票');
    expect(pagePlainText(blocks)).toContain('提示：先核对');
  });

  it('keeps markup it does not know as text, so nothing in a page becomes HTML', () => {
    expect(parseInline('<img src=x onerror=alert(1)> [对账](reconcile) *x*')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> ' }, { kind: 'link', text: '对账', target: 'reconcile' }, { kind: 'text', text: ' *x*' },
    ]);
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: '<script>alert(1)</script>' }] }]);
  });

  it('falls back to the given title when a page has no level-1 heading', () => {
    expect(pageTitle(parseMarkdown('## 只有小节'), '备用')).toBe('备用');
  });
});
