/**
 * The breath pacer: a soft shape that grows as you breathe in, stays full on a hold, and shrinks
 * as you breathe out, with the word for the part and the seconds left in it.
 *
 * Every frame reads the shared schedule at the clock's current time (`pacerPhaseAt`) and writes
 * the shape's transform straight to the DOM through a ref, so nothing re-renders per frame; Preact
 * only re-renders when the part changes (for the word). With `prefers-reduced-motion: reduce` the
 * shape stays still and its colour deepens and fades instead.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { pacerBreathPositionAt, pacerPhaseAt } from '../../core/pacer/index.ts';
import type { PacerSchedule } from '../../core/pacer/index.ts';
import type { ServerTimeMs } from '../../core/time/instant.ts';
import type { ServerClock } from '../net/server-clock.ts';
import { audioCuePlay, audioCuesUnlock, audioCuesUnlocked } from './audio-cues.ts';
import { breathPartWord, breathShapeScale, leadInWords, secondsLeft } from './phase-words.ts';
import type { PacerShownPart } from './phase-words.ts';
import { usePrefersReducedMotion } from './reduced-motion.ts';
import { vibrationCue } from './vibration.ts';
import './pacer.css';

/** What the end-to-end tests read inside the page while a pacer is on screen. */
export interface PacerTestHook {
  /** Breaths elapsed (a real number) at an instant of this device's `Date.now()` clock. */
  positionAt: (clientEpochMs: number) => number;
  /** The part on screen: 'waiting', a breath part, or 'ended'. */
  part: () => string;
  /** Whether the pacer is paused. */
  paused: () => boolean;
}

declare global {
  var __attunePacer: PacerTestHook | undefined;
}

/** Props of the breath pacer. */
export interface PacerViewProps {
  readonly schedule: PacerSchedule;
  readonly clock: ServerClock;
  /** Freezes the shape where it is, calmly, until false again. */
  readonly paused: boolean;
  /**
   * The shared instant the pause began (server time). Every device freezes at that same breath;
   * without it (or before the server has confirmed) the shape freezes where it is.
   */
  readonly pausedAtServerMs?: ServerTimeMs | undefined;
  /** When the practice ends, in server time; afterwards the shape comes to rest. */
  readonly endsAtServerMs?: number;
  readonly cues: { readonly sound: boolean; readonly vibration: boolean };
  /** A short line above the shape, e.g. whose pace is being followed. */
  readonly leadLabel?: string;
}

interface PacerFrame {
  readonly part: PacerShownPart;
  readonly fill: number;
  readonly count: string;
}

function frameAt(schedule: PacerSchedule, atMs: ServerTimeMs, endsAtServerMs: number | undefined): PacerFrame {
  if (endsAtServerMs !== undefined && atMs >= endsAtServerMs) return { part: 'ended', fill: 0, count: '' };
  const phase = pacerPhaseAt(schedule, atMs);
  if (phase.kind === 'waiting') return { part: 'waiting', fill: 0, count: leadInWords(phase.msUntilStart) };
  return { part: phase.part, fill: phase.lungFill, count: String(secondsLeft(phase.msLeftInPart)) };
}

/** Follow jumps (a resume, a clock correction, a hidden tab) gently instead of snapping. */
const SNAP_DISTANCE = 0.03;
const FOLLOW_MS = 220;
const SETTLE_AT_END_MS = 1400;

/** Shape size while the reduced-motion form is on: still, at a comfortable middle size. */
const STILL_SCALE = 0.8;

/** The breath pacer. */
export function PacerView(props: PacerViewProps) {
  const { schedule, clock, paused, endsAtServerMs, cues, leadLabel } = props;
  const reduced = usePrefersReducedMotion();
  const [part, setPart] = useState<PacerShownPart>(() => frameAt(schedule, clock.now(), endsAtServerMs).part);

  const shapeRef = useRef<HTMLDivElement>(null);
  const glowRef = useRef<HTMLDivElement>(null);
  const countRef = useRef<HTMLSpanElement>(null);
  const partRef = useRef<PacerShownPart>(part);
  const fillRef = useRef<number | null>(null);
  const frozenAtRef = useRef<ServerTimeMs | null>(null);
  const latest = useRef({ schedule, clock, paused, cues });
  latest.current = { schedule, clock, paused, cues };

  // The instant the pacer froze at: the shared one when known, else the moment the pause arrived.
  if (paused) frozenAtRef.current = props.pausedAtServerMs ?? frozenAtRef.current ?? clock.now();
  if (!paused) frozenAtRef.current = null;

  useLayoutEffect(() => {
    let raf = 0;
    let lastTs: number | null = null;
    const draw = (ts: number) => {
      const frozenAt = frozenAtRef.current;
      const frame = frameAt(schedule, frozenAt ?? clock.now(), endsAtServerMs);

      const dt = lastTs === null ? 16 : Math.min(ts - lastTs, 1000);
      lastTs = ts;
      const previousFill = fillRef.current ?? frame.fill;
      const distance = frame.fill - previousFill;
      const followMs = frame.part === 'ended' ? SETTLE_AT_END_MS : FOLLOW_MS;
      const fill =
        Math.abs(distance) < SNAP_DISTANCE && frame.part !== 'ended'
          ? frame.fill
          : previousFill + distance * (1 - Math.exp(-dt / followMs));
      fillRef.current = Math.abs(frame.fill - fill) < 0.001 ? frame.fill : fill;

      const eased = breathShapeScale(fillRef.current, 0);
      const shape = shapeRef.current;
      const glow = glowRef.current;
      if (shape) shape.style.transform = `scale(${(reduced ? STILL_SCALE : breathShapeScale(fillRef.current)).toFixed(4)})`;
      if (glow) glow.style.opacity = (reduced ? 0.1 + 0.9 * eased : 0.3 + 0.6 * eased).toFixed(3);
      const count = countRef.current;
      if (count && count.textContent !== frame.count) count.textContent = frame.count;

      if (frame.part !== partRef.current) {
        const before = partRef.current;
        partRef.current = frame.part;
        setPart(frame.part);
        const { cues: cuesNow, paused: pausedNow } = latest.current;
        const natural = before !== 'ended' && frame.part !== 'waiting' && frame.part !== 'ended';
        if (natural && !pausedNow) {
          if (cuesNow.sound) audioCuePlay(frame.part);
          if (cuesNow.vibration) vibrationCue(frame.part);
        }
      }

      // While paused or ended, stop drawing once the shape has settled.
      const still = (frozenAt !== null || frame.part === 'ended') && fillRef.current === frame.fill;
      if (!still) raf = requestAnimationFrame(draw);
    };
    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
    };
  }, [schedule, clock, paused, endsAtServerMs, reduced]);

  // Sound needs a gesture to start: if sound is on but not yet unlocked, the next tap or key does it.
  useEffect(() => {
    if (!cues.sound || audioCuesUnlocked()) return undefined;
    const unlock = () => {
      audioCuesUnlock();
    };
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [cues.sound]);

  // The hook the end-to-end suite reads.
  useEffect(() => {
    const hook: PacerTestHook = {
      positionAt: (clientEpochMs) => pacerBreathPositionAt(latest.current.schedule, latest.current.clock.at(clientEpochMs)),
      part: () => partRef.current,
      paused: () => latest.current.paused,
    };
    globalThis.__attunePacer = hook;
    return () => {
      if (globalThis.__attunePacer === hook) globalThis.__attunePacer = undefined;
    };
  }, []);

  const word = paused ? 'Paused' : breathPartWord(part);
  const breathing = part !== 'waiting' && part !== 'ended';
  return (
    <div
      class={`pacer${reduced ? ' pacer--still' : ''}${paused ? ' pacer--paused' : ''}`}
      data-part={part}
      data-paused={paused ? 'true' : 'false'}
      data-testid="pacer"
    >
      {leadLabel !== undefined && <p class="pacer-lead">{leadLabel}</p>}
      <div class="pacer-stage" aria-hidden="true">
        <div class="pacer-guide" />
        <div class="pacer-shape" ref={shapeRef}>
          <div class="pacer-glow" ref={glowRef} />
        </div>
      </div>
      <p class="pacer-word" aria-live="polite" aria-atomic="true">
        {word}
      </p>
      <p class={`pacer-count${breathing ? '' : ' pacer-count--words'}`}>
        <span ref={countRef} />
        {breathing && <span class="visually-hidden"> seconds left</span>}
      </p>
    </div>
  );
}
