/**
 * `/setup#<token>`: the first run of a new Attune. Whoever holds the setup link (the server logs
 * it, and `attune setup-link` prints a fresh one) makes the operator account, with a passkey or a
 * password, and saves their recovery codes; then the operator's page opens. The link works once:
 * afterwards this page only says that setup is done.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RegisteredAnswer } from '../../core/protocol/account-api.ts';
import { OPERATOR_PAGE_PATH } from '../../core/protocol/operator-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { navigate } from '../router.ts';
import { SIGN_IN_PATH, accountPathWithNext } from '../account/account-routes.ts';
import { CreateCredentialsForm } from '../account/create-credentials-form.tsx';
import { identityRefresh } from '../account/identity-store.ts';
import { RecoveryCodes } from '../account/recovery-codes.tsx';
import { failureWords } from '../account/use-guarded-action.ts';
import { setupLinkCheck, setupStatus, setupWithPasskey, setupWithPassword } from '../operator/operator-api.ts';
import '../session/session-forms.css';
import '../account/account.css';
import '../operator/operator.css';

type Stage =
  | { readonly kind: 'checking' }
  | { readonly kind: 'no_link' }
  | { readonly kind: 'link_refused'; readonly message: string }
  | { readonly kind: 'done' }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'ready' };

function Frame(props: { readonly children: ComponentChildren }) {
  return (
    <section class="screen account operator" aria-labelledby="setup-title">
      <h1 id="setup-title">Set up this Attune</h1>
      {props.children}
    </section>
  );
}

/** What the operator does, said before anything else. */
function WhatTheOperatorDoes() {
  return (
    <div class="card operator-about">
      <p>
        You are making the <strong>operator account</strong>: the one that looks after this Attune. From it you choose the crisis
        resources everyone sees behind “Need help now?”, mark practitioners, switch accounts off and on, and make backups.
      </p>
      <p class="hint">
        The operator never sees what people do here: no sessions, check-ins, body signals, records or reflections. If you also
        want to practise, make a separate, ordinary account for that.
      </p>
    </div>
  );
}

/** The screen; `token` is what follows `#` in the setup link. */
export default function SetupScreen(props: { readonly token: string }) {
  const { token } = props;
  const [stage, setStage] = useState<Stage>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const [registered, setRegistered] = useState<RegisteredAnswer | null>(null);

  useEffect(() => {
    let live = true;
    const check = async (): Promise<Stage> => {
      const status = await setupStatus();
      if (!status.needed) return { kind: 'done' };
      if (token === '') return { kind: 'no_link' };
      try {
        await setupLinkCheck(token);
        return { kind: 'ready' };
      } catch (caught) {
        return { kind: 'link_refused', message: failureWords(caught) };
      }
    };
    check().then(
      (next) => {
        if (live) setStage(next);
      },
      (caught: unknown) => {
        if (live) setStage({ kind: 'unreachable', message: failureWords(caught) });
      },
    );
    return () => {
      live = false;
    };
  }, [token, attempt]);

  if (registered !== null) {
    return (
      <section class="screen account operator" aria-label="The operator account is ready">
        <RecoveryCodes
          codes={registered.recoveryCodes}
          signInName={registered.account.signInName}
          headingLevel={1}
          title="The operator account is ready: save your recovery codes"
          onSaved={() => {
            navigate(OPERATOR_PAGE_PATH, { replace: true });
          }}
        />
      </section>
    );
  }

  switch (stage.kind) {
    case 'checking':
      return (
        <Frame>
          <p class="loading" aria-live="polite">
            Checking the setup link…
          </p>
        </Frame>
      );
    case 'unreachable':
      return (
        <Frame>
          <p role="alert">{stage.message}</p>
          <div class="button-row">
            <button type="button" onClick={() => { setAttempt((n) => n + 1); }}>
              Try again
            </button>
          </div>
        </Frame>
      );
    case 'done':
      return (
        <Frame>
          <p>This Attune already has its operator account, so there is nothing left to set up.</p>
          <div class="button-row">
            <AppLink class="button" href={accountPathWithNext(SIGN_IN_PATH, OPERATOR_PAGE_PATH)}>
              Sign in as the operator
            </AppLink>
            <AppLink class="button secondary" href="/">
              Go to the start
            </AppLink>
          </div>
        </Frame>
      );
    case 'no_link':
    case 'link_refused':
      return (
        <Frame>
          {stage.kind === 'link_refused' ? (
            <p role="alert">{stage.message}</p>
          ) : (
            <p>This page needs the whole setup link, including the part after the # sign.</p>
          )}
          <div class="card">
            <p>The server writes a setup link to its log when it starts. For a fresh one, run this where Attune runs:</p>
            <pre class="operator-command">
              <code>npx attune setup-link</code>
            </pre>
            <p class="hint">A new link replaces any earlier one and works for 24 hours.</p>
          </div>
        </Frame>
      );
    case 'ready':
      break;
  }

  return (
    <Frame>
      <WhatTheOperatorDoes />
      <CreateCredentialsForm
        idPrefix="setup"
        displayNameHint="How the operator account is shown, for example “Sam (operator)”."
        signInNameHint="What you type to sign in as the operator. Letters, digits and . _ @ + - with no spaces."
        register={(way, details, password) =>
          way === 'passkey' ? setupWithPasskey(token, details) : setupWithPassword(token, details, password)
        }
        onRegistered={(answer) => {
          setRegistered(answer);
          void identityRefresh();
        }}
      />
    </Frame>
  );
}
