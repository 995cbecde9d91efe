/**
 * One-time recovery codes, for when a person cannot sign in any other way. Each is 60 random bits
 * written in Crockford base32 as three groups of four (`7K3M-Q9TX-2HPD`): no letters that are easy
 * to mix up, and read back forgivingly (any case, spaces or dashes anywhere, O for 0, I or L for 1).
 */

/** How many codes a person is given at once. */
export const RECOVERY_CODE_COUNT = 10;
/** Random bytes per code: 8 bytes, of which the first 60 bits are used. */
export const RECOVERY_CODE_BYTES = 8;

/** Crockford's base32 alphabet: digits and letters, without I, L, O and U. */
const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS_PER_CODE = 12;
const SYMBOLS_PER_GROUP = 4;
const BITS_PER_SYMBOL = 5;

/** Letters people type for digits they look like. */
const LOOKALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };
/** Spaces and dashes of any kind, which people type or paste between groups. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\uFE63\uFF0D]/gu;

function groupSymbols(symbols: string): string {
  const groups: string[] = [];
  for (let start = 0; start < symbols.length; start += SYMBOLS_PER_GROUP) {
    groups.push(symbols.slice(start, start + SYMBOLS_PER_GROUP));
  }
  return groups.join('-');
}

/**
 * A code formatted from at least RECOVERY_CODE_BYTES random bytes: the first 60 bits, most
 * significant first, as 12 Crockford symbols in three groups of four.
 */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECOVERY_CODE_BYTES) {
    throw new RangeError(
      `a recovery code needs ${RECOVERY_CODE_BYTES} random bytes, got ${bytes.length}`,
    );
  }
  let symbols = '';
  let buffer = 0;
  let bufferedBits = 0;
  for (const byte of bytes.subarray(0, RECOVERY_CODE_BYTES)) {
    buffer = ((buffer << 8) | byte) & 0x1fff;
    bufferedBits += 8;
    while (bufferedBits >= BITS_PER_SYMBOL && symbols.length < SYMBOLS_PER_CODE) {
      bufferedBits -= BITS_PER_SYMBOL;
      symbols += CROCKFORD_ALPHABET.charAt((buffer >> bufferedBits) & 0x1f);
    }
  }
  return groupSymbols(symbols);
}

/**
 * The canonical form of a typed code, or null when it is not one. The canonical form is exactly
 * what `recoveryCodeFromBytes` prints (`7K3M-Q9TX-2HPD`), so a code can be stored or hashed as
 * printed and compared with `recoveryCodeNormalize(typed)`. Accepts any case, spaces and dashes
 * anywhere, full-width characters, O for 0 and I or L for 1; anything else that is not exactly 12
 * Crockford symbols gives null.
 */
export function recoveryCodeNormalize(input: string): string | null {
  const compact = input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
  let symbols = '';
  for (const character of compact) {
    const symbol = LOOKALIKES[character] ?? character;
    if (!CROCKFORD_ALPHABET.includes(symbol)) return null;
    symbols += symbol;
    if (symbols.length > SYMBOLS_PER_CODE) return null;
  }
  return symbols.length === SYMBOLS_PER_CODE ? groupSymbols(symbols) : null;
}
