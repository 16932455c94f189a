import { useEffect, useState } from 'react';
import type { TextItem } from '../../shared/capture/text/text-items';
import { ofdFirstPageText } from '../../shared/capture/formats/ofd-preview';

/** A text-only drawing of an OFD's first page: every text object where the file places it. */
export function OfdTextPreview({ blob, label }: { readonly blob: Blob; readonly label: string }) {
  const [items, setItems] = useState<TextItem[] | null | undefined>(undefined);
  useEffect(() => {
    const run = { cancelled: false };
    void blob.arrayBuffer().then((buf) => { if (!run.cancelled) setItems(ofdFirstPageText(new Uint8Array(buf))); });
    return () => { run.cancelled = true; };
  }, [blob]);
  if (!items || items.length === 0) return null;
  const width = Math.max(...items.map((i) => i.x + i.width)) + 4;
  const height = Math.max(...items.map((i) => i.y)) + 6;
  return (
    <svg className="ofd-page" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <rect x={0} y={0} width={width} height={height} fill="#fffdf8" />
      {items.map((i, n) => (
        <text key={n} x={i.x} y={i.y} fontSize={Math.max(1.5, i.height || 3)} fill={/^[\d.¥￥,*-]+$/.test(i.str) ? '#1d2733' : '#8a3b3b'}>{i.str}</text>
      ))}
    </svg>
  );
}
