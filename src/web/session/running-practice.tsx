/**
 * A practice under way: the lead-in count, then the shared guide (breath pacer, movement beat,
 * or the steps in words), the time left, and for touch the yes that can be taken back with one
 * tap. When the time is up any device says so (`endPractice completed`); the server takes the
 * first and turns the rest down harmlessly.
 *
 * Follow-the-breath: in mirroring and breathing touch, when chosen, the pacer follows the leading
 * person's breath while their sensor reads it and they share body signals, and goes back to the
 * shared schedule otherwise, saying in words which one it is doing.
 */
import { useEffect, useRef } from 'preact/hooks';
import { practiceById, READY_STEP, type PracticeDefinition } from '../../core/practices/index.ts';
import { practiceElapsedMs, practiceTurnElapsedMs } from '../../core/session/queries.ts';
import type { PracticeRun, SessionState } from '../../core/session/state.ts';
import type { ServerTimeMs } from '../../core/time/instant.ts';
import { CueToggles, useCueSettings } from '../components/cue-toggles.tsx';
import type { ServerClock } from '../net/server-clock.ts';
import { PacerView } from '../pacer/pacer-view.tsx';
import { TempoView } from '../pacer/tempo-view.tsx';
import type { SensedBreath } from '../body/breath-follower.ts';
import { useBreathFollow } from '../body/use-breath-follow.ts';
import { useCommand, type SendCommand } from './use-command.ts';
import { clockWords, useServerNow } from './use-server-now.ts';

/** How long a holder prompt stays before the next one. */
export const HOLDER_PROMPT_MS = 20_000;

function nameOf(state: SessionState, id: string | undefined, me: string | null): string {
  if (id === undefined) return 'Someone';
  if (id === me) return 'You';
  return state.participants[id]?.displayName ?? 'Someone';
}

/** The lead-in still to go, frozen while paused. */
export function leadInLeftMs(state: SessionState, run: PracticeRun, nowMs: number): number {
  const effectiveNow = state.pausedSinceMs ?? nowMs;
  return Math.max(0, run.startsAtMs + run.pausedTotalMs - effectiveNow);
}

/** The steps people follow during the practice (what comes after "everyone is ready"). */
export function stepsDuring(definition: PracticeDefinition<unknown>): readonly string[] {
  const readyAt = definition.steps.indexOf(READY_STEP);
  return readyAt < 0 ? definition.steps : definition.steps.slice(readyAt + 1);
}

/** Ends the practice as completed once its time is up, from this device, once per run. */
function useCompleteWhenTimeIsUp(run: PracticeRun, timeUp: boolean, paused: boolean, send: SendCommand) {
  const sentFor = useRef<string | null>(null);
  useEffect(() => {
    if (!timeUp || paused || sentFor.current === run.runId) return;
    sentFor.current = run.runId;
    void send({ type: 'endPractice', outcome: 'completed' }).then((outcome) => {
      // Turned down as too early (clocks differ by a little): try again shortly.
      if (!outcome.ok && outcome.code === 'too_early') {
        window.setTimeout(() => {
          if (sentFor.current === run.runId) sentFor.current = null;
        }, 1000);
      }
    });
  }, [timeUp, paused, run.runId, send]);
}

function ShareAndHold(props: { state: SessionState; run: PracticeRun; me: string | null; now: ServerTimeMs; send: SendCommand; prompts: readonly string[] }) {
  const { state, run, me, now } = props;
  const { run: command, busy, error } = useCommand(props.send);
  const sharer = run.turnSharers[run.turnIndex];
  const turnElapsed = practiceTurnElapsedMs(state, run, now);
  const turnLeft = run.turnLengthMs - turnElapsed;
  const lastTurn = run.turnIndex >= run.turnSharers.length - 1;
  const iShare = sharer === me;
  const prompt = props.prompts.length > 0 ? props.prompts[Math.floor(turnElapsed / HOLDER_PROMPT_MS) % props.prompts.length] : undefined;
  return (
    <div class="share-hold">
      <p class="turn-count hint">
        Turn {run.turnIndex + 1} of {run.turnSharers.length}
      </p>
      <p class="turn-who" aria-live="polite">
        {iShare ? 'Your turn to share.' : `${nameOf(state, sharer, me)} is sharing. You are holding the space.`}
      </p>
      <p class="turn-timer">
        <span class="visually-hidden">Time left in this turn: </span>
        <span class="big-time">{clockWords(turnLeft)}</span>
        <span class="hint"> of {clockWords(run.turnLengthMs)}</span>
      </p>
      {turnLeft <= 0 && <p class="notice">This turn's time is up. Finish your thought, then swap when you're ready.</p>}
      {iShare ? (
        <p class="hint">Say as much or as little as you like. Silence is fine too.</p>
      ) : (
        prompt !== undefined && (
          <p class="holder-prompt">
            <span class="hint">For the one holding: </span>
            {prompt}
          </p>
        )
      )}
      <div class="button-row">
        <button type="button" disabled={busy || (!iShare && turnLeft > 0)} onClick={() => void command({ type: 'advanceTurn', fromTurnIndex: run.turnIndex })}>
          {iShare ? 'Done sharing — swap' : 'Time is up — swap'}
        </button>
      </div>
      {lastTurn && <p class="hint">This is the last turn; swapping ends the practice.</p>}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The role whose breath the pacer can follow, by practice. */
const FOLLOWED_ROLE: Readonly<Record<string, string>> = { mirroring: 'leader', 'breathing-touch': 'breather' };

/** Who the pacer should follow in this run, or null when following was not chosen. */
export function breathFollowLeader(run: PracticeRun): string | null {
  const roleId = FOLLOWED_ROLE[run.practiceId];
  const parameters = run.parameters as { followSensedBreath?: unknown } | null;
  if (roleId === undefined || parameters?.followSensedBreath !== true) return null;
  return Object.entries(run.roles).find(([, role]) => role === roleId)?.[0] ?? null;
}

/** The words for what the pacer follows: a sensed breath, or the shared pace until there is one. */
export function breathFollowWords(state: SessionState, leaderId: string, me: string | null, following: boolean, leaderShares: boolean): string {
  const mine = leaderId === me;
  const name = nameOf(state, leaderId, me);
  if (following) return mine ? 'Following your breath, as your sensor reads it.' : `Following ${name}'s breath, as their sensor reads it.`;
  if (!leaderShares) return 'Keeping the shared pace.';
  return mine
    ? "Keeping the shared pace: your breath isn't being read right now."
    : `Keeping the shared pace: ${name}'s breath isn't being read right now.`;
}

/** The practice under way. */
export function RunningPractice(props: {
  state: SessionState;
  run: PracticeRun;
  me: string | null;
  clock: ServerClock;
  send: SendCommand;
  /** The sensed breath of a person at a server instant (fresh within 3 s), for follow-the-breath. */
  sensedBreath?: (participantId: string, serverNowMs: number) => SensedBreath | null;
}) {
  const { state, run, me, clock, sensedBreath } = props;
  const definition = practiceById(run.practiceId);
  const now = useServerNow(clock, 250);
  const [cues, setCues] = useCueSettings();
  const { run: command, busy, error } = useCommand(props.send);
  const paused = state.pausedSinceMs !== null;
  const elapsed = practiceElapsedMs(state, run, now);
  const left = run.durationMs - elapsed;
  const leadIn = leadInLeftMs(state, run, now);
  const turns = run.turnSharers.length > 0;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Bring the guide into view as it starts, unless the person is typing somewhere.
    const active = document.activeElement;
    const typing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement;
    if (!typing) headingRef.current?.focus();
  }, [run.runId]);
  useCompleteWhenTimeIsUp(run, !turns && left <= 0 && leadIn <= 0, paused, props.send);
  const followLeader = breathFollowLeader(run);
  const leaderPerson = followLeader === null ? undefined : state.participants[followLeader];
  // Only the leader's own device knows whether they rule out sharing (others' boundaries on this
  // stay private); on every other device their breath simply never arrives then.
  const leaderShares = leaderPerson?.present === true && !leaderPerson.boundaries.sharePhysiology;
  const follow = useBreathFollow({
    shared: run.pacer,
    enabled: followLeader !== null && leaderShares && sensedBreath !== undefined,
    sensed: (nowMs) => (followLeader === null || sensedBreath === undefined ? null : sensedBreath(followLeader, nowMs)),
    paused,
    pausedTotalMs: run.pausedTotalMs,
    nowMs: now,
  });
  if (!definition) return null;

  const inThisRun = me !== null && run.participantIds.includes(me);
  const myRoleId = me === null ? undefined : run.roles[me];
  const myRole = definition.roles.find((role) => role.id === myRoleId);
  const leadId = Object.entries(run.roles).find(([, roleId]) => roleId === definition.roles[0]?.id)?.[0];
  const iConsented = me !== null && run.consents.touch.includes(me);
  const endsAt = run.startsAtMs + run.pausedTotalMs + run.durationMs;
  const leadLabel =
    run.practiceId === 'mirroring'
      ? `Starting at ${leadId === me ? 'your' : `${nameOf(state, leadId, me)}'s`} pace, then slowing together`
      : run.practiceId === 'breathing-touch'
        ? `Following ${leadId === me ? 'your' : `${nameOf(state, leadId, me)}'s`} breath`
        : undefined;
  const during = stepsDuring(definition);
  const stepIndex = Math.min(during.length - 1, Math.floor((elapsed / Math.max(1, run.durationMs)) * during.length));

  return (
    <section class="card running" aria-labelledby="running-title">
      <h2 id="running-title" ref={headingRef} tabIndex={-1}>
        {definition.title}
      </h2>
      {definition.consentsRequired.includes('touch') && (
        <p class="running-consent">
          {iConsented
            ? 'You said yes to this touch. You can take it back at any moment with "Withdraw my yes" at the bottom of the screen; the touch then stops for both of you.'
            : 'You have not said yes to touch, so there is no touch for you in this practice.'}
        </p>
      )}
      {!inThisRun && <p class="notice">This practice began before you joined. You're welcome to follow along; you'll be part of the next one.</p>}
      {myRole && (
        <p class="hint">
          You: {myRole.name}. {myRole.description}
        </p>
      )}
      {leadIn > 0 && definition.usesPacer !== 'breath' && (
        <p class="lead-in" aria-live="polite">
          Starting in {Math.ceil(leadIn / 1000)}…
        </p>
      )}
      {definition.usesPacer !== 'none' && !clock.isSynced() && (
        // Until this device's clock agrees with the session's (a few seconds after connecting),
        // a guide drawn now would jump once the clocks line up.
        <p class="notice" role="status">
          Getting in step with the others…
        </p>
      )}
      {definition.usesPacer === 'breath' && followLeader !== null && clock.isSynced() && leadIn <= 0 && (
        <p class="pacer-lead pacer-follow" aria-live="polite">
          {breathFollowWords(state, followLeader, me, follow.following, leaderShares)}
        </p>
      )}
      {definition.usesPacer === 'breath' && follow.schedule && clock.isSynced() && (
        <PacerView
          schedule={follow.schedule}
          clock={clock}
          paused={paused}
          pausedAtServerMs={state.pausedSinceMs ?? undefined}
          endsAtServerMs={endsAt}
          cues={cues}
          {...(leadLabel === undefined || (followLeader !== null && leadIn <= 0) ? {} : { leadLabel })}
        />
      )}
      {definition.usesPacer === 'tempo' && run.tempo && clock.isSynced() && (
        <TempoView schedule={run.tempo} clock={clock} paused={paused} pausedAtServerMs={state.pausedSinceMs ?? undefined} mode={(run.parameters as { mode?: 'sway' | 'walk' }).mode === 'walk' ? 'walk' : 'sway'} />
      )}
      {definition.usesPacer === 'none' && !turns && leadIn <= 0 && (
        <ol class="plain-list steps-during">
          {during.map((step, index) => (
            <li key={step} class={index === stepIndex && run.practiceId === 'grounding' ? 'current-step' : undefined} aria-current={index === stepIndex && run.practiceId === 'grounding' ? 'step' : undefined}>
              {step}
            </li>
          ))}
        </ol>
      )}
      {turns && leadIn <= 0 && <ShareAndHold state={state} run={run} me={me} now={now} send={props.send} prompts={definition.holderPrompts ?? []} />}
      {!turns && leadIn <= 0 && (
        <p class="time-left">
          {left > 0 ? (
            <>
              <span class="big-time">{clockWords(left)}</span> <span class="hint">left</span>
            </>
          ) : (
            'Time is up. Take a moment before moving on.'
          )}
        </p>
      )}
      {definition.usesPacer === 'breath' && <CueToggles settings={cues} onChange={setCues} />}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="button" class="quiet" disabled={busy} onClick={() => void command({ type: 'endPractice', outcome: 'stopped' })}>
          Stop the practice for everyone
        </button>
      </div>
    </section>
  );
}
