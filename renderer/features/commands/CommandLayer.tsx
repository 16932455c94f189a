import { useEffect } from 'react';
import { CommandPalette } from './CommandPalette';
import { ShortcutsSheet } from './ShortcutsSheet';
import { useCommandUi } from './ui-store';
import './commands.css';

/**
 * The palette or the shortcuts sheet, whichever is open (the shell's key listener opens them). Focus goes back to
 * where it was when one closes; leaving the shell (sign-out) closes both.
 */
export function CommandLayer() {
  const open = useCommandUi((s) => s.open);
  useEffect(() => () => { useCommandUi.getState().show(null); }, []);

  const close = () => {
    const el = useCommandUi.getState().returnTo;
    useCommandUi.getState().show(null);
    if (el instanceof HTMLElement && el.isConnected) el.focus();
  };
  if (open === 'palette') return <CommandPalette onClose={close} />;
  if (open === 'shortcuts') return <ShortcutsSheet onClose={close} />;
  return null;
}
