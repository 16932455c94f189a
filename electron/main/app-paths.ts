// Where the build puts what main loads. scripts/build-electron.mjs and vite.config.ts write these paths, and
// build/electron-builder.config.test.ts checks that they agree.
import path from 'node:path';

/** dist-electron/ file names written by scripts/build-electron.mjs. */
export const MAIN_BUNDLE = 'dist-electron/main.cjs';
/** The sandboxed preload bundle. */
export const PRELOAD_BUNDLE = 'dist-electron/preload.cjs';
/** The renderer build output of vite.config.ts. */
export const RENDERER_DIR = 'dist/renderer';

/** Absolute paths for an app whose root is `appPath` (the project folder, or app.asar when packaged). */
export function appPaths(appPath: string): { readonly rendererDir: string; readonly preloadPath: string } {
  return {
    rendererDir: path.join(appPath, ...RENDERER_DIR.split('/')),
    preloadPath: path.join(appPath, ...PRELOAD_BUNDLE.split('/')),
  };
}
