/**
 * Start a session together: what it is, your name and what you won't do, then an invite link
 * (with a QR code) to send to the other person, and the way into the session.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { z } from 'zod';
import { OPEN_BOUNDARIES, type Boundaries } from '../../core/boundaries/boundary.ts';
import { ApiError, apiCall } from '../api/http.ts';
import { linkClick } from '../router.ts';
import { BoundariesForm } from '../session/boundaries-form.tsx';
import { joinDetailsLast, joinDetailsSave, tabStorage } from '../session/join-details.ts';
import { QrCode } from '../session/qr-code.tsx';
import '../session/session-forms.css';
import { DisplayNameField } from '../session/display-name-field.tsx';

const identitySchema = z.object({ id: z.string(), displayName: z.string(), kind: z.string() });
const inviteSchema = z.object({ token: z.string(), url: z.string(), expiresAtMs: z.number() });
const createdSchema = z.object({ sessionId: z.string(), identityId: z.string(), invite: inviteSchema });

type Created = z.output<typeof createdSchema>;

/** "for 24 hours, until 14:05 tomorrow", in plain words. */
export function inviteLifetimeWords(expiresAtMs: number, nowMs: number): string {
  const hours = Math.round((expiresAtMs - nowMs) / 3_600_000);
  const until = new Date(expiresAtMs).toLocaleString(undefined, { weekday: 'long', hour: 'numeric', minute: '2-digit' });
  if (hours >= 2) return `This link works for about ${hours} hours (until ${until}), for this session only.`;
  const minutes = Math.max(1, Math.round((expiresAtMs - nowMs) / 60_000));
  return `This link works for about ${minutes} minutes (until ${until}), for this session only.`;
}

/** The invite link on the page's own origin (the server's link can name a different host for the same app). */
function inviteLinkFor(invite: Created['invite']): string {
  return invite.url !== '' ? invite.url : `${window.location.origin}/join#${invite.token}`;
}

function InviteCard(props: { created: Created }) {
  const { created } = props;
  const link = inviteLinkFor(created.invite);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <section class="screen" aria-labelledby="invite-title">
      <h1 id="invite-title" tabIndex={-1} ref={headingRef}>
        Your session is ready
      </h1>
      <p>Send this link to the person you'd like to practise with. They open it on their own phone or computer, choose a name and say what they won't do, and then join you.</p>
      <div class="card invite-box">
        <label for="invite-link">Invite link</label>
        <input id="invite-link" class="invite-link" type="text" readOnly value={link} ref={inputRef} onFocus={(event) => { event.currentTarget.select(); }} />
        <div class="button-row">
          <button type="button" onClick={() => void copy()}>
            Copy link
          </button>
        </div>
        <p class="hint" role="status">
          {copied === 'yes' ? 'Copied. Paste it into a message to the other person.' : copied === 'failed' ? 'Copying did not work here; the link is selected, so you can copy it yourself.' : ''}
        </p>
        <p class="hint">{inviteLifetimeWords(created.invite.expiresAtMs, Date.now())} Anyone with the link can join, so send it only to the person you mean.</p>
        <p>Or let them scan this code with their phone's camera:</p>
        <QrCode text={link} label="QR code to join this session" />
      </div>
      <div class="button-row">
        <a
          class="button"
          href={`/session/${created.sessionId}`}
          onClick={(event) => {
            linkClick(event, `/session/${created.sessionId}`);
          }}
        >
          Go to the session
        </a>
      </div>
    </section>
  );
}

/** The start-a-session screen. */
export default function StartSessionScreen() {
  const last = joinDetailsLast(tabStorage());
  const [name, setName] = useState(last?.displayName ?? '');
  const [boundaries, setBoundaries] = useState<Boundaries>(last?.boundaries ?? OPEN_BOUNDARIES);
  const [knownName, setKnownName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  useEffect(() => {
    apiCall('/api/identity', identitySchema).then(
      (identity) => {
        setKnownName(identity.displayName);
        setName((current) => (current === '' ? identity.displayName : current));
      },
      () => undefined,
    );
  }, []);

  const create = async (event: Event) => {
    event.preventDefault();
    const displayName = name.trim();
    if (displayName === '') {
      setError('Please choose a name the other person will see. Any name is fine.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (knownName !== null && knownName !== displayName) {
        await apiCall('/api/identity', identitySchema, { method: 'POST', body: { displayName } });
      }
      const result = await apiCall('/api/sessions', createdSchema, { method: 'POST', body: { displayName } });
      joinDetailsSave(tabStorage(), result.sessionId, { displayName, boundaries });
      setCreated(result);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  if (created) return <InviteCard created={created} />;

  return (
    <section class="screen" aria-labelledby="start-title">
      <h1 id="start-title">Practise together</h1>
      <p>
        A live session lets you and someone you trust check in and do short, guided practices together, each on your
        own device, in step with each other. Nothing starts until everyone says they're ready, and anyone can pause
        for everyone at any moment.
      </p>
      <form class="screen" onSubmit={(event) => void create(event)} noValidate>
        <DisplayNameField value={name} onInput={setName} hint="The name the other person sees. A first name or a nickname is plenty." />
        <BoundariesForm value={boundaries} onChange={setBoundaries} />
        <p class="notice">You can pause everyone at any time, and you never have to say why.</p>
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="button-row">
          <button type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create session'}
          </button>
          <a class="button quiet" href="/" onClick={(event) => { linkClick(event, '/'); }}>
            Not now
          </a>
        </div>
      </form>
    </section>
  );
}
