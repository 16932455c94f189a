// How an app://fapiao request maps to a file under dist/renderer. Pure (node:path only); tested in static-files.test.ts.
import path from 'node:path';
import { err, ok, type Result } from '../../shared/domain/result';
import { APP_HOST, APP_SCHEME } from './origin-policy';

/** Why a request gets no file: 404 for other hosts and unknown files, 400 for paths that try to leave the root. */
export interface FileRefusal {
  readonly status: 400 | 404;
  readonly reason: string;
}

// Characters that never appear in a built asset's path segment but do in traversal or Windows tricks
// (separators, drive letters and alternate data streams, NUL).
const FORBIDDEN_IN_SEGMENT = /[/\\:\0]/;

/**
 * Resolves a request URL to an absolute file path inside `rootDir`.
 * Each segment is percent-decoded before the check, so `%2e%2e` and `%2f` cannot smuggle a `..` or a separator,
 * and the final path must still lie under `rootDir`. `pathApi` is injectable so tests can run the Windows rules.
 */
export function resolveAppFile(
  rootDir: string,
  requestUrl: string,
  pathApi: path.PlatformPath = path,
): Result<string, FileRefusal> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return err({ status: 400, reason: 'unparsable URL' });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return err({ status: 404, reason: 'unknown host' });

  const rawSegments = url.pathname.split('/').filter((segment) => segment !== '');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return err({ status: 400, reason: 'bad percent-encoding' });
    }
    if (segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment)) {
      return err({ status: 400, reason: 'path traversal refused' });
    }
    segments.push(segment);
  }
  if (url.pathname.endsWith('/') || segments.length === 0) segments.push('index.html');

  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, ...segments);
  const relative = pathApi.relative(root, file);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) {
    return err({ status: 400, reason: 'path traversal refused' });
  }
  return ok(file);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.gz': 'application/gzip',
};

/** The Content-Type for a file name; unknown extensions (e.g. `.traineddata`) are served as bytes. */
export function mimeTypeFor(fileName: string): string {
  const extension = path.extname(fileName).toLowerCase();
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}
