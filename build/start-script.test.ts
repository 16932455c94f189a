// scripts/start.mjs in throwaway projects: one with a stand-in Electron binary, one without Electron.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projects: string[] = [];

afterEach(async () => {
  await Promise.all(projects.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fapiao-start-'));
  projects.push(dir);
  await mkdir(path.join(dir, 'scripts'));
  await copyFile(path.join(root, 'scripts', 'start.mjs'), path.join(dir, 'scripts', 'start.mjs'));
  await copyFile(path.join(root, 'scripts', 'electron-binary.mjs'), path.join(dir, 'scripts', 'electron-binary.mjs'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

function start(dir: string, args: string[] = [], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(dir, 'scripts', 'start.mjs'), ...args], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => { resolve(code); }));
  return { child, exit, output: () => output };
}

async function waitFor(condition: () => boolean, what: string, child: ChildProcess, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (child.exitCode !== null) throw new Error(`start.mjs exited (${child.exitCode}) before ${what}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => { if (address && typeof address === 'object') resolve(address.port); else reject(new Error('no port')); });
    });
  });
}

const ELECTRON_PACKAGE = JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' });
// Electron's real index.js tries to download a missing binary; this one leaves a trace if it is ever loaded.
const ELECTRON_INDEX = "require('node:fs').writeFileSync(require('node:path').join(__dirname, 'LOADED'), '1');";

describe.skipIf(process.platform === 'win32')('npm start with an Electron binary', () => {
  const FAKE_ELECTRON = '#!/bin/sh\nprintf "%s" "$1" > "$(dirname "$0")/../args.txt"\nprintf "%s" "${ELECTRON_RUN_AS_NODE-unset}" > "$(dirname "$0")/../env.txt"\nexit 3\n';

  async function electronProject(buildScript: string) {
    const dir = await project({
      'package.json': JSON.stringify({ name: 'p', private: true, scripts: { build: buildScript } }),
      'node_modules/electron/package.json': ELECTRON_PACKAGE,
      'node_modules/electron/index.js': ELECTRON_INDEX,
      'node_modules/electron/path.txt': 'electron',
      'node_modules/electron/dist/electron': FAKE_ELECTRON,
    });
    await chmod(path.join(dir, 'node_modules/electron/dist/electron'), 0o755);
    return dir;
  }

  it('builds, launches Electron on the project folder and passes its exit code on', async () => {
    const dir = await electronProject("node -e \"require('fs').writeFileSync('built.txt','1')\"");
    const run = start(dir, [], { ELECTRON_RUN_AS_NODE: '1' });
    expect(await run.exit).toBe(3);
    expect(await readFile(path.join(dir, 'built.txt'), 'utf8')).toBe('1');
    expect(await readFile(path.join(dir, 'node_modules/electron/args.txt'), 'utf8')).toBe(dir);
    expect(await readFile(path.join(dir, 'node_modules/electron/env.txt'), 'utf8')).toBe('unset');
  }, 60_000);

  it('does not launch Electron when the build fails', async () => {
    const dir = await electronProject('node -e "process.exit(4)"');
    const run = start(dir);
    expect(await run.exit).toBe(4);
    await expect(readFile(path.join(dir, 'node_modules/electron/args.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);
});

describe.skipIf(process.platform === 'win32')('npm start without an Electron binary', () => {
  async function webProject() {
    const dir = await project({
      'package.json': JSON.stringify({ name: 'p', private: true, type: 'module' }),
      'vite.config.ts': "export default { root: 'renderer', base: './', build: { outDir: '../dist/renderer', emptyOutDir: true } };\n",
      'renderer/index.html': '<!doctype html><title>Fapiao Desk</title><h1>发票台账</h1>\n',
      // An electron package whose binary was never downloaded, as on this machine after a failed install.
      'node_modules/electron/package.json': ELECTRON_PACKAGE,
      'node_modules/electron/index.js': ELECTRON_INDEX,
    });
    await symlink(path.join(root, 'node_modules', 'vite'), path.join(dir, 'node_modules', 'vite'), 'dir');
    return dir;
  }

  it('serves the renderer on 127.0.0.1:$PORT with one line of explanation, and Ctrl+C stops it', async () => {
    const dir = await webProject();
    const port = await freePort();
    const run = start(dir, [], { PORT: String(port) });
    await waitFor(() => run.output().includes('http://'), 'the server line', run.child);

    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>发票台账</h1>');
    const lines = run.output().trim().split('\n');
    expect(lines).toEqual([
      `Electron is not installed on this machine (its binary cannot be downloaded here); serving the same app at http://127.0.0.1:${port} — open it in Chromium (Ctrl+C stops).`,
    ]);
    await expect(readFile(path.join(dir, 'node_modules/electron/LOADED'))).rejects.toMatchObject({ code: 'ENOENT' });

    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  }, 90_000);

  it('--web serves too, and SIGTERM exits 143', async () => {
    const dir = await webProject();
    const port = await freePort();
    const run = start(dir, ['--web'], { PORT: String(port) });
    await waitFor(() => run.output().includes('http://'), 'the server line', run.child);
    expect(run.output().trim()).toBe(`Serving Fapiao Desk at http://127.0.0.1:${port} — open it in Chromium (Ctrl+C stops).`);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(143);
  }, 90_000);

  it('refuses a bad PORT', async () => {
    const dir = await webProject();
    const run = start(dir, ['--web'], { PORT: '99999' });
    expect(await run.exit).toBe(2);
    expect(run.output()).toContain('PORT must be a whole number from 1 to 65535');
  });

  it('says which port is taken instead of printing a stack', async () => {
    const dir = await webProject();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = address && typeof address === 'object' ? address.port : 0;
    try {
      const run = start(dir, ['--web'], { PORT: String(port) });
      expect(await run.exit).toBe(1);
      expect(run.output()).toContain(`Could not serve on 127.0.0.1:${port}`);
    } finally {
      blocker.close();
    }
  }, 90_000);
});
