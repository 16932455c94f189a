import type { Invoice } from '../../../../shared/domain/invoice';
import { useT } from '../../../app/i18n';
import { useAttachment } from '../../../db';
import { OriginalPreview } from '../../../ui/OriginalPreview';

/** The original files kept with an invoice, viewable in place. */
export function AttachmentsPanel({ invoice }: { readonly invoice: Invoice }) {
  const t = useT();
  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('detail.attachments')}</h2>
      {invoice.attachments.length === 0 ? <p className="muted">{t('detail.noAttachments')}</p> : invoice.attachments.map((sha) => <StoredOriginal key={sha} sha256={sha} />)}
    </section>
  );
}

/** One stored original file, previewed in place (invoice originals and case evidence alike). */
export function StoredOriginal({ sha256 }: { readonly sha256: string }) {
  const t = useT();
  const row = useAttachment(sha256);
  if (row === undefined) return <p className="muted">{t('list.loading')}</p>;
  if (row === null) return <p className="msg-error">{sha256}</p>;
  return <OriginalPreview name={row.name} mime={row.type} blob={row.blob}
    labels={{ original: t('capture.original'), noPreview: t('capture.noPreview'), download: t('capture.download') }} />;
}
