import { useT } from '../../../app/i18n';
import { useAttachment } from '../../../db';
import { PdfPage, previewKind, useObjectUrl } from '../../../ui/OriginalPreview';
import { PrintSection } from '../PrintParts';
import type { PrintBlock } from '../print-types';

/**
 * A record's originals as print blocks, one each (keys `<key>-<sha>`, or `no-<key>s` with the `none` line): the
 * section heading travels with the first original (or the "none" line), never alone at a page's foot.
 */
export function originalBlocks(key: string, title: string, none: string, shas: readonly string[]): PrintBlock[] {
  if (shas.length === 0) return [{ kind: 'block', key: `no-${key}s`, node: <PrintSection title={title}><p className="print-note">{none}</p></PrintSection> }];
  return shas.map((sha, i) => ({
    kind: 'block', key: `${key}-${sha}`, node: i === 0 ? <PrintSection title={title}><PrintOriginal sha256={sha} /></PrintSection> : <PrintOriginal sha256={sha} />,
  }));
}

/**
 * A stored original on paper, in a box of fixed height (print.css .print-original) so that pagination never
 * depends on when the image or the PDF's first page finishes drawing.
 */
export function PrintOriginal({ sha256 }: { readonly sha256: string }) {
  const t = useT();
  const row = useAttachment(sha256);
  if (row === undefined) return <div className="print-original"><p className="print-note">{t('print.loading')}</p></div>;
  if (row === null) return <div className="print-original"><p className="print-note">{t('print.original.missing', { sha: sha256.slice(0, 12) })}</p></div>;
  const kind = previewKind(row.name, row.type);
  return (
    <figure className="print-figure">
      <div className="print-original">
        {kind === 'image' ? <BlobImage blob={row.blob} alt={row.name} /> : kind === 'pdf' ? <PdfPage blob={row.blob} />
          : <p className="print-note">{t('print.original.noPreview')}</p>}
      </div>
      <figcaption className="print-meta">{row.name}{kind === 'pdf' ? ` · ${t('print.original.firstPage')}` : ''}</figcaption>
    </figure>
  );
}

function BlobImage({ blob, alt }: { readonly blob: Blob; readonly alt: string }) {
  const url = useObjectUrl(blob);
  return url ? <img src={url} alt={alt} /> : null;
}
