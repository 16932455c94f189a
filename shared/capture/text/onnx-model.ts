// What the PP-OCR engine needs from ONNX Runtime, so that the engine stays pure and the same code runs on
// onnxruntime-node (CLI, Electron) and onnxruntime-web (the renderer's workers): a float tensor in, one out.

/** A dense float32 tensor. */
export interface FloatTensor {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

/** One loaded model with a single input and a single output. */
export interface OnnxModel {
  readonly run: (input: FloatTensor) => Promise<FloatTensor>;
  readonly release: () => Promise<void>;
}

/** The PP-OCR models as loaded by a platform: detector, recogniser and the recogniser's character list (ppocr_keys_v1.txt). */
export interface PpocrModels {
  readonly detection: OnnxModel;
  readonly recognition: OnnxModel;
  readonly dictionaryText: string;
}
