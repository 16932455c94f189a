// The fuses of the packaged app, checked without Electron or electron-builder running: the config is fed to the
// same two electron-builder steps `npm run dist` runs (turn the config into a fuse wire, flip it in the binary),
// on a stand-in "binary" that carries Electron's fuse wire with its default states.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants.js';
import { FuseV1Options, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { PlatformPackager, type Configuration, type FuseOptionsV1 } from 'app-builder-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('./electron-builder.config.cjs') as Configuration;

/** The electron-builder steps, called the way its packager calls them after packing (private in its typings). */
interface FuseSteps {
  generateFuseConfig(this: unknown, fuses: FuseOptionsV1): Promise<FuseConfig>;
  addElectronFuses(this: unknown, context: { appOutDir: string; electronPlatformName: string }, fuses: FuseConfig): Promise<number>;
}
const steps = PlatformPackager.prototype as unknown as FuseSteps;

const { ENABLE, DISABLE } = FuseState;
/** Electron's own defaults, in wire order (Electron's fuses documentation). */
const ELECTRON_DEFAULTS = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];
/** What the packaged app must have, by name. */
const EXPECTED: Readonly<Record<keyof typeof FuseV1Options & string, FuseState>> = {
  RunAsNode: DISABLE,
  EnableCookieEncryption: ENABLE,
  EnableNodeOptionsEnvironmentVariable: DISABLE,
  EnableNodeCliInspectArguments: DISABLE,
  EnableEmbeddedAsarIntegrityValidation: ENABLE,
  OnlyLoadAppFromAsar: ENABLE,
  LoadBrowserProcessSpecificV8Snapshot: DISABLE,
  GrantFileProtocolExtraPrivileges: DISABLE,
};

/** A file shaped like the part of an Electron executable that holds the fuses: sentinel, version 1, length, states. */
function fakeElectron(states: readonly number[]): Buffer {
  return Buffer.concat([Buffer.from('\x7fELF padding before'), Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, states.length, ...states]), Buffer.from('after')]);
}

const FUSE_NAMES = Object.keys(EXPECTED) as (keyof typeof EXPECTED)[];

describe('electron fuses of the packaged app', () => {
  let dir = '';
  beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'fapiao-fuses-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('sets every fuse @electron/fuses knows explicitly, none left to Electron\'s default', async () => {
    const fuses = config.electronFuses;
    expect(fuses).toBeTruthy();
    const wire = await steps.generateFuseConfig.call({}, fuses ?? {});
    const numericKeys = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(numericKeys).toHaveLength(FUSE_NAMES.length);
    for (const index of numericKeys) expect(wire[index as FuseV1Options], FuseV1Options[index]).toBeTypeOf('boolean');
  });

  it('flips exactly RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, ASAR integrity, ASAR-only and file:// privileges', async () => {
    const binary = path.join(dir, 'fapiao-desk');
    await writeFile(binary, fakeElectron(ELECTRON_DEFAULTS));
    const fake = { executableName: 'fapiao-desk', appInfo: { productFilename: 'fapiao-desk' } };
    const wire = await steps.generateFuseConfig.call(fake, config.electronFuses ?? {});
    await steps.addElectronFuses.call(fake, { appOutDir: dir, electronPlatformName: 'linux' }, wire);

    const flipped = await getCurrentFuseWire(binary);
    const byName = Object.fromEntries(FUSE_NAMES.map((name) => [name, flipped[FuseV1Options[name]]]));
    expect(byName).toEqual(EXPECTED);
    // Which fuses differ from what Electron ships with: the checklist's list, and nothing else.
    const changed = FUSE_NAMES.filter((name) => EXPECTED[name] !== ELECTRON_DEFAULTS[FuseV1Options[name]]);
    expect(changed).toEqual([
      'RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments',
      'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'GrantFileProtocolExtraPrivileges',
    ]);
    // The bytes around the wire are untouched.
    const bytes = await readFile(binary);
    expect(bytes.subarray(0, 19).toString('latin1')).toBe('\x7fELF padding before');
    expect(bytes.subarray(-5).toString('latin1')).toBe('after');
  });

  it('fails the package step when the binary has no fuse wire (so a wrong path cannot pass silently)', async () => {
    const binary = path.join(dir, 'fapiao-desk');
    await writeFile(binary, Buffer.from('no sentinel here'));
    const fake = { executableName: 'fapiao-desk', appInfo: { productFilename: 'fapiao-desk' } };
    const wire = await steps.generateFuseConfig.call(fake, config.electronFuses ?? {});
    await expect(steps.addElectronFuses.call(fake, { appOutDir: dir, electronPlatformName: 'linux' }, wire)).rejects.toThrow(/sentinel/);
  });
});
