// Where the CLI finds its offline assets: the vendor folder scripts/prepare-assets.mjs fills, and node_modules.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is cli/capture-node/paths.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** renderer/public/vendor — the same assets the renderer serves as ./vendor/. */
export const VENDOR_DIR = join(REPO_ROOT, 'renderer', 'public', 'vendor');

/** node_modules of the repository. */
export const NODE_MODULES = join(REPO_ROOT, 'node_modules');

/** The folder holding chi_sim/eng .traineddata.gz, or null when `npm run assets` has not run. */
export function tessdataDir(): string | null {
  const dir = join(VENDOR_DIR, 'tessdata');
  return existsSync(join(dir, 'chi_sim.traineddata.gz')) && existsSync(join(dir, 'eng.traineddata.gz')) ? dir : null;
}
