// What app://fapiao answers for one request: a file of dist/renderer with the app's security headers. Pure of
// Electron (node:fs only), so the CSP end-to-end test (test/e2e/csp.spec.ts) serves the built renderer with exactly
// these responses.
import { readFile } from 'node:fs/promises';
import { buildContentSecurityPolicy } from './csp';
import { mimeTypeFor, resolveAppFile } from './static-files';

/** Reads a file's bytes; injectable for tests. */
export type ReadFile = (file: string) => Promise<Uint8Array<ArrayBuffer>>;

/**
 * Cross-origin isolation for every response (the page and each worker script): onnxruntime-web runs PP-OCR
 * on two threads only with SharedArrayBuffer. The app loads nothing from other origins, so require-corp blocks nothing.
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function securityHeaders(contentSecurityPolicy: string): Record<string, string> {
  return {
    ...CROSS_ORIGIN_ISOLATION_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function isMissingFile(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

// renderer/index.html carries a meta policy for the browser build; in the app it would be intersected with the
// header and block the LAN sync server, so it is removed from the page and the header (csp.ts) is the policy.
const META_POLICY = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/gi;

/** The page without its meta Content-Security-Policy (HTML only; other files are passed through). */
export function withoutMetaPolicy(file: string, body: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (!file.endsWith('.html')) return body;
  const html = new TextDecoder().decode(body);
  const stripped = html.replace(META_POLICY, '');
  return stripped === html ? body : new TextEncoder().encode(stripped);
}

/** Answers one app:// request from files under `rootDir`; never serves anything outside it. */
export async function respondToAppRequest(
  request: Request,
  rootDir: string,
  read: ReadFile = readFile,
  contentSecurityPolicy: string = buildContentSecurityPolicy(),
): Promise<Response> {
  const headers = securityHeaders(contentSecurityPolicy);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...headers, Allow: 'GET, HEAD' } });
  }
  const resolved = resolveAppFile(rootDir, request.url);
  if (!resolved.ok) return new Response(null, { status: resolved.error.status, headers });
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = withoutMetaPolicy(resolved.value, await read(resolved.value));
  } catch (error) {
    if (isMissingFile(error)) return new Response(null, { status: 404, headers });
    throw error;
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...headers, 'Content-Type': mimeTypeFor(resolved.value), 'Content-Length': String(body.byteLength) },
  });
}
