import type { T } from '../../../app/i18n';

const SIGNERS = ['print.sign.handler', 'print.sign.reviewer', 'print.sign.date'] as const;

/** Lines where the paper copy is signed (by default the clerk, the auditor, and the date); `labels` are message keys. */
export function SignLines({ t, labels = SIGNERS, className }: { readonly t: T; readonly labels?: readonly string[]; readonly className?: string }) {
  return (
    <div className={className ? `print-sign ${className}` : 'print-sign'}>
      {labels.map((label) => <div key={label}>{t(label)}</div>)}
    </div>
  );
}
