/*
 * This install's identity as audit entries name it (issue #13): a random id made once and a name the clerk can
 * recognise. Kept in localStorage, not in the ledger database, because a restore swaps the database but the PC
 * stays the same PC. Not a secret.
 */
const KEY = 'fapiao.device';

/** This install's id and name. */
export interface DeviceIdentity {
  readonly id: string;
  readonly name: string;
}

/** Reads (or on first use makes) this install's identity; `defaultName` names it the first time. */
export function deviceIdentity(storage: Storage, defaultName: string, random: () => Uint8Array): DeviceIdentity {
  const raw = storage.getItem(KEY);
  if (raw !== null) {
    try {
      const parsed = JSON.parse(raw) as Partial<DeviceIdentity>;
      if (typeof parsed.id === 'string' && typeof parsed.name === 'string') return { id: parsed.id, name: parsed.name };
    } catch {
      // A damaged entry is replaced below.
    }
  }
  const id = Array.from(random().slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  const made = { id, name: defaultName };
  storage.setItem(KEY, JSON.stringify(made));
  return made;
}

/** How audit entries name a device: "<name> · <first 8 of id>". */
export function deviceLabel(d: DeviceIdentity): string {
  return `${d.name} · ${d.id.slice(0, 8)}`;
}
