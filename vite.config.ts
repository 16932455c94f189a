import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

/**
 * Every build and dev server first copies the offline OCR/QR/PDF assets into renderer/public/vendor
 * (scripts/prepare-assets.mjs; a no-op when they are up to date), so `npm start`, `npm run build`, `npm run dev`
 * and the benches can never ship a renderer whose OCR would look for files that are not there.
 */
function offlineAssets(): Plugin {
  return {
    name: 'fapiao-offline-assets',
    buildStart() {
      execFileSync(process.execPath, [join(import.meta.dirname, 'scripts', 'prepare-assets.mjs'), '--quiet'], { stdio: 'inherit' });
    },
  };
}

/**
 * Cross-origin isolation: onnxruntime-web runs PP-OCR on two threads only with SharedArrayBuffer, which needs
 * these two headers on the page and on every worker script. Everything the app loads is its own (same origin),
 * so require-corp blocks nothing. The same headers come from Electron's app:// handler and the bench server.
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

// The renderer is served from a fixed origin in Electron (app://fapiao) and from 127.0.0.1 in the browser;
// `base: './'` keeps every asset path relative so both work with the same build.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [offlineAssets(), react()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  // zod without `new Function` (renderer/zod-jitless.ts explains): only the bare `zod` specifier, so the wrapper's own
  // `zod/v4` import still reaches the package.
  resolve: { alias: [{ find: /^zod$/, replacement: join(import.meta.dirname, 'renderer', 'zod-jitless.ts') }] },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: CROSS_ORIGIN_ISOLATION_HEADERS },
});
