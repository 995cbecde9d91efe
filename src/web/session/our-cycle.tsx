/**
 * "Our cycle is here", for a live session started from a relationship whose cycle map has a
 * plan. One tap pauses everyone at once (the pause never waits for anything else), notes the
 * moment for progress, and brings up the plan the two made when they were calm: the words
 * that name the loop, how long to step apart, what to do meanwhile. From there a repair can
 * begin. Nothing here appears for a session without a relationship or a plan.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { z } from 'zod';
import { practiceById } from '../../core/practices/index.ts';
import type { SessionCommand } from '../../core/protocol/commands.ts';
import { apiCall } from '../api/http.ts';
import { cycleMapFetch, type ReceivedCycleMap } from '../cycles/cycle-api.ts';
import { LearnLink } from '../learn/learn-link.tsx';
import type { LiveOutcome } from '../net/live-session.ts';
import { startRepairFrom } from '../repair/start-repair.ts';
import { repairScreenPath } from '../repair/repair-routes.ts';
import { navigate } from '../router.ts';

const sessionRelationshipSchema = z.object({ relationshipId: z.string().nullable() });

/** The relationship a session was started from, and its cycle map if it has one. */
export interface SessionRelationship {
  readonly relationshipId: string;
  readonly map: ReceivedCycleMap | null;
}

/** Loads the session's relationship and its cycle map; null for a session without one. */
export function useSessionRelationship(sessionId: string): SessionRelationship | null {
  const [linked, setLinked] = useState<SessionRelationship | null>(null);
  useEffect(() => {
    const mounted = { current: true };
    void (async () => {
      try {
        const { relationshipId } = await apiCall(`/api/sessions/${encodeURIComponent(sessionId)}/relationship`, sessionRelationshipSchema);
        if (relationshipId === null) return;
        const map = await cycleMapFetch(relationshipId).catch(() => null);
        if (mounted.current) setLinked({ relationshipId, map });
      } catch {
        // Offline or not linked: the session works the same without these.
      }
    })();
    return () => {
      mounted.current = false;
    };
  }, [sessionId]);
  return linked;
}

/** Whether the two have a plan to bring up when they notice their cycle. */
export function relationshipHasCyclePlan(linked: SessionRelationship | null): linked is SessionRelationship & { map: ReceivedCycleMap } {
  return linked?.map?.plan != null;
}

/** Starts a repair dated at the pause and opens it; shows why if it could not start. */
export function BeginRepairButton(props: {
  relationshipId: string;
  sessionId: string;
  pausedAtMs: number | null;
  /** 'flooding' when the pause came from a flooding offer this person accepted. */
  origin?: 'pause' | 'flooding';
  label?: string;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  return (
    <div class="begin-repair">
      <button
        type="button"
        class="secondary"
        disabled={starting}
        onClick={() => {
          setStarting(true);
          setProblem(null);
          startRepairFrom(props.relationshipId, props.origin ?? 'pause', props.pausedAtMs ?? Date.now(), props.sessionId).then(
            (repairId) => {
              navigate(repairScreenPath(props.relationshipId, repairId));
            },
            (error: unknown) => {
              setStarting(false);
              setProblem(error instanceof Error ? error.message : 'The repair could not be started. Please try again.');
            },
          );
        }}
      >
        {props.label ?? 'Begin a repair together'}
      </button>
      <p class="hint">Each of you settles on your own first; nothing is hurried. <LearnLink cardId="repair" /></p>
      {problem !== null && <p role="alert">{problem}</p>}
    </div>
  );
}

/** The button in the session: pauses at once, then shows the plan. */
export function OurCycleButton(props: { onNoticed: () => void; send: (command: SessionCommand) => Promise<LiveOutcome> }) {
  return (
    <button
      type="button"
      class="secondary our-cycle-button"
      onClick={() => {
        // Pause first and on its own: the plan can wait a moment, the pause cannot.
        void props.send({ type: 'pause', sayItWasMe: false });
        props.onNoticed();
      }}
    >
      Our cycle is here
    </button>
  );
}

/** The plan, shown over the paused session to whoever pressed the button. */
export function OurCyclePlan(props: {
  linked: SessionRelationship & { map: ReceivedCycleMap };
  sessionId: string;
  pausedAtMs: number | null;
  onClose: () => void;
}) {
  const { linked, sessionId } = props;
  const plan = linked.map.plan;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    // Noting the moment is for progress only; if it fails the plan is still here.
    void apiCall(`/api/relationships/${encodeURIComponent(linked.relationshipId)}/cycle/moments`, z.looseObject({}), {
      method: 'POST',
      body: { sessionId },
    }).catch(() => undefined);
  }, [linked.relationshipId, sessionId]);

  if (!plan) return null;
  const practice = practiceById(plan.practiceId);
  return (
    <section class="card our-cycle-plan" aria-labelledby="our-cycle-title">
      <h2 id="our-cycle-title" tabIndex={-1} ref={heading}>
        {linked.map.name === null ? 'Your plan for the loop' : `“${linked.map.name}” is here`}
      </h2>
      <p>Everyone is paused. This is the plan you made together when things were calm.</p>
      <dl class="our-cycle-steps">
        <dt>Say it out loud</dt>
        <dd>“{plan.cuePhrase}”</dd>
        <dt>Step apart for</dt>
        <dd>{plan.pauseMinutes === 1 ? 'a minute' : `${plan.pauseMinutes} minutes`}</dd>
        <dt>Meanwhile, each of you</dt>
        <dd>{practice?.title ?? 'a practice on your own'}</dd>
      </dl>
      <p class="hint">
        The loop is the trouble, not either of you. <LearnLink cardId="the-cycle" />
      </p>
      <BeginRepairButton relationshipId={linked.relationshipId} sessionId={sessionId} pausedAtMs={props.pausedAtMs} label="Begin a repair when you are ready" />
      <button type="button" class="quiet" onClick={props.onClose}>
        Close the plan
      </button>
    </section>
  );
}
