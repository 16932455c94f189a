import { useEffect, useRef, useState } from 'react';
import { OfdTextPreview } from './OfdTextPreview';

/** Shows an original file: images as they are, the first page of a PDF rendered by pdf.js, others as a download. */
export function OriginalPreview(props: {
  readonly name: string;
  readonly mime: string;
  readonly blob: Blob;
  readonly labels: { readonly original: string; readonly noPreview: string; readonly download: string };
}) {
  const kind = previewKind(props.name, props.mime);
  const url = useObjectUrl(props.blob);
  if (!url) return null;
  return (
    <figure className="original" aria-label={props.labels.original}>
      {kind === 'image' ? <img src={url} alt={props.name} /> : kind === 'pdf' ? <PdfPage blob={props.blob} className="pdf-page" />
        : kind === 'ofd' ? <OfdTextPreview blob={props.blob} label={props.name} /> : <p className="muted">{props.labels.noPreview}</p>}
      <figcaption>
        <span className="mono">{props.name}</span> · <a href={url} download={props.name}>{props.labels.download}</a>
      </figcaption>
    </figure>
  );
}

/** An object URL for a blob while the component shows it (revoked when the blob changes or the component goes). */
export function useObjectUrl(blob: Blob): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => { URL.revokeObjectURL(u); };
  }, [blob]);
  return url;
}

/** How an original can be shown, from its name and MIME type. */
export function previewKind(name: string, mime: string): 'image' | 'pdf' | 'ofd' | 'none' {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'ofd') return 'ofd';
  if (mime === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (/^image\/(png|jpeg|webp|bmp|gif)$/.test(mime) || ['png', 'jpg', 'jpeg', 'webp', 'bmp', 'gif'].includes(ext)) return 'image';
  return 'none';
}

/** The first page of a PDF, drawn by pdf.js (loaded on first use). */
export function PdfPage({ blob, className }: { readonly blob: Blob; readonly className?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const run = { cancelled: false };
    void (async () => {
      const { renderFirstPage } = await import('./pdf-render');
      if (!run.cancelled && ref.current) await renderFirstPage(blob, ref.current);
    })();
    return () => { run.cancelled = true; };
  }, [blob]);
  return <canvas ref={ref} className={className} />;
}
