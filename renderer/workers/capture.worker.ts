/// <reference lib="webworker" />
/**
 * A capture worker: runs the shared pipeline with the browser's decoders (pdf.js, zxing-wasm, tesseract.js)
 * off the UI thread, one file at a time, reporting the step it is at. Page text comes from PP-OCR in the pool's
 * one text engine worker (text-engine-client.ts); tesseract.js reads pages when that engine cannot start and
 * re-reads single cells.
 */
import { captureFile, type CaptureDeps } from '../../shared/capture/pipeline';
import { imageSize } from '../../shared/capture/formats/image-size';
import { captureRequestSchema, type CaptureReply, type CaptureStage } from './capture-protocol';
import { readPdf } from './pdf-read';
import { decodeQr } from './qr-decode';
import { ocr, ocrRegion } from './ocr';
import { toRaster } from './raster';
import { enginePortSchema } from './text-engine-protocol';
import { attachTextEngine, readLines, textEngineReady } from './text-engine-client';

const post = (reply: CaptureReply) => { self.postMessage(reply); };

self.onmessage = (event: MessageEvent<unknown>) => {
  const engine = enginePortSchema.safeParse(event.data);
  if (engine.success) { attachTextEngine(engine.data.port); return; }
  const parsed = captureRequestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const { id, name, bytes, today } = parsed.data;
  const stage = (s: CaptureStage, progress = 0) => { post({ type: 'progress', id, stage: s, progress }); };
  const deps: CaptureDeps = {
    readPdf: (b) => readPdf(b),
    decodeQr: (img) => { stage('qr'); return decodeQr(img); },
    imageSize: (b) => Promise.resolve(imageSize(b)),
    ocr: (img) => { stage('ocr'); return ocr(img, (p) => { stage('ocr', p); }); },
    ocrRegion: (img, request) => ocrRegion(img, request),
    decodeImage: (b) => toRaster(b).catch(() => null),
    ...(textEngineReady() ? { readLines: (img) => { stage('ocr'); return readLines(img); } } : {}),
  };
  stage('reading');
  captureFile(bytes, name, deps, today).then(
    (result) => { post({ type: 'result', id, result }); },
    (e: unknown) => { post({ type: 'result', id, result: { ok: false, error: { code: 'corruptFile', params: { detail: e instanceof Error ? e.message : String(e) } } } }); },
  );
};
