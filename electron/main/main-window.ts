// The one application window.
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './origin-policy';
import { secureWebPreferences } from './security';

/** Opens the main window on app://fapiao; it is shown once painted, so no white flash. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Fapiao Desk — 发票台账',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Could not load ${APP_ENTRY_URL}`, error);
  });
  return window;
}
