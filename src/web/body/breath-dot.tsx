/**
 * A small, calm breath indicator: a soft dot that fills as the person breathes in and empties as
 * they breathe out, drawn from their sensed breath every frame through a ref (no re-render per
 * frame). With reduced motion it keeps its size and only deepens and fades. A picture only:
 * the breathing rate beside it is the text.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { usePrefersReducedMotion } from '../pacer/reduced-motion.ts';

/** How full the lungs are at a breath phase (0 starting in, 0.5 turning out), eased at the turns. */
export function lungFillAtPhase(phase: number): number {
  const linear = phase < 0.5 ? phase / 0.5 : 1 - (phase - 0.5) / 0.5;
  return (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, linear)))) / 2;
}

/** The dot; `phaseNow` is asked every frame and null means no breath to show. */
export function BreathDot(props: { phaseNow: () => number | null }) {
  const reduced = usePrefersReducedMotion();
  const dotRef = useRef<HTMLSpanElement>(null);
  const latest = useRef(props.phaseNow);
  latest.current = props.phaseNow;

  useLayoutEffect(() => {
    let frame = 0;
    const draw = () => {
      const dot = dotRef.current;
      const phase = latest.current();
      if (dot !== null) {
        const fill = phase === null ? 0 : lungFillAtPhase(phase);
        dot.style.transform = reduced ? 'scale(0.8)' : `scale(${(0.45 + 0.55 * fill).toFixed(3)})`;
        dot.style.opacity =
          phase === null ? '0.25' : (reduced ? 0.3 + 0.7 * fill : 0.55 + 0.45 * fill).toFixed(3);
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [reduced]);

  return (
    <span class="breath-dot" aria-hidden="true">
      <span class="breath-dot-ring" />
      <span class="breath-dot-fill" ref={dotRef} />
    </span>
  );
}
