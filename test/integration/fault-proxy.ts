// A fault-injecting HTTP proxy on loopback for the sync tests. Per request, a seeded random source picks one of:
// forward untouched, drop the connection before forwarding, drop it after the server answered (the server
// committed, the client never hears), answer 502 itself, delay before forwarding, or forward the request twice.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The faults the proxy can inject. */
export type FaultKind = 'dropBefore' | 'dropAfter' | 'badGateway' | 'delay' | 'duplicate';

/** Probability of each fault per request (the rest are forwarded untouched). */
export type FaultRates = Record<FaultKind, number>;

/** No faults at all. */
export const NO_FAULTS: FaultRates = { dropBefore: 0, dropAfter: 0, badGateway: 0, delay: 0, duplicate: 0 };

export interface FaultProxyOptions {
  /** Base URL of the real server, e.g. http://127.0.0.1:8787. */
  readonly target: string;
  readonly seed: number;
  readonly rates: FaultRates;
  /** Longest delay a `delay` fault adds (default 200 ms). */
  readonly maxDelayMs?: number;
}

export interface FaultProxy {
  readonly url: string;
  /** How many of each fault were injected, and how many requests were forwarded untouched. */
  readonly counts: Readonly<Record<FaultKind | 'clean', number>>;
  /** Requests the real server received (a duplicate counts twice; a dropBefore or badGateway not at all). */
  readonly upstreamRequests: number;
  /** All faults injected so far. */
  faults(): number;
  /** Changes the fault rates (e.g. to NO_FAULTS for quiescence). */
  setRates(rates: FaultRates): void;
  close(): Promise<void>;
}

/** mulberry32: a small seeded PRNG, so a failing seed replays the same fault sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Upstream {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => { resolve(Buffer.concat(chunks)); });
    stream.on('error', reject);
  });
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host, 'content-length': String(body.byteLength) };
    delete headers['connection'];
    delete headers['transfer-encoding'];
    const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false }, (res) => {
      readAll(res).then((b) => { resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }); }, reject);
    });
    up.on('error', reject);
    up.end(body);
  });
}

function answer(res: ServerResponse, up: Upstream): void {
  const hop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);
  const headers: Record<string, string | string[]> = { 'content-length': String(up.body.byteLength) };
  for (const [name, value] of Object.entries(up.headers)) if (value !== undefined && !hop.has(name)) headers[name] = value;
  res.writeHead(up.status, headers);
  res.end(up.body);
}

const KINDS: readonly FaultKind[] = ['dropBefore', 'dropAfter', 'badGateway', 'delay', 'duplicate'];

/** Starts the proxy on a free loopback port. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const target = new URL(options.target);
  let rates = options.rates;
  const counts: Record<FaultKind | 'clean', number> = { dropBefore: 0, dropAfter: 0, badGateway: 0, delay: 0, duplicate: 0, clean: 0 };
  let upstreamRequests = 0;

  const pick = (): FaultKind | 'clean' => {
    let roll = random();
    for (const kind of KINDS) {
      if (roll < rates[kind]) return kind;
      roll -= rates[kind];
    }
    return 'clean';
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readAll(req);
    const fault = pick();
    counts[fault] += 1;
    const delayMs = fault === 'delay' ? Math.floor(random() * (options.maxDelayMs ?? 200)) : 0;
    if (fault === 'dropBefore') {
      req.socket.destroy();
      return;
    }
    if (fault === 'badGateway') {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('Bad Gateway (injected)');
      return;
    }
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    upstreamRequests += 1;
    if (fault === 'duplicate') {
      upstreamRequests += 1;
      const [first, second] = await Promise.allSettled([forward(target, req, body), forward(target, req, body)]);
      const chosen = second.status === 'fulfilled' ? second.value : first.status === 'fulfilled' ? first.value : undefined;
      if (chosen) answer(res, chosen);
      else req.socket.destroy();
      return;
    }
    const up = await forward(target, req, body);
    if (fault === 'dropAfter') {
      req.socket.destroy();
      return;
    }
    answer(res, up);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => { req.socket.destroy(); });
  });
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    get upstreamRequests() { return upstreamRequests; },
    faults: () => KINDS.reduce((sum, kind) => sum + counts[kind], 0),
    setRates: (next) => { rates = next; },
    close: () => new Promise<void>((resolve) => {
      server.close(() => { resolve(); });
      server.closeAllConnections();
    }),
  };
}
