// The packaging config can only be exercised for real where Electron downloads (docs/packaging.md), so this
// checks what can be checked here: electron-builder's own schema (the fuses: electron-fuses.test.ts), and that
// every path the config packs or points to is produced by this repository's build.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import viteConfig from '../vite.config';
import { MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_DIR } from '../electron/main/app-paths';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = createRequire(import.meta.url)('./electron-builder.config.cjs') as Configuration;
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; productName: string };

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder config', () => {
  it('passes electron-builder\'s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and pins the Electron version', () => {
    expect(config.appId).toBe('cn.fapiaodesk.app');
    expect(config.productName).toBe('Fapiao Desk');
    expect(config.productName).toBe(packageJson.productName);
    expect(config.electronVersion).toBe('45.5.0');
    expect(config.asar).toBe(true);
  });

  it('builds NSIS x64 on Windows, AppImage and deb (Office) on Linux, dmg on macOS', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('packs only build output, and the build produces each of it', () => {
    const included = (config.files as string[]).filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['dist/renderer/**', 'dist-electron/**', 'package.json']);

    // dist/renderer: vite.config.ts builds `root` into `build.outDir`, and main serves RENDERER_DIR.
    const rendererOut = path.relative(root, path.resolve(root, viteConfig.root ?? '.', viteConfig.build?.outDir ?? 'dist'));
    expect(rendererOut.split(path.sep).join('/')).toBe(RENDERER_DIR);
    expect(included[0]).toBe(`${RENDERER_DIR}/**`);

    // dist-electron: package.json "main" and the preload path main uses both live there
    // (electron-bundle.test.ts runs the bundler and checks it writes exactly these two files).
    expect(packageJson.main).toBe(MAIN_BUNDLE);
    expect(path.posix.dirname(MAIN_BUNDLE)).toBe('dist-electron');
    expect(path.posix.dirname(PRELOAD_BUNDLE)).toBe('dist-electron');
    expect(existsSync(path.join(root, 'package.json'))).toBe(true);
  });
});

describe('icons', () => {
  it('exist at the paths the config names, at their stated sizes', () => {
    expect(config.directories?.buildResources).toBe('build');
    const linuxIconDir = path.join(root, config.linux?.icon ?? '');
    for (const size of [256, 512]) {
      expect(pngSize(path.join(linuxIconDir, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(pngSize(path.join(root, config.win?.icon ?? ''))).toEqual({ width: 256, height: 256 });
    expect(pngSize(path.join(root, config.mac?.icon ?? ''))).toEqual({ width: 512, height: 512 });
  });

  it('are what build/make-icon.mjs draws, byte for byte', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'fapiao-icons-'));
    try {
      execFileSync(process.execPath, [path.join(root, 'build', 'make-icon.mjs'), '--out-dir', out]);
      for (const name of ['256x256.png', '512x512.png']) {
        expect(await readFile(path.join(out, name))).toEqual(await readFile(path.join(root, 'build', 'icons', name)));
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 30_000);
});
