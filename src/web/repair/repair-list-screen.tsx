/**
 * A relationship's repairs: what repair is, "we had a rupture" to start one (dated now, earlier
 * today, or another day), and the repairs so far, open ones first. Starting opens the repair,
 * where each person settles on their own before anything happens together.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RelationshipView } from '../../core/protocol/between-us-api.ts';
import { REPAIR_INTRO } from '../../core/repair/index.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { LearnLink } from '../learn/learn-link.tsx';
import { navigate } from '../router.ts';
import { relationshipFetch } from '../us/us-api.ts';
import { relationshipPath } from '../us/us-routes.ts';
import { repairsList, repairStart, type ReceivedRepair } from './repair-api.ts';
import { REPAIR_STAGE_SHORT } from './repair-guide.ts';
import { repairScreenPath } from './repair-routes.ts';
import { dateTimeFieldParse, dateTimeFieldValue, localTimeWords } from './return-time.ts';
import './repair.css';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly relationship: RelationshipView; readonly repairs: readonly ReceivedRepair[] };

const WHEN_NOW = 'now';
const WHEN_EARLIER = 'earlier';

/** "We had a rupture": when it happened, then start. */
function StartRepair(props: { relationshipId: string }) {
  const [when, setWhen] = useState(WHEN_NOW);
  const [earlier, setEarlier] = useState(() => dateTimeFieldValue(Date.now() - 60 * 60_000));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const earlierMs = dateTimeFieldParse(earlier);

  const start = () => {
    setBusy(true);
    setError(null);
    const ruptureAtMs = when === WHEN_NOW ? undefined : (earlierMs ?? undefined);
    repairStart(props.relationshipId, { origin: 'self', ...(ruptureAtMs === undefined ? {} : { ruptureAtMs }) }).then(
      (repair) => {
        navigate(repairScreenPath(props.relationshipId, repair.repairId));
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.');
      },
    );
  };

  return (
    <section class="card" aria-labelledby="repair-start-heading">
      <h2 id="repair-start-heading">We had a rupture</h2>
      <p>Starting a repair asks nothing of anyone yet. First, each of you settles on your own, at your own pace.</p>
      <fieldset>
        <legend>When did it happen?</legend>
        <div class="repair-choices">
          <label class="repair-choice">
            <input
              type="radio"
              name="repair-rupture-when"
              checked={when === WHEN_NOW}
              onChange={() => {
                setWhen(WHEN_NOW);
              }}
            />
            <span>Just now</span>
          </label>
          <label class="repair-choice">
            <input
              type="radio"
              name="repair-rupture-when"
              checked={when === WHEN_EARLIER}
              onChange={() => {
                setWhen(WHEN_EARLIER);
              }}
            />
            <span>Earlier</span>
          </label>
        </div>
        {when === WHEN_EARLIER && (
          <div class="field">
            <label for="repair-rupture-at">Roughly when</label>
            <input
              id="repair-rupture-at"
              type="datetime-local"
              value={earlier}
              max={dateTimeFieldValue(Date.now())}
              onInput={(event) => {
                setEarlier(event.currentTarget.value);
              }}
            />
          </div>
        )}
      </fieldset>
      <div class="button-row">
        <button type="button" disabled={busy || (when === WHEN_EARLIER && earlierMs === null)} onClick={start}>
          {busy ? 'Starting…' : 'Start a repair'}
        </button>
      </div>
      {error !== null && (
        <p class="repair-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** One repair in the list. */
function RepairItem(props: { repair: ReceivedRepair; relationshipId: string; nowMs: number }) {
  const { state, stage } = props.repair;
  const path = repairScreenPath(props.relationshipId, props.repair.repairId);
  return (
    <li class="repair-item">
      <AppLink href={path}>
        Rupture {localTimeWords(state.ruptureAtMs, props.nowMs)}
      </AppLink>
      <span class="repair-item-stage">{REPAIR_STAGE_SHORT[stage]}</span>
      {state.nextStep !== null && <span class="hint">Next step: {state.nextStep}</span>}
    </li>
  );
}

/** The list screen. */
export default function RepairListScreen(props: { relationshipId: string }) {
  const { relationshipId } = props;
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    let alive = true;
    Promise.all([relationshipFetch(relationshipId), repairsList(relationshipId)]).then(
      ([relationship, repairs]) => {
        if (alive) setLoaded({ kind: 'ready', relationship, repairs });
      },
      (error: unknown) => {
        if (!alive) return;
        const message =
          error instanceof ApiError && error.status !== 0
            ? 'These repairs could not be found here. They open for the people in the relationship, on the device they use Attune on.'
            : 'Attune could not be reached. Check your connection, then reload the page.';
        setLoaded({ kind: 'failed', message });
      },
    );
    return () => {
      alive = false;
    };
  }, [relationshipId]);

  const nowMs = Date.now();
  const others = loaded.kind === 'ready' ? loaded.relationship.members.filter((member) => !member.isMe) : [];
  const open = loaded.kind === 'ready' ? loaded.repairs.filter((repair) => repair.state.status === 'open').reverse() : [];
  const closed = loaded.kind === 'ready' ? loaded.repairs.filter((repair) => repair.state.status !== 'open').reverse() : [];

  return (
    <section class="screen repair" aria-labelledby="repair-list-title">
      <h1 id="repair-list-title">Repair</h1>
      <p>{REPAIR_INTRO}</p>
      <div class="repair-top-links">
        <LearnLink cardId="repair" />
      </div>
      {loaded.kind === 'loading' && (
        <p class="loading" role="status">
          Gathering your repairs…
        </p>
      )}
      {loaded.kind === 'failed' && <p role="alert">{loaded.message}</p>}
      {loaded.kind === 'ready' &&
        (others.length === 0 ? (
          <p class="notice">A repair is between two or more people. Once the other person has joined you here, you can start one.</p>
        ) : (
          <StartRepair relationshipId={relationshipId} />
        ))}
      {open.length > 0 && (
        <section class="card" aria-labelledby="repair-open-heading">
          <h2 id="repair-open-heading">Under way</h2>
          <ul class="repair-list">
            {open.map((repair) => (
              <RepairItem key={repair.repairId} repair={repair} relationshipId={relationshipId} nowMs={nowMs} />
            ))}
          </ul>
        </section>
      )}
      {closed.length > 0 && (
        <section class="card" aria-labelledby="repair-closed-heading">
          <h2 id="repair-closed-heading">Earlier repairs</h2>
          <ul class="repair-list">
            {closed.map((repair) => (
              <RepairItem key={repair.repairId} repair={repair} relationshipId={relationshipId} nowMs={nowMs} />
            ))}
          </ul>
        </section>
      )}
      <div class="button-row">
        <AppLink class="button quiet" href={relationshipPath(relationshipId)}>
          Back
        </AppLink>
      </div>
    </section>
  );
}
