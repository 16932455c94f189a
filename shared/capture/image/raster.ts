// The image types every capture stage shares: decoded pixels, or the bytes of an image file.

/** Decoded pixels, RGBA, row-major. */
export interface RasterImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** An image as bytes of a file format (PNG, JPEG, …) or as decoded pixels. */
export type CaptureImage = Uint8Array | RasterImage;
