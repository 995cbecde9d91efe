/**
 * Settings: how many recovery codes are left, and a new set (the old ones stop working at once),
 * shown this once with "I have saved them". May first ask "confirm it is you".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../core/protocol/account-api.ts';
import { FormMessage } from './account-fields.tsx';
import { recoveryCodesRenew } from './account-api.ts';
import { recoveryCodesLeftWords } from './account-words.ts';
import { ReauthPrompt } from './reauth-prompt.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';
import { useGuardedAction } from './use-guarded-action.ts';

/** The section. */
export function RecoveryCodesSection(props: { readonly account: AccountView; readonly onChanged: () => void }) {
  const { account } = props;
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const making = useGuardedAction();
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (codes === null && refocus.current) {
      refocus.current = false;
      trigger.current?.focus();
    }
  }, [codes]);

  return (
    <section class="card account-section" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Recovery codes</h2>
      {codes !== null ? (
        <RecoveryCodes
          codes={codes}
          signInName={account.signInName}
          headingLevel={3}
          title="Your new recovery codes"
          onSaved={() => {
            refocus.current = true;
            setCodes(null);
            setStatus('Your new recovery codes are in use. The old ones no longer work.');
            props.onChanged();
          }}
        />
      ) : (
        <>
          <p>{recoveryCodesLeftWords(account.recoveryCodesLeft)}</p>
          <div class="button-row">
            <button
              type="button"
              class="secondary"
              ref={trigger}
              disabled={making.busy || making.askingProof}
              aria-describedby="recovery-new-hint"
              onClick={() => {
                setStatus(null);
                making.run(async () => {
                  setCodes(await recoveryCodesRenew());
                });
              }}
            >
              {making.busy ? 'Making new codes…' : 'Make new recovery codes'}
            </button>
          </div>
          <p class="hint" id="recovery-new-hint">
            Your old codes stop working as soon as the new ones are made.
          </p>
          {making.askingProof && (
            <ReauthPrompt idBase="recovery" account={account} onConfirmed={making.proofGiven} onDeclined={making.proofDeclined} />
          )}
        </>
      )}
      <FormMessage error={making.error} status={status} />
    </section>
  );
}
