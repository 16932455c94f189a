// Lists removable drives: Windows by drive type (PowerShell CIM, wmic as fallback), macOS /Volumes (minus the
// system volume, which is a symlink to /), Linux /media and /run/media from /proc/mounts. OS access is injected.
import { execFile } from 'node:child_process';
import { lstat, readdir, readFile, statfs } from 'node:fs/promises';
import path from 'node:path';
import { DRIVE_BACKUP_FOLDER, labelOfMount, parseLinuxMounts, parsePowerShellDisks, parseWmicCsv, type FoundDrive } from './drives-parse';
import type { BackupDrive } from '../../shared/ipc';

/** What listing needs from the OS (tests pass fakes). */
export interface DriveOs {
  readonly platform: NodeJS.Platform;
  readonly user: string;
  readonly run: (command: string, args: readonly string[]) => Promise<string>;
  readonly readText: (file: string) => Promise<string>;
  readonly listDir: (dir: string) => Promise<string[]>;
  readonly isSymlink: (file: string) => Promise<boolean>;
  readonly space: (dir: string) => Promise<{ free: number; total: number } | null>;
}

function runCommand(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: 10_000, windowsHide: true, encoding: 'utf8' }, (error, stdout) => {
      if (error) reject(new Error(`${command} failed`, { cause: error }));
      else resolve(stdout);
    });
  });
}

/** The real OS. */
export function nodeDriveOs(): DriveOs {
  return {
    platform: process.platform,
    user: process.env.USER ?? process.env.USERNAME ?? '',
    run: runCommand,
    readText: (file) => readFile(file, 'utf8'),
    listDir: (dir) => readdir(dir),
    isSymlink: async (file) => (await lstat(file)).isSymbolicLink(),
    space: async (dir) => {
      const s = await statfs(dir);
      return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
    },
  };
}

const POWERSHELL = ['-NoProfile', '-NonInteractive', '-Command',
  'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,DriveType,VolumeName,FreeSpace,Size | ConvertTo-Json -Compress'];

async function windowsDrives(os: DriveOs): Promise<FoundDrive[]> {
  try {
    return parsePowerShellDisks(await os.run('powershell.exe', POWERSHELL));
  } catch {
    return parseWmicCsv(await os.run('wmic', ['logicaldisk', 'get', 'DeviceID,DriveType,FreeSpace,Size,VolumeName', '/format:csv']));
  }
}

async function mountedDrives(os: DriveOs, mounts: readonly string[]): Promise<FoundDrive[]> {
  const out: FoundDrive[] = [];
  for (const mount of mounts) {
    const space = await os.space(mount).catch(() => null);
    out.push({ mount, label: labelOfMount(mount), freeBytes: space?.free ?? null, totalBytes: space?.total ?? null });
  }
  return out;
}

async function macMounts(os: DriveOs): Promise<string[]> {
  const out: string[] = [];
  for (const name of await os.listDir('/Volumes').catch(() => [])) {
    const mount = path.posix.join('/Volumes', name);
    // The startup disk appears in /Volumes as a symlink to /.
    if (!name.startsWith('.') && !(await os.isSymlink(mount).catch(() => true))) out.push(mount);
  }
  return out;
}

/** The removable drives plugged in now, each with its backup folder; [] when the OS cannot be asked. */
export async function listRemovableDrives(os: DriveOs): Promise<BackupDrive[]> {
  let found: FoundDrive[] = [];
  try {
    if (os.platform === 'win32') found = await windowsDrives(os);
    else if (os.platform === 'darwin') found = await mountedDrives(os, await macMounts(os));
    else found = await mountedDrives(os, parseLinuxMounts(await os.readText('/proc/mounts'), os.user));
  } catch {
    return [];
  }
  const paths = os.platform === 'win32' ? path.win32 : path.posix;
  return found.map((d) => ({ ...d, backupPath: paths.join(d.mount, DRIVE_BACKUP_FOLDER) }));
}
