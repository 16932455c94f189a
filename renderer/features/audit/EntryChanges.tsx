import type { AuditEntry } from '../../../shared/audit/audit-chain';
import { useT } from '../../app/i18n';
import { refusalText } from '../auth';
import { CREATE_SUMMARY, entryChanges, refusedFacts, type ChangeRow } from './entry-changes';
import { auditFieldLabel, formatAuditValue } from './format-audit-value';
import './audit.css';

/** Rows shown before the rest folds away. */
const SHOWN = 6;

function Row({ row }: { readonly row: ChangeRow }) {
  const t = useT();
  const value = (v: unknown) => formatAuditValue(t, row.field, v);
  const label = row.field === '' ? null : <span className="change-field">{auditFieldLabel(t, row.field)}</span>;
  if (!('before' in row)) return <li>{label}<span className="change-after">{value(row.after)}</span></li>;
  return (
    <li>
      {label}<del className="change-before">{value(row.before)}</del>
      <span className="change-arrow" aria-hidden="true"> → </span><ins className="change-after">{value(row.after)}</ins>
    </li>
  );
}

/** What one audit entry changed: each field before → after; a new record by its key fields, the rest folded. */
export function EntryChanges({ entry }: { readonly entry: Pick<AuditEntry, 'action' | 'entity' | 'before' | 'after'> }) {
  const t = useT();
  const refused = refusedFacts(entry);
  if (refused) {
    const action = t(`audit.permission.${refused.action}`);
    return <div className="entry-changes">{t('audit.refusedLine', { action: action.startsWith('audit.') ? refused.action : action, why: refusalText(t, refused) })}</div>;
  }
  const rows = entryChanges(entry);
  if (rows.length === 0) return null;
  const isNew = entry.before === null && (entry.action === 'create' || entry.action === 'sync');
  const first = isNew && entry.entity === 'invoice'
    ? CREATE_SUMMARY.flatMap((f) => rows.filter((r) => r.field === f))
    : rows.slice(0, SHOWN);
  const rest = rows.filter((r) => !first.includes(r));
  return (
    <div className="entry-changes">
      <ul>{first.map((r) => <Row key={r.field} row={r} />)}</ul>
      {rest.length > 0 ? (
        <details>
          <summary>{t('audit.moreFields', { count: rest.length })}</summary>
          <ul>{rest.map((r) => <Row key={r.field} row={r} />)}</ul>
        </details>
      ) : null}
    </div>
  );
}
