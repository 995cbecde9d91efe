/**
 * My side while I fill it in: the privacy note, the form, a quiet line saying whether my words
 * are saved (they save themselves as I go), where the other side stands (done or not, nothing
 * more), and "My side is done". A side needs one move to be done; everything else may stay open.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  CYCLE_SIDE_PRIVACY_NOTE,
  cycleSideReadinessProblem,
  type CycleMapCommand,
  type CycleSide,
} from '../../core/cycles/index.ts';
import type { CycleCommandOutcome } from './cycle-api.ts';
import { DraftSaver, type DraftStatus } from './draft-autosave.ts';
import { SideForm } from './side-form.tsx';

function statusWords(status: DraftStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'Your words save themselves as you go.';
    case 'waiting':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved. Only you can see it.';
    case 'failed':
      return `Not saved yet. ${status.message}`;
  }
}

/** The lock beside the privacy note. */
export function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Z"
      />
    </svg>
  );
}

/** The panel. `savedSide` is my side as the server last had it; `theirWords` says where theirs is. */
export function MySidePanel(props: {
  readonly savedSide: CycleSide;
  readonly theirWords: string;
  readonly send: (command: CycleMapCommand) => Promise<CycleCommandOutcome>;
}) {
  const { send } = props;
  // The form owns the words from here on; later polls must not overwrite what is being typed.
  const [side, setSide] = useState<CycleSide>(props.savedSide);
  const [status, setStatus] = useState<DraftStatus>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const movesRef = useRef<HTMLFieldSetElement>(null);
  const saver = useMemo(
    () =>
      new DraftSaver<CycleSide>({
        save: async (draft) => {
          const outcome = await send({ type: 'saveDraft', side: draft });
          return outcome.ok ? null : outcome.message;
        },
        onStatus: setStatus,
      }),
    [send],
  );

  useEffect(() => {
    const flush = () => {
      void saver.flush();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [saver]);

  const change = (next: CycleSide) => {
    setSide(next);
    setProblem(null);
    saver.change(next);
  };

  const markDone = async () => {
    const readiness = cycleSideReadinessProblem(side);
    if (readiness !== null) {
      setProblem(readiness);
      movesRef.current?.focus();
      movesRef.current?.scrollIntoView({ block: 'start' });
      return;
    }
    setBusy(true);
    setProblem(null);
    const saved = await saver.flush();
    if (!saved) {
      setBusy(false);
      setProblem(
        'Your latest words are not saved yet, so your side cannot be marked done. Check your connection and try again.',
      );
      return;
    }
    const outcome = await send({ type: 'markReady' });
    setBusy(false);
    if (!outcome.ok) setProblem(outcome.message);
  };

  return (
    <section class="screen" aria-labelledby="my-side-title">
      <h2 id="my-side-title">Your side</h2>
      <p class="privacy-note">
        <LockIcon />
        <span>{CYCLE_SIDE_PRIVACY_NOTE}</span>
      </p>
      <p class="hint">
        Fill in as much or as little as you like, in any order. You can come back to it later.
      </p>
      <SideForm side={side} onChange={change} movesRef={movesRef} />
      <p class="save-status">{statusWords(status)}</p>
      {/* Saving goes on quietly; only a failure is read out, once. */}
      <p class="visually-hidden" role="alert">
        {status.kind === 'failed' ? `Not saved yet. ${status.message}` : ''}
      </p>
      <div class="card side-done-bar">
        <p>{props.theirWords}</p>
        <div class="button-row">
          <button type="button" disabled={busy} onClick={() => void markDone()}>
            {busy ? 'Marking done…' : 'My side is done'}
          </button>
        </div>
        <p class="hint">
          Marking it done does not show it to anyone. You can take it back until you both look.
        </p>
        <p class="error" role="alert">
          {problem ?? ''}
        </p>
      </div>
    </section>
  );
}
