// Child process of the capture bench's peak-memory row (bench/capture-peak.ts): reads one image once through
// captureFile with a fresh capture, then prints one JSON line — the process's peak RSS, the wall time and the
// result — so that the figure is this read's alone, with nothing loaded or left over from other work.
// Usage: node --import tsx bench/capture-peak-child.ts <ppocr|tesseract> <image>
import { ENGINE_CHOICE, captureBytes, type EngineKey } from './capture-engines';
import { createNodeCapture } from '../cli/capture-node';

const [engine, path] = process.argv.slice(2);
if ((engine !== 'ppocr' && engine !== 'tesseract') || path === undefined) {
  console.error('usage: capture-peak-child.ts <ppocr|tesseract> <image>');
  process.exit(2);
}
const key: EngineKey = engine;
const capture = createNodeCapture({ engine: ENGINE_CHOICE[key] });
const t0 = performance.now();
const result = await captureBytes(path, capture);
const seconds = (performance.now() - t0) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
await capture.close();
console.log(JSON.stringify({ maxRssMb, seconds, result }));
