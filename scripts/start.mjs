// `npm start`: the desktop app in Electron when its binary is installed, otherwise the same renderer served on
// http://127.0.0.1:4173 for Chromium. `npm run web` (--web) always serves. PORT overrides the port.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };

function parsePort(value) {
  const port = Number(value ?? '4173');
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`PORT must be a whole number from 1 to 65535, not ${JSON.stringify(value)}.`);
    process.exit(2);
  }
  return port;
}

/** Runs a command with the terminal attached; resolves to its exit code (128+n when killed by a signal). */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    // Ctrl+C reaches the whole process group: let the child stop on its own and report its code.
    const ignore = () => undefined;
    process.on('SIGINT', ignore);
    process.on('SIGTERM', ignore);
    const done = (code) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', ignore);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? SIGNAL_EXIT_CODES[signal] ?? 1));
  });
}

/** `npm run <script>` through the npm that started us (works on Windows without a shell), else npm on PATH. */
function runNpmScript(script) {
  const npmCli = process.env.npm_execpath;
  return npmCli
    ? run(process.execPath, [npmCli, 'run', script])
    : run('npm', ['run', script], { shell: process.platform === 'win32' });
}

async function startElectron(binary) {
  const built = await runNpmScript('build');
  if (built !== 0) return built;
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  return run(binary, [root], { env });
}

async function serveWeb(port, explanation) {
  const { build, preview } = await import('vite');
  const configFile = path.join(root, 'vite.config.ts');
  try {
    await build({ configFile, logLevel: 'warn' });
  } catch (error) {
    console.error(`Renderer build failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let server;
  try {
    server = await preview({ configFile, preview: { host: HOST, port, strictPort: true, open: false } });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.error(`Could not serve on ${HOST}:${port} (${detail}); choose another port with PORT=<port>.`);
    return 1;
  }
  console.log(explanation.replace('{url}', `http://${HOST}:${port}`));
  return new Promise((resolve) => {
    let exitCode = 0;
    const stop = (signal) => {
      exitCode = SIGNAL_EXIT_CODES[signal];
      server.close().catch(() => undefined);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    server.httpServer.once('close', () => resolve(exitCode));
  });
}

async function main() {
  process.chdir(root); // vite.config.ts uses paths relative to the project folder
  const webOnly = process.argv.includes('--web');
  const port = parsePort(process.env.PORT);
  const binary = webOnly ? undefined : findElectronBinary(root);
  if (binary) return startElectron(binary);
  const explanation = webOnly
    ? 'Serving Fapiao Desk at {url} — open it in Chromium (Ctrl+C stops).'
    : 'Electron is not installed on this machine (its binary cannot be downloaded here); serving the same app at {url} — open it in Chromium (Ctrl+C stops).';
  return serveWeb(port, explanation);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
