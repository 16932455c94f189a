// Expands the CLI's path arguments: a directory stands for its regular files (not recursive, sorted by name).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A path to process, or one that cannot be (missing, unreadable directory). */
export type ExtractTarget =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'missing'; readonly path: string; readonly reason: 'notFound' | 'unreadable' };

/** The files named by the arguments, in argument order, each directory's files sorted. */
export function expandPaths(paths: readonly string[]): ExtractTarget[] {
  const out: ExtractTarget[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (e) {
      out.push({ kind: 'missing', path, reason: errorCode(e) === 'ENOENT' ? 'notFound' : 'unreadable' });
      continue;
    }
    if (!isDirectory) {
      out.push({ kind: 'file', path });
      continue;
    }
    try {
      const names = readdirSync(path, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name).sort();
      out.push(...names.map((name) => ({ kind: 'file' as const, path: join(path, name) })));
    } catch {
      out.push({ kind: 'missing', path, reason: 'unreadable' });
    }
  }
  return out;
}

/** The errno code of a Node error (ENOENT, EACCES, …). */
export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}
