/**
 * What a person feels underneath the moves. The moves are what the other person sees; these
 * softer feelings are usually hidden, even from oneself, until someone names them.
 */

/** Every feeling in the catalogue. */
export const FEELING_IDS = [
  'hurt',
  'alone',
  'afraid',
  'not-good-enough',
  'overwhelmed',
  'unseen',
  'pushed-away',
  'ashamed',
  'helpless',
  'sad',
  'judged',
  'unwanted',
] as const;

/** The id of one feeling underneath. */
export type FeelingId = (typeof FEELING_IDS)[number];

/** One feeling a person can pick. */
export interface FeelingDefinition {
  readonly id: FeelingId;
  /** How the person picks it: "Not good enough". */
  readonly label: string;
  /** How the description says it after "feels": "not good enough". */
  readonly phrase: string;
}

const feeling = (id: FeelingId, label: string): FeelingDefinition => ({
  id,
  label,
  phrase: label.toLowerCase(),
});

/** Every feeling by id. */
export const FEELINGS: Readonly<Record<FeelingId, FeelingDefinition>> = {
  hurt: feeling('hurt', 'Hurt'),
  alone: feeling('alone', 'Alone'),
  afraid: feeling('afraid', 'Afraid'),
  'not-good-enough': feeling('not-good-enough', 'Not good enough'),
  overwhelmed: feeling('overwhelmed', 'Overwhelmed'),
  unseen: feeling('unseen', 'Unseen'),
  'pushed-away': feeling('pushed-away', 'Pushed away'),
  ashamed: feeling('ashamed', 'Ashamed'),
  helpless: feeling('helpless', 'Helpless'),
  sad: feeling('sad', 'Sad'),
  judged: feeling('judged', 'Judged'),
  unwanted: feeling('unwanted', 'Unwanted'),
};

/** Every feeling in catalogue order. */
export const FEELING_LIST: readonly FeelingDefinition[] = FEELING_IDS.map((id) => FEELINGS[id]);
