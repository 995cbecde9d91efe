/**
 * What a person longs for underneath the moves. Under a sharp word or a closed door there is
 * usually a wish for closeness or safety; naming it is what lets the other person answer it.
 */

/** Every longing in the catalogue. */
export const LONGING_IDS = [
  'to-matter',
  'to-be-seen',
  'to-be-accepted',
  'to-feel-safe',
  'to-be-close',
  'to-be-trusted',
  'to-be-understood',
  'to-be-enough',
  'to-be-wanted',
  'to-rest',
] as const;

/** The id of one longing. */
export type LongingId = (typeof LONGING_IDS)[number];

/** One longing a person can pick. */
export interface LongingDefinition {
  readonly id: LongingId;
  /** How the person picks it: "To matter". */
  readonly label: string;
  /** How the description says it after "longs": "to matter". */
  readonly phrase: string;
}

const longing = (id: LongingId, label: string, phrase: string): LongingDefinition => ({
  id,
  label,
  phrase,
});

/** Every longing by id. */
export const LONGINGS: Readonly<Record<LongingId, LongingDefinition>> = {
  'to-matter': longing('to-matter', 'To matter', 'to matter'),
  'to-be-seen': longing('to-be-seen', 'To be seen', 'to be seen'),
  'to-be-accepted': longing(
    'to-be-accepted',
    'To be accepted as I am',
    'to be accepted as they are',
  ),
  'to-feel-safe': longing('to-feel-safe', 'To feel safe', 'to feel safe'),
  'to-be-close': longing('to-be-close', 'To feel close', 'to feel close'),
  'to-be-trusted': longing('to-be-trusted', 'To be trusted', 'to be trusted'),
  'to-be-understood': longing('to-be-understood', 'To be understood', 'to be understood'),
  'to-be-enough': longing('to-be-enough', 'To know I am enough', 'to know they are enough'),
  'to-be-wanted': longing('to-be-wanted', 'To be wanted', 'to be wanted'),
  'to-rest': longing(
    'to-rest',
    'To rest without letting anyone down',
    'to rest without letting anyone down',
  ),
};

/** Every longing in catalogue order. */
export const LONGING_LIST: readonly LongingDefinition[] = LONGING_IDS.map((id) => LONGINGS[id]);
