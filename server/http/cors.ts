import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Lets the app call the API from its own origin (app://fapiao in Electron, http://127.0.0.1:4173 in a browser).
 * Any origin is allowed because nothing ambient authenticates a request: the device token travels in the
 * Authorization header, which a foreign page does not have, and no cookies are used or accepted.
 * Returns true when the request was a preflight and has been answered.
 */
export function handleCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'content-length');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
