/**
 * The camera pulse worker: receives the face region of each frame as an ImageBitmap (moved
 * here, not copied), averages its colour, keeps the last ~10 s at the camera's real frame rate,
 * and about once a second reports a heart rate or why there is none. All of this stays on the
 * device: the worker has no way out but back to the page.
 */
import { estimateDue, meanRgbInEllipse, pulseEstimateOf, PulseGate, RgbRing, type PulseReport } from './camera-pulse-frames.ts';

/** What the page sends. `atMs` is the frame's capture time on the page's performance clock. */
export type CameraPulseToWorker = { readonly type: 'frame'; readonly bitmap: ImageBitmap; readonly atMs: number } | { readonly type: 'reset' };

/** What the worker answers, about once a second of frames. */
export interface CameraPulseFromWorker {
  readonly type: 'report';
  readonly atMs: number;
  readonly report: PulseReport;
}

/** The worker's global scope, as far as this file uses it (the DOM library types `self` as a window). */
interface WorkerScope {
  postMessage(message: CameraPulseFromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CameraPulseToWorker>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const ring = new RgbRing();
const gate = new PulseGate();
let lastEstimateAtMs: number | null = null;
let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;

function pixelsOf(bitmap: ImageBitmap): Uint8ClampedArray | null {
  const { width, height } = bitmap;
  if (canvas === null || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (context === null) return null;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, width, height).data;
}

function frameTake(bitmap: ImageBitmap, atMs: number): void {
  const { width, height } = bitmap;
  const pixels = pixelsOf(bitmap);
  bitmap.close();
  if (pixels === null) return;
  ring.push(atMs, meanRgbInEllipse(pixels, width, height));
  if (!estimateDue(lastEstimateAtMs, atMs)) return;
  lastEstimateAtMs = atMs;
  scope.postMessage({ type: 'report', atMs, report: gate.next(pulseEstimateOf(ring)) });
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'frame') {
    frameTake(message.bitmap, message.atMs);
    return;
  }
  ring.clear();
  gate.reset();
  lastEstimateAtMs = null;
});
