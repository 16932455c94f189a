import { describe, expect, it } from 'vitest';
import { MANUAL_PAGE_IDS } from '../../../shared/manual/pages';
import { searchManual } from '../../../shared/manual/search';
import { parseRoute } from '../../app/router';
import { manualPages, manualSource, manualSourcePaths } from './content';
import { manualPageFor, ROUTE_PAGES } from './route-pages';

describe('manual content', () => {
  it('has every page in both languages, and no stray file', () => {
    for (const id of MANUAL_PAGE_IDS) {
      expect(manualSource('zh-CN', id), `zh/${id}.md`).toBeTruthy();
      expect(manualSource('en', id), `en/${id}.md`).toBeTruthy();
    }
    const expected = MANUAL_PAGE_IDS.flatMap((id) => [`./pages/en/${id}.md`, `./pages/zh/${id}.md`]).sort();
    expect(manualSourcePaths()).toEqual(expected);
  });

  it('gives every page a title, steps and only links to pages that exist', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const pages = manualPages(locale);
      expect(pages.map((p) => p.id)).toEqual([...MANUAL_PAGE_IDS]);
      for (const page of pages) {
        expect(page.title, `${locale} ${page.id}`).not.toBe(page.id);
        expect(page.blocks.some((b) => b.kind === 'list'), `${locale} ${page.id} has a list`).toBe(true);
        for (const b of page.blocks) {
          const inlines = b.kind === 'list' ? b.items.flat() : b.kind === 'paragraph' || b.kind === 'tip' || b.kind === 'heading' ? b.inlines : [];
          for (const i of inlines) if (i.kind === 'link') expect(MANUAL_PAGE_IDS, `${locale} ${page.id} → ${i.target}`).toContain(i.target);
          if (b.kind === 'image') expect(b.src, `${locale} ${page.id}`).toMatch(/^[\w-]+\.jpg$/);
        }
      }
    }
  });

  it('maps every screen to a page (a new route without one does not compile)', () => {
    for (const [name, page] of Object.entries(ROUTE_PAGES)) {
      if (page !== null) expect(MANUAL_PAGE_IDS, name).toContain(page);
    }
    expect(manualPageFor(parseRoute('#/new'))).toBe('entry');
    expect(manualPageFor(parseRoute('#/capture'))).toBe('capture');
    expect(manualPageFor(parseRoute('#/case/abc'))).toBe('cases');
    expect(manualPageFor(parseRoute('#/manual/backup'))).toBe('backup');
    expect(manualPageFor(parseRoute('#/manual/nope'))).toBeNull();
    expect(manualPageFor(parseRoute('#/manual'))).toBeNull();
  });

  it('finds the cases page for 补办 and the backup page for USB, in each language', () => {
    expect(searchManual(manualPages('zh-CN'), '补办')[0]?.id).toBe('cases');
    expect(searchManual(manualPages('en'), 'replacement')[0]?.id).toBe('cases');
    expect(searchManual(manualPages('zh-CN'), 'U盘')[0]?.id).toBe('backup');
    expect(searchManual(manualPages('en'), 'usb')[0]?.id).toBe('backup');
  });
});
