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

/** The part of an ONNX Runtime tensor (onnxruntime-node or -web: the same onnxruntime-common API) the adapter uses. */
export interface OrtTensorLike {
  readonly data: unknown;
  readonly dims: readonly number[];
  readonly dispose: () => void;
}

/** The part of an ONNX Runtime inference session the adapter uses. */
export interface OrtSessionLike {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OrtTensorLike>): Promise<Record<string, OrtTensorLike | undefined>>;
  release(): Promise<void>;
}

/**
 * A loaded session with one input and one output as an OnnxModel; `tensor` makes the runtime's float32 tensor.
 * Tensors are disposed as soon as their data is copied out.
 */
export function sessionModel(session: OrtSessionLike, tensor: (data: Float32Array, dims: number[]) => OrtTensorLike): OnnxModel {
  const inputName = session.inputNames[0] ?? 'x';
  const outputName = session.outputNames[0] ?? '';
  return {
    async run(input) {
      const feed = tensor(input.data, [...input.dims]);
      const out = await session.run({ [inputName]: feed });
      feed.dispose();
      const result = out[outputName];
      if (!result) throw new Error('PP-OCR model returned no output');
      const copy = { data: new Float32Array(result.data as Float32Array), dims: [...result.dims] };
      result.dispose();
      return copy;
    },
    release: () => session.release(),
  };
}
