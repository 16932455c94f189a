// Finds the Electron executable of a project without loading Electron: used by `npm start` and the Electron test.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron executable installed for the project at `root`, or undefined when it is not installed.
 * WARNING: this reads electron's path.txt instead of calling require('electron'): since Electron 45 that
 * require tries to download the missing binary, which hangs and fails on machines without internet access.
 */
export function findElectronBinary(root) {
  const require = createRequire(path.join(root, 'package.json'));
  let packageJson;
  try {
    packageJson = require.resolve('electron/package.json');
  } catch {
    return undefined;
  }
  const electronDir = path.dirname(packageJson);
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative || 'electron') : relative && path.join(electronDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : undefined;
}
