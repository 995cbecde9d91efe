/**
 * Joining from an invite link. The token comes from the link's #fragment (never sent to the
 * server in the page request). The person reads what Attune is and what will happen, picks a
 * name, and sets their boundaries BEFORE they are in; then they accept and go to the session.
 */
import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod';
import { OPEN_BOUNDARIES, type Boundaries } from '../../core/boundaries/boundary.ts';
import { ApiError, apiCall } from '../api/http.ts';
import { linkClick, navigate } from '../router.ts';
import { BoundariesForm } from '../session/boundaries-form.tsx';
import { inviteTokenSave, joinDetailsLast, joinDetailsSave, tabStorage } from '../session/join-details.ts';
import '../session/session-forms.css';
import { DisplayNameField } from '../session/display-name-field.tsx';

const inviteSchema = z.object({ sessionId: z.string(), expiresAtMs: z.number() });
const identitySchema = z.object({ id: z.string(), displayName: z.string(), kind: z.string() });
const acceptedSchema = z.object({ sessionId: z.string(), identityId: z.string(), displayName: z.string() });

/** Shown when the link cannot be used. */
export const INVITE_INVALID_WORDS = 'This link has expired or was withdrawn. Ask the person who sent it for a new one.';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly sessionId: string };

/** The join screen. */
export default function JoinScreen(props: { token: string }) {
  const token = props.token.trim();
  const last = joinDetailsLast(tabStorage());
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [name, setName] = useState(last?.displayName ?? '');
  const [knownName, setKnownName] = useState<string | null>(null);
  const [boundaries, setBoundaries] = useState<Boundaries>(last?.boundaries ?? OPEN_BOUNDARIES);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (token === '') {
      setLoaded({ kind: 'invalid' });
      return;
    }
    setLoaded({ kind: 'loading' });
    apiCall(`/api/invites/${encodeURIComponent(token)}`, inviteSchema).then(
      (invite) => {
        setLoaded({ kind: 'ready', sessionId: invite.sessionId });
      },
      (caught: unknown) => {
        if (caught instanceof ApiError && caught.status !== 0 && caught.status < 500 && caught.status !== 429) setLoaded({ kind: 'invalid' });
        else setLoaded({ kind: 'failed', message: caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.' });
      },
    );
    apiCall('/api/identity', identitySchema).then(
      (identity) => {
        setKnownName(identity.displayName);
        setName((current) => (current === '' ? identity.displayName : current));
      },
      () => undefined,
    );
  }, [token]);

  if (loaded.kind === 'loading') {
    return (
      <section class="screen" aria-labelledby="join-title">
        <h1 id="join-title">Joining a session</h1>
        <p class="loading" role="status">Checking your invite…</p>
      </section>
    );
  }
  if (loaded.kind === 'invalid' || loaded.kind === 'failed') {
    return (
      <section class="screen" aria-labelledby="join-title">
        <h1 id="join-title">This link can't be used</h1>
        <p role="alert">{loaded.kind === 'invalid' ? INVITE_INVALID_WORDS : loaded.message}</p>
        <p>In the meantime, you can check in with yourself or do a short practice on your own.</p>
        <div class="button-row">
          <a class="button" href="/" onClick={(event) => { linkClick(event, '/'); }}>
            Go to the start
          </a>
        </div>
      </section>
    );
  }

  const join = async (event: Event) => {
    event.preventDefault();
    const displayName = name.trim();
    if (displayName === '') {
      setError('Please choose a name the others will see. Any name is fine.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (knownName !== null && knownName !== displayName) {
        await apiCall('/api/identity', identitySchema, { method: 'POST', body: { displayName } });
      }
      const accepted = await apiCall(`/api/invites/${encodeURIComponent(token)}/accept`, acceptedSchema, {
        method: 'POST',
        body: { displayName },
      });
      const storage = tabStorage();
      joinDetailsSave(storage, accepted.sessionId, { displayName, boundaries });
      inviteTokenSave(storage, accepted.sessionId, token);
      // Replace, so the invite token is not one Back press away on a shared device.
      navigate(`/session/${accepted.sessionId}`, { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'invite_invalid') setLoaded({ kind: 'invalid' });
      else setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen" aria-labelledby="join-title">
      <h1 id="join-title">You're invited to practise together</h1>
      <p>
        Attune is a quiet space for people who want to steady themselves together: you check in on how you feel and,
        if you both want to, do short guided practices like breathing at the same pace. It is not therapy, and it is
        not an emergency service.
      </p>
      <h2>What will happen</h2>
      <ol class="plain-list">
        <li>You choose the name the others will see and say what you won't do.</li>
        <li>You join the session and see who is there.</li>
        <li>Anyone can suggest a practice. You see what it involves, how long it takes and how to stop, before anything starts.</li>
        <li>Nothing starts until you say you're ready. You can say no, or leave, at any time.</li>
      </ol>
      <form class="screen" onSubmit={(event) => void join(event)} noValidate>
        <DisplayNameField value={name} onInput={setName} hint="The name the others see. A first name or a nickname is plenty." />
        <BoundariesForm value={boundaries} onChange={setBoundaries} />
        <p class="notice">You can pause everyone at any time, and you never have to say why.</p>
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="button-row">
          <button type="submit" disabled={busy}>
            {busy ? 'Joining…' : 'Join'}
          </button>
        </div>
      </form>
    </section>
  );
}
