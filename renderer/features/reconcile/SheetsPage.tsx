import { useRef } from 'react';
import { useT } from '../../app/i18n';
import { useMappings } from '../../db';
import { ExportSection } from './ExportSection';
import { ImportFileCard } from './ImportFileCard';
import { ImportHistory } from './ImportHistory';
import { useSheetsUi } from './sheets-store';
import { useLedgerImport } from './use-ledger-import';
import './reconcile.css';
import { useGate } from '../auth';

/** The Excel page: import Excel ledgers (preview, confirm, undo) and export the ledger and the case list. */
export function SheetsPage() {
  const t = useT();
  const flows = useLedgerImport();
  const importGate = useGate('import.run');
  const files = useSheetsUi((s) => s.files);
  const mappings = useMappings();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <section className="rc-page">
      <header className="page-header"><h1>{t('sheets.title')}</h1></header>
      <section className="rc-card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('sheets.import.heading')}</h2>
        <p className="muted">{t('sheets.import.intro')}</p>
        <div className="rc-actions">
          <button type="button" className="primary" disabled={!importGate.allowed} title={importGate.title} onClick={() => inputRef.current?.click()}>{t('sheets.import.pick')}</button>
          <span className="muted small">{t('sheets.import.types')}</span>
          <input ref={inputRef} type="file" multiple hidden aria-label={t('sheets.import.pick')} accept=".xlsx,.xls,.csv,.txt"
            onChange={(e) => { void flows.pick([...(e.target.files ?? [])], mappings ?? []); e.target.value = ''; }} />
        </div>
        {files.map((f) => <ImportFileCard key={f.id} file={f} flows={flows} mappings={mappings ?? []} />)}
      </section>
      <section className="rc-card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('sheets.history.heading')}</h2>
        <ImportHistory flows={flows} />
      </section>
      <ExportSection />
    </section>
  );
}
