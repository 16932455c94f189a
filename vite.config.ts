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

// The renderer is served from a fixed origin in Electron (app://fapiao) and from 127.0.0.1 in the browser;
// `base: './'` keeps every asset path relative so both work with the same build.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [offlineAssets(), react()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
