/**
 * `/account/create`: a name others see, a sign-in name, and a passkey (the main button) or a
 * password (disclosed on the same page). A guest keeps the same identity and everything done so
 * far. Then the recovery codes, shown this once, and an explicit "I have saved them".
 */
import { useState } from 'preact/hooks';
import type { RegisteredAnswer } from '../../core/protocol/account-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { navigate } from '../router.ts';
import { accountRegisterWithPasskey, accountRegisterWithPassword } from '../account/account-api.ts';
import { ACCOUNT_PATH, SIGN_IN_PATH, accountNextPathOf, accountPathWithNext } from '../account/account-routes.ts';
import { CreateCredentialsForm } from '../account/create-credentials-form.tsx';
import { guestIdentity, identityRefresh, signedInAccount, useIdentity } from '../account/identity-store.ts';
import { RecoveryCodes } from '../account/recovery-codes.tsx';
import '../session/session-forms.css';
import '../account/account.css';

/** The screen. */
export default function AccountCreateScreen() {
  const identity = useIdentity();
  const next = accountNextPathOf(window.location.search, ACCOUNT_PATH);
  const guest = guestIdentity(identity);
  const [registered, setRegistered] = useState<RegisteredAnswer | null>(null);

  if (registered !== null) {
    return (
      <section class="screen account" aria-label="Your account is ready">
        <RecoveryCodes
          codes={registered.recoveryCodes}
          signInName={registered.account.signInName}
          headingLevel={1}
          title="Your account is ready: save your recovery codes"
          onSaved={() => {
            navigate(next);
          }}
        />
      </section>
    );
  }

  const account = signedInAccount(identity);
  if (account !== null) {
    return (
      <section class="screen account" aria-labelledby="create-title">
        <h1 id="create-title">Create an account</h1>
        <p>
          You are signed in as <strong>{account.displayName}</strong>. To create a different account, sign out first from your
          account page.
        </p>
        <div class="button-row">
          <AppLink class="button" href={ACCOUNT_PATH}>
            Your account
          </AppLink>
        </div>
      </section>
    );
  }

  return (
    <section class="screen account" aria-labelledby="create-title">
      <h1 id="create-title">Create an account</h1>
      {guest !== null ? (
        <p class="notice">
          You have been practising here as <strong>{guest.displayName}</strong>. Creating an account keeps everything you have done
          so far, on this device and any other you sign in on.
        </p>
      ) : (
        <p>An account keeps your sessions, relationships and reflections, and lets you come back to them from any device.</p>
      )}
      <CreateCredentialsForm
        idPrefix="create"
        displayNameHint="The name the people you practise with see. A first name or a nickname is plenty."
        signInNameHint="What you type to sign in, kept apart from your name. Letters, digits and . _ @ + - with no spaces."
        suggestedDisplayName={guest?.displayName ?? null}
        register={(way, details, password) =>
          way === 'passkey' ? accountRegisterWithPasskey(details) : accountRegisterWithPassword(details, password)
        }
        onRegistered={(answer) => {
          setRegistered(answer);
          void identityRefresh();
        }}
      />
      <p>
        Already have an account? <AppLink href={accountPathWithNext(SIGN_IN_PATH, next === ACCOUNT_PATH ? null : next)}>Sign in</AppLink>
      </p>
    </section>
  );
}
