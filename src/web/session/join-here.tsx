/** Joining from the session screen itself, when this tab has no name and boundaries kept for it. */
import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod';
import { apiCall } from '../api/http.ts';
import { OPEN_BOUNDARIES, type Boundaries } from '../../core/boundaries/boundary.ts';
import type { JoinDetails } from '../net/live-session.ts';
import { BoundariesForm } from './boundaries-form.tsx';
import { joinDetailsLast, tabStorage } from './join-details.ts';
import './session-forms.css';
import { DisplayNameField } from './display-name-field.tsx';

/** Name and boundaries, then Join. */
export function JoinHere(props: { onJoin: (details: JoinDetails) => void; busy: boolean; problem: string | null }) {
  const last = joinDetailsLast(tabStorage());
  const [name, setName] = useState(last?.displayName ?? '');
  const [boundaries, setBoundaries] = useState<Boundaries>(last?.boundaries ?? OPEN_BOUNDARIES);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Someone who already gave a name on this device (the host, or a returning guest) keeps it.
    apiCall('/api/identity', z.object({ displayName: z.string() })).then(
      (identity) => {
        setName((current) => (current === '' ? identity.displayName : current));
      },
      () => undefined,
    );
  }, []);
  return (
    <form
      class="screen"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const displayName = name.trim();
        if (displayName === '') {
          setError('Please choose a name the others will see. Any name is fine.');
          return;
        }
        setError(null);
        props.onJoin({ displayName, boundaries });
      }}
    >
      <p>Before you join, choose your name and say what you won't do.</p>
      <DisplayNameField value={name} onInput={setName} />
      <BoundariesForm value={boundaries} onChange={setBoundaries} />
      <p class="notice">You can pause everyone at any time, and you never have to say why.</p>
      {(error ?? props.problem) !== null && (
        <p class="error" role="alert">
          {error ?? props.problem}
        </p>
      )}
      <div class="button-row">
        <button type="submit" disabled={props.busy}>
          Join
        </button>
      </div>
    </form>
  );
}
