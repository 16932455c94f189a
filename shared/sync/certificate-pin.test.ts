import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pinVerdict, withPin, type CertificatePin } from './certificate-pin';
import { formatFingerprint } from './server-address';

const digest = (text: string) => createHash('sha256').update(text).digest();
const colon = (text: string) => formatFingerprint(digest(text).toString('hex'));
const chromium = (text: string) => `sha256/${digest(text).toString('base64')}`;

const pins: CertificatePin[] = [
  { origin: 'https://192.168.1.10:8787', fingerprint: colon('office') },
  { origin: 'https://[fd00::10]:8787', fingerprint: colon('v6') },
];

describe('certificate pins', () => {
  it('accept the pinned certificate however it is written, refuse any other on that host', () => {
    expect(pinVerdict(pins, '192.168.1.10', colon('office'))).toBe('accept');
    expect(pinVerdict(pins, '192.168.1.10', chromium('office'))).toBe('accept');
    expect(pinVerdict(pins, '192.168.1.10', chromium('attacker'))).toBe('refuse');
    expect(pinVerdict(pins, '192.168.1.10', 'garbage')).toBe('refuse');
    expect(pinVerdict(pins, '[FD00::10]', colon('v6'))).toBe('accept');
    expect(pinVerdict(pins, 'fd00::10', colon('office'))).toBe('refuse');
  });

  it('leave a host without a pin to the platform', () => {
    expect(pinVerdict(pins, 'example.com', chromium('anything'))).toBe('unpinned');
    expect(pinVerdict([{ origin: 'http://192.168.1.10:8787', fingerprint: colon('office') }], '192.168.1.10', colon('x'))).toBe('unpinned');
    expect(pinVerdict([], '192.168.1.10', colon('office'))).toBe('unpinned');
  });

  it('a new pin for an origin replaces the old one', () => {
    const next = withPin(pins, { origin: 'https://192.168.1.10:8787', fingerprint: colon('renewed') });
    expect(next).toHaveLength(2);
    expect(pinVerdict(next, '192.168.1.10', colon('office'))).toBe('refuse');
    expect(pinVerdict(next, '192.168.1.10', colon('renewed'))).toBe('accept');
  });
});
