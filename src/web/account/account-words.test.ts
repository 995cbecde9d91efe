import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accountMessageOf,
  passkeyDatesWords,
  passkeyNameSuggestion,
  recoveryCodesFileName,
  recoveryCodesLeftWords,
  recoveryCodesText,
} from './account-words.ts';

const NOW = Date.UTC(2026, 10, 21, 15, 0);

test('a server sentence is shown as it comes, without the field name a body check puts first', () => {
  assert.equal(
    accountMessageOf({ code: 'invalid_body', message: 'signInName: A sign-in name needs at least 3 characters.' }),
    'A sign-in name needs at least 3 characters.',
  );
  assert.equal(
    accountMessageOf({ code: 'sign_in_failed', message: 'That sign-in name and password do not match: try again.' }),
    'That sign-in name and password do not match: try again.',
  );
  assert.equal(accountMessageOf({ code: 'invalid_body', message: 'The request body was not understood.' }), 'The request body was not understood.');
});

test('passkey dates read as today, yesterday, or a date', () => {
  const passkey = { id: 'p', name: 'Phone', createdAtMs: Date.UTC(2026, 2, 3, 9), lastUsedAtMs: NOW - 60_000 };
  assert.equal(passkeyDatesWords(passkey, NOW, 'en-GB'), 'Added 3 March · last used today');
  assert.equal(passkeyDatesWords({ ...passkey, lastUsedAtMs: NOW - 86_400_000 }, NOW, 'en-GB'), 'Added 3 March · last used yesterday');
  assert.equal(
    passkeyDatesWords({ ...passkey, createdAtMs: Date.UTC(2025, 0, 9), lastUsedAtMs: null }, NOW, 'en-GB'),
    'Added 9 January 2025 · not used to sign in yet',
  );
});

test('recovery codes left: a plain count, and a nudge only when few are left', () => {
  assert.match(recoveryCodesLeftWords(10), /^You have 10 recovery codes left\. Each one works once\.$/);
  assert.match(recoveryCodesLeftWords(2), /2 recovery codes left\. Making new ones now/);
  assert.match(recoveryCodesLeftWords(1), /1 recovery code left\./);
  assert.match(recoveryCodesLeftWords(0), /no recovery codes left/);
});

test('the recovery-code text names the account and the place, then one code a line', () => {
  const text = recoveryCodesText(['aaaa-bbbb', 'cccc-dddd'], 'noor', 'https://attune.example', NOW);
  const lines = text.split('\n');
  assert.equal(lines[0], 'Attune recovery codes for noor at https://attune.example');
  assert.match(lines[1] ?? '', /^Made 2026-11-21\. Each code works once/);
  assert.deepEqual(lines.slice(3, 5), ['aaaa-bbbb', 'cccc-dddd']);
});

test('the recovery-code file name is safe on every system', () => {
  assert.equal(recoveryCodesFileName('noor'), 'attune-recovery-codes-noor.txt');
  assert.equal(recoveryCodesFileName('noor@home.example'), 'attune-recovery-codes-noor-home.example.txt');
  assert.equal(recoveryCodesFileName('zoë'), 'attune-recovery-codes-zoe.txt');
  assert.equal(recoveryCodesFileName('/../'), 'attune-recovery-codes.txt');
  assert.equal(recoveryCodesFileName('日本'), 'attune-recovery-codes.txt');
});

test('a new passkey is offered a name from the kind of device', () => {
  const cases: [string, string][] = [
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15', 'iPhone'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/130 Mobile Safari/537.36', 'Android phone'],
    ['Mozilla/5.0 (Linux; Android 14; SM-X700) AppleWebKit/537.36 Chrome/130 Safari/537.36', 'Android tablet'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15', 'Mac'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36', 'Windows computer'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/140', 'Linux computer'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0)', 'Chromebook'],
    ['', 'This device'],
  ];
  for (const [agent, name] of cases) assert.equal(passkeyNameSuggestion(agent), name, agent);
});
