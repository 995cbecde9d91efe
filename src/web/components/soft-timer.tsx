/**
 * A soft timer for one step: a thin bar that fills slowly, and a few calm words. It never moves
 * anyone on by itself; when the time is up it simply says so.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PausableRun, Startable } from '../pacer/schedule-shift.ts';
import { runMsLeft } from '../pacer/schedule-shift.ts';
import './solo-practice.css';

function wordsFor(msLeft: number, paused: boolean): string {
  if (paused) return 'Paused';
  if (msLeft <= 0) return 'Move on whenever you are ready.';
  const seconds = Math.ceil(msLeft / 1000);
  return seconds > 5 ? `About ${String(Math.ceil(seconds / 5) * 5)} seconds for this step` : 'Almost time to move on';
}

/** The bar and words for one step's run. */
export function SoftTimer(props: { run: PausableRun<Startable>; durationMs: number }) {
  const { run, durationMs } = props;
  const barRef = useRef<HTMLDivElement>(null);
  const [words, setWords] = useState(() => wordsFor(runMsLeft(run, Date.now()), run.pausedAtMs !== null));
  const wordsRef = useRef(words);

  useLayoutEffect(() => {
    let raf = 0;
    const draw = () => {
      const left = runMsLeft(run, Date.now());
      const done = durationMs > 0 ? Math.min(1, Math.max(0, 1 - left / durationMs)) : 1;
      if (barRef.current) barRef.current.style.transform = `scaleX(${done.toFixed(4)})`;
      const next = wordsFor(left, run.pausedAtMs !== null);
      if (next !== wordsRef.current) {
        wordsRef.current = next;
        setWords(next);
      }
      if (run.pausedAtMs === null && left > 0) raf = requestAnimationFrame(draw);
    };
    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
    };
  }, [run, durationMs]);

  return (
    <div class="soft-timer">
      <div class="soft-timer-track" aria-hidden="true">
        <div class="soft-timer-bar" ref={barRef} />
      </div>
      <p class="hint soft-timer-words">{words}</p>
    </div>
  );
}
