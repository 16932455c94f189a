import { describe, expect, it } from 'vitest';
import { listRemovableDrives, type DriveOs } from './drives';

function os(overrides: Partial<DriveOs>): DriveOs {
  return {
    platform: 'linux', user: 'clerk',
    run: () => Promise.reject(new Error('no command')),
    readText: () => Promise.reject(new Error('no file')),
    listDir: () => Promise.resolve([]),
    isSymlink: () => Promise.resolve(false),
    space: () => Promise.resolve({ free: 10, total: 20 }),
    ...overrides,
  };
}

describe('listRemovableDrives', () => {
  it('Linux: mounts from /proc/mounts with their space and a backup folder inside', async () => {
    const drives = await listRemovableDrives(os({ readText: () => Promise.resolve('/dev/sdb1 /media/clerk/KINGSTON vfat rw 0 0\n') }));
    expect(drives).toEqual([{ mount: '/media/clerk/KINGSTON', label: 'KINGSTON', freeBytes: 10, totalBytes: 20, backupPath: '/media/clerk/KINGSTON/FapiaoDesk-Backup' }]);
  });

  it('macOS: /Volumes without the startup disk symlink and hidden entries', async () => {
    const drives = await listRemovableDrives(os({
      platform: 'darwin',
      listDir: () => Promise.resolve(['Macintosh HD', 'UNTITLED', '.timemachine']),
      isSymlink: (f) => Promise.resolve(f.endsWith('Macintosh HD')),
      space: () => Promise.reject(new Error('EPERM')),
    }));
    expect(drives).toEqual([{ mount: '/Volumes/UNTITLED', label: 'UNTITLED', freeBytes: null, totalBytes: null, backupPath: '/Volumes/UNTITLED/FapiaoDesk-Backup' }]);
  });

  it('Windows: PowerShell first, wmic when PowerShell fails', async () => {
    const ps = await listRemovableDrives(os({
      platform: 'win32',
      run: (cmd) => (cmd === 'powershell.exe' ? Promise.resolve('{"DeviceID":"E:","DriveType":2,"VolumeName":"U","FreeSpace":1,"Size":2}') : Promise.reject(new Error('x'))),
    }));
    expect(ps).toEqual([{ mount: 'E:\\', label: 'U', freeBytes: 1, totalBytes: 2, backupPath: 'E:\\FapiaoDesk-Backup' }]);
    const wmic = await listRemovableDrives(os({
      platform: 'win32',
      run: (cmd) => (cmd === 'wmic' ? Promise.resolve('Node,DeviceID,DriveType,FreeSpace,Size,VolumeName\nPC,F:,2,3,4,V\n') : Promise.reject(new Error('x'))),
    }));
    expect(wmic.map((d) => d.backupPath)).toEqual(['F:\\FapiaoDesk-Backup']);
  });

  it('answers no drives when the OS cannot be asked', async () => {
    expect(await listRemovableDrives(os({}))).toEqual([]);
    expect(await listRemovableDrives(os({ platform: 'win32' }))).toEqual([]);
  });
});
