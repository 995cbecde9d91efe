/**
 * The few choices the practice picker offers, as plain data: lengths within a practice's range
 * (short first, the default selected), and a handful of settings per practice, each turned into
 * the parameters the catalogue validates. Everything not offered keeps its default.
 */
import type { PracticeDefinition, PracticeId } from '../../core/practices/index.ts';
import { durationInWords } from '../../core/practices/index.ts';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;

/** Lengths to offer: every step from min to max that reads well, always including the default. */
export function practiceLengthOptions(definition: Pick<PracticeDefinition<unknown>, 'minDurationMs' | 'maxDurationMs' | 'defaultDurationMs'>): number[] {
  const candidates = [30, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600].map((s) => s * SECOND_MS);
  const options = new Set(candidates.filter((ms) => ms >= definition.minDurationMs && ms <= definition.maxDurationMs));
  options.add(definition.defaultDurationMs);
  return [...options].sort((a, b) => a - b);
}

/** "3 minutes", "1 minute and 30 seconds". */
export function lengthWords(ms: number): string {
  return durationInWords(ms);
}

/** One choice of a setting. */
export interface SettingOption {
  readonly id: string;
  readonly label: string;
  /** Merged into the parameters when chosen. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** One setting with its options; the first option is the default. */
export interface SettingChoice {
  readonly id: string;
  readonly question: string;
  readonly hint?: string;
  readonly options: readonly SettingOption[];
}

const breathChoice: SettingChoice = {
  id: 'pattern',
  question: 'Which breath?',
  options: [
    { id: '4-6', label: 'In for 4, out for 6 (a gentle start)', parameters: { pattern: { inhaleMs: 4000, exhaleMs: 6000 } } },
    { id: '5-5', label: 'In for 5, out for 5 (even)', parameters: { pattern: { inhaleMs: 5000, exhaleMs: 5000 } } },
  ],
};

/** The settings offered for each practice (the rest keep their defaults). */
export const PRACTICE_SETTING_CHOICES: Readonly<Record<PracticeId, readonly SettingChoice[]>> = {
  'paced-breathing': [breathChoice],
  'breath-sync': [breathChoice],
  grounding: [
    {
      id: 'pace',
      question: 'Which pace?',
      options: [
        { id: 'gentle', label: 'Gentle: more time for each sense', parameters: { pace: 'gentle' } },
        { id: 'brisk', label: 'Brisk', parameters: { pace: 'brisk' } },
      ],
    },
  ],
  mirroring: [
    {
      id: 'start',
      question: 'Roughly how fast is the person who leads breathing right now?',
      hint: 'Ask them. A guess is fine: the pacer starts here, unless it follows a sensed breath.',
      options: [
        { id: '14', label: 'A bit fast (about 14 breaths a minute)', parameters: { startBreathsPerMin: 14 } },
        { id: '18', label: 'Fast (about 18 a minute)', parameters: { startBreathsPerMin: 18 } },
        { id: '22', label: 'Very fast (about 22 a minute)', parameters: { startBreathsPerMin: 22 } },
        { id: '10', label: 'Fairly steady (about 10 a minute)', parameters: { startBreathsPerMin: 10 } },
      ],
    },
    {
      id: 'target',
      question: 'How slow should it ease down to?',
      options: [
        { id: '6', label: 'About 6 breaths a minute (slow and calm)', parameters: { targetBreathsPerMin: 6 } },
        { id: '8', label: 'About 8 a minute (a smaller change)', parameters: { targetBreathsPerMin: 8 } },
      ],
    },
  ],
  movement: [
    {
      id: 'mode',
      question: 'How will you move?',
      options: [
        { id: 'sway', label: 'A slow sway from side to side', parameters: { mode: 'sway' } },
        { id: 'walk', label: 'A gentle walk, on the spot or around the room', parameters: { mode: 'walk' } },
      ],
    },
  ],
  touch: [
    {
      id: 'placement',
      question: 'Where will the hand rest?',
      options: [
        { id: 'shoulder', label: 'On a shoulder', parameters: { placement: 'shoulder' } },
        { id: 'hand', label: 'Holding a hand', parameters: { placement: 'hand' } },
        { id: 'upper-back', label: 'On the upper back', parameters: { placement: 'upper-back' } },
        { id: 'heart', label: 'Over the heart', parameters: { placement: 'heart' } },
      ],
    },
  ],
  'breathing-touch': [
    {
      id: 'placement',
      question: 'Where will the hand rest?',
      options: [
        { id: 'upper-back', label: 'On the upper back', parameters: { placement: 'upper-back' } },
        { id: 'chest', label: 'On the chest', parameters: { placement: 'chest' } },
        { id: 'belly', label: 'On the belly', parameters: { placement: 'belly' } },
      ],
    },
    {
      id: 'start',
      question: 'Roughly how fast is the person breathing now?',
      hint: 'A guess is fine: the pacer starts here, unless it follows a sensed breath.',
      options: [
        { id: '12', label: 'Steady (about 12 a minute)', parameters: { startBreathsPerMin: 12 } },
        { id: '16', label: 'A bit fast (about 16 a minute)', parameters: { startBreathsPerMin: 16 } },
        { id: '8', label: 'Slow (about 8 a minute)', parameters: { startBreathsPerMin: 8 } },
      ],
    },
  ],
  'share-and-hold': [
    {
      id: 'turn',
      question: 'How long is each turn?',
      options: [
        { id: '90', label: '1 minute and 30 seconds', parameters: { turnLengthMs: 90 * SECOND_MS } },
        { id: '60', label: '1 minute', parameters: { turnLengthMs: MINUTE_MS } },
        { id: '120', label: '2 minutes', parameters: { turnLengthMs: 2 * MINUTE_MS } },
        { id: '180', label: '3 minutes', parameters: { turnLengthMs: 3 * MINUTE_MS } },
      ],
    },
    {
      id: 'turns',
      question: 'How many turns each?',
      options: [
        { id: '1', label: 'One each', parameters: { turnsEach: 1 } },
        { id: '2', label: 'Two each', parameters: { turnsEach: 2 } },
      ],
    },
  ],
};

/** The parameters for the chosen options (by setting id → option id); unknown ids keep defaults. */
export function practiceParametersFromChoices(
  practiceId: PracticeId,
  chosen: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const setting of PRACTICE_SETTING_CHOICES[practiceId]) {
    const option = setting.options.find((candidate) => candidate.id === chosen[setting.id]) ?? setting.options[0];
    if (option) Object.assign(parameters, option.parameters);
  }
  return parameters;
}

/** Practices whose length follows from their settings (turns) instead of a chosen length. */
export function practiceLengthIsDerived(practiceId: PracticeId): boolean {
  return practiceId === 'share-and-hold';
}

/** The role a practice centres on, and the question to ask about who takes it. */
export const LEAD_ROLE_QUESTIONS: Partial<Record<PracticeId, string>> = {
  mirroring: 'Who feels most revved up right now, and leads the pace?',
  touch: 'Who receives the touch?',
  'breathing-touch': 'Who breathes (the other one listens with a hand)?',
  'share-and-hold': 'Who shares first?',
};

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return Object.keys(left).every((key) => sameValue(left[key], right[key]));
}

/** The chosen settings of a proposal in words ("On a shoulder"), for everyone to see before saying ready. */
export function practiceSettingsWords(practiceId: PracticeId, parameters: unknown): string[] {
  const given = typeof parameters === 'object' && parameters !== null ? (parameters as Record<string, unknown>) : {};
  const words: string[] = [];
  for (const setting of PRACTICE_SETTING_CHOICES[practiceId]) {
    const option = setting.options.find((candidate) =>
      Object.entries(candidate.parameters).every(([key, value]) => sameValue(value, given[key])),
    );
    if (option) words.push(option.label);
  }
  // Everyone should know before saying ready that the guide may follow someone's body.
  if (given.followSensedBreath === true) words.push("The pacer follows the leader's sensed breath while their sensor reads it");
  return words;
}
