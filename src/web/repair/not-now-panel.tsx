/**
 * "Not now", always there while a repair is open: step away at any moment with no reason asked,
 * and step back in when ready (R10); or set the whole repair aside, keeping everything said (R13).
 * Setting aside asks once, in place, because it closes the repair for everyone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { REPAIR_STEP_AWAY_WORDS } from '../../core/repair/index.ts';
import type { RepairPause } from './repair-guide.ts';
import type { RepairSend } from './use-repair.ts';

/** The banner shown while anyone has stepped away. */
export function PausedNotice(props: { pause: RepairPause; send: RepairSend; busy: boolean }) {
  if (props.pause === 'none') return null;
  if (props.pause === 'someoneElse') {
    return (
      <p class="notice repair-paused" role="status">
        Someone has stepped away for now. Everything said is kept, and you can carry on together once they step back in. Settling on your own stays open to you.
      </p>
    );
  }
  return (
    <div class="notice repair-paused" role="status">
      <p>You stepped away. Everything is kept, just as it was. Step back in whenever you are ready.</p>
      <div class="button-row">
        <button
          type="button"
          disabled={props.busy}
          onClick={() => {
            void props.send({ type: 'stepBack' });
          }}
        >
          Step back in
        </button>
      </div>
    </div>
  );
}

/** Asked once, in place: the question takes focus, Escape or "Keep it open" changes nothing. */
function SetAsideConfirm(props: { busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    question.current?.focus();
  }, []);
  return (
    <div
      class="repair-confirm"
      role="group"
      aria-labelledby="repair-set-aside-question"
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
    >
      <p id="repair-set-aside-question" tabIndex={-1} ref={question}>
        Set this repair aside for everyone? Everything said is kept, and any of you can start a new one whenever you like.
      </p>
      <div class="button-row">
        <button type="button" disabled={props.busy} onClick={props.onConfirm}>
          Yes, set it aside
        </button>
        <button type="button" class="quiet" onClick={props.onCancel}>
          Keep it open
        </button>
      </div>
    </div>
  );
}

/** The "not now" card. */
export function NotNowPanel(props: { pause: RepairPause; send: RepairSend; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="card repair-not-now" aria-labelledby="repair-not-now-heading">
      <h2 id="repair-not-now-heading">Not now</h2>
      <p>{REPAIR_STEP_AWAY_WORDS}</p>
      <div class="button-row">
        {props.pause !== 'me' && (
          <button
            type="button"
            class="secondary"
            disabled={props.busy}
            onClick={() => {
              void props.send({ type: 'stepAway' });
            }}
          >
            Step away for now
          </button>
        )}
        {!confirming && (
          <button
            type="button"
            class="quiet"
            onClick={() => {
              setConfirming(true);
            }}
          >
            Set this repair aside
          </button>
        )}
      </div>
      {confirming && (
        <SetAsideConfirm
          busy={props.busy}
          onConfirm={() => {
            void props.send({ type: 'setAside' }).then(() => {
              setConfirming(false);
            });
          }}
          onCancel={() => {
            setConfirming(false);
          }}
        />
      )}
    </section>
  );
}
