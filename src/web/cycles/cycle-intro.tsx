/**
 * Before anyone has started a map: what mapping the cycle is, the three steps it takes (each
 * fills in alone, each marks done, both choose to look), that nothing is shown until both choose,
 * a way to see the worked example first, and the button to begin one's own side.
 */
import { useState } from 'preact/hooks';
import type { RelationshipMemberView } from '../../core/protocol/between-us-api.ts';
import { LearnLink } from '../learn/learn-link.tsx';
import { CYCLE_EXAMPLE_PATH } from '../learn/learn-routes.ts';
import { linkClick } from '../router.ts';

/** The three steps, each with a small picture. */
export function CycleSteps() {
  return (
    <ol class="cycle-steps">
      <li>
        <svg viewBox="0 0 48 32" aria-hidden="true" focusable="false">
          <rect x="4" y="6" width="16" height="20" rx="3" class="tone-first-fill" />
          <rect x="28" y="6" width="16" height="20" rx="3" class="tone-second-fill" />
          <path d="M24 4v24" stroke="currentColor" stroke-width="2" stroke-dasharray="3 3" />
        </svg>
        <span>
          <strong>Each of you fills in your own side, alone.</strong> Only you can see yours.
        </span>
      </li>
      <li>
        <svg viewBox="0 0 48 32" aria-hidden="true" focusable="false">
          <circle cx="14" cy="16" r="10" class="tone-first-fill" />
          <circle cx="34" cy="16" r="10" class="tone-second-fill" />
          <path
            d="m9 16 4 4 6-8m10 4 4 4 6-8"
            fill="none"
            stroke="currentColor"
            stroke-width="2.5"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        <span>
          <strong>Each of you marks your side done</strong> when it feels right. You can take it
          back.
        </span>
      </li>
      <li>
        <svg viewBox="0 0 48 32" aria-hidden="true" focusable="false">
          <ellipse
            cx="24"
            cy="16"
            rx="18"
            ry="11"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
          />
          <path
            d="m38 8 4 1-1 4"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
          />
        </svg>
        <span>
          <strong>When you both choose to look, both sides open together,</strong> and Attune draws
          the loop you share.
        </span>
      </li>
    </ol>
  );
}

/** The intro with its start button; `onStart` opens the map with the person chosen. */
export function CycleIntro(props: {
  /** The other members; a map is for two, so with more than one the person chooses whom. */
  readonly others: readonly RelationshipMemberView[];
  readonly busy: boolean;
  readonly error: string | null;
  readonly onStart: (partnerId: string) => void;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const partnerId = props.others.length === 1 ? (props.others[0]?.personId ?? null) : chosen;
  return (
    <div class="screen">
      <p>
        When things get hard between two people, they often get caught in the same loop again and
        again. Mapping it together helps you see the loop as the trouble, not each other.
      </p>
      <CycleSteps />
      <p class="notice">
        Nothing you write is shown to anyone until you both choose to look. You can stop at any
        point.
      </p>
      <p>
        <a
          href={CYCLE_EXAMPLE_PATH}
          onClick={(event) => {
            linkClick(event, CYCLE_EXAMPLE_PATH);
          }}
        >
          See a worked example first
        </a>{' '}
        · <LearnLink cardId="the-cycle" />
      </p>
      {props.others.length === 0 ? (
        <p class="notice">
          A cycle map is for two people. Once the other person has joined with your invite link, you
          can each start your side here.
        </p>
      ) : (
        <>
          {props.others.length > 1 && (
            <fieldset>
              <legend>A map is for two people. Who do you want to map it with?</legend>
              {props.others.map((member) => (
                <label class="choice" key={member.personId}>
                  <input
                    type="radio"
                    name="cycle-partner"
                    checked={chosen === member.personId}
                    onChange={() => {
                      setChosen(member.personId);
                    }}
                  />
                  <span>{member.displayName}</span>
                </label>
              ))}
            </fieldset>
          )}
          <div class="button-row">
            <button
              type="button"
              disabled={props.busy || partnerId === null}
              onClick={() => {
                if (partnerId !== null) props.onStart(partnerId);
              }}
            >
              {props.busy ? 'Opening…' : 'Start my side'}
            </button>
          </div>
        </>
      )}
      {props.error !== null && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
