/**
 * What makes a password acceptable, following NIST SP 800-63B: a length range, a check against
 * passwords people often use, and a check that it is not the person's own name. Nothing else: rules
 * demanding digits or symbols make passwords harder to remember without making them harder to guess.
 * Any character is welcome, spaces included, and a password is never trimmed.
 */
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { codePointLength, passwordStem } from './password-stem.ts';
import { signInNameNormalize } from './sign-in-name.ts';

/** The fewest Unicode code points (after NFC) a password may have. */
export const PASSWORD_MIN_LENGTH = 8;
/** The most Unicode code points (after NFC) a password may have; room for any passphrase. */
export const PASSWORD_MAX_LENGTH = 1024;

/** One reason a password cannot be used. */
export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'same_as_name';

/** What a password is checked against besides itself. */
export interface PasswordContext {
  readonly signInName: string;
  readonly displayName: string;
}

/** The form a password is hashed in: NFC, so the same typed characters always give the same hash. */
export function passwordNormalize(password: string): string {
  return password.normalize('NFC');
}

/** The password itself and, when it has one, its stem: the forms compared with lists and names. */
function comparableForms(password: string): readonly string[] {
  const folded = passwordNormalize(password).toLowerCase();
  const stem = passwordStem(folded);
  return stem === null ? [folded] : [folded, stem];
}

/**
 * Every reason `password` cannot be used (empty when it is fine), in this order: length, common,
 * name. A password counts as common when it, or its stem (the password without trailing digits,
 * punctuation, symbols and spaces, when that stem is at least PASSWORD_STEM_MIN_LENGTH long), is on
 * the common list, ignoring case; it counts as a name when either of them equals the sign-in name or
 * the display name, ignoring case. (The list leaves out short entries that only a too-short password
 * could match, so a too-short password may not also be called common.)
 */
export function passwordProblems(
  password: string,
  context: PasswordContext,
): readonly PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = codePointLength(passwordNormalize(password));
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');

  const forms = comparableForms(password);
  if (forms.some((form) => COMMON_PASSWORDS.has(form))) problems.push('common');

  const names = [context.signInName, context.displayName]
    .map(signInNameNormalize)
    .filter((name) => name !== '');
  if (forms.some((form) => names.includes(form))) problems.push('same_as_name');
  return problems;
}

const PASSWORD_PROBLEM_MESSAGES: Readonly<Record<PasswordProblem, string>> = {
  too_short: `A password needs at least ${PASSWORD_MIN_LENGTH} characters. A few words with spaces between them are easy to remember and long enough.`,
  too_long: `A password can have up to ${PASSWORD_MAX_LENGTH} characters, and this one has more. A shorter phrase will keep your account just as safe.`,
  common:
    'This password is on a list of ones people often use, so it is easy to guess. A few unrelated words together make a strong one.',
  same_as_name:
    'This password is close to your name, so someone who knows you could guess it. A few unrelated words together make a strong one.',
};

/** What the person reads about one problem: plain, warm, never blaming. */
export function passwordProblemMessage(problem: PasswordProblem): string {
  return PASSWORD_PROBLEM_MESSAGES[problem];
}
