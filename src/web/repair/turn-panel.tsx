/**
 * Step 4, the turns, from the reader's side: speaking (their form), holding space while someone
 * else shares (a calm view with nothing to type into: R8), saying they heard a turn that ended,
 * or waiting. Either person may take the floor when it is free.
 */
import { useState } from 'preact/hooks';
import {
  REPAIR_ACKNOWLEDGEMENT_CHOICES,
  REPAIR_ACKNOWLEDGE_GUIDANCE,
  REPAIR_ACKNOWLEDGEMENT_MAX_CHARS,
  REPAIR_HOLDER_GUIDANCE,
  type RepairState,
  type RepairTurn,
} from '../../core/repair/index.ts';
import { repairTurnsMomentFor } from './repair-guide.ts';
import type { RepairPeople } from './repair-people.ts';
import { SpeakerForm } from './speaker-form.tsx';
import { TurnWords } from './turn-words.tsx';
import type { RepairSend } from './use-repair.ts';

/** Holding space: who is sharing, what holding means, and a slow breath to follow. Nothing to type. */
function HoldingSpace(props: { speakerName: string }) {
  return (
    <div class="repair-turn repair-turn--holding" role="status">
      <div class="repair-breath" aria-hidden="true" />
      <h3>Holding space</h3>
      <p>
        <strong>{props.speakerName} is sharing now.</strong> {REPAIR_HOLDER_GUIDANCE}
      </p>
      <p class="hint">Their words reach you when they end their turn.</p>
    </div>
  );
}

/** Saying I heard a turn: one tap on a ready phrase, or a few words of my own. */
function AcknowledgeForm(props: { turn: RepairTurn; speakerName: string; send: RepairSend; busy: boolean }) {
  const [words, setWords] = useState('');
  const acknowledge = (text: string) => {
    void props.send({ type: 'acknowledgeTurn', turnIndex: props.turn.turnIndex, words: text });
  };
  return (
    <div class="repair-turn">
      <h3>What {props.speakerName} shared</h3>
      <TurnWords turn={props.turn} speakerName={props.speakerName} />
      <p>{REPAIR_ACKNOWLEDGE_GUIDANCE}</p>
      <div class="button-row repair-ack-choices">
        {REPAIR_ACKNOWLEDGEMENT_CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            class="secondary"
            disabled={props.busy}
            onClick={() => {
              acknowledge(choice);
            }}
          >
            {choice}
          </button>
        ))}
      </div>
      <div class="field">
        <label for="repair-ack-words">Or in your own words: what you heard</label>
        <textarea
          id="repair-ack-words"
          maxLength={REPAIR_ACKNOWLEDGEMENT_MAX_CHARS}
          value={words}
          onInput={(event) => {
            setWords(event.currentTarget.value);
          }}
        />
      </div>
      <div class="button-row">
        <button
          type="button"
          disabled={props.busy || words.trim() === ''}
          onClick={() => {
            acknowledge(words.trim());
          }}
        >
          Send what I heard
        </button>
      </div>
    </div>
  );
}

/** The turns step. */
export function TurnPanel(props: { state: RepairState; people: RepairPeople; send: RepairSend; busy: boolean }) {
  const { people } = props;
  const moment = repairTurnsMomentFor(props.state, people.meId);
  switch (moment.kind) {
    case 'speaking':
      return <SpeakerForm key={moment.turn.turnIndex} turn={moment.turn} send={props.send} busy={props.busy} />;
    case 'holding':
      return <HoldingSpace speakerName={people.nameOf(moment.turn.speakerId)} />;
    case 'acknowledging':
      return <AcknowledgeForm key={moment.turn.turnIndex} turn={moment.turn} speakerName={people.nameOf(moment.turn.speakerId)} send={props.send} busy={props.busy} />;
    case 'waitingForAcknowledgement': {
      const mine = moment.turn.speakerId === people.meId;
      return (
        <div class="repair-turn" role="status">
          <p>
            {mine ? 'You shared your turn. ' : ''}
            Waiting for {people.namesOf(moment.waitingFor)} to say they heard it.
          </p>
        </div>
      );
    }
    case 'floorFree': {
      const others = moment.yetToSpeak.filter((id) => id !== people.meId);
      return (
        <div class="repair-turn">
          {moment.mayTakeTurn ? (
            <>
              <p>
                {others.length > 0
                  ? `Whoever feels ready goes first. ${people.namesOf(others)} can take the first turn too.`
                  : 'Now it is your turn to share, whenever you are ready.'}
              </p>
              <div class="button-row">
                <button
                  type="button"
                  disabled={props.busy}
                  onClick={() => {
                    void props.send({ type: 'beginTurn' });
                  }}
                >
                  Take my turn
                </button>
              </div>
            </>
          ) : (
            <p role="status">Waiting for {people.namesOf(others)} to take their turn. There is no hurry.</p>
          )}
        </div>
      );
    }
  }
}
