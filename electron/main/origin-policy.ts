// Which URLs the shell trusts. Pure: no Electron import, tested in origin-policy.test.ts.

/** The custom scheme the renderer is served from; a fixed origin keeps IndexedDB in one place (docs/architecture.md#data). */
export const APP_SCHEME = 'app';
/** The one host served on APP_SCHEME. */
export const APP_HOST = 'fapiao';
/** The renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Origins (https only) that links may open in the OS browser; everything else is refused.
 * The national VAT invoice verification platform is the one site a clerk is sent to from the app.
 */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = ['https://inv-veri.chinatax.gov.cn'];

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * True when `url` is on app://fapiao exactly.
 * WARNING: Node's URL reports origin "null" for schemes it does not know, so the parts are compared, not `.origin`.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** An IPC message is trusted only from the top-level frame of a page on app://fapiao (docs/security.md#ipc). */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame != null && frame.parent === null && isAppUrl(frame.url);
}

/** True when `url` may be opened in the OS browser: https, no credentials, origin on the allowlist. */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = EXTERNAL_URL_ALLOWLIST): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    allowlist.includes(parsed.origin)
  );
}
