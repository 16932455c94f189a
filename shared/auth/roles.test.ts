import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, isRole, OWNER_RULE, PERMISSIONS, ROLES, roleMay, type Action, type Role } from './roles';

/** The table as the issue states it, written out once more by hand so a change to PERMISSIONS must be deliberate. */
const EXPECTED: Readonly<Record<Role, readonly Action[]>> = {
  clerk: [
    'invoice.create', 'invoice.edit', 'invoice.status', 'invoice.delete', 'invoice.restore', 'conflict.resolve', 'case.edit',
    'import.run', 'reconcile.run', 'mapping.edit', 'export.run', 'backup.run', 'view.save', 'feedback.send', 'periodCheck.run',
  ],
  auditor: ['invoice.check', 'reconcile.run', 'mapping.edit', 'export.run', 'audit.view', 'audit.verify', 'audit.export', 'backup.run', 'view.save', 'feedback.send', 'periodCheck.run'],
  admin: ACTIONS,
};

describe('the permission table', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const may = EXPECTED[role].includes(action);
      it(`${role} ${may ? 'may' : 'may not'} ${action}`, () => {
        expect(roleMay(role, action)).toBe(may);
        const p = authorize({ login: 'u', role }, action);
        expect(p.ok).toBe(may);
        if (!p.ok) expect(p.refusal).toEqual({ kind: 'forbidden', action, reason: 'role', needs: PERMISSIONS[action], login: 'u', role });
      });
    }
  }

  it('gives the admin alone users, settings, restore, permanent delete and the server connection', () => {
    for (const action of ['user.manage', 'settings.edit', 'backup.restore', 'backup.settings', 'invoice.purge', 'sync.server'] as const) {
      expect(PERMISSIONS[action]).toEqual(['admin']);
    }
  });

  it('refuses everything to nobody', () => {
    for (const action of ACTIONS) expect(authorize(null, action)).toMatchObject({ ok: false, refusal: { reason: 'signedOut', login: null, role: null } });
  });
});

describe('the clerk’s own-and-unchecked rule', () => {
  const clerk = { login: 'wang', role: 'clerk' } as const;
  for (const action of OWNER_RULE) {
    it(`${action}: own 已录入 yes, someone else's or checked no; admins are not bound`, () => {
      expect(authorize(clerk, action, { createdBy: 'wang', status: 'entered' }).ok).toBe(true);
      expect(authorize(clerk, action, { createdBy: 'li', status: 'entered' })).toMatchObject({ ok: false, refusal: { reason: 'notOwner' } });
      expect(authorize(clerk, action, { createdBy: 'wang', status: 'verified' })).toMatchObject({ ok: false, refusal: { reason: 'checked' } });
      expect(authorize({ login: 'boss', role: 'admin' }, action, { createdBy: 'li', status: 'booked' }).ok).toBe(true);
    });
  }

  it('does not bind status moves or creation', () => {
    expect(authorize(clerk, 'invoice.status', { createdBy: 'li', status: 'verified' }).ok).toBe(true);
  });
});

describe('isRole', () => {
  it('knows the three roles only', () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
