/**
 * Once my side is done: where both sides stand (a tick for done and for ready to look, for each
 * of us), and my choices. While theirs is not done I can only wait or take mine back. Once both
 * are done, each of us chooses when to look; both sides open for both at the same moment, when
 * the second of us chooses (SPEC CM6). Until then either can take it back.
 */
import { useState } from 'preact/hooks';
import type { CycleMapCommand, CycleSide } from '../../core/cycles/index.ts';
import type { CycleCommandOutcome, ReceivedCycleMap } from './cycle-api.ts';
import { cycleStageOf } from './cycle-stage.ts';
import { SideSummary } from './side-summary.tsx';

function Tick(props: { readonly on: boolean; readonly label: string }) {
  return (
    <li class={props.on ? 'tick tick-on' : 'tick'}>
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" stroke-width="1.5" />
        {props.on && (
          <path
            d="m6 10 3 3 5-6"
            fill="none"
            stroke="currentColor"
            stroke-width="2.2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        )}
      </svg>
      <span>
        {props.label}: {props.on ? 'yes' : 'not yet'}
      </span>
    </li>
  );
}

/** Two rows of ticks: me and them. Only the two facts the map shares. */
export function WhereWeStand(props: {
  readonly map: ReceivedCycleMap;
  readonly theirName: string;
  readonly myName?: string;
}) {
  const { map } = props;
  return (
    <div class="where-we-stand">
      <div class="tone-first">
        <p class="where-name">{props.myName ?? 'You'}</p>
        <ul>
          <Tick on={map.mine.done} label="Side done" />
          <Tick on={map.mine.readyToLook} label="Ready to look" />
        </ul>
      </div>
      <div class="tone-second">
        <p class="where-name">{props.theirName}</p>
        <ul>
          <Tick on={map.theirs.done} label="Side done" />
          <Tick on={map.theirs.readyToLook} label="Ready to look" />
        </ul>
      </div>
    </div>
  );
}

/** The panel. */
export function LookTogether(props: {
  readonly map: ReceivedCycleMap;
  readonly theirName: string;
  readonly send: (command: CycleMapCommand) => Promise<CycleCommandOutcome>;
}) {
  const { map, theirName } = props;
  const stage = cycleStageOf(map);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (command: CycleMapCommand) => {
    setBusy(true);
    setProblem(null);
    const outcome = await props.send(command);
    setBusy(false);
    if (!outcome.ok) setProblem(outcome.message);
  };
  const mySide: CycleSide = map.mine.side;

  return (
    <section class="screen" aria-labelledby="look-title">
      <h2 id="look-title">
        {stage === 'waiting-for-them'
          ? 'Your side is done'
          : stage === 'choose-to-look'
            ? 'You can both look now'
            : 'Waiting to look together'}
      </h2>
      <WhereWeStand map={map} theirName={theirName} />
      {stage === 'waiting-for-them' && (
        <p>
          Your side stays private. When {theirName} marks theirs done too, you can each choose when
          to look. There is no hurry, for either of you.
        </p>
      )}
      {stage === 'choose-to-look' && (
        <>
          <p>
            Both sides open for both of you at the same moment, once you have each said you are
            ready. Reading what someone wrote about a hard moment is a moment of its own: it can
            help to choose a calm time, maybe side by side.
          </p>
          <div class="button-row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void run({ type: 'agreeToReveal' })}
            >
              I’m ready to look together
            </button>
          </div>
        </>
      )}
      {stage === 'waiting-to-look' && (
        <>
          <p>
            You are ready to look. Both sides open when {theirName} is ready too. Until then you can
            take this back.
          </p>
          <div class="button-row">
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() => void run({ type: 'withdrawRevealAgreement' })}
            >
              Not yet after all
            </button>
          </div>
        </>
      )}
      <p class="error" role="alert">
        {problem ?? ''}
      </p>
      <details class="card my-side-details">
        <summary>Your side, as you marked it done (only you can see it)</summary>
        <SideSummary side={mySide} name={null} tone="first" />
        <p class="hint">
          Want to change something? Taking “done” back also sets aside any choice to look, for both
          of you, until you mark it done again.
        </p>
        <div class="button-row">
          <button
            type="button"
            class="quiet"
            disabled={busy}
            onClick={() => void run({ type: 'markNotReady' })}
          >
            Change my side
          </button>
        </div>
      </details>
    </section>
  );
}
