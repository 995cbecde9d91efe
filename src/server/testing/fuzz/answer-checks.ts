/**
 * What every answer to a fuzzed request must be: never a server error, and when it is an error,
 * the one shape (`{ error: { code, message } }`) with a stable snake_case code and a sentence.
 * Also: whether anything reached `Object.prototype`.
 */

/** Codes are snake_case words, so clients can branch on them. */
const STABLE_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** What is wrong with one HTTP answer to a fuzzed request (empty when nothing is). */
export function answerProblems(status: number, contentType: string | undefined, text: string): string[] {
  if (status >= 500) return [`a server error (${String(status)}): ${text.slice(0, 200)}`];
  if (status < 400) return [];
  if (!(contentType ?? '').startsWith('application/json')) return [`error ${String(status)} is not JSON (content-type ${contentType ?? 'none'})`];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`error ${String(status)} has a body that is not JSON: ${text.slice(0, 120)}`];
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const problems: string[] = [];
  if (typeof error?.code !== 'string' || !STABLE_CODE.test(error.code)) problems.push(`error ${String(status)} has no stable code: ${text.slice(0, 160)}`);
  if (typeof error?.message !== 'string' || !isSentence(error.message)) {
    problems.push(`error ${String(status)} has no sentence for a person: ${text.slice(0, 160)}`);
  }
  return problems;
}

/**
 * A sentence a person can read: a capital, some words, an end mark. A field path may lead it
 * ("body.note: Please keep it shorter.") so people learn which field to change.
 */
export function isSentence(message: string): boolean {
  const text = message.trim().replace(/^[\w.[\]-]+: /, '');
  return text.length >= 12 && /^[\p{Lu}"]/u.test(text) && /[.!?)]$/.test(text) && /\s/.test(text);
}

/** Names of properties that appeared on `Object.prototype` (or `Array.prototype`): pollution. */
export function prototypePollution(): string[] {
  const plain: Record<string, unknown> = {};
  const found: string[] = [];
  for (const name of ['polluted', 'x', 'a', 'k0', 'type', 'nested']) {
    if (plain[name] !== undefined) found.push(`Object.prototype.${name}`);
    if ((Array.prototype as unknown as Record<string, unknown>)[name] !== undefined) found.push(`Array.prototype.${name}`);
  }
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    if (!BUILT_IN_OBJECT_PROTOTYPE.has(name)) found.push(`Object.prototype.${name} (new)`);
  }
  return found;
}

/** What `Object.prototype` has before any fuzzing (taken when this module loads). */
const BUILT_IN_OBJECT_PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype));
