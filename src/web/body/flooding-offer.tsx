/**
 * The private, gentle offer of a slower moment, when this person's heart has been beating well
 * above their own resting pace for a while. Only they see it. Three choices, none pressed on
 * them: pause for everyone (the usual pause, no reason asked), let the others know their body is
 * asking for a slower moment, or "I'm okay for now". No alarm colours, no clinical words.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useCommand, type SendCommand } from '../session/use-command.ts';
import type { FloodingOfferNow } from './body-view.ts';

type Choice = 'paused' | 'shared' | 'okay';

/** What is said after a choice; the pause screen itself answers "pause". */
const THANKS: Readonly<Record<Exclude<Choice, 'paused'>, string>> = {
  shared:
    'The others now know your body is asking for a slower moment. You can still pause whenever you like.',
  okay: "All right. It's here again if you want it, and Pause is always at the bottom of the screen.",
};

/** How long the quiet acknowledgement stays after a choice. */
const THANKS_SHOWN_MS = 12_000;

/** Props of the offer. */
export interface FloodingOfferProps {
  readonly offer: FloodingOfferNow | null;
  readonly send: SendCommand;
  /** Whether this person's pause says it was them (their choice in the Pause bar). */
  readonly sayItWasMe: boolean;
  /** Puts the offer away; called with every choice. */
  readonly onDismiss: () => void;
  /** False when this person's boundaries keep their body signals to themselves: nothing to tell then. */
  readonly sharingAllowed: boolean;
  /** Told when the person paused from this offer, so a repair begun in that pause can say so. */
  readonly onPausedFromOffer?: () => void;
}

/** The offer, or the short acknowledgement of the choice made on it; nothing otherwise. */
export function FloodingOffer(props: FloodingOfferProps) {
  const { offer } = props;
  const { run, busy, error } = useCommand(props.send);
  const [chosen, setChosen] = useState<Exclude<Choice, 'paused'> | null>(null);
  const thanksRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (chosen === null) return undefined;
    // Keep the person where they were: the acknowledgement takes the focus the button had.
    thanksRef.current?.focus();
    const timer = window.setTimeout(() => {
      setChosen(null);
    }, THANKS_SHOWN_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [chosen]);

  const choose = async (choice: Choice) => {
    if (choice === 'paused') {
      // Pause never waits: the screen pauses at once, and the offer is put away with it.
      props.onDismiss();
      props.onPausedFromOffer?.();
      await run({ type: 'pause', sayItWasMe: props.sayItWasMe });
      return;
    }
    if (choice === 'shared') {
      const outcome = await run({ type: 'shareBodyNotice', notice: 'flooding' });
      if (!outcome.ok) return;
    }
    props.onDismiss();
    setChosen(choice);
  };

  // Said once, politely, when the offer appears: it is easy to miss otherwise without sight.
  const heads = (
    <p class="visually-hidden" aria-live="polite">
      {offer === null
        ? ''
        : 'Only for you: a gentle offer of a slower moment, at the top of the session.'}
    </p>
  );

  if (offer === null) {
    return (
      <>
        {heads}
        {chosen !== null && (
          <p class="notice" role="status" tabIndex={-1} ref={thanksRef}>
            {THANKS[chosen]}
          </p>
        )}
      </>
    );
  }

  return (
    <>
      {heads}
      <section class="card flooding-offer" aria-labelledby="flooding-title">
        <h2 id="flooding-title">A moment for you</h2>
        <p>
          Your heart has been beating faster than your usual resting pace for a little while. That
          can happen when something matters a lot. Would a slower moment help?
        </p>
        <p class="hint">
          About {Math.round(offer.heartRateBpm)} beats a minute now; your resting pace is about{' '}
          {Math.round(offer.baselineBpm)}. Only you can see this.
        </p>
        <div class="button-row">
          <button type="button" disabled={busy} onClick={() => void choose('paused')}>
            Pause for everyone
          </button>
          {props.sharingAllowed && (
            <button type="button" class="secondary" disabled={busy} onClick={() => void choose('shared')}>
              Let the others know
            </button>
          )}
          <button type="button" class="quiet" disabled={busy} onClick={() => void choose('okay')}>
            I'm okay for now
          </button>
        </div>
        <p class="hint">
          {props.sharingAllowed
            ? 'Pausing asks no reason. "Let the others know" tells them your body is asking for a slower moment, and nothing more.'
            : 'Pausing asks no reason. Your body signals stay with you, as you chose.'}
        </p>
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
    </>
  );
}
