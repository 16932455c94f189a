// Launches the real desktop app with Playwright's Electron driver. Runs only where the Electron binary is
// installed (Node >= 22 and network access to Electron's download host); elsewhere it is skipped with the reason.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import type { DesktopWindow } from '../../shared/ipc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const electronBinary = findElectronBinary(root);

test.describe('desktop app (Electron)', () => {
  test.skip(
    electronBinary === undefined,
    'No Electron binary: electron@45 is an optional dependency that needs Node >= 22 and downloads its binary on ' +
      'install, which this machine cannot do. Run on a machine where `npm install` fetched Electron (docs/packaging.md).',
  );

  test.beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
      throw new Error('dist/renderer is missing: run `npm run build` (or `npm run test:e2e`, which builds the renderer) first.');
    }
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: 'inherit' });
  });

  test('opens the ledger on app://fapiao with the bridge and without Node', async () => {
    if (electronBinary === undefined) throw new Error('unreachable: skipped above');
    const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    delete env.ELECTRON_RUN_AS_NODE;
    const app = await _electron.launch({ executablePath: electronBinary, args: [root], cwd: root, env });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveURL('app://fapiao/index.html');
      await expect(page).toHaveTitle('发票台账');
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

      const info = await page.evaluate(() => (window as Window & DesktopWindow).desktop?.getAppInfo());
      expect(info).toMatchObject({ ok: true, value: { name: 'Fapiao Desk', isPackaged: false } });
      const pageGlobals = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(pageGlobals).toEqual({ require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
    }
  });
});
