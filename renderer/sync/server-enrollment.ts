/** The app's enrollment (enrollment.ts) over its own ledger, secret store, certificate access and sync engine. */
import { syncStore } from '../db';
import { localSecrets } from '../platform/local-secrets';
import { serverCertificates } from '../platform/server-certificates';
import { createEnrollment } from './enrollment';
import { browserFetch, startAppSync } from './sync-service';

export type { ServerIdentity } from './enrollment';

const enrollment = createEnrollment({
  store: syncStore, secrets: localSecrets(), certificates: serverCertificates(), fetch: browserFetch, restart: startAppSync,
});

/** Step 1 of enrolling: the address checked and the server's certificate read for the admin to compare. */
export const identifyServer = enrollment.identifyServer;
/** Step 2 of enrolling: pin, trade the code for a token, keep both, start syncing. */
export const enrollDevice = enrollment.enrollDevice;
/** Trusts the certificate the server presents now (after the admin compared it). */
export const trustPresentedCertificate = enrollment.trustPresentedCertificate;
/** Sets "允许局域网明文 HTTP" (admins only) and restarts sync. */
export const setPlainHttpAllowed = enrollment.setPlainHttpAllowed;

/** True where this host pins certificates itself (the desktop app); a browser relies on its own certificate check. */
export function canPinCertificates(): boolean {
  return serverCertificates() !== null;
}
