// The text engine's ports (text-engine-server.ts ↔ text-engine-client.ts) over real MessageChannels, with a fake engine.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OcrLine } from '../../shared/capture/text/text-engine';
import type { WebTextEngine } from './ppocr-web';
import { readLinesRequestSchema } from './text-engine-protocol';
import { createTextEngineServer } from './text-engine-server';
import type * as ClientModule from './text-engine-client';

type Client = typeof ClientModule;

const image = { width: 2, height: 1, data: new Uint8ClampedArray([1, 2, 3, 4, 5, 6, 7, 8]) };
const line: OcrLine = { text: '发票号码：33207675', box: { x: 1, y: 2, w: 3, h: 4 }, score: 0.9 };

let client: Client;
const channels: MessageChannel[] = [];

/** A fresh client module (its state is per capture worker) connected to a server over `engine`. */
function connect(engine: WebTextEngine, warn = vi.fn<(m: string) => void>()) {
  const channel = new MessageChannel();
  channels.push(channel);
  createTextEngineServer(engine, warn)(channel.port2);
  client.attachTextEngine(channel.port1);
  return warn;
}

beforeEach(async () => {
  vi.resetModules();
  client = await import('./text-engine-client');
});

afterEach(() => {
  for (const c of channels.splice(0)) { c.port1.close(); c.port2.close(); }
});

describe('text engine over ports', () => {
  it('returns the engine\'s lines and leaves the caller\'s pixels in place', async () => {
    const seen: number[][] = [];
    connect({ start: () => Promise.resolve(), readLines: (img) => { seen.push([img.width, img.height, ...img.data]); return Promise.resolve([line]); } });
    expect(client.textEngineReady()).toBe(true);
    expect(await client.readLines(image)).toEqual([line]);
    expect(seen).toEqual([[2, 1, 1, 2, 3, 4, 5, 6, 7, 8]]);
    expect(image.data.length).toBe(8); // a copy was transferred, not the caller's buffer
  });

  it('reads one page at a time, whichever worker asks', async () => {
    let running = 0;
    let most = 0;
    const engine: WebTextEngine = {
      start: () => Promise.resolve(),
      readLines: async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return [line];
      },
    };
    connect(engine);
    const results = await Promise.all([client.readLines(image), client.readLines(image), client.readLines(image)]);
    expect(results).toHaveLength(3);
    expect(most).toBe(1);
  });

  it('fails a page that cannot be read alone and keeps offering the engine', async () => {
    let calls = 0;
    connect({ start: () => Promise.resolve(), readLines: () => (++calls === 1 ? Promise.reject(new Error('bad page')) : Promise.resolve([line])) });
    await expect(client.readLines(image)).rejects.toThrow('bad page');
    expect(client.textEngineReady()).toBe(true);
    expect(await client.readLines(image)).toEqual([line]);
  });

  it('when the runtime cannot start: says so once, answers unavailable, and the worker stops asking', async () => {
    const readLines = vi.fn<WebTextEngine['readLines']>();
    const warn = connect({ start: () => Promise.reject(new Error('no wasm')), readLines });
    await expect(client.readLines(image)).rejects.toThrow('no wasm');
    await expect(client.readLines(image)).rejects.toThrow('no wasm');
    expect(client.textEngineReady()).toBe(false);
    expect(readLines).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/tesseract\.js: no wasm/);
  });

  it('fails what waits on a replaced port (engine restarted), and without any engine asks none', async () => {
    connect({ start: () => new Promise(() => undefined), readLines: () => Promise.resolve([line]) });
    const waiting = client.readLines(image);
    connect({ start: () => Promise.resolve(), readLines: () => Promise.resolve([line]) });
    await expect(waiting).rejects.toThrow('restarted');
    expect(await client.readLines(image)).toEqual([line]);
    client.attachTextEngine(null);
    expect(client.textEngineReady()).toBe(false);
    await expect(client.readLines(image)).rejects.toThrow('no text engine');
  });
});

describe('readLinesRequestSchema', () => {
  it('refuses pixels that do not match the size', () => {
    expect(readLinesRequestSchema.safeParse({ id: 1, ...image }).success).toBe(true);
    expect(readLinesRequestSchema.safeParse({ id: 1, ...image, width: 3 }).success).toBe(false);
  });
});
