import { useEffect } from 'react';
import { useT } from '../../app/i18n';
import { refusalOf } from '../../db';
import { useToasts } from '../../ui/toast';
import { refusalText } from './refusal-text';

/**
 * A refusal thrown by a repository (methods that return plain values throw PermissionRefusedError) and not
 * handled by the screen that called it becomes a toast naming the role needed, instead of vanishing.
 */
export function useRefusalToasts(): void {
  const t = useT();
  const show = useToasts((s) => s.show);
  useEffect(() => {
    const onRejection = (e: PromiseRejectionEvent) => {
      const refusal = refusalOf(e.reason);
      if (!refusal) return;
      e.preventDefault();
      show(refusalText(t, refusal), 'error');
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => { window.removeEventListener('unhandledrejection', onRejection); };
  }, [t, show]);
}
