/**
 * `/us/<id>/cycle`: the cycle map of one relationship. Each person fills in their side privately
 * (saved as they go), marks it done, and sees of the other only whether theirs is done and whether
 * they are ready to look. When both choose to look, both sides open together, and the screen names
 * the pattern, draws the loop, and lets them name it and plan for it. The map is looked at again
 * every few seconds, so the other person's steps (and the reveal) arrive without a reload.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CycleMapCommand } from '../../core/cycles/index.ts';
import { commandIdNew } from '../api/command-id.ts';
import type { ReceivedCycleMap } from './cycle-api.ts';
import { CycleIntro } from './cycle-intro.tsx';
import { cyclePeopleRevealed, theirName } from './cycle-people.ts';
import { cycleChangeAnnouncement, cycleStageOf, theirSideWords } from './cycle-stage.ts';
import { LookTogether } from './look-together.tsx';
import { MySidePanel } from './my-side-panel.tsx';
import { RevealedView } from './revealed-view.tsx';
import { useCycleMap } from './use-cycle-map.ts';
import { LoadProblem } from '../us/load-problem.tsx';
import { namesJoined, relationshipOthers } from '../us/relationship-words.ts';
import { relationshipPath } from '../us/us-routes.ts';
import { useRelationship } from '../us/use-relationship.ts';
import { linkClick } from '../router.ts';
import './cycle.css';

const TITLE = 'Your cycle map';

/** Says out loud what the other person changed, once per change. */
function useChangeAnnouncement(map: ReceivedCycleMap | null | undefined, name: string): string {
  const previous = useRef<ReceivedCycleMap | null | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const before = previous.current;
    previous.current = map;
    if (before === undefined || map === undefined) return;
    const said = cycleChangeAnnouncement(before, map, name);
    if (said !== null) setMessage(said);
  }, [map, name]);
  return message;
}

/** The screen. */
export default function CycleScreen(props: { relationshipId: string }) {
  const { relationshipId } = props;
  const relationship = useRelationship(relationshipId);
  const cycle = useCycleMap(relationshipId);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const revealedByMe = useRef(false);

  const send = useCallback(
    async (command: CycleMapCommand) => {
      // Set before sending: the reveal may render before this function resumes.
      if (command.type === 'agreeToReveal') revealedByMe.current = true;
      const outcome = await cycle.send(command);
      if (command.type === 'agreeToReveal' && !outcome.ok) revealedByMe.current = false;
      return outcome;
    },
    [cycle.send],
  );

  const members = relationship.load.kind === 'ready' ? relationship.load.relationship.members : [];
  const map = cycle.load.kind === 'ready' ? cycle.load.map : undefined;
  const others =
    relationship.load.kind === 'ready' ? relationshipOthers(relationship.load.relationship) : [];
  const otherName = map
    ? theirName(map, members)
    : others.length === 1
      ? (others[0]?.displayName ?? 'the other person')
      : 'the other person';
  const announcement = useChangeAnnouncement(map, otherName);
  const home = relationshipPath(relationshipId);

  /** Opens a map with `partnerId`: the first one, or a fresh one after looking at the last. */
  const start = async (partnerId: string) => {
    setStarting(true);
    setStartError(null);
    const outcome = await cycle.send({ type: 'openMap', mapId: commandIdNew(), partnerId });
    setStarting(false);
    // Both may press "start" at once: the map the other opened is just as good.
    if (!outcome.ok && outcome.code === 'cycle_map_exists') void cycle.refresh();
    else if (!outcome.ok) setStartError(outcome.message);
    revealedByMe.current = false;
  };

  if (cycle.load.kind === 'failed') {
    return (
      <LoadProblem title={TITLE} error={cycle.load.error} onRetry={() => void cycle.refresh()} />
    );
  }
  if (relationship.load.kind === 'failed') {
    return (
      <LoadProblem
        title={TITLE}
        error={relationship.load.error}
        onRetry={() => void relationship.refresh()}
      />
    );
  }

  const stage = map === undefined ? null : cycleStageOf(map);
  const people = map ? cyclePeopleRevealed(map, members) : null;

  return (
    <section class="screen cycle-screen" aria-labelledby="cycle-title">
      <p class="back-link">
        <a
          href={home}
          onClick={(event) => {
            linkClick(event, home);
          }}
        >
          ← Back to{' '}
          {namesJoined([
            'you',
            ...(others.length > 0 ? others.map((member) => member.displayName) : [otherName]),
          ])}
        </a>
      </p>
      <h1 id="cycle-title">{map?.name ? `Your cycle: “${map.name}”` : TITLE}</h1>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {map === undefined || stage === null ? (
        <p class="loading" role="status">
          Opening your map…
        </p>
      ) : stage === 'not-started' ? (
        <CycleIntro
          others={others}
          busy={starting}
          error={startError}
          onStart={(partnerId) => void start(partnerId)}
        />
      ) : map === null ? null : stage === 'filling' ? (
        <MySidePanel
          savedSide={map.mine.side}
          theirWords={theirSideWords(map, otherName)}
          send={send}
        />
      ) : stage === 'revealed' && people !== null ? (
        <RevealedView
          relationshipId={relationshipId}
          map={map}
          me={people.me}
          you={people.you}
          focusOnArrival={revealedByMe.current}
          send={send}
          onStartAgain={() => start(people.you.personId)}
        />
      ) : (
        <LookTogether map={map} theirName={otherName} send={send} />
      )}
    </section>
  );
}
