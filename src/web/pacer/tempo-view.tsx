/**
 * The movement cue: a shape swaying from side to side, or two footprints lighting in turn for
 * walking, with a word for each beat. Like the breath pacer it reads the shared tempo schedule
 * every frame and writes styles through refs; with reduced motion nothing moves and only colour
 * changes.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { tempoBeatAt, tempoBeatPositionAt } from '../../core/pacer/index.ts';
import type { TempoSchedule, TempoSide } from '../../core/pacer/index.ts';
import type { ServerTimeMs } from '../../core/time/instant.ts';
import type { ServerClock } from '../net/server-clock.ts';
import { leadInWords, swayOffset, tempoWord } from './phase-words.ts';
import { usePrefersReducedMotion } from './reduced-motion.ts';
import './pacer.css';

/** What the end-to-end tests read inside the page while a movement cue is on screen. */
export interface TempoTestHook {
  /** Beats elapsed (a real number) at an instant of this device's `Date.now()` clock. */
  positionAt: (clientEpochMs: number) => number;
  /** 'waiting', 'left' or 'right'. */
  side: () => string;
}

declare global {
  var __attuneTempo: TempoTestHook | undefined;
}

/** Props of the movement cue. */
export interface TempoViewProps {
  readonly schedule: TempoSchedule;
  readonly clock: ServerClock;
  readonly paused: boolean;
  /** The shared instant the pause began (server time), so every device freezes on the same beat. */
  readonly pausedAtServerMs?: ServerTimeMs | undefined;
  readonly mode: 'sway' | 'walk';
}

type ShownSide = TempoSide | 'waiting';

/** Sway distance, as a share of the ball's own width, to either side of the middle. */
const SWAY_REACH_PERCENT = 150;

/** The movement cue. */
export function TempoView(props: TempoViewProps) {
  const { schedule, clock, paused, mode } = props;
  const reduced = usePrefersReducedMotion();
  const firstBeat = tempoBeatAt(schedule, clock.now());
  const [side, setSide] = useState<ShownSide>(firstBeat.kind === 'waiting' ? 'waiting' : firstBeat.side);

  const ballRef = useRef<HTMLDivElement>(null);
  const leftZoneRef = useRef<HTMLDivElement>(null);
  const rightZoneRef = useRef<HTMLDivElement>(null);
  const leftFootRef = useRef<HTMLDivElement>(null);
  const rightFootRef = useRef<HTMLDivElement>(null);
  const leftFillRef = useRef<HTMLDivElement>(null);
  const rightFillRef = useRef<HTMLDivElement>(null);
  const countRef = useRef<HTMLSpanElement>(null);
  const sideRef = useRef<ShownSide>(side);
  const frozenAtRef = useRef<ServerTimeMs | null>(null);
  const latest = useRef({ schedule, clock });
  latest.current = { schedule, clock };

  if (paused) frozenAtRef.current = props.pausedAtServerMs ?? frozenAtRef.current ?? clock.now();
  if (!paused) frozenAtRef.current = null;

  useLayoutEffect(() => {
    let raf = 0;
    const draw = () => {
      const frozenAt = frozenAtRef.current;
      const at = frozenAt ?? clock.now();
      const beat = tempoBeatAt(schedule, at);
      const position = tempoBeatPositionAt(schedule, at);
      const shown: ShownSide = beat.kind === 'waiting' ? 'waiting' : beat.side;

      if (mode === 'sway') {
        const offset = beat.kind === 'waiting' ? 1 : swayOffset(position);
        const ball = ballRef.current;
        if (ball) ball.style.transform = reduced ? 'none' : `translateX(${(offset * SWAY_REACH_PERCENT).toFixed(2)}%)`;
        const leftZone = leftZoneRef.current;
        const rightZone = rightZoneRef.current;
        const zoneStrength = reduced ? 0.9 : 0.45;
        if (leftZone) leftZone.style.opacity = (((1 - offset) / 2) * zoneStrength).toFixed(3);
        if (rightZone) rightZone.style.opacity = (((1 + offset) / 2) * zoneStrength).toFixed(3);
      } else {
        // Each step lights its foot, then fades over the beat.
        const progress = beat.kind === 'moving' ? beat.beatProgress : 1;
        const glow = 0.85 - 0.6 * progress;
        const lit = (foot: TempoSide) => (beat.kind === 'moving' && beat.side === foot ? glow : 0);
        if (leftFillRef.current) leftFillRef.current.style.opacity = lit('left').toFixed(3);
        if (rightFillRef.current) rightFillRef.current.style.opacity = lit('right').toFixed(3);
        const pulse = (foot: TempoSide) =>
          reduced || beat.kind !== 'moving' || beat.side !== foot ? 'none' : `scale(${(1.06 - 0.06 * progress).toFixed(4)})`;
        if (leftFootRef.current) leftFootRef.current.style.transform = pulse('left');
        if (rightFootRef.current) rightFootRef.current.style.transform = pulse('right');
      }

      const countText = beat.kind === 'waiting' ? leadInWords(beat.msUntilStart) : '';
      const count = countRef.current;
      if (count && count.textContent !== countText) count.textContent = countText;

      if (shown !== sideRef.current) {
        sideRef.current = shown;
        setSide(shown);
      }
      if (frozenAt === null) raf = requestAnimationFrame(draw);
    };
    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
    };
  }, [schedule, clock, paused, mode, reduced]);

  useEffect(() => {
    const hook: TempoTestHook = {
      positionAt: (clientEpochMs) => tempoBeatPositionAt(latest.current.schedule, latest.current.clock.at(clientEpochMs)),
      side: () => sideRef.current,
    };
    globalThis.__attuneTempo = hook;
    return () => {
      if (globalThis.__attuneTempo === hook) globalThis.__attuneTempo = undefined;
    };
  }, []);

  const word = paused ? 'Paused' : side === 'waiting' ? 'Get ready' : tempoWord(mode, side);
  // Walking beats come too fast to announce each one: announce the instruction once instead.
  const announced = paused ? 'Paused' : side === 'waiting' ? 'Get ready' : mode === 'walk' ? 'Step with each beat' : word;
  return (
    <div
      class={`tempo tempo--${mode}${reduced ? ' tempo--still' : ''}${paused ? ' tempo--paused' : ''}`}
      data-side={side}
      data-paused={paused ? 'true' : 'false'}
      data-testid="tempo"
    >
      {mode === 'sway' ? (
        <div class="tempo-track" aria-hidden="true">
          <div class="tempo-zone tempo-zone--left" ref={leftZoneRef} />
          <div class="tempo-zone tempo-zone--right" ref={rightZoneRef} />
          <div class="tempo-ball" ref={ballRef} />
        </div>
      ) : (
        <div class="tempo-feet" aria-hidden="true">
          <div class="tempo-step">
            <div class="tempo-foot" ref={leftFootRef}>
              <div class="tempo-foot-fill" ref={leftFillRef} />
            </div>
            Left
          </div>
          <div class="tempo-step">
            <div class="tempo-foot" ref={rightFootRef}>
              <div class="tempo-foot-fill" ref={rightFillRef} />
            </div>
            Right
          </div>
        </div>
      )}
      <p class="tempo-word" aria-hidden="true">
        {word}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {announced}
      </p>
      <p class="tempo-count">
        <span ref={countRef} />
      </p>
    </div>
  );
}
