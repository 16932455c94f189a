import { useRef, useState } from 'react';
import { toHex } from '../../../shared/backup/bytes';
import { sha256 } from '../../../shared/backup/web-crypto';
import type { InvoiceCase } from '../../../shared/cases/types';
import { useT } from '../../app/i18n';
import { cases } from '../../db';
import { useToasts } from '../../ui/toast';
import { StoredOriginal } from '../invoices';
import { caseErrorText } from './case-error';

/** Evidence files (copies, certificates, screenshots), stored like invoice originals and previewed the same way. */
export function EvidencePanel({ c }: { readonly c: InvoiceCase }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function add(files: readonly File[]) {
    setBusy(true);
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const hash = toHex(await sha256(bytes));
      const r = await cases.addEvidence(c.id, { sha256: hash, name: file.name, type: file.type || 'application/octet-stream', blob: file });
      show(r.ok ? t('case.evidence.added', { name: file.name }) : caseErrorText(r.error, t), r.ok ? 'ok' : 'error');
    }
    setBusy(false);
  }

  return (
    <section className="case-card attachments" aria-labelledby="case-evidence-title">
      <h2 id="case-evidence-title">{t('case.evidence')}</h2>
      <div className="case-actions">
        <button type="button" disabled={busy} onClick={() => inputRef.current?.click()}>{t('case.evidence.add')}</button>
        <input ref={inputRef} type="file" multiple hidden aria-label={t('case.evidence.add')}
          onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; void add(files); }} />
      </div>
      {c.attachments.length === 0 ? <p className="muted">{t('case.evidence.none')}</p>
        : c.attachments.map((sha) => <StoredOriginal key={sha} sha256={sha} />)}
    </section>
  );
}
