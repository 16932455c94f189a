import { describe, expect, it } from 'vitest';
import { isLedgerChange } from './last-change';

describe('isLedgerChange', () => {
  it('counts record writes of the ledger, not events, saved checks or feedback', () => {
    expect(isLedgerChange({ action: 'create', entity: 'invoice' })).toBe(true);
    expect(isLedgerChange({ action: 'status', entity: 'invoice' })).toBe(true);
    expect(isLedgerChange({ action: 'reconcile', entity: 'reconcileRun' })).toBe(true);
    expect(isLedgerChange({ action: 'sync', entity: 'case' })).toBe(true);
    for (const action of ['backup', 'backupVerify', 'auditVerify', 'signIn', 'export', 'refused'] as const) expect(isLedgerChange({ action, entity: 'backup' })).toBe(false);
    expect(isLedgerChange({ action: 'create', entity: 'periodCheck' })).toBe(false);
    expect(isLedgerChange({ action: 'sync', entity: 'feedback' })).toBe(false);
  });
});
