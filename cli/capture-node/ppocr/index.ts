// PP-OCR text engine for Node (issue #12): text lines with boxes from the PP-OCRv4 models on onnxruntime-node.
export { createPpocrEngine, type ImagePixels, type PpocrEngine, type PpocrOptions, type TextLine } from './ppocr-engine';
export { PPOCR_MODELS } from './models';
