/**
 * What never reaches a log line: secrets, found by the name of the field that holds them and by
 * their shape inside any text (an error message quoting a URL, a connection string, a header).
 * Operators copy logs into tickets and chat; a leaked cookie, invite or setup token there opens
 * someone's sessions, so the rules err on the side of hiding too much.
 *
 * The one deliberate exception is text wrapped in `logShownOnPurpose`: the first-run setup link,
 * printed once so the person starting the server can open it.
 */

/** What a hidden value is replaced with. */
export const REDACTED = '[redacted]';

/** Nesting deeper than this is cut: a log line is a summary, not a dump. */
const MAX_DEPTH = 6;
/** Longest string kept in a log field; the rest is cut (a body pasted into an error, say). */
const MAX_STRING_LENGTH = 4000;

/**
 * Field names whose values are never logged, whatever they hold. `body`, `payload` and
 * `headers` are here because a request's body or headers carry what people typed and their cookies.
 */
const SECRET_FIELD = /token|secret|passw|pwd|cookie|authori[sz]ation|hash|recovery|credential|api_?key|private_?key|signature|^(body|payload|headers|raw)$/i;

/** Text that is safe to log although it looks secret: said once, on purpose, to the operator. */
export class LogShownOnPurpose {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

/** Marks `text` as deliberately logged in full (only the first-run setup link uses this). */
export function logShownOnPurpose(text: string): LogShownOnPurpose {
  return new LogShownOnPurpose(text);
}

/** A token as `tokens.ts` makes them: 32 random bytes, base64url, standing on its own. */
const BARE_TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
/** A recovery code: three groups of four Crockford base-32 characters. */
const RECOVERY_CODE = /(?<![0-9A-Z])[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}(?![0-9A-Z])/g;

/** Shape rules, applied in order to every string; each keeps enough context to read the line. */
const TEXT_RULES: readonly (readonly [RegExp, string])[] = [
  // postgres://user:pass@host, redis://:pass@host: keep the user, hide the password.
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s@/]*@/gi, `$1:${REDACTED}@`],
  // Authorization: Bearer …, Basic …
  [/\b(bearer|basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  // A Cookie or Set-Cookie header quoted in text: everything after the colon, to the line's end.
  [/\b(set-cookie|cookie)\s*:\s*[^\r\n]*/gi, `$1: ${REDACTED}`],
  // name=value of our cookies, anywhere.
  [/\b(attune_[a-z0-9_]+)=[^;\s,"']*/gi, `$1=${REDACTED}`],
  // Secret-looking query parameters and key=value pairs (libpq's password=…, ?invite=…, JSON "password": "…").
  [/\b([a-z0-9_-]*(?:invite|token|secret|passw|pwd|api_?key|signature)[a-z0-9_-]*)("?\s*[=:]\s*)("?)[^\s&#"',;]*/gi, `$1$2$3${REDACTED}`],
  // Invite and setup tokens in paths: /api/invites/<token>, /api/relationship-invites/<token>, /join/<token>.
  // A segment starting with ':' is a route pattern (`/api/invites/:token`), kept as it is.
  [/(\/(?:invites|relationship-invites|join|setup)\/)[^:/?#\s"'][^/?#\s"']*/gi, `$1${REDACTED}`],
  // Tokens after '#': /setup#<token>, /join#<token>, /between-us/join#<token>.
  [/#[A-Za-z0-9_~.%-]{12,}/g, `#${REDACTED}`],
  [BARE_TOKEN, REDACTED],
  [RECOVERY_CODE, REDACTED],
];

/** `text` with every secret-shaped part replaced by `[redacted]`. */
export function logTextRedacted(text: string): string {
  let result = text.length > MAX_STRING_LENGTH ? `${text.slice(0, MAX_STRING_LENGTH)}…(cut)` : text;
  for (const [pattern, replacement] of TEXT_RULES) result = result.replace(pattern, replacement);
  return result;
}

/** A copy of `value` safe to log: secret-named fields hidden, secret-shaped text replaced. */
export function logValueRedacted(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value instanceof LogShownOnPurpose) return value.text;
  if (typeof value === 'string') return logTextRedacted(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (value instanceof Error) return logTextRedacted(value.message);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item: unknown) => logValueRedacted(item, depth + 1, seen));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const safeKey = logTextRedacted(key);
      copy[safeKey] = SECRET_FIELD.test(key) && !(item instanceof LogShownOnPurpose) ? REDACTED : logValueRedacted(item, depth + 1, seen);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}
