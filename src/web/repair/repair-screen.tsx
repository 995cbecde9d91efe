/**
 * One repair, step by step as core's stages go: settle on your own, agree a time, come back, take
 * turns (one shares, the others hold space, then say they heard), and choose one small next step.
 * "Not now" is there throughout and keeps everything. The screen reads the repair again every
 * few seconds while it is open, so both people move on together.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RelationshipView } from '../../core/protocol/between-us-api.ts';
import { REPAIR_HELP_NOTE, REPAIR_ORIGIN_WORDS, REPAIR_STAGE_WORDS } from '../../core/repair/index.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { LearnLink } from '../learn/learn-link.tsx';
import { relationshipFetch } from '../us/us-api.ts';
import { relationshipPath, repairPath } from '../us/us-routes.ts';
import type { ReceivedRepair } from './repair-api.ts';
import { ClosedPanel } from './closed-panel.tsx';
import { NextStepPanel } from './next-step-panel.tsx';
import { NotNowPanel, PausedNotice } from './not-now-panel.tsx';
import { repairPauseFor, repairStepHeading } from './repair-guide.ts';
import { repairPeopleOf, type RepairPeople } from './repair-people.ts';
import { AgreeTimePanel, ComingBackPanel } from './return-time-panel.tsx';
import { SettlePanel } from './settle-panel.tsx';
import { localTimeWords } from './return-time.ts';
import { TurnPanel } from './turn-panel.tsx';
import { SaidSoFar } from './turn-words.tsx';
import { useRepair, type RepairSend } from './use-repair.ts';
import './repair.css';

/** Who sees what, said once and plainly. */
function WhoSeesWhat() {
  return (
    <details class="repair-privacy-details">
      <summary>Who sees what</summary>
      <ul>
        <li>Only the people in this repair see it. Nobody else, ever.</li>
        <li>What you write in your turn stays on your screen until you end your turn. Then everyone in this repair can read it.</li>
        <li>Which practice helped you settle is yours alone; the others only see that you settled.</li>
        <li>If you step away, the others see that someone stepped away, not who.</li>
        <li>Whether you keep this repair in your own history is your choice, and only you see it.</li>
      </ul>
    </details>
  );
}

function StagePanel(props: { repair: ReceivedRepair; people: RepairPeople; send: RepairSend; busy: boolean; nowMs: number; listPath: string }) {
  const { repair, ...rest } = props;
  const { state } = repair;
  switch (repair.stage) {
    case 'settling':
      return <SettlePanel state={state} {...rest} />;
    case 'agreeingTime':
      return <AgreeTimePanel state={state} {...rest} />;
    case 'comingBack':
      return <ComingBackPanel state={state} {...rest} />;
    case 'turns':
      return <TurnPanel state={state} {...rest} />;
    case 'nextStep':
      return <NextStepPanel state={state} {...rest} />;
    case 'completed':
    case 'setAside':
      return <ClosedPanel state={state} {...rest} />;
    case 'notStarted':
      return null;
  }
}

function Shell(props: { title: string; children: ComponentChildren; relationshipId: string }) {
  return (
    <section class="screen repair" aria-labelledby="repair-title">
      <h1 id="repair-title">{props.title}</h1>
      {props.children}
      <div class="button-row">
        <AppLink class="button quiet" href={repairPath(props.relationshipId)}>
          All your repairs
        </AppLink>
      </div>
    </section>
  );
}

/** The repair screen. */
export default function RepairScreen(props: { relationshipId: string; repairId: string }) {
  const { relationshipId, repairId } = props;
  const { repair, loadProblem, send, busy, commandError, retry } = useRepair(repairId);
  const [relationship, setRelationship] = useState<RelationshipView | null>(null);
  const [relationshipProblem, setRelationshipProblem] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    relationshipFetch(relationshipId).then(
      (found) => {
        if (alive) setRelationship(found);
      },
      (error: unknown) => {
        if (alive) setRelationshipProblem(error instanceof ApiError && error.status !== 0 ? 'This repair could not be found here. It opens for the people in it, on the device they use Attune on.' : 'Attune could not be reached. Check your connection, then reload the page.');
      },
    );
    return () => {
      alive = false;
    };
  }, [relationshipId]);

  const problem = relationshipProblem ?? loadProblem?.message ?? null;
  if (problem !== null) {
    return (
      <Shell title="Repair" relationshipId={relationshipId}>
        <p role="alert">{problem}</p>
        {loadProblem?.canRetry === true && (
          <div class="button-row">
            <button type="button" onClick={retry}>
              Try again
            </button>
          </div>
        )}
      </Shell>
    );
  }
  const people = relationship === null ? null : repairPeopleOf(relationship);
  if (repair === null || relationship === null || people === null) {
    return (
      <Shell title="Repair" relationshipId={relationshipId}>
        <p class="loading" role="status">
          Opening the repair…
        </p>
      </Shell>
    );
  }

  const nowMs = Date.now();
  const { state, stage } = repair;
  const open = state.status === 'open';
  const pause = repairPauseFor(state, people.meId);
  const others = state.memberIds.filter((id) => id !== people.meId);
  const stageWords = stage === 'notStarted' ? null : REPAIR_STAGE_WORDS[stage];
  return (
    <Shell title="Finding your way back" relationshipId={relationshipId}>
      <p class="repair-when">
        With {people.namesOf(others)}. {REPAIR_ORIGIN_WORDS[state.startedFrom]} The rupture: {localTimeWords(state.ruptureAtMs, nowMs)}.
      </p>
      <div class="repair-top-links">
        <LearnLink cardId="repair" />
        <AppLink href={relationshipPath(relationshipId)}>Back to {people.namesOf(others)}</AppLink>
      </div>
      <WhoSeesWhat />
      <PausedNotice pause={pause} send={send} busy={busy} />
      <section class="card repair-step" aria-labelledby="repair-step-heading">
        <h2 id="repair-step-heading" aria-live="polite">
          {repairStepHeading(stage)}
        </h2>
        {stageWords !== null && <p>{stageWords}</p>}
        <StagePanel repair={repair} people={people} send={send} busy={busy} nowMs={nowMs} listPath={repairPath(relationshipId)} />
        {commandError !== null && (
          <p class="repair-error" role="alert">
            {commandError}
          </p>
        )}
      </section>
      <SaidSoFar state={state} people={people} />
      {open && <NotNowPanel pause={pause} send={send} busy={busy} />}
      <p class="hint repair-help">{REPAIR_HELP_NOTE}</p>
    </Shell>
  );
}
