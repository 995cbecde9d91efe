/**
 * Settings: the account's passkeys (name, when added, when last used), adding one made on this
 * device, and removing one after a short, plain question. Both changes may first ask "confirm it
 * is you"; the server refuses to remove the last way in, and says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, PasskeyView } from '../../core/protocol/account-api.ts';
import { FormMessage, TextField } from './account-fields.tsx';
import { passkeyAdd, passkeyRemove } from './account-api.ts';
import { PASSKEY_EXPLAINED, PASSKEYS_UNAVAILABLE, passkeyDatesWords, passkeyNameSuggestion } from './account-words.ts';
import { passkeysSupported } from './passkey-ceremony.ts';
import { ReauthPrompt } from './reauth-prompt.tsx';
import { useGuardedAction } from './use-guarded-action.ts';

function PasskeyItem(props: {
  readonly account: AccountView;
  readonly passkey: PasskeyView;
  readonly onRemoved: (name: string) => void;
}) {
  const { passkey } = props;
  const [asking, setAsking] = useState(false);
  const guarded = useGuardedAction();
  const question = useRef<HTMLParagraphElement>(null);
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
    guarded.errorClear();
    guarded.proofDeclined();
    setAsking(false);
  };
  const idBase = `passkey-${passkey.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  return (
    <li class="account-passkey">
      <p class="account-passkey-name">{passkey.name}</p>
      <p class="hint">{passkeyDatesWords(passkey, Date.now())}</p>
      {!asking ? (
        <div class="button-row">
          <button
            type="button"
            class="quiet"
            ref={trigger}
            onClick={() => {
              setAsking(true);
            }}
          >
            Remove<span class="visually-hidden"> the passkey {passkey.name}</span>
          </button>
        </div>
      ) : (
        <div
          class="account-confirm"
          role="group"
          aria-labelledby={`${idBase}-question`}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !guarded.busy) keep();
          }}
        >
          <p id={`${idBase}-question`} class="account-confirm-question" tabIndex={-1} ref={question}>
            Remove “{passkey.name}”? It will no longer sign you in. You can add a passkey on that device again later.
          </p>
          {guarded.askingProof ? (
            <ReauthPrompt idBase={idBase} account={props.account} onConfirmed={guarded.proofGiven} onDeclined={keep} />
          ) : (
            <div class="button-row">
              <button
                type="button"
                class="danger"
                disabled={guarded.busy}
                onClick={() => {
                  guarded.run(
                    () => passkeyRemove(passkey.id),
                    () => {
                      props.onRemoved(passkey.name);
                    },
                  );
                }}
              >
                {guarded.busy ? 'Removing…' : 'Yes, remove it'}
              </button>
              <button type="button" class="quiet" disabled={guarded.busy} onClick={keep}>
                Keep it
              </button>
            </div>
          )}
          <FormMessage error={guarded.error} />
        </div>
      )}
    </li>
  );
}

/** The section. `onChanged` reloads the account after a change. */
export function PasskeysSection(props: { readonly account: AccountView; readonly onChanged: () => void }) {
  const { account } = props;
  const supported = passkeysSupported();
  const [name, setName] = useState(() => passkeyNameSuggestion(navigator.userAgent));
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const adding = useGuardedAction();

  const add = (event: Event) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setProblem('Give this passkey a name you will recognise.');
      document.getElementById('passkey-name')?.focus();
      return;
    }
    setStatus(null);
    adding.run(
      () => passkeyAdd(trimmed),
      () => {
        setStatus(`Added the passkey “${trimmed}”. You can sign in with it from now on.`);
        props.onChanged();
      },
    );
  };

  return (
    <section class="card account-section" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">Passkeys</h2>
      {account.passkeys.length === 0 ? (
        <p>You have no passkeys yet. {supported ? PASSKEY_EXPLAINED : ''}</p>
      ) : (
        <ul class="account-passkeys" aria-labelledby="passkeys-heading">
          {account.passkeys.map((passkey) => (
            <PasskeyItem
              key={passkey.id}
              account={account}
              passkey={passkey}
              onRemoved={(removed) => {
                setStatus(`Removed the passkey “${removed}”.`);
                props.onChanged();
              }}
            />
          ))}
        </ul>
      )}
      {supported ? (
        <form class="account-form" noValidate onSubmit={add}>
          <h3 class="visually-hidden">Add a passkey</h3>
          <TextField
            id="passkey-name"
            label="Name for a new passkey on this device"
            hint="So you can tell your passkeys apart later."
            maxLength={60}
            value={name}
            problem={problem}
            onInput={(value) => {
              setName(value);
              setProblem(null);
            }}
          />
          <div class="button-row">
            <button type="submit" class="secondary" disabled={adding.busy || adding.askingProof}>
              {adding.busy ? 'Waiting for your device…' : 'Add a passkey'}
            </button>
          </div>
        </form>
      ) : (
        <p class="hint">{PASSKEYS_UNAVAILABLE}</p>
      )}
      {adding.askingProof && (
        <ReauthPrompt idBase="passkey-add" account={account} onConfirmed={adding.proofGiven} onDeclined={adding.proofDeclined} />
      )}
      <FormMessage error={adding.error} status={status} />
    </section>
  );
}
