import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc';

const electron = vi.hoisted(() => ({ handle: vi.fn() }));
vi.mock('electron', () => ({ ipcMain: { handle: electron.handle } }));

const { createIpcListener, handle } = await import('./ipc-handle');

function eventFrom(url: string | null, parent: unknown = null): IpcMainInvokeEvent {
  const senderFrame = url === null ? null : { url, parent, origin: '' };
  return { sender: {}, senderFrame, processId: 1, frameId: 1 } as unknown as IpcMainInvokeEvent;
}

const APP = 'app://fapiao/index.html';
const saveArgs = { suggestedName: 'a.txt', data: new Uint8Array([1]) };

describe('createIpcListener', () => {
  it('passes parsed arguments and the event to the implementation', async () => {
    const impl = vi.fn(() => Promise.resolve({ ok: true as const, value: { path: '/tmp/a.txt' } }));
    const listener = createIpcListener('saveFile', impl, vi.fn());
    const event = eventFrom(APP);
    await expect(listener(event, saveArgs)).resolves.toEqual({ ok: true, value: { path: '/tmp/a.txt' } });
    expect(impl).toHaveBeenCalledWith(saveArgs, event);
  });

  it.each([
    ['no frame', eventFrom(null)],
    ['a subframe', eventFrom(APP, { url: APP })],
    ['another origin', eventFrom('https://example.com/')],
    ['a file:// page', eventFrom('file:///C:/x.html')],
  ])('refuses a call from %s without running the implementation', async (_label, event) => {
    const impl = vi.fn();
    const log = vi.fn();
    const reply = await createIpcListener('saveFile', impl, log)(event, saveArgs);
    expect(reply).toEqual({ ok: false, error: { kind: 'bad-request', message: 'untrusted sender' } });
    expect(impl).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it.each([
    ['a missing argument', []],
    ['a wrong shape', [{ suggestedName: 'a.txt', data: 'AQ==' }]],
    ['a path as the name', [{ suggestedName: '../../.bashrc', data: new Uint8Array() }]],
    ['extra arguments', [saveArgs, 'extra']],
  ])('refuses %s as a value, never a throw', async (_label, args) => {
    const impl = vi.fn();
    const reply = await createIpcListener('saveFile', impl, vi.fn())(eventFrom(APP), ...args);
    expect(reply).toEqual({ ok: false, error: { kind: 'bad-request', message: 'invalid arguments for saveFile' } });
    expect(impl).not.toHaveBeenCalled();
  });

  it('accepts the no-argument call of getAppInfo and refuses one with an argument', async () => {
    const info = { name: 'Fapiao Desk', version: '0.1.0', platform: 'linux', isPackaged: false };
    const listener = createIpcListener('getAppInfo', () => Promise.resolve({ ok: true, value: info }), vi.fn());
    await expect(listener(eventFrom(APP))).resolves.toEqual({ ok: true, value: info });
    await expect(listener(eventFrom(APP), { sneaky: true })).resolves.toMatchObject({ ok: false, error: { kind: 'bad-request' } });
  });

  it('turns a throwing implementation into an internal failure and logs it', async () => {
    const log = vi.fn();
    const bug = new Error('boom');
    const listener = createIpcListener('openFiles', () => Promise.reject(bug), log);
    await expect(listener(eventFrom(APP), { multiple: false })).resolves.toEqual({
      ok: false, error: { kind: 'internal', message: 'boom' },
    });
    expect(log).toHaveBeenCalledWith('openFiles: implementation threw', bug);
  });
});

describe('handle', () => {
  it('registers on the channel from IPC_CHANNELS', async () => {
    const impl = vi.fn(() => Promise.resolve({ ok: true as const, value: { files: [] } }));
    handle('openFiles', impl, vi.fn());
    expect(electron.handle).toHaveBeenCalledWith(IPC_CHANNELS.openFiles, expect.any(Function));
    const listener = electron.handle.mock.calls[0]![1] as (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
    await expect(listener(eventFrom(APP), { multiple: true })).resolves.toEqual({ ok: true, value: { files: [] } });
  });
});
