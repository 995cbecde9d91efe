/**
 * A sign-in name is matched however the person types it: the same letters in another Unicode form,
 * with stray spaces around them, or in another case all find the same account.
 */

/**
 * The form a sign-in name is stored and looked up in: NFC, trimmed, lower case. `toLowerCase` is
 * locale-independent, so the same name finds the same account on every server and browser.
 */
export function signInNameNormalize(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}
