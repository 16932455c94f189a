import type { DesktopApi } from './desktop-api';

// Kept free of zod so the sandboxed preload bundles only this map.

/** The IPC channel of each DesktopApi method; `satisfies` makes it exhaustive and refuses extra keys. */
export const IPC_CHANNELS = {
  getAppInfo: 'desktop:get-app-info',
  saveFile: 'desktop:save-file',
  openFiles: 'desktop:open-files',
} as const satisfies Record<keyof DesktopApi, string>;
