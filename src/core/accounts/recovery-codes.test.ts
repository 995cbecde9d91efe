import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  RECOVERY_CODE_BYTES,
  RECOVERY_CODE_COUNT,
  recoveryCodeFromBytes,
  recoveryCodeNormalize,
} from './recovery-codes.ts';

test('ten codes, each from enough random bytes for 60 bits', () => {
  assert.equal(RECOVERY_CODE_COUNT, 10);
  assert.ok(RECOVERY_CODE_BYTES * 8 >= 60);
});

test('bytes become three groups of four Crockford symbols, most significant bits first', () => {
  assert.equal(recoveryCodeFromBytes(new Uint8Array(8)), '0000-0000-0000');
  assert.equal(recoveryCodeFromBytes(new Uint8Array(8).fill(0xff)), 'ZZZZ-ZZZZ-ZZZZ');
  // 0x08 0x42 ... = 00001 00001 00001 00001 ...: every 5-bit group is 1.
  assert.equal(
    recoveryCodeFromBytes(Uint8Array.from([0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10])),
    '1111-1111-1111',
  );
  // Only the first 60 bits are used: the last four bits and any extra bytes change nothing.
  assert.equal(
    recoveryCodeFromBytes(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0x0f, 0xaa])),
    '0000-0000-0000',
  );
  assert.equal(
    recoveryCodeFromBytes(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0x10])),
    '0000-0000-0001',
  );
});

test('too few bytes is a programming error, not a weak code', () => {
  assert.throws(() => recoveryCodeFromBytes(new Uint8Array(7)), RangeError);
});

test('a typed code is read forgivingly', () => {
  assert.equal(recoveryCodeNormalize('7K3M-Q9TX-2HPD'), '7K3M-Q9TX-2HPD');
  assert.equal(recoveryCodeNormalize('7k3m q9tx 2hpd'), '7K3M-Q9TX-2HPD');
  assert.equal(recoveryCodeNormalize('  7k3mq9tx2hpd\n'), '7K3M-Q9TX-2HPD');
  assert.equal(recoveryCodeNormalize('7K3M — Q9TX – 2HPD'), '7K3M-Q9TX-2HPD');
  assert.equal(recoveryCodeNormalize('ＡＢＣＤ-ＥＦＧＨ-ＪＫＭＮ'), 'ABCD-EFGH-JKMN');
  assert.equal(recoveryCodeNormalize('oOiI-lL00-1111'), '0011-1100-1111');
});

test('anything that is not exactly twelve Crockford symbols is refused', () => {
  assert.equal(recoveryCodeNormalize(''), null);
  assert.equal(recoveryCodeNormalize('7K3M-Q9TX-2HP'), null);
  assert.equal(recoveryCodeNormalize('7K3M-Q9TX-2HPDX'), null);
  assert.equal(recoveryCodeNormalize('7K3M-Q9TX-2HPU'), null);
  assert.equal(recoveryCodeNormalize('7K3M_Q9TX_2HPD'), null);
  assert.equal(recoveryCodeNormalize('7K3M-Q9TX-2HP*'), null);
});
