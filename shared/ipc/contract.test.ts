import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Result } from '../domain/result';
import {
  IPC_CHANNELS, IPC_SCHEMAS, type DesktopApi, type DesktopMethod, type IpcFailure, type IpcResult,
} from './index';

describe('IPC contract', () => {
  it('has one distinct channel and one schema pair per method', () => {
    const methods = Object.keys(IPC_CHANNELS).sort();
    expect(Object.keys(IPC_SCHEMAS).sort()).toEqual(methods);
    expect(new Set(Object.values(IPC_CHANNELS)).size).toBe(methods.length);
    for (const channel of Object.values(IPC_CHANNELS)) expect(channel).toMatch(/^desktop:[a-z-]+$/);
  });

  it('lets every method answer with an IpcFailure, so main can refuse without throwing', () => {
    type Failure = Result<never, IpcFailure>;
    expectTypeOf<Failure>().toExtend<IpcResult<'getAppInfo'>>();
    expectTypeOf<Failure>().toExtend<IpcResult<'saveFile'>>();
    expectTypeOf<Failure>().toExtend<IpcResult<'openFiles'>>();
    expectTypeOf<Failure>().toExtend<IpcResult<'chooseScanFolder'>>();
    expectTypeOf<Failure>().toExtend<IpcResult<'startScanFolder'>>();
    expectTypeOf<Failure>().toExtend<IpcResult<'stopScanFolder'>>();
    expectTypeOf<Failure>().toExtend<IpcResult<'pollScanFolder'>>();
    expectTypeOf<Failure>().toExtend<IpcResult<'ackScanFile'>>();
    expectTypeOf<keyof DesktopApi>().toEqualTypeOf<DesktopMethod>();
    const failure: Failure = { ok: false, error: { kind: 'bad-request', message: 'x' } };
    for (const method of Object.keys(IPC_SCHEMAS) as DesktopMethod[]) {
      expect(IPC_SCHEMAS[method].result.safeParse(failure).success).toBe(true);
    }
  });

  it('takes no argument for getAppInfo', () => {
    expect(IPC_SCHEMAS.getAppInfo.args.safeParse(undefined).success).toBe(true);
    expect(IPC_SCHEMAS.getAppInfo.args.safeParse({}).success).toBe(false);
  });

  it('accepts a well-formed saveFile request', () => {
    const parsed = IPC_SCHEMAS.saveFile.args.safeParse({
      suggestedName: '发票台账-2025-04.xlsx',
      data: new Uint8Array([1, 2, 3]),
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['a path instead of a name', '../secret.txt'],
    ['a Windows path', 'C:\\Windows\\x.txt'],
    ['dot-dot', '..'],
    ['a reserved character', 'a|b.txt'],
    ['a control character', 'a\u0007.txt'],
    ['an empty name', ''],
    ['a name over 255 characters', 'x'.repeat(256)],
  ])('refuses saveFile with %s', (_label, suggestedName) => {
    expect(IPC_SCHEMAS.saveFile.args.safeParse({ suggestedName, data: new Uint8Array() }).success).toBe(false);
  });

  it('refuses non-binary data, bad filters and extra arguments shapes', () => {
    const { args } = IPC_SCHEMAS.saveFile;
    expect(args.safeParse({ suggestedName: 'a.txt', data: [1, 2] }).success).toBe(false);
    expect(args.safeParse({ suggestedName: 'a.txt', data: 'AQI=' }).success).toBe(false);
    expect(args.safeParse({ suggestedName: 'a.txt', data: new Uint8Array(), filters: [{ name: 'x', extensions: ['.xlsx'] }] }).success).toBe(false);
    expect(IPC_SCHEMAS.openFiles.args.safeParse({ multiple: 'yes' }).success).toBe(false);
    expect(IPC_SCHEMAS.openFiles.args.safeParse({ multiple: true, filters: [{ name: 'Any', extensions: ['*'] }] }).success).toBe(true);
  });

  it('parses replies of both shapes', () => {
    expect(IPC_SCHEMAS.openFiles.result.safeParse({ ok: true, value: { files: [{ name: 'a.ofd', data: new Uint8Array(2) }] } }).success).toBe(true);
    expect(IPC_SCHEMAS.openFiles.result.safeParse({ ok: false, error: { kind: 'too-large', message: 'm' } }).success).toBe(true);
    expect(IPC_SCHEMAS.saveFile.result.safeParse({ ok: false, error: { kind: 'too-large', message: 'm' } }).success).toBe(false);
    expect(IPC_SCHEMAS.getAppInfo.result.safeParse({ ok: true, value: { name: 'x' } }).success).toBe(false);
  });

  it('checks the scan-folder calls', () => {
    expect(IPC_SCHEMAS.chooseScanFolder.args.safeParse(undefined).success).toBe(true);
    expect(IPC_SCHEMAS.startScanFolder.args.safeParse({ path: '' }).success).toBe(false);
    expect(IPC_SCHEMAS.startScanFolder.args.safeParse({ path: 'D:\\扫描' }).success).toBe(true);
    expect(IPC_SCHEMAS.ackScanFile.args.safeParse({ id: 'a', outcome: 'imported' }).success).toBe(true);
    expect(IPC_SCHEMAS.ackScanFile.args.safeParse({ id: 'a', outcome: 'deleted' }).success).toBe(false);
    expect(IPC_SCHEMAS.ackScanFile.args.safeParse({ id: '', outcome: 'failed' }).success).toBe(false);
    const status = { watching: true, path: '/scans', tooLarge: [] };
    const file = { id: '1', name: 'a.pdf', data: new Uint8Array(1), sha256: 'a'.repeat(64), duplicate: false };
    expect(IPC_SCHEMAS.pollScanFolder.result.safeParse({ ok: true, value: { files: [file], status } }).success).toBe(true);
    expect(IPC_SCHEMAS.pollScanFolder.result.safeParse({ ok: true, value: { files: [{ ...file, data: [1] }], status } }).success).toBe(false);
    expect(IPC_SCHEMAS.startScanFolder.result.safeParse({
      ok: true, value: { ...status, lastError: { kind: 'folder-missing', message: 'm' } },
    }).success).toBe(true);
  });

  it('checks the certificate calls and the secret names', () => {
    const fingerprint = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase()).join(':');
    expect(IPC_SCHEMAS.probeServerCertificate.args.safeParse({ url: 'https://192.168.1.10:8787' }).success).toBe(true);
    expect(IPC_SCHEMAS.probeServerCertificate.args.safeParse({ url: '' }).success).toBe(false);
    expect(IPC_SCHEMAS.pinServerCertificate.args.safeParse({ origin: 'https://192.168.1.10:8787', fingerprint }).success).toBe(true);
    expect(IPC_SCHEMAS.pinServerCertificate.args.safeParse({ origin: 'https://x', fingerprint: fingerprint.toLowerCase() }).success).toBe(false);
    expect(IPC_SCHEMAS.pinServerCertificate.args.safeParse({ origin: 'https://x', fingerprint: fingerprint.slice(3) }).success).toBe(false);
    const cert = { origin: 'https://x', fingerprint, subject: 'x', issuer: 'x', validFrom: '2026-01-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z' };
    expect(IPC_SCHEMAS.probeServerCertificate.result.safeParse({ ok: true, value: cert }).success).toBe(true);
    expect(IPC_SCHEMAS.probeServerCertificate.result.safeParse({ ok: false, error: { kind: 'timeout', message: 'm' } }).success).toBe(true);
    expect(IPC_SCHEMAS.setLocalSecret.args.safeParse({ name: 'sync-token', value: 't' }).success).toBe(true);
    expect(IPC_SCHEMAS.setLocalSecret.args.safeParse({ name: 'anything', value: 't' }).success).toBe(false);
    expect(IPC_SCHEMAS.getAppInfo.result.safeParse({ ok: true, value: { name: 'x', version: '1', platform: 'linux', isPackaged: true } }).success).toBe(true);
  });
});
