import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.traineddata': 'application/octet-stream',
  '.mjs': 'text/javascript', '.txt': 'text/plain; charset=utf-8',
};

/** As the app is served everywhere (vite.config.ts, Electron's app://): cross-origin isolated, so onnxruntime-web has threads. */
const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/** Serves a built folder on 127.0.0.1 (a free port); resolves to its base URL and a close function. */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root + sep) && file !== root) { res.writeHead(403).end(); return; }
    readFile(file).then(
      (body) => { res.writeHead(200, { ...ISOLATION, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body); },
      () => { res.writeHead(404, ISOLATION).end(); },
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => { ok(); })) };
}
