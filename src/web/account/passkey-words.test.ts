import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passkeyCreationOptionsOf, passkeyRequestOptionsOf } from './passkey-options.ts';
import { passkeyProblemWords } from './passkey-words.ts';

test('a closed or timed-out prompt says nothing changed and offers the password', () => {
  const create = passkeyProblemWords({ name: 'NotAllowedError', code: 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY' }, 'create');
  assert.match(create, /Nothing has changed/);
  assert.match(create, /password/);
  assert.match(passkeyProblemWords({ name: 'NotAllowedError' }, 'use'), /no passkey for Attune/);
});

test('specific reasons get their own plain sentence', () => {
  assert.match(passkeyProblemWords({ name: 'InvalidStateError', code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' }, 'create'), /already holds a passkey/);
  assert.match(passkeyProblemWords({ name: 'SecurityError', code: 'ERROR_INVALID_DOMAIN' }, 'use'), /this web address/);
  assert.match(passkeyProblemWords({ name: 'SecurityError' }, 'use'), /this web address/);
  assert.match(passkeyProblemWords({ name: 'AbortError', code: 'ERROR_CEREMONY_ABORTED' }, 'use'), /stopped before it finished/);
});

test('anything else still says what to do next, and never blames the person', () => {
  for (const step of ['create', 'use'] as const) {
    const words = passkeyProblemWords({ name: 'UnknownError' }, step);
    assert.match(words, /try again/);
    assert.doesNotMatch(words, /you failed|your fault|wrong/i);
  }
});

test('server options are checked just enough for the browser, and passed through', () => {
  const creation = {
    challenge: 'abc',
    rp: { name: 'Attune', id: 'localhost' },
    user: { id: 'dXNlcg', name: 'noor', displayName: 'Noor' },
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    authenticatorSelection: { residentKey: 'required' },
  };
  assert.deepEqual(passkeyCreationOptionsOf(creation), creation);
  assert.equal(passkeyCreationOptionsOf({ ...creation, challenge: '' }), null);
  assert.equal(passkeyCreationOptionsOf({ challenge: 'abc' }), null);
  assert.deepEqual(passkeyRequestOptionsOf({ challenge: 'abc', userVerification: 'preferred' }), { challenge: 'abc', userVerification: 'preferred' });
  assert.equal(passkeyRequestOptionsOf({}), null);
});
