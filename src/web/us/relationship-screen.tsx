/**
 * `/us/<id>`: one relationship's home. Who is in it; an invite link while someone is still to
 * join; the cycle map (where it stands, never what the other wrote, or a calm note while it
 * rests because sharing it is paused); repair and shared reflections (what each chose to share
 * with it); "What I share" (my four switches, and what the others share with me); "Practise
 * together now"; and leaving, after a confirm that says all sharing stops.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type {
  RelationshipInviteView,
  RelationshipSharingView,
  RelationshipView,
} from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { cycleStageSummary } from '../cycles/cycle-stage.ts';
import { LearnLink } from '../learn/learn-link.tsx';
import { CYCLE_EXAMPLE_PATH } from '../learn/learn-routes.ts';
import { AppLink } from '../components/app-link.tsx';
import { SharedWithUs } from '../reflections/shared-with-us.tsx';
import { linkClick } from '../router.ts';
import { InviteCard } from './invite-card.tsx';
import { KindPicture } from './kind-picture.tsx';
import { LeaveRelationship } from './leave-relationship.tsx';
import { LoadProblem } from './load-problem.tsx';
import { PractiseNow } from './practise-now.tsx';
import {
  RELATIONSHIP_KIND_WORDS,
  namesJoined,
  relationshipOthers,
  relationshipSubtitle,
  relationshipTitle,
} from './relationship-words.ts';
import { cycleMapStatusFetch, type CycleMapStatus } from './sharing-api.ts';
import { WhatIShare } from './sharing-settings.tsx';
import { cycleRestingWords } from './sharing-words.ts';
import { relationshipInviteNew } from './us-api.ts';
import { US_PATH, cycleMapPath, repairPath } from './us-routes.ts';
import { useRelationship } from './use-relationship.ts';
import './us.css';

function Members(props: { readonly relationship: RelationshipView }) {
  return (
    <ul class="member-list">
      {props.relationship.members.map((member) => (
        <li key={member.personId}>
          <span class="member-initial" aria-hidden="true">
            {member.displayName.slice(0, 1).toUpperCase()}
          </span>
          <span>
            {member.displayName}
            {member.isMe && <span class="hint"> (you)</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

function InviteMore(props: { readonly relationship: RelationshipView }) {
  const [invite, setInvite] = useState<RelationshipInviteView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const forWhom = `your ${RELATIONSHIP_KIND_WORDS[props.relationship.kind].person}`;
  if (invite !== null) return <InviteCard invite={invite} forWhom={forWhom} />;
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      setInvite(await relationshipInviteNew(props.relationship.relationshipId));
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.',
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <div class="button-row">
        <button type="button" class="secondary" disabled={busy} onClick={() => void make()}>
          Make an invite link
        </button>
      </div>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function CycleCard(props: {
  readonly relationshipId: string;
  readonly otherName: string | null;
  /** My own cycle-map switch, once known; a new value reads the map again. */
  readonly iShareIt: boolean | null;
}) {
  const [status, setStatus] = useState<CycleMapStatus | undefined>(undefined);
  useEffect(() => {
    cycleMapStatusFetch(props.relationshipId).then(setStatus, () => {
      setStatus(undefined);
    });
  }, [props.relationshipId, props.iShareIt]);
  const map = status?.map;
  const path = cycleMapPath(props.relationshipId);
  return (
    <section class="card us-tool" aria-labelledby="us-cycle-title">
      <h2 id="us-cycle-title">
        <svg class="us-tool-icon" viewBox="0 0 48 32" aria-hidden="true" focusable="false">
          <ellipse
            cx="24"
            cy="16"
            rx="19"
            ry="11"
            fill="none"
            stroke="currentColor"
            stroke-width="2.5"
          />
          <path
            d="m39 7 4.5 1.5-1.5 4.5"
            fill="none"
            stroke="currentColor"
            stroke-width="2.5"
            stroke-linecap="round"
          />
        </svg>
        <span>The loop you get caught in</span>
      </h2>
      {props.otherName === null ? (
        <p>
          Once someone has joined, you can map the loop you tend to get caught in, each of you
          privately first.
        </p>
      ) : status?.paused === true ? (
        <p class="us-cycle-resting">{cycleRestingWords(props.iShareIt === false)}</p>
      ) : (
        <>
          <p>
            {map === undefined
              ? 'Each of you fills in your own side privately, then you look together.'
              : cycleStageSummary(map, props.otherName)}
          </p>
          <div class="button-row">
            <AppLink href={path} class="button">
              {map === null || map === undefined ? 'Map your cycle' : 'Open your cycle map'}
            </AppLink>
          </div>
        </>
      )}
      <p class="us-tool-links">
        <a
          href={CYCLE_EXAMPLE_PATH}
          onClick={(event) => {
            linkClick(event, CYCLE_EXAMPLE_PATH);
          }}
        >
          See a worked example
        </a>
        <LearnLink cardId="the-cycle" />
      </p>
    </section>
  );
}

function Left() {
  return (
    <section class="screen" aria-labelledby="left-title">
      <h1 id="left-title" tabIndex={-1} ref={(element) => element?.focus()}>
        You have left
      </h1>
      <p role="status">
        All sharing with this relationship has stopped. Your own entries are still yours.
      </p>
      <div class="button-row">
        <AppLink href={US_PATH} class="button">
          Back to Between us
        </AppLink>
      </div>
    </section>
  );
}

/** The screen. */
export default function RelationshipScreen(props: { relationshipId: string }) {
  const { relationshipId } = props;
  const { load, refresh } = useRelationship(relationshipId);
  const [left, setLeft] = useState(false);
  const [iShareCycle, setIShareCycle] = useState<boolean | null>(null);
  const sharingRead = useCallback((view: RelationshipSharingView) => {
    setIShareCycle(view.mine.cycleMap);
  }, []);
  if (left) return <Left />;
  if (load.kind === 'failed')
    return <LoadProblem title="Between us" error={load.error} onRetry={() => void refresh()} />;
  if (load.kind === 'loading') {
    return (
      <section class="screen" aria-labelledby="relationship-title">
        <h1 id="relationship-title">Between us</h1>
        <p class="loading" role="status">
          Opening…
        </p>
      </section>
    );
  }
  const { relationship } = load;
  const others = relationshipOthers(relationship).map((member) => member.displayName);
  const othersWords = others.length === 0 ? 'them' : namesJoined(others);
  const repair = repairPath(relationshipId);
  return (
    <section class="screen relationship" aria-labelledby="relationship-title">
      <p class="back-link">
        <a
          href={US_PATH}
          onClick={(event) => {
            linkClick(event, US_PATH);
          }}
        >
          ← All relationships
        </a>
      </p>
      <div class="relationship-head">
        <KindPicture kind={relationship.kind} />
        <div>
          <h1 id="relationship-title">{relationshipTitle(relationship)}</h1>
          <p class="hint">{relationshipSubtitle(relationship)}</p>
        </div>
      </div>
      <Members relationship={relationship} />
      {others.length === 0 && (
        <section class="card" aria-labelledby="us-invite-title">
          <h2 id="us-invite-title">Nobody has joined yet</h2>
          <p>
            Invite links work once and for a limited time. If yours has run out or got lost, make a
            new one.
          </p>
          <InviteMore relationship={relationship} />
        </section>
      )}
      {others.length > 0 && (
        <section class="card us-tool" aria-labelledby="us-practise-title">
          <h2 id="us-practise-title">Practise together</h2>
          <PractiseNow relationshipId={relationshipId} others={othersWords} />
        </section>
      )}
      <CycleCard relationshipId={relationshipId} otherName={others[0] ?? null} iShareIt={iShareCycle} />
      <section class="card us-tool" aria-labelledby="us-repair-title">
        <h2 id="us-repair-title">After a hard moment</h2>
        <p>
          Come back to each other step by step: each settles first, then you listen to each other
          and choose one small next step.
        </p>
        <div class="button-row">
          <AppLink href={repair} class="button secondary">
            Repair
          </AppLink>
        </div>
        <p class="us-tool-links">
          <LearnLink cardId="repair" />
        </p>
      </section>
      {/* What members chose to share with this relationship: the reflections screens' own part. */}
      {others.length > 0 && (
        <SharedWithUs relationshipId={relationshipId} withNames={othersWords} />
      )}
      <WhatIShare relationshipId={relationshipId} others={others.length === 0 ? null : othersWords} onChange={sharingRead} />
      <section class="us-leave" aria-labelledby="us-leave-title">
        <h2 id="us-leave-title">Leaving</h2>
        <p class="hint">You can leave at any time, and you don’t have to say why.</p>
        <LeaveRelationship
          relationshipId={relationshipId}
          others={othersWords}
          onLeft={() => {
            setLeft(true);
          }}
        />
      </section>
    </section>
  );
}
