// What the scan folder keeps in userData: the chosen folder (watched again after a restart) and the SHA-256 of every
// file captured from it (so the same scan dropped twice is flagged, not imported again). Small JSON files, parsed
// with zod on load and written atomically.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { errorCode } from './scan-folder-files';
import { writeFileAtomic } from './file-io';

/** File name of the settings, in userData. */
export const SCAN_FOLDER_SETTINGS_FILE = 'scan-folder-settings.json';
/** File name of the imported hashes, in userData. */
export const IMPORTED_HASHES_FILE = 'scan-folder-imported.json';

/** The contents hashes of files already captured; injected into the scan folder core. */
export interface ImportedHashStore {
  has(sha256: string): Promise<boolean>;
  add(sha256: string): Promise<void>;
}

const settingsSchema = z.object({ version: z.literal(1), folder: z.string().nullable() });
const hashesSchema = z.object({ version: z.literal(1), sha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)) });

/** Where the missing, unreadable or malformed file is reported; the store then starts empty. */
export type StoreLog = (message: string, detail?: unknown) => void;

const defaultLog: StoreLog = (message, detail) => {
  console.error(`[scan-folder] ${message}`, detail ?? '');
};

async function loadJson<T>(file: string, schema: z.ZodType<T>, log: StoreLog): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') log(`cannot read ${file}`, error);
    return undefined;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    log(`ignoring malformed ${file}`, parsed.error.issues);
  } catch (error) {
    log(`ignoring malformed ${file}`, error);
  }
  return undefined;
}

async function saveJson(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(`${JSON.stringify(value)}\n`));
}

/** Reads the folder to watch at startup (`null` = none). */
export async function loadScanFolderSetting(file: string, log: StoreLog = defaultLog): Promise<string | null> {
  return (await loadJson(file, settingsSchema, log))?.folder ?? null;
}

/** Remembers the folder to watch (`null` = none). */
export async function saveScanFolderSetting(file: string, folder: string | null): Promise<void> {
  await saveJson(file, { version: 1, folder });
}

/**
 * A hash set persisted as one JSON file, loaded on first use and rewritten on each add. 64 bytes per captured file:
 * 100 000 scans make a 7 MB file, which is fine for a clerk's desk; a malformed file is reported and starts empty.
 */
export function createJsonHashStore(file: string, log: StoreLog = defaultLog): ImportedHashStore {
  let loaded: Promise<Set<string>> | undefined;
  let writes: Promise<void> = Promise.resolve();
  const hashes = () => (loaded ??= loadJson(file, hashesSchema, log).then((data) => new Set(data?.sha256)));
  return {
    has: async (sha256) => (await hashes()).has(sha256),
    add: async (sha256) => {
      const set = await hashes();
      if (set.has(sha256)) return;
      set.add(sha256);
      // Writes are chained so an older snapshot never lands after a newer one.
      const write = writes.then(() => saveJson(file, { version: 1, sha256: [...set] }));
      writes = write.catch(() => undefined);
      try {
        await write;
      } catch (error) {
        set.delete(sha256);
        throw error;
      }
    },
  };
}
