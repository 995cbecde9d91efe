/**
 * What a consultation screen shows until its data is ready: a quiet "loading", a way to sign in
 * or create an account when the server does not know this device (or it is a guest trying to
 * book), or the problem in the server's own words with "Try again".
 */
import type { ApiError } from '../api/http.ts';
import { CREATE_ACCOUNT_PATH, SIGN_IN_PATH, accountPathWithNext } from '../account/account-routes.ts';
import { AppLink } from '../components/app-link.tsx';
import type { Remote } from './use-remote.ts';

/** Sign in, or make an account, and come back to `next`. */
export function AccountNeeded(props: { readonly next: string; readonly why: string }) {
  return (
    <div class="card consultation-account-needed" role="status">
      <p>{props.why}</p>
      <div class="button-row">
        <AppLink class="button" href={accountPathWithNext(CREATE_ACCOUNT_PATH, props.next)}>
          Create an account
        </AppLink>
        <AppLink class="button secondary" href={accountPathWithNext(SIGN_IN_PATH, props.next)}>
          Sign in
        </AppLink>
      </div>
    </div>
  );
}

/** Whether an error means "sign in (with an account) first". */
export function needsAccount(error: ApiError): boolean {
  return error.status === 401 || error.code === 'account_needed';
}

/** Nothing once the data is ready. */
export function RemoteStatus<T>(props: { readonly remote: Remote<T>; readonly reload: () => void; readonly loadingWords: string; readonly next: string }) {
  const { remote } = props;
  if (remote.kind === 'loading') {
    return (
      <p class="loading" role="status">
        {props.loadingWords}
      </p>
    );
  }
  if (remote.kind === 'failed') {
    if (needsAccount(remote.error)) {
      return <AccountNeeded next={props.next} why="Consultations are kept with your account, so you can find them from any device. Sign in, or create an account; it only takes a moment." />;
    }
    return (
      <div role="alert">
        <p>{remote.error.message}</p>
        <button type="button" onClick={props.reload}>
          Try again
        </button>
      </div>
    );
  }
  return null;
}
