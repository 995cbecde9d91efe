/**
 * My turn: what I felt and what I needed. The words are saved as I write, and stay on my screen
 * alone until I end the turn (R-V2), which the form says right where I write. Ending with nothing
 * written is fine: passing is a choice.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  REPAIR_SPEAKER_GUIDANCE,
  REPAIR_TURN_FIELDS,
  REPAIR_TURN_PRIVACY,
  REPAIR_TURN_WORDS_MAX_CHARS,
  type RepairTurn,
} from '../../core/repair/index.ts';
import type { RepairSend } from './use-repair.ts';

/** How long after the last keystroke the words are saved: soon enough to lose nothing, calm enough not to chatter. */
export const TURN_SAVE_AFTER_MS = 1200;

/** The speaker's form for the open turn. */
export function SpeakerForm(props: { turn: RepairTurn; send: RepairSend; busy: boolean }) {
  const { turn } = props;
  // Drafts start from what was saved before (a reload keeps them) and are this screen's from then on.
  const [felt, setFelt] = useState(turn.words.felt);
  const [needed, setNeeded] = useState(turn.words.needed);
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved'>('idle');
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ felt, needed });
  latest.current = { felt, needed };
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    return () => {
      window.clearTimeout(timer.current);
    };
  }, []);

  const saveSoon = () => {
    window.clearTimeout(timer.current);
    setSaved('idle');
    timer.current = window.setTimeout(() => {
      setSaved('saving');
      void props.send({ type: 'saveTurnWords', turnIndex: turn.turnIndex, ...latest.current }).then((accepted) => {
        setSaved(accepted ? 'saved' : 'idle');
      });
    }, TURN_SAVE_AFTER_MS);
  };

  return (
    <div class="repair-turn repair-turn--speaking">
      <h3 tabIndex={-1} ref={heading}>
        Your turn to share
      </h3>
      <p>{REPAIR_SPEAKER_GUIDANCE}</p>
      <p class="repair-privacy" id="repair-turn-privacy">
        {REPAIR_TURN_PRIVACY}
      </p>
      <div class="field">
        <label for="repair-felt">{REPAIR_TURN_FIELDS.felt.label}</label>
        <span class="hint" id="repair-felt-hint">
          {REPAIR_TURN_FIELDS.felt.hint}
        </span>
        <textarea
          id="repair-felt"
          maxLength={REPAIR_TURN_WORDS_MAX_CHARS}
          aria-describedby="repair-felt-hint repair-turn-privacy"
          value={felt}
          onInput={(event) => {
            setFelt(event.currentTarget.value);
            saveSoon();
          }}
        />
      </div>
      <div class="field">
        <label for="repair-needed">{REPAIR_TURN_FIELDS.needed.label}</label>
        <span class="hint" id="repair-needed-hint">
          {REPAIR_TURN_FIELDS.needed.hint}
        </span>
        <textarea
          id="repair-needed"
          maxLength={REPAIR_TURN_WORDS_MAX_CHARS}
          aria-describedby="repair-needed-hint repair-turn-privacy"
          value={needed}
          onInput={(event) => {
            setNeeded(event.currentTarget.value);
            saveSoon();
          }}
        />
      </div>
      <p class="hint" aria-live="polite">
        {saved === 'saving' ? 'Saving…' : saved === 'saved' ? 'Saved. Still only on your screen.' : ''}
      </p>
      <div class="button-row">
        <button
          type="button"
          disabled={props.busy}
          onClick={() => {
            window.clearTimeout(timer.current);
            void props.send({ type: 'endTurn', turnIndex: turn.turnIndex, felt: felt.trim(), needed: needed.trim() });
          }}
        >
          End my turn and share it
        </button>
      </div>
      <p class="hint">Nothing written? Ending your turn is still fine: passing is a choice.</p>
    </div>
  );
}
