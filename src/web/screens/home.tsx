/**
 * Home: start with yourself (DESIGN, trauma-informed rule 1). A check-in that stays on this
 * device, then the practices you can do on your own, and only then practising together.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PRACTICE_LIST, durationInWords } from '../../core/practices/index.ts';
import type { PracticeId } from '../../core/practices/index.ts';
import type { NervousSystemState } from '../../core/states/nervous-system-state.ts';
import { CheckInForm } from '../components/check-in-form.tsx';
import type { CheckInSubmission } from '../components/check-in-form.tsx';
import { CheckInLine, checkInWhen } from '../components/check-in-summary.tsx';
import { HomeMore } from '../components/home-more.tsx';
import { KeepHistoryOffer } from '../account/keep-history-offer.tsx';
import { LearnLink } from '../learn/learn-link.tsx';
import { PromptCard } from '../prompts/prompt-card.tsx';
import { browserStorage, checkInAdd, checkInsClear, checkInsRecent } from '../local/check-ins.ts';
import type { LocalCheckIn } from '../local/check-ins.ts';
import { linkClick } from '../router.ts';
import '../components/home-screen.css';

const RECENT_COUNT = 5;

/** A kind word after checking in, and the solo practice that may suit the state, if any. */
export function acknowledgementFor(state: NervousSystemState): { text: string; suggest?: PracticeId } {
  switch (state) {
    case 'regulated':
      return { text: 'Thank you for checking in. It is good to notice the moments that feel settled, too.' };
    case 'activated':
      return {
        text: 'Thank you for checking in. When things feel revved up, a longer out-breath can help the body slow down a little.',
        suggest: 'paced-breathing',
      };
    case 'shutdown':
      return {
        text: 'Thank you for checking in. When things feel low or far away, gently noticing what is around you can help you arrive.',
        suggest: 'grounding',
      };
    case 'mixed':
      return { text: 'Thank you for checking in. Not being sure is a real answer. Take whatever feels right from here.' };
  }
}

/** The home screen. */
export function HomeScreen() {
  const [recent, setRecent] = useState<LocalCheckIn[]>(() => checkInsRecent(browserStorage(), RECENT_COUNT));
  const [latest, setLatest] = useState<{ checkIn: LocalCheckIn; stored: boolean } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [cleared, setCleared] = useState(false);
  const acknowledgementRef = useRef<HTMLDivElement>(null);
  const soloPractices = PRACTICE_LIST.filter((practice) => practice.solo);

  useEffect(() => {
    if (latest !== null) acknowledgementRef.current?.focus();
  }, [latest]);

  const save = (submission: CheckInSubmission) => {
    const storage = browserStorage();
    const result = checkInAdd(storage, submission, { nowMs: Date.now(), moment: 'any' });
    setLatest(result);
    setCleared(false);
    setRecent(checkInsRecent(storage, RECENT_COUNT));
  };

  const acknowledgement = latest === null ? null : acknowledgementFor(latest.checkIn.state);
  const now = Date.now();

  return (
    <section class="screen home" aria-labelledby="home-heading">
      <h1 id="home-heading">How are you, right now?</h1>
      <PromptCard />

      {latest === null || acknowledgement === null ? (
        <div class="card home-check-in">
          <p class="hint home-private">
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
              <path
                fill="currentColor"
                d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Z"
              />
            </svg>
            <span>Stays on this device. Nothing is sent anywhere.</span>
          </p>
          <CheckInForm onSubmit={save} allowShare={false} submitLabel="Save check-in" />
          <LearnLink cardId="nervous-system-states" label="What do these states mean?" />
        </div>
      ) : (
        <div class="card home-thanks" ref={acknowledgementRef} tabIndex={-1}>
          <p class="home-thanks-text">{acknowledgement.text}</p>
          <p class="hint">
            {latest.stored
              ? 'Saved on this device only.'
              : 'This browser is not letting Attune save, so this check-in lasts until you close the page.'}
          </p>
          <div class="button-row">
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setLatest(null);
              }}
            >
              Check in again
            </button>
          </div>
        </div>
      )}

      <section class="home-section" aria-labelledby="home-solo-heading">
        <h2 id="home-solo-heading">On your own</h2>
        <p class="hint">Short practices to steady yourself. No account and no one else needed.</p>
        <LearnLink cardId="self-regulation-first" label="Why start with yourself?" />
        <ul class="home-practices">
          {soloPractices.map((practice) => {
            const suggested = acknowledgement?.suggest === practice.id;
            return (
              <li class={`card home-practice${suggested ? ' home-practice--suggested' : ''}`} key={practice.id}>
                <div class="home-practice-text">
                  <h3>{practice.title}</h3>
                  {suggested && <p class="home-practice-badge">Might suit you now</p>}
                  <p>{practice.summary}</p>
                  <p class="hint">About {durationInWords(practice.defaultDurationMs)}, and you can choose shorter or longer.</p>
                </div>
                <a
                  class="button"
                  href={`/practice/${practice.id}`}
                  onClick={(event) => {
                    linkClick(event, `/practice/${practice.id}`);
                  }}
                >
                  Start<span class="visually-hidden"> {practice.title.toLowerCase()}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </section>

      <section class="home-section" aria-labelledby="home-together-heading">
        <h2 id="home-together-heading">Practise together</h2>
        <p>
          Invite someone you trust to join from their own device. You each say what you will and will not do, breathe and move in
          step, and either of you can pause at any moment.
        </p>
        <LearnLink cardId="co-regulation" label="Why practise together?" />
        <div class="button-row">
          <a
            class="button secondary"
            href="/together"
            onClick={(event) => {
              linkClick(event, '/together');
            }}
          >
            Practise together
          </a>
        </div>
      </section>

      <HomeMore />

      <KeepHistoryOffer />

      <section class="home-section" aria-labelledby="home-recent-heading">
        <h2 id="home-recent-heading">Your recent check-ins</h2>
        {recent.length === 0 ? (
          <p class="hint">{cleared ? 'Cleared. Nothing is kept on this device now.' : 'Your check-ins will show here, only on this device.'}</p>
        ) : (
          <>
            <ul class="home-recent">
              {recent.map((checkIn) => (
                <li class="home-recent-item" key={checkIn.id}>
                  <p class="home-recent-when">
                    {checkInWhen(checkIn.at, now)}
                    {checkIn.moment === 'before' && ' · before a practice'}
                    {checkIn.moment === 'after' && ' · after a practice'}
                  </p>
                  <CheckInLine checkIn={checkIn} />
                </li>
              ))}
            </ul>
            {confirmClear ? (
              <div class="home-clear" role="group" aria-labelledby="home-clear-question">
                <p id="home-clear-question">Remove every check-in from this device? This cannot be undone.</p>
                <div class="button-row">
                  <button
                    type="button"
                    class="quiet home-clear-yes"
                    onClick={() => {
                      const storage = browserStorage();
                      checkInsClear(storage);
                      setRecent(checkInsRecent(storage, RECENT_COUNT));
                      setConfirmClear(false);
                      setCleared(true);
                    }}
                  >
                    Yes, remove them
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => {
                      setConfirmClear(false);
                    }}
                  >
                    Keep them
                  </button>
                </div>
              </div>
            ) : (
              <div class="button-row">
                <button
                  type="button"
                  class="quiet"
                  onClick={() => {
                    setConfirmClear(true);
                  }}
                >
                  Clear my check-ins
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </section>
  );
}
