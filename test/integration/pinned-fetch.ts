// A fetch for the simulated desktop PC of the TLS tests: Node's TLS client checks the certificate the way Chromium
// does under the app's verify proc (electron/main/server-pins.ts): the proc gets the host and the certificate's
// fingerprint in Chromium's sha256/base64 form and answers 0 (accept), -2 (refuse) or -3 (Chromium's own verdict,
// here: the certificate chains to `ca` or the system roots). The request is written only after that verdict, so a
// refused certificate receives nothing, as in the app.
import { createHash } from 'node:crypto';
import { request } from 'node:https';
import { connect, type TLSSocket } from 'node:tls';

/** Electron's verify proc as main installs it. */
export type VerifyProc = (request: { hostname: string; certificate: { fingerprint: string } }, callback: (code: number) => void) => void;

/** What the fetch saw: requests written to a server, and certificates refused. */
export interface FetchLog {
  readonly sent: string[];
  readonly refused: string[];
}

function verifiedSocket(host: string, port: number, verify: VerifyProc, ca: readonly string[] | undefined, log: FetchLog): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, rejectUnauthorized: false, ...(ca ? { ca: [...ca] } : {}) }, () => {
      const der = socket.getPeerCertificate().raw;
      const fingerprint = `sha256/${createHash('sha256').update(der).digest('base64')}`;
      verify({ hostname: host, certificate: { fingerprint } }, (code) => {
        const ok = code === 0 || (code === -3 && socket.authorized);
        if (ok) { resolve(socket); return; }
        log.refused.push(`${host}:${String(port)}`);
        socket.destroy();
        reject(new TypeError('fetch failed: certificate refused'));
      });
    });
    socket.once('error', (e: Error) => { reject(new TypeError(`fetch failed: ${e.message}`)); });
  });
}

async function bodyBytes(body: RequestInit['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  throw new Error('pinned fetch: unsupported body');
}

/** A fetch whose TLS connections pass `verify` first; `ca` stands for certificates the host was told to trust. */
export function pinnedFetch(verify: VerifyProc, options: { ca?: readonly string[] } = {}): { fetch: typeof fetch; log: FetchLog } {
  const log: FetchLog = { sent: [], refused: [] };
  const pinned = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.protocol !== 'https:') return fetch(input, init);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = await verifiedSocket(host, Number(url.port || 443), verify, options.ca, log);
    const body = await bodyBytes(init?.body);
    const method = init?.method ?? 'GET';
    log.sent.push(`${method} ${url.pathname}`);
    return new Promise((resolve, reject) => {
      const req = request(url, {
        // No agent: the request goes over this verified socket, not a connection an agent would open.
        method, headers: Object.fromEntries(new Headers(init?.headers).entries()),
        createConnection: () => socket,
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => { chunks.push(c); });
        res.on('end', () => { resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })); });
        res.on('error', reject);
      });
      req.on('error', (e) => { reject(new TypeError(`fetch failed: ${e.message}`)); });
      init?.signal?.addEventListener('abort', () => { req.destroy(new DOMException('aborted', 'AbortError')); });
      req.end(body);
    });
  };
  return { fetch: pinned, log };
}
