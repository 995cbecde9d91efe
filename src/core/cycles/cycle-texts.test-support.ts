/**
 * Every fixed piece of cycle wording gathered in one list, and every message the cycle schemas
 * and the map's rules can produce for a set of bad inputs, for the wording tests.
 */
import type { PlacedText } from '../practices/wording-rules.test-support.ts';
import {
  CYCLE_SIDE_PRIVACY_NOTE,
  CYCLE_SIDE_PROMPTS,
  SIDE_NEEDS_A_MOVE_MESSAGE,
  cycleSideParse,
} from './cycle-side.ts';
import { CYCLE_PATTERN_NAMES } from './cycle-pattern.ts';
import { cycleMapCommandParse } from './cycle-map-commands.ts';
import { FEELING_LIST } from './feelings.ts';
import { LONGING_LIST } from './longings.ts';
import { CYCLE_MOVE_LIST, MOVE_LEAN_LABELS, OWN_MOVE_LEAN_QUESTION } from './moves.ts';
import { WORKED_EXAMPLE_SETTING } from './worked-example.ts';
import { WORKED_EXAMPLE_WALKTHROUGH } from './worked-example-walkthrough.ts';

/** Labels and phrases from the catalogues: words, not sentences. */
export function cycleCatalogueTexts(): PlacedText[] {
  return [
    ...CYCLE_MOVE_LIST.flatMap((move) => [
      { where: `move ${move.id} label`, text: move.label },
      { where: `move ${move.id} phrase`, text: move.phrase },
    ]),
    ...FEELING_LIST.map((feeling) => ({ where: `feeling ${feeling.id}`, text: feeling.label })),
    ...LONGING_LIST.flatMap((longing) => [
      { where: `longing ${longing.id} label`, text: longing.label },
      { where: `longing ${longing.id} phrase`, text: longing.phrase },
    ]),
    ...Object.entries(CYCLE_PATTERN_NAMES).map(([kind, names]) => ({
      where: `pattern ${kind} title`,
      text: names.title,
    })),
  ];
}

/** Fixed sentences people read: questions, hints, notes, the example and its walkthrough. */
export function cycleSentenceTexts(): PlacedText[] {
  return [
    ...Object.entries(MOVE_LEAN_LABELS).flatMap(([lean, labels]) => [
      { where: `lean ${lean} heading`, text: labels.heading },
      { where: `lean ${lean} choice`, text: labels.choice },
    ]),
    { where: 'own move lean question', text: OWN_MOVE_LEAN_QUESTION },
    ...Object.entries(CYCLE_SIDE_PROMPTS).flatMap(([part, prompt]) => [
      { where: `prompt ${part} question`, text: prompt.question },
      { where: `prompt ${part} hint`, text: prompt.hint },
    ]),
    { where: 'privacy note', text: CYCLE_SIDE_PRIVACY_NOTE },
    { where: 'needs a move', text: SIDE_NEEDS_A_MOVE_MESSAGE },
    ...Object.entries(CYCLE_PATTERN_NAMES).map(([kind, names]) => ({
      where: `pattern ${kind} note`,
      text: names.usualTerm,
    })),
    ...WORKED_EXAMPLE_SETTING.map((text, index) => ({
      where: `example setting ${String(index + 1)}`,
      text,
    })),
    ...WORKED_EXAMPLE_WALKTHROUGH.flatMap((step) => [
      { where: `walkthrough ${step.id} title`, text: step.title },
      { where: `walkthrough ${step.id} body`, text: step.body },
    ]),
  ];
}

const BAD_SIDES: readonly unknown[] = [
  null,
  'a side',
  { setsItOff: 4 },
  { setsItOff: 'x'.repeat(301) },
  { setsItOff: 'bell\u0007' },
  { storyAboutOther: 'y'.repeat(400) },
  { moves: 'lots' },
  { moves: { picked: 'going-quiet' } },
  { moves: { picked: ['slamming-doors'] } },
  { moves: { picked: Array.from({ length: 41 }, () => 'going-quiet') } },
  { moves: { own: ['just words'] } },
  { moves: { own: [{ text: 'I sigh' }] } },
  { moves: { own: [{ text: 'I sigh', lean: 'sideways' }] } },
  { moves: { own: [{ text: '', lean: 'away' }] } },
  { moves: { own: [{ text: 'z'.repeat(81), lean: 'away' }] } },
  {
    moves: {
      own: Array.from({ length: 7 }, (_, index) => ({
        text: `move ${String(index)}`,
        lean: 'away',
      })),
    },
  },
  { feelingsUnderneath: { picked: ['grumpy'] } },
  { feelingsUnderneath: { own: ['two\nlines'] } },
  { feelingsUnderneath: { own: 'sad' } },
  { longings: 7 },
  { longings: { picked: [], extra: true } },
  { unexpected: true },
];

const BAD_COMMANDS: readonly unknown[] = [
  null,
  { type: 'shout' },
  { type: 'openMap' },
  { type: 'openMap', mapId: 'map-1', partnerId: 'not ok!' },
  { type: 'openMap', mapId: 'm'.repeat(65), partnerId: 'ben' },
  { type: 'markReady', extra: 1 },
  { type: 'nameCycle', name: '' },
  { type: 'nameCycle', name: 'n'.repeat(61) },
  { type: 'nameCycle', name: 'two\nlines' },
  { type: 'savePlan', plan: null },
  { type: 'savePlan', plan: { practiceId: 'grounding' } },
  { type: 'savePlan', plan: { cuePhrase: 'c'.repeat(121), practiceId: 'grounding' } },
  { type: 'savePlan', plan: { cuePhrase: 'Loop', pauseMinutes: 0, practiceId: 'grounding' } },
  { type: 'savePlan', plan: { cuePhrase: 'Loop', pauseMinutes: 12.5, practiceId: 'grounding' } },
  { type: 'savePlan', plan: { cuePhrase: 'Loop', pauseMinutes: 500, practiceId: 'grounding' } },
  { type: 'savePlan', plan: { cuePhrase: 'Loop', practiceId: 'touch' } },
  { type: 'savePlan', plan: { cuePhrase: 'Loop', practiceId: 'juggling' } },
];

/** Every message the side and command schemas give for the bad inputs above. */
export function cycleSchemaMessages(): PlacedText[] {
  const messages: PlacedText[] = [];
  for (const raw of BAD_SIDES) {
    const result = cycleSideParse(raw);
    if (!result.ok)
      messages.push({ where: `side ${JSON.stringify(raw).slice(0, 60)}`, text: result.message });
  }
  for (const raw of BAD_COMMANDS) {
    const result = cycleMapCommandParse(raw);
    if (!result.ok)
      messages.push({ where: `command ${JSON.stringify(raw).slice(0, 60)}`, text: result.message });
  }
  return messages;
}

/** How many bad inputs the messages above were collected from. */
export const BAD_INPUT_COUNT = BAD_SIDES.length + BAD_COMMANDS.length;
