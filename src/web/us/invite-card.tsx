/**
 * An invite link to a relationship, ready to send: the link in a field, a copy button, a QR code
 * for a phone held up to this screen, how long it works, and a reminder that anyone with the link
 * can join, so it goes only to the person meant.
 */
import { useRef, useState } from 'preact/hooks';
import type { RelationshipInviteView } from '../../core/protocol/between-us-api.ts';
import { QrCode } from '../session/qr-code.tsx';
import '../session/session-forms.css';
import { relationshipInviteLifetimeWords } from './relationship-words.ts';
import { US_JOIN_PATH } from './us-routes.ts';

/** The link on this page's own origin when the server gave none. */
export function relationshipInviteLink(invite: RelationshipInviteView, origin: string): string {
  return invite.url !== '' ? invite.url : `${origin}${US_JOIN_PATH}#${invite.token}`;
}

/** The card. `forWhom` names who it is for: "your partner". */
export function InviteCard(props: {
  readonly invite: RelationshipInviteView;
  readonly forWhom: string;
}) {
  const link = relationshipInviteLink(props.invite, window.location.origin);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const input = useRef<HTMLInputElement>(null);
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
    <div class="card invite-box">
      <label for="relationship-invite-link">Invite link for {props.forWhom}</label>
      <input
        id="relationship-invite-link"
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
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p class="hint" role="status">
        {copied === 'yes'
          ? 'Copied. Paste it into a message to them.'
          : copied === 'failed'
            ? 'Copying did not work here. The link is selected, so you can copy it yourself.'
            : ''}
      </p>
      <p class="hint">
        {relationshipInviteLifetimeWords(props.invite.expiresAtMs, Date.now())} Anyone with the link
        can join, so send it only to the person you mean.
      </p>
      <p>Or let them scan this code with their phone’s camera:</p>
      <QrCode text={link} label={`QR code for ${props.forWhom} to join you`} />
    </div>
  );
}
