import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import app from '../vite.config';

/** The app plus the bench harness pages (ledger seeding; capture for the parity test and the browser capture bench), built side by side so both share one origin (and one IndexedDB). */
export default mergeConfig(app, defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    sourcemap: false,
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, '../renderer/index.html'),
        seed: resolve(import.meta.dirname, '../renderer/bench/seed.html'),
        capture: resolve(import.meta.dirname, '../renderer/bench/capture.html'),
      },
    },
  },
}));
