import { useId, useState } from 'react';
import { buildDiagnostics } from '../../../shared/feedback/diagnostics';
import { useT } from '../../app/i18n';
import { feedback } from '../../db';
import { useToasts } from '../../ui/toast';
import { feedbackErrorText, screenLabel } from './feedback-text';
import { useDiagnosticsSources } from './use-diagnostics';

/** The clerk's report: what they were doing, the message, the two boxes, and a preview of exactly what is sent. */
export function FeedbackForm() {
  const t = useT();
  const toast = useToasts((s) => s.show);
  const sources = useDiagnosticsSources();
  const id = useId();
  const [doing, setDoing] = useState('');
  const [message, setMessage] = useState('');
  const [withDiagnostics, setWithDiagnostics] = useState(false);
  const [withInvoice, setWithInvoice] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const invoiceAvailable = sources.invoice !== undefined;
  const includeInvoiceContent = withInvoice && invoiceAvailable;
  const diagnostics = buildDiagnostics({ ...sources, includeDiagnostics: withDiagnostics, includeInvoiceContent });
  const payload = { screen: sources.screen, doing: doing.trim(), message: message.trim(), appVersion: sources.appVersion, includeInvoiceContent, diagnostics };

  const submit = async () => {
    setBusy(true);
    const r = await feedback.send({ ...payload, diagnostics: diagnostics ? { ...diagnostics } : null });
    setBusy(false);
    if (!r.ok) { setError(feedbackErrorText(t, r.error)); return; }
    setError(null);
    setDoing('');
    setMessage('');
    setWithDiagnostics(false);
    setWithInvoice(false);
    toast(t('feedback.saved'));
  };

  return (
    <form className="paper feedback-form" aria-labelledby={`${id}-title`} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id={`${id}-title`} className="sr-only">{t('feedback.title')}</h2>
      <p className="muted">{t('feedback.intro')}</p>
      <p className="feedback-screen"><span className="field-label">{t('feedback.screen')}</span> {screenLabel(t, sources.screen)}</p>
      <div className="field">
        <label htmlFor={`${id}-doing`}>{t('feedback.doing')}</label>
        <input id={`${id}-doing`} value={doing} placeholder={t('feedback.doing.hint')} onChange={(e) => { setDoing(e.target.value); }} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-message`}>{t('feedback.message')}</label>
        <textarea id={`${id}-message`} rows={5} value={message} placeholder={t('feedback.message.hint')} onChange={(e) => { setMessage(e.target.value); }} />
      </div>
      <label className="feedback-box">
        <input type="checkbox" checked={withDiagnostics} onChange={(e) => { setWithDiagnostics(e.target.checked); }} />
        <span>{t('feedback.diagnostics')}<small className="muted">{t('feedback.diagnostics.hint')}</small></span>
      </label>
      <label className="feedback-box">
        <input type="checkbox" checked={includeInvoiceContent} disabled={!invoiceAvailable} onChange={(e) => { setWithInvoice(e.target.checked); }} />
        <span>{t('feedback.invoice')}<small className="muted">{t('feedback.invoice.hint')}</small></span>
      </label>
      <section className="feedback-preview" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`}>{t('feedback.preview')}</h3>
        <pre data-testid="feedback-preview">{JSON.stringify(payload, null, 2)}</pre>
      </section>
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
      <button type="submit" className="primary" disabled={busy}>{t('feedback.save')}</button>
    </form>
  );
}
