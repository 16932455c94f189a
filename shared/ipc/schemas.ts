import { z } from 'zod';

// Every IPC payload is parsed on arrival (CONVENTIONS §6–7); the TypeScript types are derived from these schemas.

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

/** Facts about the running desktop app. */
export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  isPackaged: z.boolean(),
  userDataPath: z.string(),
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

/** Arguments of saveFile: the proposed name (the user may change it) and the bytes to write. */
export const saveFileArgsSchema = z.object({
  suggestedName: z.string().regex(FILE_NAME),
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
