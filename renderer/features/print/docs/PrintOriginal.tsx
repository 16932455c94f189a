import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../app/i18n';
import { useAttachment } from '../../../db';

/**
 * A stored original on paper, in a box of fixed height (print.css .print-original) so that pagination never
 * depends on when the image or the PDF's first page finishes drawing.
 */
export function PrintOriginal({ sha256 }: { readonly sha256: string }) {
  const t = useT();
  const row = useAttachment(sha256);
  if (row === undefined) return <div className="print-original"><p className="print-note">{t('print.loading')}</p></div>;
  if (row === null) return <div className="print-original"><p className="print-note">{t('print.original.missing', { sha: sha256.slice(0, 12) })}</p></div>;
  const kind = originalKind(row.name, row.type);
  return (
    <figure className="print-figure">
      <div className="print-original">
        {kind === 'image' ? <BlobImage blob={row.blob} alt={row.name} /> : kind === 'pdf' ? <PdfFirstPage blob={row.blob} />
          : <p className="print-note">{t('print.original.noPreview')}</p>}
      </div>
      <figcaption className="print-meta">{row.name}{kind === 'pdf' ? ` · ${t('print.original.firstPage')}` : ''}</figcaption>
    </figure>
  );
}

function originalKind(name: string, mime: string): 'image' | 'pdf' | 'other' {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (mime === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (/^image\/(png|jpeg|webp|bmp|gif)$/.test(mime) || ['png', 'jpg', 'jpeg', 'webp', 'bmp', 'gif'].includes(ext)) return 'image';
  return 'other';
}

function BlobImage({ blob, alt }: { readonly blob: Blob; readonly alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => { URL.revokeObjectURL(u); };
  }, [blob]);
  return url ? <img src={url} alt={alt} /> : null;
}

function PdfFirstPage({ blob }: { readonly blob: Blob }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const run = { cancelled: false };
    void (async () => {
      const { renderFirstPage } = await import('../../../ui/pdf-render');
      if (!run.cancelled && ref.current) await renderFirstPage(blob, ref.current);
    })();
    return () => { run.cancelled = true; };
  }, [blob]);
  return <canvas ref={ref} />;
}
