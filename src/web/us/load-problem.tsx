/**
 * What a "Between us" screen shows when it cannot load: a plain title and the server's sentence,
 * "Try again" when trying again can help, and a way back. Used by every screen in this area.
 */
import type { ApiError } from '../api/http.ts';
import { linkClick } from '../router.ts';
import { US_PATH } from './us-routes.ts';
import { relationshipIsGone } from './use-relationship.ts';

/** The problem screen. `title` is the screen's usual heading, kept so people know where they are. */
export function LoadProblem(props: {
  readonly title: string;
  readonly error: ApiError;
  readonly onRetry: () => void;
}) {
  const gone = relationshipIsGone(props.error);
  const signedOut = props.error.status === 401;
  return (
    <section class="screen" aria-labelledby="problem-title">
      <h1 id="problem-title">{props.title}</h1>
      <p role="alert">
        {gone
          ? 'This is not one of your relationships, or you have left it. Nothing from it is shared with you.'
          : signedOut
            ? 'This device is not connected to any relationship yet. Open the invite link you were sent, or start one yourself.'
            : props.error.message}
      </p>
      <div class="button-row">
        {!gone && !signedOut && (
          <button type="button" onClick={props.onRetry}>
            Try again
          </button>
        )}
        <a
          class="button quiet"
          href={US_PATH}
          onClick={(event) => {
            linkClick(event, US_PATH);
          }}
        >
          Back to Between us
        </a>
      </div>
    </section>
  );
}
