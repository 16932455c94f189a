import { create } from 'zustand';

interface Toast { readonly id: number; readonly text: string; readonly tone: 'ok' | 'warn' | 'error' }

interface ToastState {
  readonly toasts: readonly Toast[];
  readonly show: (text: string, tone?: Toast['tone']) => void;
  readonly dismiss: (id: number) => void;
  /** Removes every toast (a sign-out: the next person does not see the last one's confirmations). */
  readonly clear: () => void;
}

let nextId = 1;

/** Short confirmations ("已保存") that fade on their own. */
export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  show: (text, tone = 'ok') => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { id, text, tone }] }));
    setTimeout(() => { set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })); }, 4000);
  },
  dismiss: (id) => { set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })); },
  clear: () => { set({ toasts: [] }); },
}));

/** Renders the toasts in a polite live region so screen readers announce them. */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <button type="button" key={t.id} className={`toast toast-${t.tone}`} onClick={() => { dismiss(t.id); }}>
          {t.text}
        </button>
      ))}
    </div>
  );
}
