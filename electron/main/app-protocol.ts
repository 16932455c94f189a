// Serves the built renderer (dist/renderer) on app://fapiao, so the page has a fixed, secure origin and no file:// access.
import { readFile } from 'node:fs/promises';
import { protocol, type CustomScheme, type Session } from 'electron';
import { respondToAppRequest } from './app-response';
import { buildContentSecurityPolicy } from './csp';
import { APP_SCHEME } from './origin-policy';

/** `standard` + `secure` give app://fapiao a real origin with IndexedDB and a secure context; fetch() works on it. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before `app` is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Installs the app:// handler on a session (after `app` is ready); each answer comes from app-response.ts. */
export function serveAppProtocol(session: Session, rootDir: string): void {
  const contentSecurityPolicy = buildContentSecurityPolicy();
  session.protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, rootDir, readFile, contentSecurityPolicy));
}
