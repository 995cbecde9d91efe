/**
 * Home's gentle offer to a guest: keep what you have done here by creating an account. Creating
 * one keeps the same identity, so nothing moves and no one else notices. "Not now" puts it away
 * on this device; it never comes back on its own.
 */
import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.tsx';
import { CREATE_ACCOUNT_PATH } from './account-routes.ts';
import { guestIdentity, useIdentity } from './identity-store.ts';
import './account-header.css';

const PUT_AWAY_KEY = 'attune.keepHistoryOffer';

function putAway(): boolean {
  try {
    return localStorage.getItem(PUT_AWAY_KEY) === 'not-now';
  } catch {
    return false;
  }
}

/** The offer, shown only to a guest who has not put it away. */
export function KeepHistoryOffer() {
  const state = useIdentity();
  const [hidden, setHidden] = useState(putAway);
  const guest = guestIdentity(state);
  if (guest === null || hidden) return null;
  return (
    <section class="card home-section account-offer" aria-labelledby="account-offer-heading">
      <h2 id="account-offer-heading">Keep your history: create an account</h2>
      <p>
        You have practised here as <strong>{guest.displayName}</strong>. An account keeps your sessions, relationships and
        reflections, and lets you come back to them from any device. Nothing changes for the people you practise with.
      </p>
      <div class="button-row">
        <AppLink class="button secondary" href={CREATE_ACCOUNT_PATH}>
          Create an account
        </AppLink>
        <button
          type="button"
          class="quiet"
          onClick={() => {
            try {
              localStorage.setItem(PUT_AWAY_KEY, 'not-now');
            } catch {
              // Private browsing: it stays away for this visit only.
            }
            setHidden(true);
          }}
        >
          Not now
        </button>
      </div>
    </section>
  );
}
