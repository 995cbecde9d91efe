/**
 * `promptNext`: which gentle prompt to offer now, if any. Pure and deterministic: the same history,
 * settings, instant and offset always give the same answer, chosen by a stable hash of the slot
 * rather than by chance, so every device agrees and tests can replay it.
 *
 * Rules:
 * - Nothing when prompts are off, or outside an open slot (see prompt-slots.ts).
 * - At most one prompt per slot: if anything was shown within this slot, nothing more.
 * - No prompt repeats within a season. A season here is `PROMPT_SEASON_MS`, 91 days (13 whole
 *   weeks, a quarter of a year): a prompt shown at instant t is not offered again before
 *   t + 91 days. It is measured in elapsed time, not on the calendar, so a change of time zone or
 *   a season boundary can never bring a prompt back early. If every prompt of the chosen kinds was
 *   shown within the season, there is simply no prompt: silence, never a reminder.
 * - Kinds rotate: a prompt of a different kind from the last one shown is preferred when any is
 *   left.
 * History only counts what was shown; nothing is ever said about slots that passed without one.
 */
import { GENTLE_PROMPTS, type GentlePrompt } from './prompt-catalogue.ts';
import type { PromptSettings } from './prompt-settings.ts';
import { promptSlotAt } from './prompt-slots.ts';

/** A season: how long a prompt rests before it can be offered again. */
export const PROMPT_SEASON_MS = 91 * 24 * 60 * 60 * 1000;

/** One prompt that was shown, and when. */
export interface PromptShown {
  readonly promptId: string;
  readonly shownAtMs: number;
}

/**
 * FNV-1a, 32-bit (Fowler, Noll and Vo; http://www.isthe.com/chongo/tech/comp/fnv/): a small,
 * well-spread string hash, used only to choose among prompts the same way everywhere.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The prompt to offer at `nowMs`, or null. `tzOffsetMin` is local time minus UTC, in minutes. */
export function promptNext(
  history: readonly PromptShown[],
  settings: PromptSettings,
  nowMs: number,
  tzOffsetMin: number,
  catalogue: readonly GentlePrompt[] = GENTLE_PROMPTS,
): GentlePrompt | null {
  const slot = promptSlotAt(settings, nowMs, tzOffsetMin);
  if (!slot) return null;
  if (history.some((shown) => shown.shownAtMs >= slot.startMs && shown.shownAtMs < slot.endMs))
    return null;

  // Anything shown less than a season before now rests, and so does anything stamped after now.
  const resting = new Set(
    history
      .filter((shown) => shown.shownAtMs > nowMs - PROMPT_SEASON_MS)
      .map((shown) => shown.promptId),
  );
  const eligible = catalogue.filter(
    (prompt) => settings.themes.includes(prompt.theme) && !resting.has(prompt.id),
  );
  if (eligible.length === 0) return null;

  const last = history.reduce<PromptShown | null>(
    (latest, shown) => (latest === null || shown.shownAtMs > latest.shownAtMs ? shown : latest),
    null,
  );
  const lastTheme = last
    ? catalogue.find((prompt) => prompt.id === last.promptId)?.theme
    : undefined;
  const otherThemes = eligible.filter((prompt) => prompt.theme !== lastTheme);
  const pool = otherThemes.length > 0 ? otherThemes : eligible;
  return pool[stableHash(slot.key) % pool.length] ?? null;
}
