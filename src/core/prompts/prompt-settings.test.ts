import assert from 'node:assert/strict';
import { test } from 'node:test';
import { avoidedWordsIn, isSentence } from '../practices/wording-rules.test-support.ts';
import {
  PROMPT_SETTINGS_OFF,
  PROMPT_SETTINGS_SUGGESTED,
  minuteIsQuiet,
  promptSettingsSchema,
} from './prompt-settings.ts';

function messagesFor(raw: unknown): string[] {
  const result = promptSettingsSchema.safeParse(raw);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

test('prompts are off until a person turns them on', () => {
  assert.equal(PROMPT_SETTINGS_OFF.enabled, false);
  assert.deepEqual(promptSettingsSchema.parse({}), PROMPT_SETTINGS_OFF);
  assert.equal(PROMPT_SETTINGS_SUGGESTED.enabled, true);
});

test('turning prompts on asks for at least one day, one time and one kind', () => {
  assert.deepEqual(messagesFor({ enabled: true, themes: [] }), [
    'Choose at least one day, or turn gentle prompts off.',
    'Choose at least one time of day, or turn gentle prompts off.',
    'Choose at least one kind of prompt, or turn gentle prompts off.',
  ]);
});

test('times are tidy: up to three a day, repeated days and times kept once and in order', () => {
  const settings = promptSettingsSchema.parse({
    enabled: true,
    weekdays: [5, 1, 5],
    timesOfDay: ['18:00', '08:15', '18:00'],
  });
  assert.deepEqual(settings.weekdays, [1, 5]);
  assert.deepEqual(settings.timesOfDay, ['08:15', '18:00']);
  assert.deepEqual(
    messagesFor({ enabled: true, weekdays: [1], timesOfDay: ['07:00', '12:00', '17:00', '20:00'] }),
    ['Choose up to 3 times a day.'],
  );
  assert.deepEqual(messagesFor({ enabled: true, weekdays: [1], timesOfDay: ['7am'] }), [
    'Choose a time of day like 08:30 or 18:00.',
  ]);
});

test('quiet hours may cross midnight, and a chosen time inside them is turned down', () => {
  const night = { start: '22:00', end: '07:00' };
  assert.ok(minuteIsQuiet(23 * 60, night));
  assert.ok(minuteIsQuiet(6 * 60 + 59, night));
  assert.ok(!minuteIsQuiet(7 * 60, night));
  assert.ok(!minuteIsQuiet(12 * 60, { start: '13:00', end: '14:00' }));
  assert.deepEqual(
    messagesFor({ enabled: true, weekdays: [1], timesOfDay: ['06:30'], quietHours: night }),
    [
      'The time 06:30 falls within your quiet hours. Choose another time, or change your quiet hours.',
    ],
  );
  assert.deepEqual(
    messagesFor({
      enabled: true,
      weekdays: [1],
      timesOfDay: ['09:00'],
      quietHours: { start: '09:00', end: '09:00' },
    }),
    [
      'Give your quiet hours a start and an end that differ.',
      'The time 09:00 falls within your quiet hours. Choose another time, or change your quiet hours.',
    ],
  );
});

test('every settings message is a kind sentence a person can act on', () => {
  const samples = [
    { enabled: 'yes' },
    { enabled: true, themes: [] },
    { enabled: true, weekdays: 'weekends' },
    { enabled: true, weekdays: [1], timesOfDay: ['25:00'] },
    { enabled: true, weekdays: [1], timesOfDay: ['08:00'], themes: ['gossip'] },
    { enabled: true, weekdays: [1], timesOfDay: ['08:00', '09:00', '10:00', '11:00'] },
    {
      enabled: true,
      weekdays: [1],
      timesOfDay: ['23:00'],
      quietHours: { start: '22:00', end: '06:00' },
    },
  ];
  const messages = samples.flatMap(messagesFor);
  assert.ok(messages.length >= 9);
  for (const message of messages) {
    assert.ok(isSentence(message), message);
    assert.deepEqual(avoidedWordsIn(message), [], message);
    assert.doesNotMatch(message, /Invalid|expected|undefined/, message);
  }
});
