// Parsers for the removable-drive listings of each OS (drives.ts runs the commands). Pure, so each is tested with
// real outputs.

/** A removable drive as found, before its backup folder is chosen. */
export interface FoundDrive {
  readonly mount: string;
  readonly label: string;
  readonly freeBytes: number | null;
  readonly totalBytes: number | null;
}

/** Win32_LogicalDisk.DriveType of a removable disk (USB stick, SD card). */
const REMOVABLE = 2;

function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'string' ? (value.trim() === '' ? NaN : Number(value)) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

function windowsDrive(deviceId: unknown, driveType: unknown, label: unknown, free: unknown, size: unknown): FoundDrive | null {
  if (typeof deviceId !== 'string' || !/^[A-Z]:$/i.test(deviceId) || Number(driveType) !== REMOVABLE) return null;
  // A card reader without a card reports no size: nothing to write to.
  if (numberOrNull(size) === null) return null;
  return { mount: `${deviceId.toUpperCase()}\\`, label: typeof label === 'string' ? label.trim() : '', freeBytes: numberOrNull(free), totalBytes: numberOrNull(size) };
}

/**
 * Parses `Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,DriveType,VolumeName,FreeSpace,Size | ConvertTo-Json`
 * (one object when there is one disk, an array otherwise).
 */
export function parsePowerShellDisks(json: string): FoundDrive[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  const list: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const out: FoundDrive[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const d = item as Record<string, unknown>;
    const drive = windowsDrive(d.DeviceID, d.DriveType, d.VolumeName, d.FreeSpace, d.Size);
    if (drive) out.push(drive);
  }
  return out;
}

/** Parses `wmic logicaldisk get DeviceID,DriveType,FreeSpace,Size,VolumeName /format:csv` (older Windows without PowerShell's CIM). */
export function parseWmicCsv(text: string): FoundDrive[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const header = lines.shift()?.split(',');
  if (!header) return [];
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const [id, type, free, size, label] = ['DeviceID', 'DriveType', 'FreeSpace', 'Size', 'VolumeName'].map(col);
  const out: FoundDrive[] = [];
  for (const line of lines) {
    const cells = line.split(',');
    const at = (i: number | undefined) => (i === undefined || i < 0 ? undefined : cells[i]);
    const drive = windowsDrive(at(id), at(type), at(label) ?? '', at(free), at(size));
    if (drive) out.push(drive);
  }
  return out;
}

// /proc/mounts escapes space, tab, newline and backslash as octal.
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/**
 * Mount points of removable media on Linux from /proc/mounts: under /media/<user>/, /run/media/<user>/ (udisks),
 * or directly under /media/ (Debian's usbmount).
 */
export function parseLinuxMounts(procMounts: string, user: string): string[] {
  const out: string[] = [];
  for (const line of procMounts.split('\n')) {
    const fields = line.split(' ');
    if (fields.length < 3) continue;
    const mount = unescapeMount(fields[1] ?? '');
    const ours = mount.startsWith(`/media/${user}/`) || mount.startsWith(`/run/media/${user}/`)
      || /^\/media\/[^/]+$/.test(mount) && mount !== `/media/${user}`;
    if (ours && !out.includes(mount)) out.push(mount);
  }
  return out;
}

/** The folder name backups go into on a drive. */
export const DRIVE_BACKUP_FOLDER = 'FapiaoDesk-Backup';

/** The volume label from a mount point's last path element ("/media/clerk/KINGSTON" → "KINGSTON"). */
export function labelOfMount(mount: string): string {
  const parts = mount.split(/[\\/]/).filter((p) => p !== '');
  return parts.at(-1) ?? mount;
}
