import { z } from 'zod';

// Every IPC payload is parsed on arrival (docs/architecture.md#trust-and-parsing-at-boundaries); the TypeScript types are derived from these schemas.

/** Failures any desktop call can return: the request was refused (untrusted sender, malformed payload) or main hit a bug. */
export const ipcFailureSchema = z.object({
  kind: z.enum(['bad-request', 'internal']),
  message: z.string(),
});
/** A failure any desktop call can return; the renderer translates by `kind`, `message` is a technical detail for logs. */
export type IpcFailure = z.infer<typeof ipcFailureSchema>;

/** Builds the schema of a call's reply: `Result<T, E | IpcFailure>` (shared/domain/result.ts). */
export function replySchema<T extends z.ZodType, E extends z.ZodType>(value: T, error: E) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.union([error, ipcFailureSchema]) }),
  ]);
}

/** Facts about the running desktop app; no filesystem path (the renderer sees only paths it chose in a dialog). */
export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  isPackaged: z.boolean(),
});
/** Facts about the running desktop app. */
export type AppInfo = z.infer<typeof appInfoSchema>;

/** A file-type filter of the OS dialogs: extensions without the dot, or `*`. */
export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).min(1).max(32),
});
/** A file-type filter of the OS dialogs. */
export type FileFilter = z.infer<typeof fileFilterSchema>;

// A bare file name that is valid on Windows, macOS and Linux: no separators, no reserved characters, not `.`/`..`.
// eslint-disable-next-line no-control-regex -- control characters are exactly what the class refuses
const FILE_NAME = /^(?!\.{1,2}$)[^\\/:*?"<>|\u0000-\u001f]{1,255}$/;
/** A bare file name (saveFile's and savePdf's suggested names). */
export const fileNameSchema = z.string().regex(FILE_NAME);

/** Arguments of saveFile: the proposed name (the user may change it) and the bytes to write. */
export const saveFileArgsSchema = z.object({
  suggestedName: fileNameSchema,
  data: z.instanceof(Uint8Array),
  filters: z.array(fileFilterSchema).max(32).optional(),
});
/** Arguments of saveFile. */
export type SaveFileArgs = z.infer<typeof saveFileArgsSchema>;

/** Why saveFile did not save: the user closed the dialog, or writing failed. */
export const saveFileErrorSchema = z.object({ kind: z.enum(['cancelled', 'io']), message: z.string() });
/** Why saveFile did not save. */
export type SaveFileError = z.infer<typeof saveFileErrorSchema>;

/** Where saveFile wrote the bytes. */
export const savedFileSchema = z.object({ path: z.string() });
/** Where saveFile wrote the bytes. */
export type SavedFile = z.infer<typeof savedFileSchema>;

/** Arguments of openFiles. */
export const openFilesArgsSchema = z.object({
  multiple: z.boolean(),
  filters: z.array(fileFilterSchema).max(32).optional(),
});
/** Arguments of openFiles. */
export type OpenFilesArgs = z.infer<typeof openFilesArgsSchema>;

/** Why openFiles returned no files: dialog closed, a file could not be read, or a file is over the size limit. */
export const openFilesErrorSchema = z.object({ kind: z.enum(['cancelled', 'io', 'too-large']), message: z.string() });
/** Why openFiles returned no files. */
export type OpenFilesError = z.infer<typeof openFilesErrorSchema>;

/** The files the user picked, name (without directory) and bytes. */
export const openedFilesSchema = z.object({
  files: z.array(z.object({ name: z.string(), data: z.instanceof(Uint8Array) })),
});
/** The files the user picked. */
export type OpenedFiles = z.infer<typeof openedFilesSchema>;

/** The folder the clerk picked for the scanner (absolute path). */
export const chosenFolderSchema = z.object({ path: z.string() });
/** The folder the clerk picked. */
export type ChosenFolder = z.infer<typeof chosenFolderSchema>;

/** Why chooseScanFolder returned no folder: the dialog was closed. */
export const chooseScanFolderErrorSchema = z.object({ kind: z.enum(['cancelled']), message: z.string() });
/** Why chooseScanFolder returned no folder. */
export type ChooseScanFolderError = z.infer<typeof chooseScanFolderErrorSchema>;

/** Arguments of startScanFolder: a folder returned by chooseScanFolder (main refuses any other path). */
export const startScanFolderArgsSchema = z.object({ path: z.string().min(1).max(4096) });
/** Arguments of startScanFolder. */
export type StartScanFolderArgs = z.infer<typeof startScanFolderArgsSchema>;

/** Why the watched folder cannot be read right now; the watcher keeps retrying. */
export const scanFolderProblemSchema = z.object({
  kind: z.enum(['folder-missing', 'not-a-directory', 'io']),
  message: z.string(),
});
/** Why the watched folder cannot be read right now. */
export type ScanFolderProblem = z.infer<typeof scanFolderProblemSchema>;

/** The watcher's state: which folder, whether it runs, the last scan's problem, and files too large to offer. */
export const scanFolderStatusSchema = z.object({
  watching: z.boolean(),
  path: z.string().nullable(),
  lastError: scanFolderProblemSchema.optional(),
  tooLarge: z.array(z.string()),
});
/** The watcher's state. */
export type ScanFolderStatus = z.infer<typeof scanFolderStatusSchema>;

/** Why startScanFolder refused: the path was not chosen in the dialog, is gone, is not a folder, or cannot be read. */
export const startScanFolderErrorSchema = z.object({
  kind: z.enum(['not-chosen', 'folder-missing', 'not-a-directory', 'io']),
  message: z.string(),
});
/** Why startScanFolder refused. */
export type StartScanFolderError = z.infer<typeof startScanFolderErrorSchema>;

/** A scanned file that stopped changing: its bytes, content hash, and whether that content was imported before. */
export const scannedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  data: z.instanceof(Uint8Array),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  duplicate: z.boolean(),
});
/** A scanned file ready to capture. */
export type ScannedFile = z.infer<typeof scannedFileSchema>;

/** What pollScanFolder answers: files ready since the last poll (a bounded batch) and the watcher's state. */
export const scanFolderPollSchema = z.object({ files: z.array(scannedFileSchema), status: scanFolderStatusSchema });
/** What pollScanFolder answers. */
export type ScanFolderPoll = z.infer<typeof scanFolderPollSchema>;

/** Arguments of ackScanFile: the file's id from pollScanFolder and what became of it. */
export const ackScanFileArgsSchema = z.object({
  id: z.string().min(1).max(100),
  outcome: z.enum(['imported', 'failed']),
});
/** Arguments of ackScanFile. */
export type AckScanFileArgs = z.infer<typeof ackScanFileArgsSchema>;

/** Where ackScanFile moved the file (inside `已导入` or `未能识别` of the watched folder). */
export const ackedScanFileSchema = z.object({ movedTo: z.string() });
/** Where ackScanFile moved the file. */
export type AckedScanFile = z.infer<typeof ackedScanFileSchema>;

/**
 * Why ackScanFile did not move the file: unknown id (or the file is gone), the file was rewritten after it was polled
 * (it stays and is offered again as a new file), or the move failed.
 */
export const ackScanFileErrorSchema = z.object({ kind: z.enum(['not-found', 'changed', 'io']), message: z.string() });
/** Why ackScanFile did not move the file. */
export type AckScanFileError = z.infer<typeof ackScanFileErrorSchema>;
