/**
 * `/operator`: the instance page, for the operator account only. Crisis resources, accounts and
 * backups; never anyone's content. Anyone else is told, kindly, that the page is not for them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccountView } from '../../core/protocol/account-api.ts';
import { OPERATOR_PAGE_PATH } from '../../core/protocol/operator-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { accountFetch } from '../account/account-api.ts';
import { SIGN_IN_PATH, accountPathWithNext } from '../account/account-routes.ts';
import { failureWords } from '../account/use-guarded-action.ts';
import { AccountsSection } from '../operator/accounts-section.tsx';
import { BackupsSection } from '../operator/backups-section.tsx';
import { HelpEditor } from '../operator/help-editor.tsx';
import '../session/session-forms.css';
import '../account/account.css';
import '../operator/operator.css';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'signed_out' }
  | { readonly kind: 'account'; readonly account: AccountView };

/** The screen. */
export default function OperatorScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    accountFetch().then(
      (account) => { setLoaded(account === null ? { kind: 'signed_out' } : { kind: 'account', account }); },
      (caught: unknown) => { setLoaded({ kind: 'failed', message: failureWords(caught) }); },
    );
  }, [attempt]);

  const heading = <h1 id="operator-title">This Attune</h1>;
  if (loaded.kind === 'loading') {
    return (
      <section class="screen account operator" aria-labelledby="operator-title">
        {heading}
        <p class="loading" aria-live="polite">
          Loading…
        </p>
      </section>
    );
  }
  if (loaded.kind === 'failed') {
    return (
      <section class="screen account operator" aria-labelledby="operator-title">
        {heading}
        <p role="alert">{loaded.message}</p>
        <div class="button-row">
          <button type="button" onClick={() => { setAttempt((n) => n + 1); }}>
            Try again
          </button>
        </div>
      </section>
    );
  }
  if (loaded.kind === 'signed_out' || loaded.account.role !== 'operator') {
    return (
      <section class="screen account operator" aria-labelledby="operator-title">
        {heading}
        <p>This page is for whoever looks after this Attune, signed in with the operator account.</p>
        <div class="button-row">
          {loaded.kind === 'signed_out' && (
            <AppLink class="button" href={accountPathWithNext(SIGN_IN_PATH, OPERATOR_PAGE_PATH)}>
              Sign in as the operator
            </AppLink>
          )}
          <AppLink class={loaded.kind === 'signed_out' ? 'button secondary' : 'button'} href="/">
            Go to the start
          </AppLink>
        </div>
      </section>
    );
  }
  const { account } = loaded;
  return (
    <section class="screen account operator" aria-labelledby="operator-title">
      {heading}
      <p>
        You look after this Attune as <strong>{account.displayName}</strong>. Here you choose the crisis resources, manage accounts
        and make backups. What people do and keep here stays theirs: this page never shows it.
      </p>
      <nav class="operator-jump" aria-label="On this page">
        <a href="#help-heading">Crisis resources</a>
        <a href="#accounts-heading">Accounts</a>
        <a href="#backups-heading">Backups</a>
      </nav>
      <HelpEditor account={account} />
      <AccountsSection account={account} />
      <BackupsSection account={account} />
    </section>
  );
}
