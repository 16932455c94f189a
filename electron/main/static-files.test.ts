import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppFile } from './static-files';

const ROOT = '/opt/fapiao/dist/renderer';

describe('resolveAppFile', () => {
  it.each([
    ['app://fapiao/', 'index.html'],
    ['app://fapiao', 'index.html'],
    ['app://fapiao/index.html', 'index.html'],
    ['app://fapiao/assets/index-3f2a.js', 'assets/index-3f2a.js'],
    ['app://fapiao/assets/', 'assets/index.html'],
    ['app://fapiao/index.html?x=1#/invoices', 'index.html'],
    ['app://fapiao/tessdata/chi%5Fsim.traineddata', 'tessdata/chi_sim.traineddata'],
    ['app://fapiao/%E5%8F%91%E7%A5%A8.png', '发票.png'],
  ])('maps %s to %s', (url, file) => {
    expect(resolveAppFile(ROOT, url)).toEqual({ ok: true, value: path.posix.join(ROOT, file) });
  });

  it.each([
    'app://fapiao/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://fapiao/..%5c..%5cwindows%5cwin.ini',
    'app://fapiao/a%00.js',
    'app://fapiao/C:%5Cwindows%5Cwin.ini',
    'app://fapiao/%E0%A4%A',
  ])('refuses %s with 400', (url) => {
    const result = resolveAppFile(ROOT, url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.status).toBe(400);
  });

  it.each(['app://fapiao/../../etc/passwd', 'app://fapiao/%2e%2e/%2E%2E/etc/passwd'])(
    'keeps %s inside the root (the URL parser folds dot segments before we see them)', (url) => {
      expect(resolveAppFile(ROOT, url)).toEqual({ ok: true, value: path.posix.join(ROOT, 'etc/passwd') });
    },
  );

  it('answers 404 for another host or scheme', () => {
    expect(resolveAppFile(ROOT, 'app://other/index.html')).toMatchObject({ ok: false, error: { status: 404 } });
    expect(resolveAppFile(ROOT, 'https://fapiao/index.html')).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('applies the same rules to Windows paths', () => {
    const root = 'C:\\Program Files\\Fapiao Desk\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppFile(root, 'app://fapiao/assets/a.js', path.win32)).toEqual({ ok: true, value: `${root}\\assets\\a.js` });
    expect(resolveAppFile(root, 'app://fapiao/..%5C..%5Cx.js', path.win32).ok).toBe(false);
    expect(resolveAppFile(root, 'app://fapiao/D:%2Fx.js', path.win32).ok).toBe(false);
    expect(resolveAppFile(root, 'app://fapiao/index.html::$DATA', path.win32).ok).toBe(false);
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.MJS', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['tesseract-core.wasm', 'application/wasm'],
    ['icon.svg', 'image/svg+xml'],
    ['chi_sim.traineddata', 'application/octet-stream'],
    ['chi_sim.traineddata.gz', 'application/gzip'],
    ['font.woff2', 'font/woff2'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});
