/**
 * "Pick from the list, or add your own": the shape every list on a cycle side shares. Picks are
 * catalogue ids; own entries are short lines in the person's own words. Repeats are dropped
 * quietly rather than refused, because saying the same thing twice is not a problem to report.
 */
import { z } from 'zod';

/** Longest entry in a person's own words, in characters: a short phrase, not a paragraph. */
export const OWN_ENTRY_MAX_CHARS = 80;

/** Most entries a person can add in their own words to one list. */
export const OWN_ENTRIES_MAX = 6;

/** Most picks one list accepts before repeats are dropped: generous, but bounded. */
export const PICKS_MAX = 40;

/** A list of picks from a catalogue and entries in a person's own words. */
export interface PickOrAdd<Id extends string> {
  readonly picked: readonly Id[];
  readonly own: readonly string[];
}

/** What a list holds, in words for its messages: "feelings", "longings". */
export interface ListWording {
  /** The plural noun: "feelings". */
  readonly things: string;
}

// No control characters, line breaks included: an own entry is one short line.
// eslint-disable-next-line no-control-regex
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;

/** One entry in a person's own words: trimmed, one line, 1 to `OWN_ENTRY_MAX_CHARS` characters. */
export const ownEntrySchema = z
  .string({ error: 'Write your own entry as a few words.' })
  .trim()
  .min(1, { error: 'An entry in your own words is empty. Write a few words, or remove it.' })
  .max(OWN_ENTRY_MAX_CHARS, {
    error: `Keep each entry in your own words to ${String(OWN_ENTRY_MAX_CHARS)} characters, a short phrase.`,
  })
  .regex(ONE_LINE, { error: 'Keep each entry in your own words on one line.' });

/** The items of a list with repeats removed, first occurrence kept. */
export function listWithoutRepeats<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How own entries compare for repeats: letters and spacing, not capitals. */
export function ownEntryKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** A schema for picks from `ids`: unknown ids are refused with a sentence, repeats dropped. */
export function pickedIdsSchema<const Ids extends readonly [string, ...string[]]>(
  ids: Ids,
  wording: ListWording,
) {
  const unknown = `One of the ${wording.things} you picked is not in the list any more. Pick it again, or write it in your own words.`;
  return z
    .array(z.enum(ids, { error: unknown }), { error: `Pick ${wording.things} from the list.` })
    .max(PICKS_MAX, { error: `Pick up to ${String(PICKS_MAX)} ${wording.things}.` })
    .default([])
    .transform((picked) => listWithoutRepeats(picked, (id) => id));
}

/** A schema for entries in a person's own words: at most `OWN_ENTRIES_MAX`, repeats dropped. */
export function ownEntriesSchema<S extends z.ZodType>(
  entry: S,
  keyOf: (entry: z.output<S>) => string,
  wording: ListWording,
) {
  return z
    .array(entry, { error: `Write your own ${wording.things} as a list of short phrases.` })
    .max(OWN_ENTRIES_MAX, {
      error: `Add up to ${String(OWN_ENTRIES_MAX)} ${wording.things} in your own words.`,
    })
    .default([])
    .transform((own) => listWithoutRepeats(own, keyOf));
}

/** A schema for a whole pick-or-add list; leaving it out gives an empty list. */
export function pickOrAddSchema<const Ids extends readonly [string, ...string[]]>(
  ids: Ids,
  wording: ListWording,
) {
  return z
    .strictObject(
      {
        picked: pickedIdsSchema(ids, wording),
        own: ownEntriesSchema(ownEntrySchema, ownEntryKey, wording),
      },
      { error: `The ${wording.things} could not be read. Try choosing them again.` },
    )
    .prefault({});
}

/** How many entries a list holds, picked and own together. */
export function pickOrAddCount(list: {
  readonly picked: readonly unknown[];
  readonly own: readonly unknown[];
}): number {
  return list.picked.length + list.own.length;
}
