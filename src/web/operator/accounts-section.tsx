/**
 * The operator's accounts list: each account's name, sign-in name, role and dates, nothing it
 * keeps. Practitioners are marked with a toggle button; an account is switched off after a plain
 * confirmation that says what happens (signed out everywhere at once, nothing deleted), and on
 * again with one button. May first ask "confirm it is you", then goes ahead by itself.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../core/protocol/account-api.ts';
import type { OperatorAccountsAnswer, OperatorAccountView } from '../../core/protocol/operator-api.ts';
import { FormMessage } from '../account/account-fields.tsx';
import { ReauthPrompt } from '../account/reauth-prompt.tsx';
import { failureWords, useGuardedAction } from '../account/use-guarded-action.ts';
import { operatorAccountRole, operatorAccountSwitch, operatorAccountsFetch } from './operator-api.ts';
import { accountStateWords, roleWords } from './operator-words.ts';

function matches(account: OperatorAccountView, filter: string): boolean {
  const wanted = filter.trim().toLowerCase();
  return wanted === '' || account.displayName.toLowerCase().includes(wanted) || account.signInName.includes(wanted);
}

/** The section. */
export function AccountsSection(props: { readonly account: AccountView }) {
  const [loaded, setLoaded] = useState<OperatorAccountsAnswer | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const acting = useGuardedAction();
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    operatorAccountsFetch().then(setLoaded, (caught: unknown) => { setLoadError(failureWords(caught)); });
  }, []);
  useEffect(() => {
    if (confirming !== null) question.current?.focus();
  }, [confirming]);

  if (loaded === null) {
    return (
      <section class="card account-section operator-section" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Accounts</h2>
        {loadError === null ? <p class="loading">Loading…</p> : <p role="alert">{loadError}</p>}
      </section>
    );
  }

  const replaced = (next: OperatorAccountView) => {
    setLoaded({ ...loaded, accounts: loaded.accounts.map((account) => (account.id === next.id ? next : account)) });
  };
  const roleSet = (account: OperatorAccountView, practitioner: boolean) => {
    setStatus(null);
    acting.run(
      () => operatorAccountRole(account.id, practitioner ? 'practitioner' : 'person').then(replaced),
      () => {
        setStatus(practitioner ? `${account.displayName} is now shown as a practitioner people can book.` : `${account.displayName} is no longer shown as a practitioner.`);
      },
    );
  };
  const switchTo = (account: OperatorAccountView, on: boolean) => {
    setStatus(null);
    acting.run(
      () => operatorAccountSwitch(account.id, on).then(replaced),
      () => {
        setConfirming(null);
        setStatus(on ? `${account.displayName} can sign in again.` : `${account.displayName}’s account is switched off, and they are signed out everywhere.`);
        document.getElementById(`account-${account.id}-switch`)?.focus();
      },
    );
  };
  const shown = loaded.accounts.filter((account) => matches(account, filter));

  return (
    <section class="card account-section operator-section" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      <p>
        Who has an account here, and nothing more: you see names and dates, never what anyone does or keeps. Switching an
        account off signs it out everywhere at once and keeps it out until you switch it on again; nothing of theirs is deleted.
      </p>
      {loaded.accounts.length > 8 && (
        <div class="field account-field">
          <label for="accounts-filter">Find an account</label>
          <input id="accounts-filter" type="text" value={filter} autoComplete="off" onInput={(event) => { setFilter(event.currentTarget.value); }} />
        </div>
      )}
      <ul class="operator-accounts" aria-label="Accounts">
        {shown.map((account) => (
          <li key={account.id} class={account.disabledAtMs === null ? 'operator-account' : 'operator-account operator-account--off'}>
            <p class="operator-account-name">
              <strong>{account.displayName}</strong>
              {account.isYou && <span class="operator-tag">You</span>}
              {account.disabledAtMs !== null && <span class="operator-tag operator-tag--off">Switched off</span>}
            </p>
            <p class="hint">
              {account.signInName} · {roleWords(account.role)} · {accountStateWords(account)}
            </p>
            {account.role !== 'operator' && (
              <div class="operator-account-actions">
                <button
                  type="button"
                  class="quiet operator-toggle"
                  aria-pressed={account.role === 'practitioner'}
                  disabled={acting.busy || acting.askingProof}
                  onClick={() => { roleSet(account, account.role !== 'practitioner'); }}
                >
                  <span class="operator-toggle-mark" aria-hidden="true" />
                  Practitioner<span class="visually-hidden">: {account.displayName}</span>
                </button>
                {account.disabledAtMs === null ? (
                  <button
                    type="button"
                    class="quiet"
                    id={`account-${account.id}-switch`}
                    aria-expanded={confirming === account.id}
                    disabled={acting.busy || acting.askingProof}
                    onClick={() => { setConfirming(confirming === account.id ? null : account.id); }}
                  >
                    Switch off<span class="visually-hidden"> {account.displayName}’s account</span>
                  </button>
                ) : (
                  <button
                    type="button"
                    class="secondary"
                    id={`account-${account.id}-switch`}
                    disabled={acting.busy || acting.askingProof}
                    onClick={() => { switchTo(account, true); }}
                  >
                    Switch on<span class="visually-hidden"> {account.displayName}’s account</span>
                  </button>
                )}
              </div>
            )}
            {confirming === account.id && (
              <div class="account-confirm" role="group" aria-labelledby={`account-${account.id}-question`}>
                <p id={`account-${account.id}-question`} class="account-confirm-question" tabIndex={-1} ref={question}>
                  Switch off {account.displayName}’s account?
                </p>
                <p>
                  They are signed out on every device at once, and cannot sign in until you switch the account on again. Nothing
                  they keep is deleted.
                </p>
                <div class="button-row">
                  <button type="button" disabled={acting.busy || acting.askingProof} onClick={() => { switchTo(account, false); }}>
                    Switch it off
                  </button>
                  <button
                    type="button"
                    class="quiet"
                    onClick={() => {
                      setConfirming(null);
                      document.getElementById(`account-${account.id}-switch`)?.focus();
                    }}
                  >
                    Keep it on
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p>No account matches “{filter}”.</p>}
      {loaded.truncated && <p class="hint">Only the oldest {loaded.accounts.length} accounts are listed here.</p>}
      {acting.askingProof && <ReauthPrompt idBase="accounts" account={props.account} onConfirmed={acting.proofGiven} onDeclined={acting.proofDeclined} />}
      <FormMessage error={acting.error} status={status} />
    </section>
  );
}
