import { z } from 'zod';

// Backup targets over IPC (issue #5): removable drives, a chosen folder, the app's own backup folder, and the
// RepoStore operations on them. Main accepts only folders it handed out itself (a listed drive's backup folder, a
// folder the clerk picked, the app-data folder) and only relative paths that stay inside them.

/** A path inside a backup folder: "/"-separated names of letters, digits, "._-", none starting with "." (no "..", no hidden temp files). */
export const backupRelPathSchema = z.string().max(512).regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}){0,7}$/);

/**
 * A backup folder handed out by main: the path of a folder the clerk picked in the dialog, or an opaque root for a
 * folder the clerk did not pick (LOCAL_BACKUP_ROOT, a drive's `drive:<n>`), so the renderer never learns those paths.
 */
export const backupRootSchema = z.string().min(1).max(4096);

/** The opaque root of the app's own folder for automatic backups (userData/backups in main). */
export const LOCAL_BACKUP_ROOT = 'app:local-backups';

/** A removable drive and the folder on it that backups go to. */
export const backupDriveSchema = z.object({
  /** How the clerk recognises the drive: its drive root on Windows ("E:\\"), the mount folder's name elsewhere ("KINGSTON"). */
  mount: z.string(),
  /** The volume's name, or "" when it has none. */
  label: z.string(),
  /** The opaque root of the folder backups go to on this drive (`drive:<n>`). */
  backupPath: z.string(),
  freeBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
});
/** A removable drive and its backup folder. */
export type BackupDrive = z.infer<typeof backupDriveSchema>;

/** The removable drives plugged in now. */
export const backupDrivesSchema = z.object({ drives: z.array(backupDriveSchema) });
/** The removable drives plugged in now. */
export type BackupDrives = z.infer<typeof backupDrivesSchema>;

/** A backup folder main will accept: the path the clerk picked, or LOCAL_BACKUP_ROOT for the app's own. */
export const backupFolderSchema = z.object({ path: z.string() });
/** A backup folder main will accept. */
export type BackupFolder = z.infer<typeof backupFolderSchema>;

/** Why chooseBackupFolder returned none. */
export const chooseBackupFolderErrorSchema = z.object({ kind: z.enum(['cancelled']), message: z.string() });
/** Why chooseBackupFolder returned none. */
export type ChooseBackupFolderError = z.infer<typeof chooseBackupFolderErrorSchema>;

/** Why a RepoStore operation failed: a folder main did not hand out, the drive is gone, it is full, or another I/O error. */
export const backupStoreErrorSchema = z.object({ kind: z.enum(['not-allowed', 'gone', 'no-space', 'io']), message: z.string() });
/** Why a RepoStore operation failed. */
export type BackupStoreError = z.infer<typeof backupStoreErrorSchema>;

/** A file inside a backup folder. */
export const backupFileArgsSchema = z.object({ root: backupRootSchema, path: backupRelPathSchema });
/** A file inside a backup folder. */
export type BackupFileArgs = z.infer<typeof backupFileArgsSchema>;

/** A whole file to write atomically. */
export const backupWriteArgsSchema = backupFileArgsSchema.extend({ data: z.instanceof(Uint8Array) });
/** A whole file to write atomically. */
export type BackupWriteArgs = z.infer<typeof backupWriteArgsSchema>;

/** A folder to list ("" = the backup folder itself). */
export const backupListArgsSchema = z.object({ root: backupRootSchema, dir: z.union([z.literal(''), backupRelPathSchema]) });
/** A folder to list. */
export type BackupListArgs = z.infer<typeof backupListArgsSchema>;

/** A file's bytes, or null when it does not exist. */
export const backupReadResultSchema = z.object({ data: z.instanceof(Uint8Array).nullable() });
/** A file's bytes, or null. */
export type BackupReadResult = z.infer<typeof backupReadResultSchema>;

/** A file's size, or null when it does not exist. */
export const backupSizeResultSchema = z.object({ size: z.number().int().min(0).nullable() });
/** A file's size, or null. */
export type BackupSizeResult = z.infer<typeof backupSizeResultSchema>;

/** The names in a folder. */
export const backupListResultSchema = z.object({ names: z.array(z.string()) });
/** The names in a folder. */
export type BackupListResult = z.infer<typeof backupListResultSchema>;

/** An operation that answers nothing but success. */
export const backupDoneSchema = z.object({});
/** An operation that answers nothing but success. */
export type BackupDone = z.infer<typeof backupDoneSchema>;

/** Secrets main keeps for this PC, encrypted by the OS (Electron safeStorage: DPAPI, Keychain, libsecret): the local backup's password and the office server's device token. */
export const localSecretNameSchema = z.enum(['local-backup-password', 'sync-token']);
/** The name of a secret main keeps. */
export type LocalSecretName = z.infer<typeof localSecretNameSchema>;

/** Which secret to read. */
export const localSecretGetArgsSchema = z.object({ name: localSecretNameSchema });
/** Which secret to read. */
export type LocalSecretGetArgs = z.infer<typeof localSecretGetArgsSchema>;

/** A secret to keep (null forgets it). */
export const localSecretSetArgsSchema = z.object({ name: localSecretNameSchema, value: z.string().min(1).max(1024).nullable() });
/** A secret to keep (null forgets it). */
export type LocalSecretSetArgs = z.infer<typeof localSecretSetArgsSchema>;

/** A secret's value, or null when none is kept. */
export const localSecretValueSchema = z.object({ value: z.string().nullable() });
/** A secret's value, or null. */
export type LocalSecretValue = z.infer<typeof localSecretValueSchema>;

/** Why a secret could not be kept or read: no OS encryption on this PC, a file that no longer decrypts, or I/O. */
export const localSecretErrorSchema = z.object({ kind: z.enum(['unavailable', 'unreadable', 'io']), message: z.string() });
/** Why a secret could not be kept or read. */
export type LocalSecretError = z.infer<typeof localSecretErrorSchema>;
