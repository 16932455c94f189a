import { useRef, useState, type SyntheticEvent } from 'react';
import { INVOICE_KINDS, type InvoiceKind, type Issue } from '../../../shared/domain/invoice';
import { useFormatIssue, useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { localToday } from '../../app/today';
import { cases } from '../../db';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toast';
import { focusFirstError } from './focus-first-error';
import { checkNewCase, EMPTY_NEW_CASE, type NewCaseDraft } from './new-case';

type TextKey = Exclude<keyof NewCaseDraft, 'kind'>;
const TEXT_FIELDS: readonly { readonly key: TextKey; readonly label: string; readonly issueField: Issue['field'] | null; readonly wide?: boolean }[] = [
  { key: 'code', label: 'field.code', issueField: 'code' },
  { key: 'number', label: 'field.number', issueField: 'number' },
  { key: 'issueDate', label: 'field.issueDate', issueField: 'issueDate' },
  { key: 'sellerName', label: 'field.sellerName', issueField: 'sellerName', wide: true },
  { key: 'sellerTaxId', label: 'field.sellerTaxId', issueField: 'sellerTaxId' },
  { key: 'total', label: 'field.total', issueField: 'total' },
  { key: 'title', label: 'cases.new.caseTitle', issueField: null, wide: true },
];

/** Opens a case by hand for an invoice the clerk knows is missing; checked with the entry form's validators. */
export function NewCaseForm({ onDone }: { readonly onDone: () => void }) {
  const t = useT();
  const formatIssue = useFormatIssue();
  const show = useToasts((s) => s.show);
  const [draft, setDraft] = useState<NewCaseDraft>(EMPTY_NEW_CASE);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const check = checkNewCase(draft, localToday());
  const shown = tried ? check.issues : check.issues.filter((i) => i.severity === 'warning');
  const messages = (field: Issue['field'] | null, severity: Issue['severity']) =>
    field === null ? [] : shown.filter((i) => i.field === field && i.severity === severity).map(formatIssue);
  const errorCount = check.issues.filter((i) => i.severity === 'error').length;

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setTried(true);
    if (!check.ref) { focusFirstError(formRef.current); return; }
    if (busy) return;
    setBusy(true);
    const title = draft.title.trim() || t('cases.defaultTitle', { seller: check.ref.seller.name, number: check.ref.number });
    const c = await cases.open({ title, origin: 'manual', ref: check.ref, invoiceId: null, findingKey: null });
    setBusy(false);
    show(t('cases.new.opened', { title }));
    onDone();
    navigate({ name: 'case', id: c.id });
  }

  return (
    <form ref={formRef} className="paper new-case" aria-labelledby="new-case-title" onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => { if (e.key === 'Escape') onDone(); }}>
      <h2 id="new-case-title">{t('cases.new.title')}</h2>
      <div className="new-case-grid">
        <Field id="new-case-kind" label={t('field.kind')}>
          {(aria) => (
            <select {...aria} autoFocus value={draft.kind} onChange={(e) => { setDraft({ ...draft, kind: e.target.value as InvoiceKind | '' }); }}>
              <option value="">{t('cases.new.kindUnknown')}</option>
              {INVOICE_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        {TEXT_FIELDS.map((f) => (
          <Field key={f.key} id={`new-case-${f.key}`} label={t(f.label)} wide={f.wide ?? false}
            hint={f.key === 'title' ? t('cases.new.titleHint') : f.key === 'issueDate' ? t('form.datePlaceholder') : undefined}
            errors={messages(f.issueField, 'error')} warnings={messages(f.issueField, 'warning')}>
            {(aria) => <input {...aria} type="text" value={draft[f.key]}
              onChange={(e) => { setDraft({ ...draft, [f.key]: e.target.value }); }} />}
          </Field>
        ))}
      </div>
      {tried && errorCount > 0 ? <p className="msg-error" role="alert">{t('cases.new.errors', { count: errorCount })}</p> : null}
      <div className="case-actions">
        <button type="submit" className="primary" disabled={busy}>{t('cases.new.create')}</button>
        <button type="button" onClick={onDone}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
