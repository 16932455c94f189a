import type { Connectivity } from './engine';

/** The browser's idea of being online (navigator.onLine and the online/offline events). */
export const browserConnectivity: Connectivity = {
  isOnline: () => navigator.onLine,
  subscribe(onChange) {
    const on = () => { onChange(true); };
    const off = () => { onChange(false); };
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  },
};
