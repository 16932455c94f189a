import { describe, expect, it } from 'vitest';
import type { Conflict, RecordChange } from '../../shared/sync/protocol';
import { pullPage } from './pull';

const rec = (version: number): RecordChange => ({ entity: 'invoice', entityId: `r${version}`, version, deleted: false, data: {} });
const conflict = (version: number): Conflict => ({
  id: version, version, entity: 'invoice', entityId: 'x', field: 'total', baseValue: 1, serverValue: 2, clientValue: 3,
  serverDeviceId: 'a', serverAt: 't', clientDeviceId: 'b', clientAt: 't', resolved: false, resolvedBy: null, resolvedAt: null,
});

describe('pullPage', () => {
  it('merges records and conflicts by version and cuts at the limit', () => {
    const page = pullPage({ epoch: 'e', currentVersion: 9, changes: [rec(1), rec(3), rec(4)], conflicts: [conflict(2), conflict(5)] }, 3);
    expect(page.changes.map((c) => c.version)).toEqual([1, 3]);
    expect(page.conflicts.map((c) => c.version)).toEqual([2]);
    expect(page).toMatchObject({ version: 3, hasMore: true });
  });

  it('answers the current version when nothing is left, so the cursor skips versions that are gone', () => {
    expect(pullPage({ epoch: 'e', currentVersion: 9, changes: [rec(4)], conflicts: [] }, 3)).toMatchObject({ version: 9, hasMore: false });
    expect(pullPage({ epoch: 'e', currentVersion: 9, changes: [], conflicts: [] }, 3)).toMatchObject({ version: 9, hasMore: false, changes: [] });
  });
});
