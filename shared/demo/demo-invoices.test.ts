import { describe, expect, it } from 'vitest';
import { draftFromContent, validateDraft } from '../domain/validate';
import { hardKey } from '../domain/duplicates';
import { demoInvoiceContent, demoParty, demoSellers } from './demo-invoices';
import { seededRng } from './random';

describe('demo invoices', () => {
  it('are valid under the domain rules and have unique hard keys', () => {
    const rng = seededRng(42);
    const sellers = demoSellers(rng, 20);
    const buyer = demoParty(rng);
    const keys = new Set<string>();
    for (let i = 1; i <= 300; i++) {
      const content = demoInvoiceContent(rng, i, sellers, buyer, '2026-11-27');
      const { issues } = validateDraft(draftFromContent(content), { today: '2026-11-27' });
      expect(issues.filter((x) => x.severity === 'error'), `${content.kind} ${content.code} ${content.number}`).toEqual([]);
      keys.add(hardKey(content));
    }
    expect(keys.size).toBe(300);
  });

  it('is reproducible from its seed', () => {
    const a = demoParty(seededRng(7));
    const b = demoParty(seededRng(7));
    expect(a).toEqual(b);
  });
});
