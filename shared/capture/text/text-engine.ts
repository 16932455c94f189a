// The text engine contract: an image in, text lines with their boxes out. PP-OCR (ONNX Runtime, native in Node,
// wasm in the browser) implements it; the field readers work from the lines' positions, never from plain text.
import type { RasterImage } from '../image/raster';

/** A recognised line: its text, its box in image pixels (top-left origin) and the recogniser's mean character probability. */
export interface OcrLine {
  readonly text: string;
  readonly box: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly score: number;
}

/** Reads every text line of an image. */
export type ReadLines = (image: RasterImage) => Promise<OcrLine[]>;
