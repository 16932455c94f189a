/** What a key press outside any dialog asks the shell for. */
export type KeyIntent = 'palette' | 'shortcuts' | 'newInvoice' | 'manual' | null;

/** The parts of a keydown event the shell looks at (`inText`: the focus is in a text field). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly inText: boolean;
}

/** Ctrl/Cmd+K opens the palette anywhere, Ctrl/Cmd+N a new invoice, F1 the manual (text fields too), `?` the shortcuts sheet outside text fields. */
export function keyIntent(k: KeyPress): KeyIntent {
  const mod = k.ctrlKey || k.metaKey;
  if (k.altKey) return null;
  if (k.key === 'F1') return mod ? null : 'manual';
  if (mod && k.key.toLowerCase() === 'k') return 'palette';
  if (mod && k.key.toLowerCase() === 'n') return 'newInvoice';
  if (!mod && k.key === '?' && !k.inText) return 'shortcuts';
  return null;
}

/** The element a key went to, as far as telling text fields apart needs it. */
export interface KeyTarget {
  readonly tagName?: string;
  readonly isContentEditable?: boolean;
  readonly type?: string;
}

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image']);

/** True when typing `?` there should type it (text inputs, text areas, selects, editable content). */
export function isTextTarget(el: KeyTarget | null): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = (el.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NOT_TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
}
