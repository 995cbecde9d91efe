/**
 * Shared by the practice tests: what counts as a sentence, which words the product never uses,
 * and every piece of catalogue wording gathered in one list.
 */
import { PRACTICE_LIST, practiceDurationCheck, practiceParametersParse } from './catalogue.ts';
import { PRACTICE_IDS } from './practice-definition.ts';

/**
 * Words that blame, pressure or sound clinical. Attune is a practice space, not therapy, and it
 * never says a person is doing it wrong. Case-insensitive; an entry ending in `*` matches any word
 * that starts with it ("diagnos*": diagnosis, diagnose), any other entry only the whole word (so
 * "should" never catches "shoulder").
 */
export const AVOIDED_WORDS = [
  'must',
  'should',
  'have to',
  'fail*',
  'wrong*',
  'mistake*',
  'fault*',
  'blame*',
  'broken',
  'weak*',
  'bad',
  'correct*',
  'disorder*',
  'patient*',
  'diagnos*',
  'symptom*',
  'treatment*',
  'therap*',
  'clinic*',
  'patholog*',
  'dysregulat*',
  'trauma*',
  'cure*',
  'heal',
  'healing',
  'sympathetic',
  'vagal',
  'ventral',
  'dorsal',
] as const;

/** The avoided words found in a text, if any. */
export function avoidedWordsIn(text: string): string[] {
  const lower = text.toLowerCase();
  return AVOIDED_WORDS.filter((entry) => {
    const stem = entry.endsWith('*');
    const word = stem ? entry.slice(0, -1) : entry;
    return new RegExp(`\\b${word}${stem ? '' : '\\b'}`).test(lower);
  });
}

/** Starts with a capital letter, ends with a full stop, and has no doubled spaces. */
export function isSentence(text: string): boolean {
  return /^[A-Z]/.test(text) && text.endsWith('.') && !text.includes('  ');
}

/** The longest sentence, in words, that the catalogue uses: short sentences only. */
export const LONGEST_SENTENCE_WORDS = 25;

/** Splits a text into its sentences. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** One piece of wording and where it comes from. */
export interface PlacedText {
  readonly where: string;
  readonly text: string;
}

/** Every piece of wording a person can see in the catalogue. */
export function catalogueTexts(): PlacedText[] {
  const texts: PlacedText[] = [];
  for (const definition of PRACTICE_LIST) {
    const at = (part: string, text: string): void => {
      texts.push({ where: `${definition.id} ${part}`, text });
    };
    at('title', definition.title);
    at('summary', definition.summary);
    at('description', definition.description);
    at('howToStop', definition.howToStop);
    definition.steps.forEach((step, index) => {
      at(`step ${String(index + 1)}`, step);
    });
    for (const role of definition.roles) {
      at(`role ${role.id} name`, role.name);
      at(`role ${role.id} description`, role.description);
    }
    (definition.holderPrompts ?? []).forEach((prompt, index) => {
      at(`holder prompt ${String(index + 1)}`, prompt);
    });
  }
  return texts;
}

/** Settings that each break one rule, to collect the messages people would see. */
const BAD_SETTINGS: readonly unknown[] = [
  'not settings',
  42,
  null,
  [],
  { pattern: 3 },
  { pattern: { inhaleMs: 0 } },
  { pattern: { holdAfterInhaleMs: -1 } },
  { pattern: { exhaleMs: 60_000 } },
  { pattern: { holdAfterExhaleMs: 'long' } },
  { pace: 'slow' },
  { startBreathsPerMin: 2 },
  { targetBreathsPerMin: 40 },
  { rampDurationMs: 1 },
  { inhaleShare: 0.9 },
  { mode: 'run' },
  { beatsPerMin: 500 },
  { placement: 'face' },
  { turnLengthMs: 1 },
  { turnsEach: 2.5 },
  { turnsEach: 9 },
];

/** Every rejection message the settings and length checks can produce for the samples above. */
export function sampleMessages(): PlacedText[] {
  const messages: PlacedText[] = [];
  for (const id of PRACTICE_IDS) {
    for (const raw of BAD_SETTINGS) {
      const result = practiceParametersParse(id, raw);
      if (!result.ok)
        messages.push({ where: `${id} ${JSON.stringify(raw)}`, text: result.message });
    }
  }
  for (const definition of PRACTICE_LIST) {
    const result = practiceDurationCheck(definition, -1);
    if (!result.ok) messages.push({ where: `${definition.id} length`, text: result.message });
  }
  const unknown = practiceParametersParse('nothing-like-this', {});
  if (!unknown.ok) messages.push({ where: 'unknown practice', text: unknown.message });
  return messages;
}
