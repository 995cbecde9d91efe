/**
 * HTTP errors as factories with a stable snake_case code, a status and a sentence a person can
 * act on. Every error response has the same shape: `{ error: { code, message } }`.
 */

/** An error a route throws on purpose. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** Errors the HTTP API can answer with. */
export const httpErrors = {
  invalidBody: (message: string) => new HttpError(400, 'invalid_body', message),
  notSignedIn: () => new HttpError(401, 'not_signed_in', 'Choose a name first, or open your invite link again.'),
  forbidden: () => new HttpError(403, 'forbidden', 'You do not have access to this session. Ask for a fresh invite link.'),
  badOrigin: () => new HttpError(403, 'bad_origin', 'This request came from a page Attune does not trust, so it was refused.'),
  inviteInvalid: () =>
    new HttpError(404, 'invite_invalid', 'This invite link has expired or was withdrawn. Ask the person who sent it for a new one.'),
  sessionNotFound: () => new HttpError(404, 'session_not_found', 'This session could not be found. Check the link, or start a new session.'),
  notFound: () => new HttpError(404, 'not_found', 'There is nothing here.'),
  commandRejected: (code: string, message: string) => new HttpError(409, code, message),
} as const;
