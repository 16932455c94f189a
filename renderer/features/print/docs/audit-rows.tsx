import type { AuditEntry } from '../../../../shared/audit/audit-chain';
import type { T } from '../../../app/i18n';
import { formatTimestamp } from '../../../app/today';
import { auditFieldLabel, CREATE_SUMMARY, entryChanges, formatAuditValue, refusedFacts } from '../../audit';
import { refusalText } from '../../auth';
import type { PrintColumn, PrintTable } from '../print-types';

/** An audit history as a printed table: when, what, who on which device, and every change (nothing folded away). */
export function auditTable(entries: readonly AuditEntry[], t: T, userLabel: (login: string) => string): PrintTable {
  const columns: PrintColumn[] = [
    { key: 'at', label: t('print.col.at'), width: '30mm' },
    { key: 'action', label: t('print.col.action'), width: '22mm', wrap: true },
    { key: 'who', label: t('print.col.who'), width: '34mm', wrap: 'all' },
    { key: 'changes', label: t('print.col.changes'), width: 'auto', wrap: 'all' },
  ];
  return {
    columns,
    rows: entries.map((e) => ({
      key: String(e.seq),
      cells: [formatTimestamp(e.at), t(`audit.${e.action}`), `${userLabel(e.user)}${e.device ? ` · ${e.device}` : ''} · #${e.seq}`, changesText(e, t)],
    })),
    empty: t('history.empty'),
  };
}

function changesText(e: AuditEntry, t: T): string {
  const refused = refusedFacts(e);
  if (refused) return t('audit.refusedLine', { action: t(`audit.permission.${refused.action}`), why: refusalText(t, refused) });
  const rows = entryChanges(e);
  const isNew = e.before === null && (e.action === 'create' || e.action === 'sync') && e.entity === 'invoice';
  // A new invoice's entry repeats every field, which the printout lists above; its key fields say which it was.
  const shown = isNew ? CREATE_SUMMARY.flatMap((f) => rows.filter((r) => r.field === f)) : rows;
  return shown.map((r) => {
    const after = formatAuditValue(t, r.field, r.after);
    const value = 'before' in r ? `${formatAuditValue(t, r.field, r.before)} → ${after}` : after;
    return r.field === '' ? value : t('print.changeItem', { label: auditFieldLabel(t, r.field), value });
  }).join(t('print.changeSeparator'));
}
