/**
 * The two heavier pieces of arithmetic behind the live panel, the pair's synchrony and each
 * person's coherence: in a Web Worker where the browser has one (so the pacer's frames are never
 * held up), else right here. Each answer comes at once or later; either way it is a real result
 * or null, never a stand-in number.
 */
import {
  synchronyScore,
  type HrvCoherence,
  type SynchronyScore,
} from '../../core/signals/index.ts';
import type { BodyAnalysisFromWorker, BodyAnalysisToWorker } from './body-analysis.worker.ts';
import { coherenceOfRr } from './coherence-now.ts';

/** An answer now, or later. */
export type Answer<T> = T | Promise<T>;

/** What the model asks to be worked out. */
export interface BodyAnalysis {
  synchrony(
    a: Float64Array,
    b: Float64Array,
    options: { readonly sampleRateHz: number; readonly pacerHz?: number },
  ): Answer<SynchronyScore | null>;
  coherence(rrMs: readonly number[]): Answer<HrvCoherence | null>;
}

/** Works everything out on the calling thread (tests, and browsers without workers). */
export const analysisHere: BodyAnalysis = {
  synchrony: (a, b, options) => synchronyScore(a, b, options),
  coherence: (rrMs) => coherenceOfRr(rrMs),
};

type Pending = (message: BodyAnalysisFromWorker | null) => void;

/** Analysis in one worker, and how to stop it. */
export function analysisInWorker(): { analysis: BodyAnalysis; stop: () => void } {
  if (typeof Worker !== 'function') return { analysis: analysisHere, stop: () => undefined };
  let worker: Worker | null = null;
  let failed = false;
  let nextId = 0;
  const waiting = new Map<number, Pending>();
  const settleAll = () => {
    for (const settle of waiting.values()) settle(null);
    waiting.clear();
  };
  const start = (): Worker => {
    const started = new Worker(new URL('./body-analysis.worker.ts', import.meta.url), {
      type: 'module',
    });
    started.addEventListener('message', (event: MessageEvent<BodyAnalysisFromWorker>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    });
    started.addEventListener('error', () => {
      // The worker could not run: answer what waits with "no result", and work here from now on.
      failed = true;
      settleAll();
    });
    return started;
  };
  const ask = (
    message: BodyAnalysisToWorker,
    transfer: Transferable[],
  ): Promise<BodyAnalysisFromWorker | null> => {
    worker ??= start();
    const answer = new Promise<BodyAnalysisFromWorker | null>((resolve) => {
      waiting.set(message.id, resolve);
    });
    worker.postMessage(message, transfer);
    return answer;
  };
  const analysis: BodyAnalysis = {
    synchrony: (a, b, options) => {
      if (failed) return analysisHere.synchrony(a, b, options);
      const id = nextId++;
      const message: BodyAnalysisToWorker = {
        id,
        kind: 'synchrony',
        a,
        b,
        sampleRateHz: options.sampleRateHz,
        ...(options.pacerHz === undefined ? {} : { pacerHz: options.pacerHz }),
      };
      return ask(message, [a.buffer, b.buffer]).then((answer) =>
        answer?.kind === 'synchrony' ? answer.result : null,
      );
    },
    coherence: (rrMs) => {
      if (failed) return analysisHere.coherence(rrMs);
      const id = nextId++;
      return ask({ id, kind: 'coherence', rrMs }, []).then((answer) =>
        answer?.kind === 'coherence' ? answer.result : null,
      );
    },
  };
  return {
    analysis,
    stop: () => {
      worker?.terminate();
      worker = null;
      settleAll();
    },
  };
}
