import { describe, expect, it } from 'vitest';
import { labelOfMount, parseLinuxMounts, parsePowerShellDisks, parseWmicCsv } from './drives-parse';

describe('parsePowerShellDisks', () => {
  it('keeps removable drives (type 2) with a medium, with label and space', () => {
    const json = JSON.stringify([
      { DeviceID: 'C:', DriveType: 3, VolumeName: 'Windows', FreeSpace: 1, Size: 2 },
      { DeviceID: 'E:', DriveType: 2, VolumeName: 'KINGSTON ', FreeSpace: 1000, Size: 32_000 },
      { DeviceID: 'F:', DriveType: 2, VolumeName: null, FreeSpace: null, Size: null },
      { DeviceID: 'Z:', DriveType: 4, VolumeName: 'share', FreeSpace: 5, Size: 9 },
    ]);
    expect(parsePowerShellDisks(json)).toEqual([{ mount: 'E:\\', label: 'KINGSTON', freeBytes: 1000, totalBytes: 32_000 }]);
  });

  it('reads a single object (one disk) and refuses garbage', () => {
    expect(parsePowerShellDisks('{"DeviceID":"G:","DriveType":2,"VolumeName":"","FreeSpace":"5","Size":"10"}'))
      .toEqual([{ mount: 'G:\\', label: '', freeBytes: 5, totalBytes: 10 }]);
    expect(parsePowerShellDisks('Get-CimInstance : Access denied')).toEqual([]);
    expect(parsePowerShellDisks('[{"DeviceID":"..\\\\x","DriveType":2,"Size":1}]')).toEqual([]);
  });
});

describe('parseWmicCsv', () => {
  it('reads wmic /format:csv output with its blank first line and CRLF', () => {
    const text = '\r\n\r\nNode,DeviceID,DriveType,FreeSpace,Size,VolumeName\r\nPC,C:,3,100,200,OS\r\nPC,E:,2,1000,32000,U盘\r\nPC,F:,2,,,\r\n';
    expect(parseWmicCsv(text)).toEqual([{ mount: 'E:\\', label: 'U盘', freeBytes: 1000, totalBytes: 32000 }]);
  });

  it('returns nothing for an empty answer', () => {
    expect(parseWmicCsv('')).toEqual([]);
  });
});

describe('parseLinuxMounts', () => {
  const mounts = [
    '/dev/sda1 / ext4 rw,relatime 0 0',
    '/dev/sdb1 /media/clerk/KINGSTON vfat rw,nosuid 0 0',
    '/dev/sdc1 /run/media/clerk/发票\\040备份 exfat rw 0 0',
    '/dev/sdd1 /media/usb0 vfat rw 0 0',
    '/dev/sde1 /media/other/STICK vfat rw 0 0',
    'tmpfs /run/user/1000 tmpfs rw 0 0',
  ].join('\n');

  it('finds /media/<user>, /run/media/<user> and /media/<name> mounts, unescaping spaces', () => {
    expect(parseLinuxMounts(mounts, 'clerk')).toEqual(['/media/clerk/KINGSTON', '/run/media/clerk/发票 备份', '/media/usb0']);
  });

  it('names a drive by its mount folder', () => {
    expect(labelOfMount('/media/clerk/KINGSTON')).toBe('KINGSTON');
    expect(labelOfMount('E:\\')).toBe('E:');
  });
});
