/**
 * `/account`: who is signed in, the ways in (passkeys, password, recovery codes), signing out
 * here or everywhere, and your data (download, delete). A guest sees the offer to keep their
 * history and their data; someone with neither is offered sign-in and create.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../core/protocol/account-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { accountFetch } from '../account/account-api.ts';
import { CREATE_ACCOUNT_PATH, SIGN_IN_PATH, accountPathWithNext } from '../account/account-routes.ts';
import { accountNoticeTake, guestIdentity, identityRefresh, useIdentity } from '../account/identity-store.ts';
import { PasskeysSection } from '../account/passkeys-section.tsx';
import { PasswordSection } from '../account/password-section.tsx';
import { RecoveryCodesSection } from '../account/recovery-codes-section.tsx';
import { SignOutSection } from '../account/sign-out-section.tsx';
import { failureWords } from '../account/use-guarded-action.ts';
import { YourDataSection } from '../account/your-data-section.tsx';
import '../session/session-forms.css';
import '../account/account.css';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'account'; readonly account: AccountView }
  | { readonly kind: 'deleted' };

function Deleted() {
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => {
    done.current?.focus();
  }, []);
  return (
    <section class="screen account" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <div class="notice account-done" tabIndex={-1} ref={done} role="status">
        <p>It is done: everything has been deleted, and this device is signed out.</p>
        <p>Thank you for the time you spent practising here. You are welcome back whenever you like, with or without an account.</p>
      </div>
      <div class="button-row">
        <AppLink class="button" href="/">
          Back to the start
        </AppLink>
      </div>
    </section>
  );
}

/** The screen. */
export default function AccountSettingsScreen() {
  const identity = useIdentity();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [notice] = useState(accountNoticeTake);
  const reload = useCallback(() => {
    accountFetch().then(
      (account) => {
        setLoaded((before) => (before.kind === 'deleted' ? before : account === null ? { kind: 'none' } : { kind: 'account', account }));
      },
      (caught: unknown) => {
        setLoaded((before) => (before.kind === 'account' ? before : { kind: 'failed', message: failureWords(caught) }));
      },
    );
  }, []);
  useEffect(reload, [reload]);
  const deleted = useCallback(() => {
    setLoaded({ kind: 'deleted' });
    void identityRefresh();
  }, []);

  if (loaded.kind === 'deleted') return <Deleted />;
  if (loaded.kind === 'loading') {
    return (
      <section class="screen account" aria-labelledby="account-title">
        <h1 id="account-title">Your account</h1>
        <p class="loading" aria-live="polite">
          Loading…
        </p>
      </section>
    );
  }
  if (loaded.kind === 'failed') {
    return (
      <section class="screen account" aria-labelledby="account-title">
        <h1 id="account-title">Your account</h1>
        <p role="alert">{loaded.message}</p>
        <div class="button-row">
          <button type="button" onClick={reload}>
            Try again
          </button>
        </div>
      </section>
    );
  }
  if (loaded.kind === 'none') {
    const guest = guestIdentity(identity);
    return (
      <section class="screen account" aria-labelledby="account-title">
        <h1 id="account-title">Your account</h1>
        {notice !== null && <p class="notice">{notice}</p>}
        {guest !== null ? (
          <p>
            You are practising as <strong>{guest.displayName}</strong>, a guest on this device, without an account. Creating one keeps
            everything you have done so far and lets you come back to it from any device.
          </p>
        ) : (
          <p>You are not signed in on this device. You don’t need an account to practise; one keeps your history for you.</p>
        )}
        <div class="button-row">
          <AppLink class="button" href={accountPathWithNext(SIGN_IN_PATH, '/account')}>
            Sign in
          </AppLink>
          <AppLink class="button secondary" href={CREATE_ACCOUNT_PATH}>
            Create an account
          </AppLink>
        </div>
        {guest !== null && (
          <p>
            <AppLink href="/me/access-log">Who has looked at what I share</AppLink>
          </p>
        )}
        {guest !== null && <YourDataSection account={null} onDeleted={deleted} />}
      </section>
    );
  }

  const { account } = loaded;
  return (
    <section class="screen account" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      {notice !== null && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <div class="card account-who">
        <p>
          Signed in as <strong>{account.displayName}</strong>
        </p>
        <p class="hint">Sign-in name: {account.signInName}</p>
        {account.role === 'operator' && (
          <p>
            <AppLink href="/operator">Look after this Attune instance</AppLink>
          </p>
        )}
        <p>
          <AppLink href="/me/access-log">Who has looked at what I share</AppLink>
        </p>
        {account.role === 'practitioner' && (
          <p>
            <AppLink href="/practitioner">Your clients</AppLink>
          </p>
        )}
      </div>
      <PasskeysSection account={account} onChanged={reload} />
      <PasswordSection account={account} onChanged={reload} />
      <RecoveryCodesSection account={account} onChanged={reload} />
      <SignOutSection />
      <YourDataSection account={account} onDeleted={deleted} />
    </section>
  );
}
