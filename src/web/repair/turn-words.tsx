/**
 * A turn's words once shared, and who heard it: read by everyone in the repair, and again later.
 * An empty turn reads as a choice to pass, never as something missing.
 */
import { repairTurnAwaitingAcknowledgement, type RepairState, type RepairTurn } from '../../core/repair/index.ts';
import { repairEndedTurns } from './repair-guide.ts';
import type { RepairPeople } from './repair-people.ts';

/** What one person felt and needed, named from the reader's side ("What Bo felt", "What you needed"). */
export function TurnWords(props: { turn: RepairTurn; speakerName: string }) {
  const { felt, needed } = props.turn.words;
  const who = props.speakerName === 'You' ? 'you' : props.speakerName;
  if (felt === '' && needed === '') return <p class="repair-words-pass">{props.speakerName} chose to pass this time.</p>;
  return (
    <dl class="repair-words">
      {felt !== '' && (
        <>
          <dt>What {who} felt</dt>
          <dd>{felt}</dd>
        </>
      )}
      {needed !== '' && (
        <>
          <dt>What {who} needed</dt>
          <dd>{needed}</dd>
        </>
      )}
    </dl>
  );
}

/** Every turn shared and heard so far, with who said they heard it and how. */
export function SaidSoFar(props: { state: RepairState; people: RepairPeople }) {
  // A turn still waiting to be heard is on screen above, in the step itself.
  const turns = repairEndedTurns(props.state).filter((turn) => repairTurnAwaitingAcknowledgement(props.state, turn).length === 0);
  if (turns.length === 0) return null;
  return (
    <section class="card repair-said" aria-labelledby="repair-said-heading">
      <h2 id="repair-said-heading">What was shared</h2>
      <p class="hint">Everyone in this repair can read this, and nobody else.</p>
      {turns.map((turn) => {
        const speakerName = props.people.nameOf(turn.speakerId);
        const heard = Object.entries(turn.acknowledgements);
        return (
          <article class="repair-said-turn" key={turn.turnIndex} aria-label={speakerName === 'You' ? 'Your turn' : `${speakerName}’s turn`}>
            <h3>{speakerName === 'You' ? 'Your turn' : `${speakerName}’s turn`}</h3>
            <TurnWords turn={turn} speakerName={speakerName} />
            {heard.map(([personId, acknowledgement]) => (
              <p class="repair-heard" key={personId}>
                {props.people.nameOf(personId)} heard it{acknowledgement.words === '' ? '.' : `: “${acknowledgement.words}”`}
              </p>
            ))}
          </article>
        );
      })}
    </section>
  );
}
