import { useEffect, useRef, useState, type SyntheticEvent, type KeyboardEvent } from 'react';
import { INVOICE_KINDS, type FieldName, type FieldSource, type Invoice, type InvoiceDraft, type Issue } from '../../../../shared/domain/invoice';
import type { AttachmentInput } from '../../../db';
import { draftFromContent, emptyDraft, normalizeDraft, validateDraft } from '../../../../shared/domain/validate';
import { parseMoney, formatFen, fen } from '../../../../shared/domain/money';
import { isCertain } from '../../../../shared/capture';
import { useFormatIssue, useT, type T } from '../../../app/i18n';
import { navigate } from '../../../app/router';
import { localToday } from '../../../app/today';
import { Field } from '../../../ui/Field';
import { useToasts } from '../../../ui/toast';
import { FIELD_ORDER, FORM_SECTIONS, fieldId } from './form-fields';
import { useNewDraft } from './draft-store';
import { useInvoiceSave } from './use-invoice-save';
import { SaveBannerView } from './SaveBannerView';

/** A captured file being confirmed: the prefilled draft, where each value came from, and the original. */
export interface CaptureContext {
  readonly draft: InvoiceDraft;
  readonly fieldSources: Invoice['fieldSources'];
  /** Fields that sources disagree on (shown highlighted with the capture warning). */
  readonly conflicts: ReadonlyMap<string, string>;
  readonly source: FieldSource;
  readonly attachment: AttachmentInput;
  readonly onSaved: (invoice: Invoice) => void;
  readonly onNext: () => void;
  readonly onCancel: () => void;
}

/** Values read below this confidence are highlighted for the clerk to check. */

/** The entry form: a new invoice (draft kept across reloads), an edit of an existing one, or a captured file to confirm. */
export function InvoiceForm(props: { readonly existing: Invoice | null; readonly capture?: CaptureContext }) {
  const t = useT();
  const formatIssue = useFormatIssue();
  const stored = useNewDraft();
  const local = props.existing !== null || props.capture !== undefined;
  const [editDraft, setEditDraft] = useState<InvoiceDraft>(() => (props.existing ? draftFromContent(props.existing) : props.capture?.draft ?? emptyDraft()));
  const draft = local ? editDraft : stored.draft;
  const setDraft = local ? setEditDraft : stored.setDraft;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const { banner, setBanner, busy, save } = useInvoiceSave(props.existing, props.capture
    ? { source: props.capture.source, fieldSources: props.capture.fieldSources, attachments: [props.capture.attachment] }
    : undefined);
  const show = useToasts((s) => s.show);
  const formRef = useRef<HTMLFormElement>(null);

  const initial = props.existing ? draftFromContent(props.existing) : props.capture?.draft ?? emptyDraft(draft.kind);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const { issues } = validateDraft(draft, { today: localToday() });
  const visible = (name: string) => showAll || touched.has(name);
  const messagesFor = (name: string, severity: 'error' | 'warning') =>
    visible(name) ? issues.filter((i) => fieldOf(i.field) === name && i.severity === severity).map((i) => formatIssue(i)) : [];

  function startNew() {
    stored.reset({ kind: draft.kind });
    setTouched(new Set());
    setShowAll(false);
    setBanner(null);
    setConfirmDiscard(false);
    focusField('kind');
  }

  function leave() {
    if (props.capture) props.capture.onCancel();
    else if (props.existing) navigate({ name: 'detail', id: props.existing.id });
    else {
      stored.reset({ kind: draft.kind });
      navigate({ name: 'ledger' });
    }
  }

  useEffect(() => {
    // A captured file: go straight to what needs the clerk's eyes (Enter then saves); typing starts at the kind.
    focusField(props.capture ? firstToCheck(props.capture, validateDraft(props.capture.draft, { today: localToday() }).issues) : 'kind');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the form opens
  }, []);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        if (local) navigate({ name: 'new' });
        else if (dirty) setConfirmDiscard(true);
        else startNew();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); };
  });

  async function onSubmit(e: SyntheticEvent) {
    e.preventDefault();
    if (busy) return;
    const normalized = normalizeDraft(draft);
    setDraft(normalized);
    setShowAll(true);
    const result = await save(normalized);
    if (!result) return;
    if ('issues' in result) {
      const first = FIELD_ORDER.find((f) => result.issues.some((i) => i.severity === 'error' && fieldOf(i.field) === f));
      focusField(first ?? 'kind');
      return;
    }
    const { saved, warnings } = result;
    show(t(warnings > 0 ? 'form.savedWithWarnings' : 'form.saved', { number: saved.number, count: warnings }), warnings > 0 ? 'warn' : 'ok');
    if (props.capture) props.capture.onSaved(saved);
    else if (props.existing) navigate({ name: 'detail', id: saved.id });
    else startNew();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'PageDown' && props.capture) {
      e.preventDefault();
      props.capture.onNext();
      return;
    }
    if (e.key !== 'Escape') return;
    e.preventDefault();
    if (confirmDiscard) setConfirmDiscard(false);
    else if (dirty) setConfirmDiscard(true);
    else leave();
  }

  const update = (name: keyof InvoiceDraft, value: string | boolean) => {
    setDraft({ ...draft, [name]: value });
    if (banner?.kind === 'softDuplicate' || banner?.kind === 'hardDuplicate') setBanner(null);
  };
  const blur = (name: string) => {
    setTouched(new Set(touched).add(name));
    const normalized = normalizeDraft(draft);
    if (JSON.stringify(normalized) !== JSON.stringify(draft)) setDraft(normalized);
  };

  return (
    <form ref={formRef} className="invoice-form" onSubmit={(e) => void onSubmit(e)} onKeyDown={onKeyDown} noValidate aria-labelledby="form-title">
      <header className="page-header">
        <h1 id="form-title">{t(props.capture ? 'capture.confirmTitle' : props.existing ? 'form.titleEdit' : 'form.titleNew')}</h1>
        <p className="keys-hint">{t('form.keys')}</p>
      </header>
      {confirmDiscard ? <DiscardBar t={t} onDiscard={() => { if (local) leave(); else startNew(); }} onKeep={() => { setConfirmDiscard(false); }} /> : null}
      <SaveBannerView banner={banner} t={t} />
      <div className="paper">
        <div className="paper-row">
          <Field id={fieldId('kind')} label={t('field.kind')} errors={messagesFor('kind', 'error')}>
            {(aria) => (
              <select {...aria} value={draft.kind} onChange={(e) => { update('kind', e.target.value); }}>
                {INVOICE_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
              </select>
            )}
          </Field>
        </div>
        {FORM_SECTIONS.map((section) => (
          <fieldset key={section.titleKey} className={`paper-section section-${section.titleKey.split('.')[1] ?? ''}`}>
            <legend>{t(section.titleKey)}</legend>
            {section.fields.map((f) => (
              <Field key={f.name} id={fieldId(f.name)} label={t(`field.${f.name}`)} hint={f.hintKey ? t(f.hintKey) : undefined}
                wide={f.wide ?? false} errors={messagesFor(f.name, 'error')}
                warnings={[...(props.capture?.conflicts.get(f.name) ? [props.capture.conflicts.get(f.name) ?? ''] : []), ...messagesFor(f.name, 'warning')]}
                flag={captureFlag(props.capture, f.name, t)}>
                {(aria) => (
                  <input {...aria} type="text" autoComplete="off" spellCheck={false} inputMode={f.inputMode ?? 'text'} maxLength={f.maxLength}
                    className={f.inputMode === 'decimal' ? 'num' : undefined}
                    value={draft[f.name]} onChange={(e) => { update(f.name, e.target.value); }} onBlur={() => { blur(f.name); }} />
                )}
              </Field>
            ))}
            {section.titleKey === 'form.sectionAmounts' ? <SumHint draft={draft} t={t} /> : null}
          </fieldset>
        ))}
        <div className="paper-row">
          <label className="checkbox" htmlFor={fieldId('isRed')}>
            <input id={fieldId('isRed')} type="checkbox" checked={draft.isRed} onChange={(e) => { update('isRed', e.target.checked); }} />
            {t('field.isRed')}
          </label>
          <span className="field-hint">{t('form.redHint')}</span>
        </div>
      </div>
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{t('form.save')} <kbd>Enter</kbd></button>
        <button type="button" onClick={() => { if (dirty) setConfirmDiscard(true); else leave(); }}>{t('form.cancel')} <kbd>Esc</kbd></button>
        {!local ? <button type="button" onClick={() => { if (dirty) setConfirmDiscard(true); else startNew(); }}>{t('form.new')} <kbd>Ctrl+N</kbd></button> : null}
        {props.capture ? <button type="button" onClick={props.capture.onNext}>{t('capture.next')} <kbd>PageDown</kbd></button> : null}
      </footer>
    </form>
  );
}

/** Fields a capture should have read; an unread one is flagged for typing. */
const EXPECTED: ReadonlySet<FieldName> = new Set(['number', 'issueDate', 'buyerName', 'sellerName', 'sellerTaxId', 'amount', 'tax', 'total']);

/** Where focus goes on a captured form: the first error, else the first conflict, else the first doubtful value. */
function firstToCheck(capture: CaptureContext, issues: readonly Issue[]): FieldName {
  const order = FIELD_ORDER.filter((f) => f !== 'kind' && f !== 'isRed');
  const isError = (f: FieldName) => issues.some((i) => i.severity === 'error' && fieldOf(i.field) === f);
  const doubtful = (f: FieldName) => {
    const o = capture.fieldSources[f];
    return o ? !isCertain(o) : EXPECTED.has(f);
  };
  return order.find(isError) ?? order.find((f) => capture.conflicts.has(f)) ?? order.find(doubtful) ?? 'number';
}

function captureFlag(capture: CaptureContext | undefined, name: FieldName, t: T): { className: string; text: string } | undefined {
  if (!capture) return undefined;
  if (capture.conflicts.has(name)) return { className: 'flag-conflict', text: t('capture.flagConflict') };
  const origin = capture.fieldSources[name];
  if (!origin) return EXPECTED.has(name) ? { className: 'flag-missing', text: t('capture.flagMissing') } : undefined;
  return !isCertain(origin)
    ? { className: 'flag-low', text: t('capture.flagLow', { source: t(`source.${origin.source}`) }) }
    : { className: 'flag-ok', text: t(`source.${origin.source}`) };
}

function DiscardBar(props: { readonly t: T; readonly onDiscard: () => void; readonly onKeep: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return (
    <div className="banner banner-warn" role="alertdialog" aria-label={props.t('form.discardConfirm')}>
      <span>{props.t('form.discardConfirm')}</span>
      <button ref={ref} type="button" className="danger" onClick={props.onDiscard}>{props.t('form.discard')}</button>
      <button type="button" onClick={props.onKeep}>{props.t('form.keepEditing')}</button>
    </div>
  );
}

function SumHint(props: { readonly draft: InvoiceDraft; readonly t: T }) {
  const a = parseMoney(props.draft.amount);
  const b = parseMoney(props.draft.tax);
  if (!a.ok || !b.ok) return null;
  return <p className="sum-hint">{props.t('form.sumHint', { sum: formatFen(fen(a.value + b.value)) })}</p>;
}

function fieldOf(field: FieldName): string {
  return field.startsWith('lines.') ? 'amount' : field;
}

function focusField(name: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(fieldId(name));
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
      el.focus({ preventScroll: true });
      // Centred, so the sticky action bar never hides the field that needs attention.
      el.scrollIntoView({ block: 'center' });
      if (el instanceof HTMLInputElement) el.select();
    }
  });
}
