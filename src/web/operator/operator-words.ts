/**
 * Words of the operator's page: dates, file sizes, where the crisis resources come from, and the
 * line said about each account. Kept apart from the components so they can be tested plainly.
 */
import type { HelpResourcesSource, OperatorAccountView } from '../../core/protocol/operator-api.ts';

/** A date and time the way the reader's device writes them. */
export function whenWords(ms: number, locale?: string): string {
  return new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A day the way the reader's device writes it. */
export function dayWords(ms: number, locale?: string): string {
  return new Date(ms).toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** A file size in bytes, KB, MB or GB (powers of 1024, one decimal past bytes). */
export function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'TB'}`;
}

/** Where the crisis resources shown now come from. */
export function helpSourceWords(source: HelpResourcesSource, updatedAtMs: number | null, locale?: string): string {
  switch (source) {
    case 'operator':
      return updatedAtMs === null ? 'Everyone sees the resources saved here.' : `Everyone sees the resources saved here on ${whenWords(updatedAtMs, locale)}.`;
    case 'file':
      return 'Everyone sees the resources from the file this server was started with (HELP_RESOURCES_FILE). Saving here replaces them for everyone.';
    case 'default':
      return 'Everyone sees Attune’s general resources: emergency numbers and a directory of helplines. Saving here replaces them with your own, for everyone.';
  }
}

/** What an account is, in a few words. */
export function roleWords(role: OperatorAccountView['role']): string {
  switch (role) {
    case 'operator':
      return 'Operator';
    case 'practitioner':
      return 'Practitioner';
    case 'person':
      return 'Person';
  }
}

/** The line about an account's state. */
export function accountStateWords(account: Pick<OperatorAccountView, 'createdAtMs' | 'disabledAtMs'>, locale?: string): string {
  const since = `Joined ${dayWords(account.createdAtMs, locale)}`;
  return account.disabledAtMs === null ? since : `${since}. Switched off since ${dayWords(account.disabledAtMs, locale)}`;
}
