/**
 * Pause, always: a big button fixed at the bottom of the session (and the P key, written next to
 * it), which pauses everyone at once and asks nothing. "Let others know it was me" is off unless
 * ticked. While paused, a steady, quiet screen covers the session with a short grounding option;
 * only the person who paused sees "Resume when you're ready", and nobody learns who paused
 * unless that person said so.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { practiceById } from '../../core/practices/index.ts';
import type { SessionState } from '../../core/session/state.ts';
import type { ViewerLogEntry } from '../net/viewer-log.ts';
import { useCommand, type SendCommand } from './use-command.ts';

const NON_TEXT_INPUT_TYPES: ReadonlySet<string> = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file', 'image']);

/** Whether a key press is the pause shortcut (P, not while typing, no modifier). */
export function isPauseKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat'>, target: EventTarget | null): boolean {
  if (event.key !== 'p' && event.key !== 'P') return false;
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  const element = target as (Partial<HTMLElement> & { tagName?: string }) | null;
  const tag = element?.tagName?.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return false;
  // Only fields that take typed text swallow P; on a checkbox, radio or slider P still pauses.
  const type = (element as { type?: unknown } | null)?.type;
  if (tag === 'input' && !NON_TEXT_INPUT_TYPES.has(typeof type === 'string' ? type.toLowerCase() : 'text')) return false;
  return element?.isContentEditable !== true;
}

/** Whether someone who was present when the pause began has left since (their pause may be stranded). */
export function pauserMayHaveLeft(state: SessionState, log: readonly ViewerLogEntry[], me: string | null): boolean {
  if (state.pausedSinceMs === null || (me !== null && me in state.pauseHolds)) return false;
  // Only a pause whose holder is gone can be released by someone else.
  const holders = Object.keys(state.pauseHolds);
  if (holders.length > 0 && holders.every((id) => !id.startsWith('anonymous-') && state.participants[id]?.present === true)) return false;
  const since = state.pausedSinceMs;
  return log.some((entry) => entry.event.type === 'participantLeft' && entry.atMs >= since && (entry.event as { participantId?: unknown }).participantId !== me);
}

const GROUNDING_STEPS = [
  'Feel where your body is held up: your feet on the floor, your back or your seat against the chair.',
  'Breathe out slowly, a little longer than you breathe in. Do it twice, or as often as you like.',
  'Look around and name, silently, three things you can see.',
] as const;

function ShortGrounding() {
  const [step, setStep] = useState<number | null>(null);
  const stepRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (step !== null) stepRef.current?.focus();
  }, [step]);
  if (step === null) {
    return (
      <button type="button" class="secondary" onClick={() => { setStep(0); }}>
        A short grounding: three slow steps
      </button>
    );
  }
  const text = GROUNDING_STEPS[step];
  return (
    <div class="grounding">
      <p class="hint">
        Step {step + 1} of {GROUNDING_STEPS.length}
      </p>
      <p class="grounding-step" tabIndex={-1} ref={stepRef}>
        {text ?? 'That was all three. Stay here as long as you like.'}
      </p>
      {text !== undefined && (
        <button type="button" class="secondary" onClick={() => { setStep(step + 1 < GROUNDING_STEPS.length ? step + 1 : GROUNDING_STEPS.length); }}>
          {step + 1 < GROUNDING_STEPS.length ? 'Next step' : 'Done'}
        </button>
      )}
    </div>
  );
}

/**
 * The fixed Pause bar, with the P shortcut. It also carries what must stay in reach whatever
 * the scroll: the way to take back a yes to touch while a touch practice runs, and a calm line
 * when the connection is being restored.
 */
export function PauseBar(props: {
  state: SessionState;
  me: string | null;
  send: SendCommand;
  sayItWasMe: boolean;
  onSayItWasMe: (value: boolean) => void;
  connectionNotice: string | null;
  /** A pause from this device is on its way: further presses change nothing. */
  pausing: boolean;
}) {
  const { state, me } = props;
  const { run, busy, error } = useCommand(props.send);
  const running = state.practice?.status === 'running' ? state.practice : null;
  const canWithdrawTouch =
    running !== null && me !== null && running.consents.touch.includes(me) && (practiceById(running.practiceId)?.consentsRequired.includes('touch') ?? false);
  const iHold = me !== null && me in state.pauseHolds;
  const pause = () => {
    if (iHold || props.pausing) return;
    void run({ type: 'pause', sayItWasMe: props.sayItWasMe });
  };
  const pauseRef = useRef(pause);
  pauseRef.current = pause;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPauseKey(event, event.target)) return;
      event.preventDefault();
      pauseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <div class="pause-bar" role="region" aria-label="Pause">
      {props.connectionNotice !== null && <p class="pause-bar-connection">{props.connectionNotice}</p>}
      <div class="pause-bar-inner">
        <button type="button" class="pause-button" onClick={pause} aria-keyshortcuts="P" aria-describedby="pause-key-hint">
          Pause
        </button>
        <div class="pause-options">
          <span class="hint" id="pause-key-hint">
            Or press <kbd>P</kbd>. Pauses everyone, no questions asked.
          </span>
          <label class="check-row pause-say">
            <input
              type="checkbox"
              checked={props.sayItWasMe}
              onChange={(event) => {
                props.onSayItWasMe(event.currentTarget.checked);
              }}
            />
            <span>Let others know it was me</span>
          </label>
        </div>
        {canWithdrawTouch && (
          <button type="button" class="secondary withdraw-button" disabled={busy} onClick={() => void run({ type: 'withdrawConsent', consent: 'touch' })}>
            Withdraw my yes
          </button>
        )}
      </div>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The steady screen shown to everyone while the session is paused. */
export function PauseOverlay(props: {
  state: SessionState;
  me: string | null;
  log: readonly ViewerLogEntry[];
  send: SendCommand;
  sayItWasMe: boolean;
  /** This device's pause has not reached the server yet. */
  pausing: boolean;
  /** What else belongs in the pause: a cycle plan, a way into repair. */
  children?: ComponentChildren;
}) {
  const { state, me } = props;
  const { run, busy, error } = useCommand(props.send);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const iHold = props.pausing || (me !== null && me in state.pauseHolds);
  const others = Object.entries(state.pauseHolds).filter(([id]) => id !== me);
  const namedOthers = others
    .filter(([id, hold]) => hold.saidItWasThem && state.participants[id] !== undefined)
    .map(([id]) => state.participants[id]?.displayName ?? 'Someone');
  const running = state.practice?.status === 'running' ? state.practice : null;
  const touchRunning = running !== null && running.consents.touch.includes(me ?? '') && (practiceById(running.practiceId)?.consentsRequired.includes('touch') ?? false);
  const stranded = pauserMayHaveLeft(state, props.log, me);

  let who: string;
  if (props.pausing && !(me !== null && me in state.pauseHolds)) who = 'You paused. The connection is being restored; the others will be paused the moment it is back.';
  else if (iHold && others.length === 0) who = 'You paused the session. Everything is waiting for you.';
  else if (iHold) who = 'You paused, and someone else has paused too. The session goes on once both of you resume.';
  else if (namedOthers.length > 0 && namedOthers.length === others.length) who = `${namedOthers.join(' and ')} paused. They'll resume when ready.`;
  else who = "Someone paused. They'll resume when ready.";

  return (
    // Not aria-modal: the session behind is inert already, and "Need help now?" in the header must stay reachable.
    <div class="pause-overlay" role="dialog" aria-labelledby="paused-title" aria-describedby="paused-who">
      <div class="pause-overlay-inner">
        <h2 id="paused-title" ref={headingRef} tabIndex={-1}>
          Paused. Take the time you need.
        </h2>
        <p id="paused-who">{who}</p>
        {props.children}
        {iHold ? (
          <button type="button" class="resume-button" disabled={busy} onClick={() => void run({ type: 'resume' })}>
            Resume when you're ready
          </button>
        ) : (
          <p class="hint">You can use this time for yourself. Nothing moves on while it is paused.</p>
        )}
        <ShortGrounding />
        {!iHold && (
          <button type="button" class="quiet" disabled={busy} onClick={() => void run({ type: 'pause', sayItWasMe: props.sayItWasMe })}>
            Pause too
          </button>
        )}
        {stranded && (
          <div class="notice">
            <p>Someone has left since the pause began. If it was the person who paused, anyone here can go on.</p>
            <button type="button" class="secondary" disabled={busy} onClick={() => void run({ type: 'resume' })}>
              Go on without them
            </button>
          </div>
        )}
        {touchRunning && (
          <button type="button" class="secondary" disabled={busy} onClick={() => void run({ type: 'withdrawConsent', consent: 'touch' })}>
            Withdraw my yes
          </button>
        )}
        {running !== null && (
          <button type="button" class="quiet" disabled={busy} onClick={() => void run({ type: 'endPractice', outcome: 'stopped' })}>
            Stop the practice for everyone
          </button>
        )}
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
