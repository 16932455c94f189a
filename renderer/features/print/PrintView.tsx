import { Suspense, useEffect, useMemo, useState } from 'react';
import type { PrintDoc } from '../../../shared/print/print-doc';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { savePagesAsPdf } from '../../platform/print-pdf';
import { useToasts } from '../../ui/toast';
import { printDocument } from './document-registry';
import { usePrintStore } from './print-store';
import { PrintMessage } from './PrintParts';
import './print.css';

/** #/print/<doc>?<query>: the toolbar (打印, 存为 PDF, 返回, page count) over the document's A4 sheets. */
export function PrintView(props: { readonly doc: PrintDoc; readonly query: string }) {
  const t = useT();
  const def = printDocument(props.doc);
  const params = useMemo(() => new URLSearchParams(props.query), [props.query]);
  const info = usePrintStore((s) => s.info);
  const setInfo = usePrintStore((s) => s.setInfo);
  const [hint, setHint] = useState(false);
  const show = useToasts((s) => s.show);

  useEffect(() => () => { setInfo(null); }, [setInfo, props.doc, props.query]);
  // The browser's "Save as PDF" proposes the page title as the file name.
  useEffect(() => {
    if (!info) return undefined;
    const before = document.title;
    document.title = info.fileName;
    return () => { document.title = before; };
  }, [info]);

  const ready = info?.pageCount != null;
  const savePdf = async () => {
    if (!info) return;
    const r = await savePagesAsPdf(info.fileName);
    if (r.kind === 'browser') {
      setHint(true);
      // Let the hint paint before the print dialog takes over.
      setTimeout(() => { window.print(); }, 50);
    } else if (r.kind === 'saved') show(t('print.saved', { name: r.fileName }));
    else if (r.kind === 'failed') show(t('print.saveFailed', { reason: t(`print.failed.${r.reason}`) }), 'error');
  };
  const back = () => {
    if (window.history.length > 1) window.history.back();
    else navigate({ name: 'ledger' });
  };

  return (
    <div className="print-view">
      <div className="print-toolbar" role="toolbar" aria-label={t('print.button')}>
        <strong className="print-toolbar-title">{info?.title ?? ''}</strong>
        <span className="print-count" aria-live="polite">
          {!info ? '' : info.pageCount === null ? t('print.preparing') : info.pageCount === 1 ? t('print.pageCount.one') : t('print.pageCount', { count: info.pageCount })}
        </span>
        <button type="button" className="primary" disabled={!ready} onClick={() => { window.print(); }}>{t('print.print')}</button>
        <button type="button" disabled={!ready} onClick={() => void savePdf()}>{t('print.savePdf')}</button>
        <button type="button" onClick={back}>{t('print.back')}</button>
      </div>
      {hint ? <p className="print-hint" role="note">{t('print.browserHint')}</p> : null}
      {def ? (
        <Suspense fallback={<PrintMessage text={t('print.loading')} />}><def.component params={params} /></Suspense>
      ) : <PrintMessage text={t('print.unknownDoc')} alert />}
    </div>
  );
}
