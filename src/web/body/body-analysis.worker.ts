/**
 * The body-analysis worker: works out the pair's synchrony (with its surrogate test, about a
 * tenth of a second) and each person's coherence (cleaning the beats takes several
 * milliseconds) away from the page's main thread, so the breath pacer never stutters while
 * they run. Data comes in as arrays and only the numbers go back.
 */
import {
  synchronyScore,
  type HrvCoherence,
  type SynchronyScore,
} from '../../core/signals/index.ts';
import { coherenceOfRr } from './coherence-now.ts';

/** What the page sends. */
export type BodyAnalysisToWorker =
  | {
      readonly id: number;
      readonly kind: 'synchrony';
      readonly a: Float64Array;
      readonly b: Float64Array;
      readonly sampleRateHz: number;
      readonly pacerHz?: number;
    }
  | { readonly id: number; readonly kind: 'coherence'; readonly rrMs: readonly number[] };

/** What the worker answers. */
export type BodyAnalysisFromWorker =
  | { readonly id: number; readonly kind: 'synchrony'; readonly result: SynchronyScore | null }
  | { readonly id: number; readonly kind: 'coherence'; readonly result: HrvCoherence | null };

/** The worker's global scope, as far as this file uses it (the DOM library types `self` as a window). */
interface WorkerScope {
  postMessage(message: BodyAnalysisFromWorker): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<BodyAnalysisToWorker>) => void,
  ): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind === 'coherence') {
    let result: HrvCoherence | null = null;
    try {
      result = coherenceOfRr(message.rrMs);
    } catch {
      result = null;
    }
    scope.postMessage({ id: message.id, kind: 'coherence', result });
    return;
  }
  let result: SynchronyScore | null = null;
  try {
    const { a, b, sampleRateHz, pacerHz } = message;
    result = synchronyScore(a, b, { sampleRateHz, ...(pacerHz === undefined ? {} : { pacerHz }) });
  } catch {
    result = null;
  }
  scope.postMessage({ id: message.id, kind: 'synchrony', result });
});
