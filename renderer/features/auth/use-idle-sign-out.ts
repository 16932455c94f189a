import { useEffect } from 'react';
import { useIdleMinutes } from '../../db';
import { signOut } from './sign-out';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Signs the user out after the admin's idle time without keyboard or mouse activity. Unsaved drafts stay: the
 * entry form keeps its draft in its own store, and the sign-in screen returns to the same route.
 */
export function useIdleSignOut(): void {
  const minutes = useIdleMinutes();
  useEffect(() => {
    if (minutes === undefined) return;
    let last = Date.now();
    const onActivity = () => { last = Date.now(); };
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true });
    // Checked every few seconds rather than one long timer: a laptop asleep overnight signs out on waking.
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) void signOut('idle');
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity);
    };
  }, [minutes]);
}
