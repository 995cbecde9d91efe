/**
 * A practice on your own: paced breathing or grounding. Before it starts the screen says what
 * will happen, how long it lasts and how to stop; it can be paused (button or Space) and stopped
 * at any moment; afterwards there is a short check-in. Runs entirely in the browser, so it works
 * offline once the app has loaded.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { breathsPerMinOfPattern } from '../../core/pacer/index.ts';
import type { BreathPattern, PacerSchedule } from '../../core/pacer/index.ts';
import { DEFAULT_BREATH_PATTERN, practiceById } from '../../core/practices/index.ts';
import type { PracticeDefinition } from '../../core/practices/index.ts';
import { AfterPractice } from '../components/after-practice.tsx';
import { CheckInForm } from '../components/check-in-form.tsx';
import { CueToggles, useCueSettings } from '../components/cue-toggles.tsx';
import {
  LengthChoice,
  PracticeSteps,
  SOLO_HOW_TO_STOP,
  soloDefaultLength,
  soloSteps,
} from '../components/practice-intro.tsx';
import { SoftTimer } from '../components/soft-timer.tsx';
import { browserStorage, checkInAdd, checkInBeforeThisVisit } from '../local/check-ins.ts';
import { LOCAL_CLOCK } from '../net/server-clock.ts';
import { audioCuesUnlock } from '../pacer/audio-cues.ts';
import { useSpaceToPause } from '../pacer/keyboard.ts';
import { PacerView } from '../pacer/pacer-view.tsx';
import { runMsLeft, runPaused, runResumed, runStarted } from '../pacer/schedule-shift.ts';
import type { PausableRun, Startable } from '../pacer/schedule-shift.ts';
import { useScreenWakeLock } from '../pacer/wake-lock.ts';
import { linkClick } from '../router.ts';
import '../components/solo-practice.css';

/** Seconds of calm before the first breath. */
const LEAD_IN_MS = 3000;
/** How long the shape rests at the end before the closing words appear. */
const REST_AT_END_MS = 2500;

/** Breath patterns offered alone. */
export const SOLO_PATTERNS: readonly { id: string; name: string; detail: string; pattern: BreathPattern }[] = [
  {
    id: 'gentle',
    name: 'In for 4, out for 6',
    detail: 'The gentle start. A longer out-breath helps the body slow down.',
    pattern: DEFAULT_BREATH_PATTERN,
  },
  {
    id: 'even',
    name: 'In for 5, out for 5',
    detail: 'Even and steady.',
    pattern: { inhaleMs: 5000, holdAfterInhaleMs: 0, exhaleMs: 5000, holdAfterExhaleMs: 0 },
  },
  {
    id: 'holds',
    name: 'In for 4, hold for 7, out for 8',
    detail: 'Slower, with a hold. If holding feels uncomfortable, breathe normally through it.',
    pattern: { inhaleMs: 4000, holdAfterInhaleMs: 7000, exhaleMs: 8000, holdAfterExhaleMs: 0 },
  },
];

function minutesAndSeconds(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${String(Math.floor(seconds / 60))}:${String(seconds % 60).padStart(2, '0')}`;
}

function BackHome(props: { label?: string }) {
  return (
    <a
      class="button quiet"
      href="/"
      onClick={(event) => {
        linkClick(event, '/');
      }}
    >
      {props.label ?? 'Back to the start'}
    </a>
  );
}

/** An optional check-in before starting, kept on this device. */
function BeforeCheckIn(props: { practiceId: string }) {
  const [done, setDone] = useState(false);
  const [recent] = useState(() => checkInBeforeThisVisit(Date.now()) !== undefined);
  if (done) {
    return <p class="notice">Noted, on this device only. You will see it beside how you feel afterwards.</p>;
  }
  return (
    <details class="before-check-in card">
      <summary>{recent ? 'Check in again before you start (optional)' : 'Check in before you start (optional)'}</summary>
      {recent && <p class="hint">You checked in a little while ago; afterwards you will see it beside how you feel then.</p>}
      <CheckInForm
        compact
        allowShare={false}
        submitLabel="Save and carry on"
        onSubmit={(submission) => {
          checkInAdd(browserStorage(), submission, { nowMs: Date.now(), moment: 'before', practiceId: props.practiceId });
          setDone(true);
        }}
      />
    </details>
  );
}

/** Pause and Stop, with the Space key documented. */
function PracticeControls(props: { paused: boolean; onToggle: () => void; onStop: () => void; pauseRef: { current: HTMLButtonElement | null } }) {
  return (
    <div class="practice-controls">
      <div class="button-row practice-buttons">
        <button type="button" class="practice-pause" ref={props.pauseRef} onClick={props.onToggle}>
          {props.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" class="quiet" onClick={props.onStop}>
          Stop
        </button>
      </div>
      <p class="hint">
        Press <kbd>Space</kbd> to pause or resume.
      </p>
    </div>
  );
}

/** The quiet card shown while paused. */
function PausedNote(props: { what: string }) {
  return (
    <div class="notice paused-note">
      <p>
        <strong>Paused.</strong> Take all the time you need.
      </p>
      <p>If it helps, feel your feet on the floor, and let your eyes rest on something near you. {props.what}</p>
    </div>
  );
}

function usePausableRun<S extends Startable>() {
  const [run, setRun] = useState<PausableRun<S> | null>(null);
  const toggle = () => {
    setRun((current) => {
      if (current === null) return current;
      const now = Date.now();
      return current.pausedAtMs === null ? runPaused(current, now) : runResumed(current, now);
    });
  };
  return { run, setRun, toggle };
}

function PacedBreathing(props: { practice: PracticeDefinition<unknown> }) {
  const { practice } = props;
  const [stage, setStage] = useState<'prepare' | 'running' | 'done'>('prepare');
  const [lengthMs, setLengthMs] = useState(() => soloDefaultLength(practice.defaultDurationMs));
  const [patternId, setPatternId] = useState('gentle');
  const [cues, setCues] = useCueSettings();
  const [stoppedEarly, setStoppedEarly] = useState(false);
  const { run, setRun, toggle } = usePausableRun<PacerSchedule>();
  const pauseRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const pattern = (SOLO_PATTERNS.find((option) => option.id === patternId) ?? SOLO_PATTERNS[0])?.pattern ?? DEFAULT_BREATH_PATTERN;

  const running = stage === 'running' && run !== null;
  useSpaceToPause(running, toggle);
  useScreenWakeLock(running && run.pausedAtMs === null);

  // The end: let the shape rest a moment, then the closing words.
  useEffect(() => {
    if (!running || run.pausedAtMs !== null) return undefined;
    const timer = window.setTimeout(() => {
      setStage('done');
    }, runMsLeft(run, Date.now()) + REST_AT_END_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [running, run]);

  const firstStage = useRef(true);
  useEffect(() => {
    // Move focus only when the stage changes, not on arriving at the screen.
    if (firstStage.current) {
      firstStage.current = false;
      return;
    }
    if (stage === 'running') pauseRef.current?.focus();
    if (stage === 'prepare') titleRef.current?.focus();
  }, [stage]);

  const start = () => {
    if (cues.sound) audioCuesUnlock();
    setRun(runStarted((startAtMs) => ({ startAtMs, pattern }), LOCAL_CLOCK.now(), LEAD_IN_MS, lengthMs));
    setStoppedEarly(false);
    setStage('running');
    window.scrollTo(0, 0);
  };

  if (stage === 'done') {
    return (
      <section class="screen solo-practice" aria-labelledby="solo-title">
        <h1 id="solo-title">{practice.title}</h1>
        <AfterPractice
          practiceId={practice.id}
          stoppedEarly={stoppedEarly}
          onAgain={() => {
            setRun(null);
            setStage('prepare');
          }}
        />
      </section>
    );
  }

  if (running) {
    return (
      <section class="screen solo-practice solo-running" aria-labelledby="solo-title">
        <h1 id="solo-title" class="solo-running-title">
          {practice.title}
        </h1>
        <PacerView schedule={run.schedule} clock={LOCAL_CLOCK} paused={run.pausedAtMs !== null} endsAtServerMs={run.endsAtMs} cues={cues} />
        <TimeLeft run={run} />
        <PracticeControls
          paused={run.pausedAtMs !== null}
          onToggle={toggle}
          pauseRef={pauseRef}
          onStop={() => {
            setStoppedEarly(true);
            setStage('done');
          }}
        />
        {run.pausedAtMs !== null && <PausedNote what="The breath will carry on from where it stopped." />}
        <p class="hint">If the pace does not suit you, breathe your own way and just watch.</p>
      </section>
    );
  }

  return (
    <section class="screen solo-practice" aria-labelledby="solo-title">
      <h1 id="solo-title" ref={titleRef} tabIndex={-1}>
        {practice.title}
      </h1>
      <p>{practice.description}</p>

      <BeforeCheckIn practiceId={practice.id} />

      <section class="card" aria-labelledby="solo-what">
        <h2 id="solo-what">What will happen</h2>
        <PracticeSteps steps={soloSteps(practice.steps)} />
      </section>

      <fieldset class="choice-group">
        <legend>The breath</legend>
        <div class="choice-column">
          {SOLO_PATTERNS.map((option) => (
            <label class="choice choice--wide" key={option.id}>
              <input
                type="radio"
                name="solo-pattern"
                checked={patternId === option.id}
                onChange={() => {
                  setPatternId(option.id);
                }}
              />
              <span>
                {option.name}
                <span class="choice-detail">
                  {option.detail} About {String(Math.round(breathsPerMinOfPattern(option.pattern) * 10) / 10)} breaths a minute.
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <LengthChoice value={lengthMs} onChange={setLengthMs} />

      <CueToggles settings={cues} onChange={setCues} />

      <section class="card" aria-labelledby="solo-stop">
        <h2 id="solo-stop">How to stop</h2>
        <p>{SOLO_HOW_TO_STOP}</p>
      </section>

      <div class="button-row">
        <button type="button" class="solo-start" onClick={start}>
          Start
        </button>
        <BackHome label="Not now" />
      </div>
      <p class="hint">It begins with a 3-second countdown.</p>
    </section>
  );
}

/** Minutes and seconds left, updated once a second (frozen while paused). */
function TimeLeft(props: { run: PausableRun<Startable> }) {
  const { run } = props;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (run.pausedAtMs !== null) return undefined;
    const timer = window.setInterval(() => {
      setTick((tick) => tick + 1);
    }, 1000);
    return () => {
      window.clearInterval(timer);
    };
  }, [run]);
  const left = runMsLeft(run, Date.now());
  const total = run.endsAtMs - run.schedule.startAtMs;
  return <p class="hint time-left">{minutesAndSeconds(Math.min(left, total))} left</p>;
}

function Grounding(props: { practice: PracticeDefinition<unknown> }) {
  const { practice } = props;
  const steps = soloSteps(practice.steps);
  // The cards are the steps after getting ready; the ones before are about choosing.
  const firstCard = steps.findIndex((step) => step.startsWith('Settle'));
  const cards = firstCard >= 0 ? steps.slice(firstCard) : steps;
  const [stage, setStage] = useState<'prepare' | 'running' | 'done'>('prepare');
  const [lengthMs, setLengthMs] = useState(() => soloDefaultLength(practice.defaultDurationMs));
  const [cardIndex, setCardIndex] = useState(0);
  const [stoppedEarly, setStoppedEarly] = useState(false);
  const { run, setRun, toggle } = usePausableRun<Startable>();
  const pauseRef = useRef<HTMLButtonElement>(null);
  const cardRef = useRef<HTMLHeadingElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const perCardMs = Math.round(lengthMs / Math.max(cards.length, 1));

  const running = stage === 'running' && run !== null;
  useSpaceToPause(running, toggle);
  useScreenWakeLock(running && run.pausedAtMs === null);

  const firstStage = useRef(true);
  useEffect(() => {
    if (firstStage.current) {
      firstStage.current = false;
      return;
    }
    if (stage === 'running') cardRef.current?.focus();
    if (stage === 'prepare') titleRef.current?.focus();
  }, [stage, cardIndex]);

  const goTo = (index: number) => {
    const now = Date.now();
    const next = runStarted((startAtMs) => ({ startAtMs }), now, 0, perCardMs);
    setRun(run?.pausedAtMs != null ? runPaused(next, now) : next);
    setCardIndex(index);
  };

  if (stage === 'done') {
    return (
      <section class="screen solo-practice" aria-labelledby="solo-title">
        <h1 id="solo-title">{practice.title}</h1>
        <AfterPractice
          practiceId={practice.id}
          stoppedEarly={stoppedEarly}
          onAgain={() => {
            setRun(null);
            setStage('prepare');
          }}
        />
      </section>
    );
  }

  if (running) {
    const last = cardIndex >= cards.length - 1;
    const paused = run.pausedAtMs !== null;
    return (
      <section class="screen solo-practice solo-running" aria-labelledby="solo-title">
        <h1 id="solo-title" class="solo-running-title">
          {practice.title}
        </h1>
        <div class={`card grounding-card${paused ? ' grounding-card--paused' : ''}`}>
          <p class="grounding-count">
            Step {cardIndex + 1} of {cards.length}
          </p>
          <h2 class="grounding-text" ref={cardRef} tabIndex={-1}>
            {cards[cardIndex]}
          </h2>
          <SoftTimer run={run} durationMs={perCardMs} />
          <div class="button-row grounding-nav">
            <button
              type="button"
              class="secondary"
              disabled={cardIndex === 0}
              onClick={() => {
                goTo(cardIndex - 1);
              }}
            >
              Back
            </button>
            <button
              type="button"
              onClick={() => {
                if (last) setStage('done');
                else goTo(cardIndex + 1);
              }}
            >
              {last ? 'Finish' : 'Next'}
            </button>
          </div>
        </div>
        <PracticeControls
          paused={paused}
          onToggle={toggle}
          pauseRef={pauseRef}
          onStop={() => {
            setStoppedEarly(true);
            setStage('done');
          }}
        />
        {paused && <PausedNote what="Carry on with the same step when you are ready." />}
        <p class="hint">Nothing moves on by itself: take each step at your own pace, and skip any that does not suit you.</p>
      </section>
    );
  }

  return (
    <section class="screen solo-practice" aria-labelledby="solo-title">
      <h1 id="solo-title" ref={titleRef} tabIndex={-1}>
        {practice.title}
      </h1>
      <p>{practice.description}</p>

      <BeforeCheckIn practiceId={practice.id} />

      <section class="card" aria-labelledby="solo-what">
        <h2 id="solo-what">What will happen</h2>
        <PracticeSteps steps={steps} />
      </section>

      <LengthChoice
        value={lengthMs}
        onChange={setLengthMs}
        legend="How long, and so the pace"
        describe={(ms) => {
          const seconds = Math.round(ms / Math.max(cards.length, 1) / 1000 / 5) * 5;
          return `about ${String(seconds)} seconds a step${ms >= 3 * 60_000 ? ', gentle' : ', brisk'}`;
        }}
      />

      <section class="card" aria-labelledby="solo-stop">
        <h2 id="solo-stop">How to stop</h2>
        <p>{SOLO_HOW_TO_STOP}</p>
      </section>

      <div class="button-row">
        <button
          type="button"
          class="solo-start"
          onClick={() => {
            setCardIndex(0);
            setStoppedEarly(false);
            setRun(runStarted((startAtMs) => ({ startAtMs }), Date.now(), 0, perCardMs));
            setStage('running');
            window.scrollTo(0, 0);
          }}
        >
          Start
        </button>
        <BackHome label="Not now" />
      </div>
    </section>
  );
}

/** The solo practice screen for `/practice/<id>`. */
export default function SoloPracticeScreen(props: { practiceId: string }) {
  const practice = practiceById(props.practiceId);
  if (practice?.id === 'paced-breathing') return <PacedBreathing key={practice.id} practice={practice} />;
  if (practice?.id === 'grounding') return <Grounding key={practice.id} practice={practice} />;
  return (
    <section class="screen" aria-labelledby="solo-title">
      <h1 id="solo-title">{practice === undefined ? 'This practice is not here' : practice.title}</h1>
      <p>
        {practice === undefined
          ? 'There is no practice at this address. The practices you can do on your own are on the start page.'
          : 'This one is done together with someone else, in a live session. On your own, paced breathing and grounding are here for you.'}
      </p>
      <div class="button-row">
        <BackHome />
        {practice !== undefined && (
          <a
            class="button secondary"
            href="/together"
            onClick={(event) => {
              linkClick(event, '/together');
            }}
          >
            Practise together
          </a>
        )}
      </div>
    </section>
  );
}
