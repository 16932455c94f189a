import { describe, expect, it } from 'vitest';
import type { WireMutation } from '../../shared/sync/protocol';
import { permissionProblem, refusalText, userDirectory } from './permission';

const m = (over: Partial<WireMutation>): WireMutation => ({
  id: 1, entity: 'invoice', entityId: 'inv-1', op: 'upsert', baseVersion: 0, changes: {}, baseValues: {}, ...over,
});

describe('userDirectory', () => {
  it('keeps the older of two records claiming one login, so a later one cannot take it over', () => {
    const users = userDirectory([
      { entityId: 'a', deleted: false, data: { login: 'li', role: 'clerk' } },
      { entityId: 'b', deleted: false, data: { login: 'li', role: 'admin' } },
    ]);
    expect(users.count).toBe(2);
    expect(users.byLogin.get('li')).toEqual({ entityId: 'a', login: 'li', role: 'clerk', disabled: false });
  });

  it('treats a deleted user record as disabled and an unknown role as none', () => {
    const users = userDirectory([{ entityId: 'a', deleted: true, data: { login: 'li', role: 'boss' } }]);
    expect(users.byLogin.get('li')).toMatchObject({ role: undefined, disabled: true });
    expect(permissionProblem(m({ by: 'li' }), undefined, users)).toBe('user disabled: "li" may no longer make changes');
  });

  it('refuses a user whose record holds no valid role', () => {
    const users = userDirectory([{ entityId: 'a', deleted: false, data: { login: 'li', role: 'boss' } }]);
    expect(permissionProblem(m({ by: 'li' }), undefined, users)).toBe('no role: user "li" has no valid role');
  });
});

describe('refusalText', () => {
  it('names the action, every role that may take it, and who was refused', () => {
    expect(refusalText({ kind: 'forbidden', action: 'invoice.check', reason: 'role', needs: ['auditor', 'admin'], login: 'li', role: 'clerk' }))
      .toBe('forbidden: invoice.check needs auditor or admin (user "li" is clerk)');
    expect(refusalText({ kind: 'forbidden', action: 'invoice.purge', reason: 'signedOut', needs: ['admin'], login: null, role: null }))
      .toBe('forbidden: invoice.purge needs admin (nobody signed in)');
  });
});

describe('saved month-end checks', () => {
  const users = userDirectory([{ entityId: 'a', deleted: false, data: { login: 'li', role: 'clerk' } }, { entityId: 'b', deleted: false, data: { login: 'boss', role: 'admin' } }]);
  const check = { entity: 'periodCheck' as const, entityId: 'pc-1' };

  it('lets a clerk save a new one', () => {
    expect(permissionProblem(m({ ...check, by: 'li', changes: { month: '2026-03', pass: false } }), undefined, users)).toBeUndefined();
  });

  it('refuses any change or delete of one already saved, even from an admin', () => {
    const saved = { month: '2026-03', pass: false, createdBy: 'li' };
    expect(permissionProblem(m({ ...check, by: 'boss', changes: { pass: true } }), saved, users)).toMatch(/cannot change/);
    expect(permissionProblem(m({ ...check, by: 'boss', op: 'delete', changes: { deleted: true } }), saved, users)).toMatch(/cannot change/);
  });
});
