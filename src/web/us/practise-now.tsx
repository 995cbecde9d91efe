/**
 * "Practise together now": opens a live session for the relationship's members. Every member is
 * let in already, so what the other person needs is only the session's address: it is shown with
 * a copy button before going in. Each person still says what they will and will not do before
 * they join, on the session screen, as in any session.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { linkClick } from '../router.ts';
import { relationshipSessionStart } from './us-api.ts';
import { sessionPath } from './us-routes.ts';

function SessionReady(props: { readonly sessionId: string; readonly others: string }) {
  const path = sessionPath(props.sessionId);
  const link = `${window.location.origin}${path}`;
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div class="invite-box">
      <p tabIndex={-1} ref={heading} class="practise-ready">
        <strong>Your session is open.</strong> {props.others} is let in already: send them this
        address, and they join from their own device.
      </p>
      <label for="practise-link">Session address</label>
      <input
        id="practise-link"
        class="invite-link"
        type="text"
        readOnly
        value={link}
        ref={input}
        onFocus={(event) => {
          event.currentTarget.select();
        }}
      />
      <div class="button-row">
        <button type="button" class="secondary" onClick={() => void copy()}>
          Copy address
        </button>
        <a
          class="button"
          href={path}
          onClick={(event) => {
            linkClick(event, path);
          }}
        >
          Go to the session
        </a>
      </div>
      <p class="hint" role="status">
        {copied === 'yes'
          ? 'Copied.'
          : copied === 'failed'
            ? 'Copying did not work here. The address is selected, so you can copy it yourself.'
            : ''}
      </p>
    </div>
  );
}

/** The button, what it says first, and the session's address once it is open. */
export function PractiseNow(props: { readonly relationshipId: string; readonly others: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  if (sessionId !== null) return <SessionReady sessionId={sessionId} others={props.others} />;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setSessionId(await relationshipSessionStart(props.relationshipId));
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.',
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="screen">
      <p>
        Open a live session for you and {props.others}, each on your own device. Before anything
        starts, you each say what you will and won’t do, and either of you can pause at any moment.
      </p>
      <div class="button-row">
        <button type="button" disabled={busy} onClick={() => void start()}>
          {busy ? 'Opening…' : 'Practise together now'}
        </button>
      </div>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
