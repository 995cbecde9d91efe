/**
 * HTTP errors as factories with a stable snake_case code, a status and a sentence a person can
 * act on. Every error response has the same shape: `{ error: { code, message } }`.
 */
import type { Socket } from 'node:net';

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
  // Kept as `invalid_request`, the code unreadable bodies always had, so clients need not change.
  invalidJson: () => new HttpError(400, 'invalid_request', 'The request body is not valid JSON. Check its quotes, commas and brackets, and send it again.'),
  invalidEncoding: () => new HttpError(400, 'invalid_encoding', 'The request body is not valid UTF-8 text. Send JSON encoded as UTF-8.'),
  tooDeep: (message: string) => new HttpError(400, 'too_deeply_nested', message),
  forbiddenKey: (message: string) => new HttpError(400, 'forbidden_key', message),
  badUrl: () => new HttpError(400, 'bad_url', 'This address could not be read (a % sign not followed by a valid code). Check the link and try again.'),
  bodyTooLarge: (maxBytes: number) => new HttpError(413, 'body_too_large', `Requests can be at most ${String(Math.floor(maxBytes / 1024))} KiB; send less at once.`),
  unsupportedMediaType: () => new HttpError(415, 'unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).'),
  invalidRequest: () => new HttpError(400, 'invalid_request', 'The request could not be read. Check that it is well formed, with a JSON body, and send it again.'),
} as const;

/** The body an `HttpError` is sent as. */
export function errorBodyOf(error: HttpError): ErrorBody {
  return { error: { code: error.code, message: error.message } };
}

/**
 * The `HttpError` for an error Fastify or a plugin raised about the request itself (a body too
 * large, a content type Attune does not read, a URL it cannot decode), or null for anything
 * else: that is Attune's own failure, a 500.
 */
export function requestErrorOf(error: unknown, bodyMaxBytes: number): HttpError | null {
  if (error instanceof HttpError) return error;
  if (typeof error !== 'object' || error === null) return null;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  if (code === 'FST_ERR_BAD_URL') return httpErrors.badUrl();
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  if (statusCode === 413) return httpErrors.bodyTooLarge(bodyMaxBytes);
  if (statusCode === 415) return httpErrors.unsupportedMediaType();
  return new HttpError(statusCode, 'invalid_request', httpErrors.invalidRequest().message);
}

/**
 * Answers a connection whose request could not be read as HTTP (or arrived too slowly) in the
 * same shape as every other error, then closes it. Nothing is written mid-response.
 */
export function clientErrorHandle(error: Error & { readonly code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable && socket.bytesWritten === 0) socket.write(clientErrorResponse(error.code));
  socket.destroy();
}

/** What is written on a raw socket whose request could not even be parsed as HTTP. */
export function clientErrorResponse(parserCode: string | undefined): string {
  const [status, error] =
    parserCode === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, new HttpError(408, 'request_timeout', 'The request took too long to arrive, so the connection was closed. Please try again.')]
      : parserCode === 'HPE_HEADER_OVERFLOW'
        ? [431, new HttpError(431, 'headers_too_large', 'The request headers were too large. Clearing this site\'s cookies may help.')]
        : [400, new HttpError(400, 'invalid_request', 'The request could not be read as HTTP. Please try again.')];
  const body = JSON.stringify(errorBodyOf(error));
  const reason = status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  return `HTTP/1.1 ${String(status)} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n${body}`;
}
