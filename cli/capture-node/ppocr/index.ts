// PP-OCR text engine for Node: text lines with boxes from the PP-OCRv4 models on onnxruntime-node.
export { createPpocrEngine, loadNodePpocrModels, type NodePpocrOptions } from './ppocr-engine';
export { PPOCR_MODELS } from './models';
export type { PpocrEngine } from '../../../shared/capture/text/ppocr-engine';
export type { OcrLine } from '../../../shared/capture/text/text-engine';
