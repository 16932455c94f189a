import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { captureMessage } from '../../../shared/capture/capture-messages';
import { emptyExtraction } from '../../../shared/capture/extracted';
import { emptyDraft } from '../../../shared/domain/validate';
import { useLocaleStore, useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { InvoiceForm, type CaptureContext } from '../invoices';
import { addFiles, fromFiles } from './add-files';
import { ScanFolderBar } from './ScanFolderBar';
import { scanFolder } from '../../platform/platform';
import { nextReady, useCaptureQueue, type QueueItem } from './capture-store';
import { OriginalPreview } from '../../ui/OriginalPreview';
import { useToasts } from '../../ui/toast';
import { linkCapturedReplacement } from '../cases';

/** Import: drop, pick or paste files; watch them being read; confirm each beside its original. */
export function CapturePage() {
  const t = useT();
  const { items, selectedId, select } = useCaptureQueue();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const selected = items.find((i) => i.id === selectedId && i.state === 'ready') ?? null;

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length > 0) { e.preventDefault(); void addFiles(fromFiles(files)); }
    };
    window.addEventListener('paste', onPaste);
    return () => { window.removeEventListener('paste', onPaste); };
  }, []);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles(fromFiles([...e.dataTransfer.files]));
  };
  const done = items.filter((i) => ['ready', 'saved', 'failed', 'skipped'].includes(i.state)).length;
  const saved = items.filter((i) => i.state === 'saved').length;
  const failed = items.filter((i) => i.state === 'failed').length;

  return (
    <div className="capture-page">
      <header className="page-header">
        <h1>{t('capture.title')}</h1>
        <p className="muted">{t('capture.offline')}</p>
      </header>
      <div className={`dropzone${dragging ? ' dragging' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => { setDragging(false); }} onDrop={onDrop} data-testid="dropzone">
        <p>{t('capture.drop')}</p>
        <button type="button" onClick={() => inputRef.current?.click()}>{t('capture.pick')}</button>
        <input ref={inputRef} type="file" multiple hidden aria-label={t('capture.pick')}
          accept=".pdf,.ofd,.xml,.png,.jpg,.jpeg,.tif,.tiff,.bmp,.webp"
          onChange={(e) => { void addFiles(fromFiles([...(e.target.files ?? [])])); e.target.value = ''; }} />
      </div>
      <ScanFolderBar />
      {items.length > 0 ? (
        <section className="queue" aria-label={t('capture.title')}>
          <div className="overall">
            <progress max={items.length} value={done} aria-label={t('capture.overall', { total: items.length, done, saved, failed })} />
            <span>{t('capture.overall', { total: items.length, done, saved, failed })}</span>
          </div>
          <ul className="queue-list">
            {items.map((item) => <QueueRow key={item.id} item={item} selected={item.id === selectedId} onSelect={() => { select(item.id); }} />)}
          </ul>
        </section>
      ) : <p className="empty">{t('capture.none')}</p>}
      {selected ? <ConfirmPanel key={selected.id} item={selected} /> : items.length > 0 && done === items.length && !items.some((i) => i.state === 'ready') ? <p className="empty">{t('capture.allDone')}</p> : null}
    </div>
  );
}

function QueueRow(props: { readonly item: QueueItem; readonly selected: boolean; readonly onSelect: () => void }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { item } = props;
  const label = item.state === 'ocr' ? t('capture.ocr', { percent: Math.round(item.progress * 100) }) : t(`capture.${item.state}`);
  const busy = item.state === 'queued' || item.state === 'reading' || item.state === 'qr' || item.state === 'ocr';
  return (
    <li className={`queue-item state-${item.state}${props.selected ? ' selected' : ''}`}>
      <button type="button" className="link" onClick={props.onSelect} disabled={item.state !== 'ready'}>{item.name}</button>
      <progress max={1} value={busy ? item.progress || undefined : 1} aria-label={`${item.name} ${label}`} />
      <span className="queue-state">{label}</span>
      {item.error ? <span className="msg-error">{captureMessage(item.error, locale)}</span> : null}
      {item.state === 'failed' && item.bytes.length > 0 ? (
        <button type="button" className="link" onClick={() => { typeByHand(item); }}>{t('capture.typeByHand')}</button>
      ) : null}
      {item.duplicateOf ? (
        <span className="msg-warning">
          {item.duplicateOf.sameFile ? t('capture.duplicateFile', { number: item.duplicateOf.number }) : t('form.hardDuplicate', { number: item.duplicateOf.number })}
          {' '}<a href={`#/invoice/${item.duplicateOf.id}`}>{t('capture.openDuplicate')}</a>
        </span>
      ) : null}
    </li>
  );
}

/** Opens the confirm screen with an empty form beside the original, so an unreadable invoice can still be typed in. */
function typeByHand(item: QueueItem) {
  const { update, select } = useCaptureQueue.getState();
  const prefill = { draft: emptyDraft(), fieldSources: {}, issues: [], warnings: [] };
  update(item.id, { state: 'ready', captured: { type: 'unknown', extracted: emptyExtraction(), prefill, route: [] } });
  select(item.id);
}

function ConfirmPanel({ item }: { readonly item: QueueItem }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const { update, select } = useCaptureQueue();
  const show = useToasts((s) => s.show);
  const captured = item.captured;
  const blob = useMemo(() => new Blob([item.bytes.slice()], { type: item.mime }), [item.bytes, item.mime]);
  if (!captured) return null;
  const goNext = () => {
    const s = useCaptureQueue.getState();
    const next = nextReady(s.items.filter((i) => i.id !== item.id || i.state !== 'saved'), item.id);
    select(next && next.id !== item.id ? next.id : null);
  };
  const conflicts = new Map<string, string>();
  for (const w of captured.prefill.warnings) {
    const field = w.params?.field;
    if (w.code === 'conflict' && typeof field === 'string') conflicts.set(field, captureMessage(w, locale));
  }
  const other = captured.prefill.warnings.filter((w) => w.code !== 'conflict');
  const context: CaptureContext = {
    draft: captured.prefill.draft,
    fieldSources: captured.prefill.fieldSources,
    conflicts,
    source: captured.route[0] ?? 'manual',
    attachment: { sha256: item.sha256, name: item.name, type: item.mime || 'application/octet-stream', blob },
    onSaved: (inv) => {
      update(item.id, { state: 'saved', invoiceId: inv.id });
      if (item.scanId) void scanFolder()?.ack(item.scanId, 'imported');
      // A replacement for a missing or lost invoice is linked to its open case (which moves to 已收到).
      void linkCapturedReplacement(inv).then((c) => { if (c) show(t('case.captureLinked', { title: c.title })); });
      const next = nextReady(useCaptureQueue.getState().items, item.id);
      select(next?.id ?? null);
    },
    onNext: goNext,
    onCancel: () => { update(item.id, { state: 'skipped' }); goNext(); },
  };
  return (
    <div className="confirm">
      <div className="confirm-original">
        <OriginalPreview name={item.name} mime={item.mime} blob={blob} labels={{ original: t('capture.original'), noPreview: t('capture.noPreview'), download: t('capture.download') }} />
        {captured.route.length > 0 ? <p className="muted small">{t('capture.route', { route: captured.route.map((r) => t(`source.${r}`)).join(' + ') })}</p> : null}
        {other.length > 0 ? <ul className="warnings">{other.map((w, i) => <li key={i} className="msg-warning">{captureMessage(w, locale)}</li>)}</ul> : null}
        {item.duplicateOf ? (
          <p className="banner banner-warn">
            {item.duplicateOf.sameFile ? t('capture.duplicateFile', { number: item.duplicateOf.number }) : t('form.hardDuplicate', { number: item.duplicateOf.number })}
            <button type="button" className="link" onClick={() => { navigate({ name: 'detail', id: item.duplicateOf?.id ?? '' }); }}>{t('capture.openDuplicate')}</button>
          </p>
        ) : null}
      </div>
      <InvoiceForm existing={null} capture={context} />
    </div>
  );
}
