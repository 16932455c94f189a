// The Content-Security-Policy sent with every app://fapiao response. Pure; tested in csp.test.ts.

/**
 * Where the renderer may connect besides its own origin: the office sync server, on this PC or anywhere on the
 * LAN (its address is whatever the clerk enrolled with). A CSP cannot name address ranges, so connect-src admits
 * http(s) and security-network.ts cancels every request that would leave the LAN; the header is the app's only
 * policy (app-protocol.ts drops the page's stricter meta policy, which is for the browser build).
 */
export const CONNECT_SOURCES: readonly string[] = ["'self'", 'http:', 'https:'];

const SOURCE = /^[^\s;,]+$/;

/** Builds the policy; `connectSources` replaces CONNECT_SOURCES (tests, or a future setting). */
export function buildContentSecurityPolicy(connectSources: readonly string[] = CONNECT_SOURCES): string {
  const bad = connectSources.find((source) => !SOURCE.test(source));
  if (bad !== undefined) throw new Error(`Invalid connect-src source: ${JSON.stringify(bad)}`);
  const directives: readonly (readonly [string, readonly string[]])[] = [
    ['default-src', ["'self'"]],
    // 'wasm-unsafe-eval' lets OCR/QR WebAssembly compile without allowing eval().
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['img-src', ["'self'", 'data:', 'blob:']],
    // No 'unsafe-inline' (the browser build's meta policy still has it): React sets style props through the CSSOM,
    // which CSP does not govern, and no screen adds <style> or style="" markup (test/e2e/csp.spec.ts walks them all).
    // Without it an injected <style> cannot use selectors to leak what a page shows.
    ['style-src', ["'self'"]],
    ['connect-src', connectSources],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    // form-action: no form posts anywhere (renderer/index.html's meta policy says the same);
    // frame-ancestors only works as a header, which is why the header repeats the meta policy.
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
