/*
 * What a feedback report may say about this session (issue #14): the last 20 uncaught errors and unhandled
 * rejections (time and first line of the message only: a stack may hold invoice data), and the screen the clerk
 * was on before opening 意见反馈. Installed once by the shell; nothing leaves the PC unless the clerk ticks it.
 */
import { MAX_RECENT_ERRORS, scrubMessage, type RecentError } from '../../shared/feedback/diagnostics';

const ring: RecentError[] = [];
let lastScreenHash = '';
let installed = false;

function note(message: string): void {
  ring.push({ at: new Date().toISOString(), message: scrubMessage(message) });
  if (ring.length > MAX_RECENT_ERRORS) ring.splice(0, ring.length - MAX_RECENT_ERRORS);
}

function messageOf(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  return typeof reason === 'string' ? reason : 'unhandled rejection';
}

/** Starts listening for errors and screen changes (idempotent: the shell may render twice). */
export function installShellTrace(win: Window = window): void {
  if (installed) return;
  installed = true;
  win.addEventListener('error', (e) => { note(e.error instanceof Error ? messageOf(e.error) : e.message); });
  win.addEventListener('unhandledrejection', (e) => { note(messageOf(e.reason)); });
  win.addEventListener('hashchange', (e) => {
    const old = new URL(e.oldURL).hash;
    if (!old.startsWith('#/feedback')) lastScreenHash = old;
  });
}

/** The recent errors, oldest first (a copy). */
export function recentErrors(): RecentError[] {
  return [...ring];
}

/** The hash of the screen the clerk was on before 意见反馈 ('' when they opened the app on it). */
export function lastScreen(): string {
  return lastScreenHash;
}
