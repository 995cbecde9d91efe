/**
 * What a practitioner or access-log screen shows until its data is ready: a quiet "loading", a
 * way to sign in when the server does not know this device, or the problem in the server's own
 * words with "Try again". Nothing once the data is ready.
 */
import { AccountNeeded } from '../consultations/remote-status.tsx';
import type { Remote } from '../consultations/use-remote.ts';

/** The status; `why` says why signing in is needed here. */
export function LoadStatus<T>(props: { readonly remote: Remote<T>; readonly reload: () => void; readonly loadingWords: string; readonly next: string; readonly why: string }) {
  const { remote } = props;
  if (remote.kind === 'loading') {
    return (
      <p class="loading" role="status">
        {props.loadingWords}
      </p>
    );
  }
  if (remote.kind === 'failed') {
    if (remote.error.status === 401) return <AccountNeeded next={props.next} why={props.why} />;
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
