import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  RECOVERY_CODE_BYTES,
  recoveryCodeFromBytes,
  recoveryCodeNormalize,
} from './recovery-codes.ts';

const bytesArbitrary = fc.uint8Array({
  minLength: RECOVERY_CODE_BYTES,
  maxLength: RECOVERY_CODE_BYTES,
});
const CODE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

test('a printed code reads back as itself', () => {
  fc.assert(
    fc.property(bytesArbitrary, (bytes) => {
      const code = recoveryCodeFromBytes(bytes);
      assert.match(code, CODE_SHAPE);
      assert.equal(recoveryCodeNormalize(code), code);
    }),
  );
});

test('different bits make different codes: all 60 bits are kept', () => {
  fc.assert(
    fc.property(bytesArbitrary, fc.nat({ max: 59 }), (bytes, bit) => {
      const flipped = Uint8Array.from(bytes);
      flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (0x80 >> (bit & 7));
      assert.notEqual(recoveryCodeFromBytes(flipped), recoveryCodeFromBytes(bytes));
    }),
  );
});

test('lower case and extra spaces or dashes anywhere read the same', () => {
  const separatorArbitrary = fc.array(fc.constantFrom(' ', '-', '  ', '\t'), { maxLength: 3 });
  fc.assert(
    fc.property(
      bytesArbitrary,
      fc.array(separatorArbitrary, { minLength: 13, maxLength: 13 }),
      fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      (bytes, separators, lower) => {
        const code = recoveryCodeFromBytes(bytes);
        const symbols = code.replace(/-/g, '').split('');
        const typed =
          symbols
            .map(
              (symbol, index) =>
                `${(separators[index] ?? []).join('')}${lower[index] === true ? symbol.toLowerCase() : symbol}`,
            )
            .join('') + (separators[12] ?? []).join('');
        assert.equal(recoveryCodeNormalize(typed), code);
      },
    ),
  );
});

test('normalising is idempotent on its output', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.stringMatching(/^[0-9a-zA-Z -]{10,16}$/),
      ),
      (input) => {
        const once = recoveryCodeNormalize(input);
        if (once === null) return;
        assert.match(once, CODE_SHAPE);
        assert.equal(recoveryCodeNormalize(once), once);
      },
    ),
  );
});
