/**
 * A check-in: which state is closest right now, how strong it is, what the body notices, and an
 * optional note. Plain words first, the polyvagal term second; every answer is a fine answer.
 * Sharing (in a live session) is its own explicit choice, and off until ticked.
 */
import { useId, useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import {
  CHECK_IN_NOTE_MAX_CHARS,
  CHECK_IN_TAG_MAX_CHARS,
  CHECK_IN_TAGS_MAX,
} from '../../core/protocol/commands.ts';
import {
  CHECK_IN_INTENSITY_MAX,
  CHECK_IN_INTENSITY_MIN,
  NERVOUS_SYSTEM_STATE_LABELS,
  NERVOUS_SYSTEM_STATES,
} from '../../core/states/nervous-system-state.ts';
import type { NervousSystemState } from '../../core/states/nervous-system-state.ts';
import './check-in-form.css';

/** What the form hands over. */
export interface CheckInSubmission {
  state: NervousSystemState;
  intensity: number;
  tags: string[];
  note: string;
  visibility: 'private' | 'shared';
}

/** Props of the check-in form. */
export interface CheckInFormProps {
  onSubmit: (checkIn: CheckInSubmission) => void | Promise<void>;
  /** Offer "Share with the people in this session" (live sessions only). */
  allowShare: boolean;
  /** A heading above the form; without one, label the form from outside. */
  heading?: string;
  submitLabel?: string;
  /** Shorter: no description under each state, note folded away. */
  compact?: boolean;
}

/** A few words about each state, to help choose; none of them is better than another. */
export const STATE_HINTS: Readonly<Record<NervousSystemState, string>> = {
  regulated: 'Calm enough, connected, able to think and feel.',
  activated: 'Racing, tense, restless, irritable or worried.',
  shutdown: 'Heavy, flat, foggy, tired or disconnected.',
  mixed: 'Some of each, or hard to tell. That is a fine answer too.',
};

/** Body sensations offered as one-tap suggestions. */
export const SUGGESTED_TAGS: readonly string[] = [
  'tight chest',
  'warm',
  'heavy',
  'buzzing',
  'numb',
  'calm belly',
  'tense shoulders',
  'shaky',
];

const DEFAULT_INTENSITY = 5;

/** The check-in form. */
export function CheckInForm(props: CheckInFormProps) {
  const { onSubmit, allowShare, heading, submitLabel = 'Check in', compact = false } = props;
  const id = useId();
  const [state, setState] = useState<NervousSystemState | null>(null);
  const [intensity, setIntensity] = useState(DEFAULT_INTENSITY);
  const [tags, setTags] = useState<string[]>([]);
  const [customTags, setCustomTags] = useState<string[]>([]);
  const [draftTag, setDraftTag] = useState('');
  const [note, setNote] = useState('');
  const [share, setShare] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const firstStateRef = useRef<HTMLInputElement>(null);
  const headingId = `${id}-heading`;

  const toggleTag = (tag: string) => {
    setTags((current) =>
      current.includes(tag) ? current.filter((kept) => kept !== tag) : current.length >= CHECK_IN_TAGS_MAX ? current : [...current, tag],
    );
  };

  const addDraftTag = () => {
    const tag = draftTag.trim().slice(0, CHECK_IN_TAG_MAX_CHARS);
    if (tag === '') return;
    const known = [...SUGGESTED_TAGS, ...customTags].find((existing) => existing.toLowerCase() === tag.toLowerCase());
    if (known === undefined) setCustomTags((current) => [...current, tag]);
    const chosen = known ?? tag;
    setTags((current) => (current.includes(chosen) || current.length >= CHECK_IN_TAGS_MAX ? current : [...current, chosen]));
    setDraftTag('');
  };

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (state === null) {
      setProblem('Choose the one that feels closest, even roughly. There is no wrong answer.');
      firstStateRef.current?.focus();
      return;
    }
    setProblem(null);
    const result = onSubmit({ state, intensity, tags: [...tags], note: note.trim(), visibility: allowShare && share ? 'shared' : 'private' });
    if (result instanceof Promise) {
      setBusy(true);
      result.then(
        () => {
          setBusy(false);
        },
        () => {
          setBusy(false);
          setProblem('That did not go through. Your answers are still here; please try again.');
        },
      );
    }
  };

  const allTags = [...SUGGESTED_TAGS, ...customTags];
  return (
    <form
      class={`check-in${compact ? ' check-in--compact' : ''}`}
      onSubmit={submit}
      aria-labelledby={heading === undefined ? undefined : headingId}
      noValidate
    >
      {heading !== undefined && <h2 id={headingId}>{heading}</h2>}

      <fieldset class="check-in-states">
        <legend>Which is closest right now?</legend>
        <div class="check-in-state-grid">
          {NERVOUS_SYSTEM_STATES.map((value, index) => {
            const label = NERVOUS_SYSTEM_STATE_LABELS[value];
            const hintId = `${id}-state-${value}-hint`;
            return (
              <label class={`check-in-state check-in-state--${value}`} key={value}>
                <input
                  type="radio"
                  name={`${id}-state`}
                  value={value}
                  checked={state === value}
                  ref={index === 0 ? firstStateRef : undefined}
                  aria-describedby={compact ? undefined : hintId}
                  onChange={() => {
                    setState(value);
                    setProblem(null);
                  }}
                />
                <span class="check-in-state-text">
                  <span class="check-in-state-plain">{label.plain}</span>
                  {label.term !== label.plain && label.term !== 'mixed' && <span class="check-in-state-term"> · {label.term}</span>}
                  {!compact && (
                    <span class="check-in-state-hint" id={hintId}>
                      {STATE_HINTS[value]}
                    </span>
                  )}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>

      <div class="check-in-intensity">
        <label for={`${id}-intensity`}>How strong is it?</label>
        <div class="check-in-range">
          <input
            id={`${id}-intensity`}
            type="range"
            min={CHECK_IN_INTENSITY_MIN}
            max={CHECK_IN_INTENSITY_MAX}
            step={1}
            value={intensity}
            aria-valuetext={`${intensity} out of ${CHECK_IN_INTENSITY_MAX}`}
            aria-describedby={`${id}-intensity-ends`}
            onInput={(event) => {
              setIntensity(Number(event.currentTarget.value));
            }}
          />
          <output for={`${id}-intensity`} class="check-in-range-value" aria-hidden="true">
            {intensity}
          </output>
        </div>
        <div class="check-in-range-ends" id={`${id}-intensity-ends`}>
          <span>0: barely there</span>
          <span>10: very strong</span>
        </div>
      </div>

      <fieldset class="check-in-tags">
        <legend>Anything you notice in your body? (optional)</legend>
        <div class="check-in-chips">
          {allTags.map((tag) => (
            <button
              type="button"
              key={tag}
              class="check-in-chip"
              aria-pressed={tags.includes(tag) ? 'true' : 'false'}
              onClick={() => {
                toggleTag(tag);
              }}
            >
              {tag}
            </button>
          ))}
        </div>
        <div class="check-in-add-tag">
          <label for={`${id}-own-tag`}>Add your own</label>
          <div class="check-in-add-row">
            <input
              id={`${id}-own-tag`}
              type="text"
              value={draftTag}
              maxLength={CHECK_IN_TAG_MAX_CHARS}
              autoComplete="off"
              placeholder="e.g. cold hands"
              onInput={(event) => {
                setDraftTag(event.currentTarget.value);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addDraftTag();
                }
              }}
            />
            <button type="button" class="secondary" onClick={addDraftTag} disabled={draftTag.trim() === ''}>
              Add
            </button>
          </div>
        </div>
      </fieldset>

      <div class="check-in-note">
        <label for={`${id}-note`}>A note for yourself (optional)</label>
        <textarea
          id={`${id}-note`}
          value={note}
          maxLength={CHECK_IN_NOTE_MAX_CHARS}
          rows={compact ? 2 : 3}
          onInput={(event) => {
            setNote(event.currentTarget.value);
          }}
        />
      </div>

      {allowShare && (
        <label class="check-in-share">
          <input
            type="checkbox"
            checked={share}
            onChange={(event) => {
              setShare(event.currentTarget.checked);
            }}
          />
          <span>
            Share with the people in this session
            <span class="hint check-in-share-hint">Off unless you tick it. Only this check-in is shared, only in this session.</span>
          </span>
        </label>
      )}

      {problem !== null && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <div class="button-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
