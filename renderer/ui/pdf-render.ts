/** Renders the first page of a PDF into a canvas (loaded on demand, so pdf.js is not in the main bundle). */
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

/**
 * pdf.js's data folders, copied into vendor/pdfjs/ by scripts/prepare-assets.mjs. Absolute, because over http the
 * worker fetches them and would resolve a relative URL against its own script; under app:// pdf.js reads them on
 * this thread instead. Same origin either way (connect-src 'self'), so nothing leaves the PC.
 */
function pdfjsData(folder: string): string {
  return new URL(`vendor/pdfjs/${folder}/`, document.baseURI).href;
}

/** Draws page 1 at a width of about 900 px. */
export async function renderFirstPage(blob: Blob, canvas: HTMLCanvasElement): Promise<void> {
  const doc = await getDocument({
    data: new Uint8Array(await blob.arrayBuffer()),
    isEvalSupported: false,
    // A Chinese font that is not embedded (STSong-Light with UniGB-UCS2-H and the like) needs the Adobe CMaps to
    // know which characters the bytes are, or none of its text is drawn. A standard font that is not embedded
    // (Helvetica, Times, Symbol…) is drawn with the PC's font of that name, else with pdf.js's own replacement.
    cMapUrl: pdfjsData('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsData('standard_fonts'),
    wasmUrl: pdfjsData('wasm'),
    iccUrl: pdfjsData('iccs'),
  }).promise;
  try {
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: 900 / base.width });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
  } finally {
    void doc.destroy();
  }
}
