/*
 * The capture harness page (renderer/bench/capture.html) in headless Chromium: builds the app with the bench
 * pages (bench/vite.bench.config.ts), serves it cross-origin isolated on 127.0.0.1 (bench/static-server.ts, the
 * same headers as the app) and opens the page, whose window.fapiaoCapture runs files through the app's own
 * capture pool. Used by the Chromium-vs-Node parity test and the browser capture bench.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { serveStatic } from './static-server';

const ROOT = resolve(import.meta.dirname, '..');

/** An open harness page, the server behind it, and the requests that failed or were refused meanwhile. */
export interface CaptureHarnessPage {
  readonly page: Page;
  readonly url: string;
  readonly failedRequests: string[];
  readonly close: () => Promise<void>;
}

/** Builds the bench pages (skipped with `build: false` when bench/out/renderer is fresh) and opens the harness. */
export async function openCaptureHarness(browser: Browser, options: { build?: boolean } = {}): Promise<CaptureHarnessPage> {
  if (options.build ?? true) {
    execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.bench.config.ts', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  }
  const server = await serveStatic(resolve(ROOT, 'bench/out/renderer'));
  const page = await browser.newPage();
  const failedRequests: string[] = [];
  page.on('requestfailed', (r) => { failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`); });
  page.on('response', (r) => { if (r.status() >= 400) failedRequests.push(`${r.url()} (HTTP ${r.status()})`); });
  await page.goto(`${server.url}/bench/capture.html`);
  await page.waitForFunction(() => window.fapiaoCapture !== undefined);
  return {
    page,
    url: server.url,
    failedRequests,
    close: async () => {
      await page.close();
      await server.close();
    },
  };
}
