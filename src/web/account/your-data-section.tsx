/**
 * Settings: "Download my data" (one JSON file with everything Attune keeps for this person) and
 * "Delete my account", after a calm question that says what goes and what stays. An account is
 * asked to confirm it is them first; a guest, who has no sign-in, is not.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../core/protocol/account-api.ts';
import { FormMessage } from './account-fields.tsx';
import { ACCOUNT_EXPORT_URL, accountDelete } from './account-api.ts';
import { DELETE_ACCOUNT_GOES, DELETE_ACCOUNT_STAYS, DELETE_GUEST_GOES } from './account-words.ts';
import { ReauthPrompt } from './reauth-prompt.tsx';
import { useGuardedAction } from './use-guarded-action.ts';

/** The section. `account` is null for a guest. `onDeleted` runs once everything has gone. */
export function YourDataSection(props: { readonly account: AccountView | null; readonly onDeleted: () => void }) {
  const { account } = props;
  const [asking, setAsking] = useState(false);
  const deleting = useGuardedAction();
  const question = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (asking) question.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);

  const keep = () => {
    refocus.current = true;
    deleting.proofDeclined();
    deleting.errorClear();
    setAsking(false);
  };
  const what = account === null ? 'everything Attune keeps for you' : 'my account';
  const goes = account === null ? DELETE_GUEST_GOES : DELETE_ACCOUNT_GOES;

  return (
    <section class="card account-section" aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">Your data</h2>
      <p>Everything Attune keeps for you, in one file you can open or keep: sessions, relationships, reflections and body signals.</p>
      <div class="button-row">
        <a class="button secondary" href={ACCOUNT_EXPORT_URL} download="attune-my-data.json">
          Download my data
        </a>
      </div>

      {!asking ? (
        <div class="button-row">
          <button
            type="button"
            class="account-quiet-danger"
            ref={trigger}
            onClick={() => {
              setAsking(true);
            }}
          >
            {account === null ? 'Delete everything Attune keeps for me' : 'Delete my account'}
          </button>
        </div>
      ) : (
        <div
          class="account-confirm"
          role="group"
          aria-labelledby="delete-question"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !deleting.busy) keep();
          }}
        >
          <div id="delete-question" class="account-confirm-question" tabIndex={-1} ref={question}>
            <h3>{account === null ? 'Delete everything Attune keeps for you?' : 'Delete your account?'}</h3>
            <p>Take all the time you need. Nothing happens until you choose.</p>
            <h4>What goes</h4>
            <ul>
              {goes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <h4>What stays</h4>
            <ul>
              {DELETE_ACCOUNT_STAYS.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p>
              This cannot be undone. If you would like a copy first, use “Download my data” above.
            </p>
          </div>
          {deleting.askingProof && account !== null ? (
            <ReauthPrompt idBase="delete" account={account} onConfirmed={deleting.proofGiven} onDeclined={keep} />
          ) : (
            <div class="button-row">
              <button
                type="button"
                class="danger"
                disabled={deleting.busy}
                onClick={() => {
                  deleting.run(accountDelete, props.onDeleted);
                }}
              >
                {deleting.busy ? 'Deleting…' : `Yes, delete ${what}`}
              </button>
              <button type="button" class="quiet" disabled={deleting.busy} onClick={keep}>
                {account === null ? 'Keep it' : 'Keep my account'}
              </button>
            </div>
          )}
          <FormMessage error={deleting.error} />
        </div>
      )}
    </section>
  );
}
