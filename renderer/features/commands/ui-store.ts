import { create } from 'zustand';

/** Which keyboard overlay is open (UI state only). */
export type Overlay = 'palette' | 'shortcuts' | null;

interface CommandUiState {
  readonly open: Overlay;
  /** Where the focus was when the first overlay opened; it goes back there when the last one closes. */
  readonly returnTo: Element | null;
  readonly show: (overlay: Overlay) => void;
}

/** The palette and the shortcuts sheet: one open at a time. */
export const useCommandUi = create<CommandUiState>()((set, get) => ({
  open: null,
  returnTo: null,
  show: (open) => {
    // Read before the overlay renders: its search box or close button takes the focus as it mounts.
    const returnTo = open === null ? null : get().open === null ? document.activeElement : get().returnTo;
    set({ open, returnTo });
  },
}));
