import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROMPT_SETTINGS_OFF, PROMPT_SETTINGS_SUGGESTED } from '../../core/prompts/index.ts';
import {
  draftCanAddTime,
  draftChecked,
  draftEnabledSet,
  draftThemeToggled,
  draftTimeAdded,
  draftTimeChanged,
  draftTimeRemoved,
  draftWeekdayToggled,
} from './prompt-settings-draft.ts';

test('prompts start off; turning them on with nothing chosen takes the gentle suggestion', () => {
  assert.equal(PROMPT_SETTINGS_OFF.enabled, false);
  const on = draftEnabledSet(PROMPT_SETTINGS_OFF, true);
  assert.deepEqual(on, PROMPT_SETTINGS_SUGGESTED);
  const chosen = { ...on, weekdays: [2], enabled: false };
  assert.deepEqual(draftEnabledSet(chosen, true).weekdays, [2], 'earlier choices are kept when turning back on');
  assert.equal(draftEnabledSet(on, false).enabled, false);
});

test('days and kinds toggle; times add up to three and can be changed or removed', () => {
  let draft = draftEnabledSet(PROMPT_SETTINGS_OFF, true);
  draft = draftWeekdayToggled(draft, 7);
  draft = draftWeekdayToggled(draft, 1);
  assert.deepEqual(draft.weekdays, [3, 5, 7]);
  draft = draftThemeToggled(draft, 'relationship');
  assert.ok(!draft.themes.includes('relationship'));
  draft = draftTimeAdded(draft);
  assert.deepEqual(draft.timesOfDay, ['18:30', '19:30']);
  draft = draftTimeAdded(draft);
  assert.equal(draftCanAddTime(draft), false);
  assert.equal(draftTimeAdded(draft).timesOfDay.length, 3);
  draft = draftTimeChanged(draft, 2, '07:45');
  draft = draftTimeRemoved(draft, 1);
  assert.deepEqual(draft.timesOfDay, ['18:30', '07:45']);
});

test('what still needs a choice comes back as the core’s plain sentences', () => {
  const draft = { ...draftEnabledSet(PROMPT_SETTINGS_OFF, true), weekdays: [], timesOfDay: ['23:00'] };
  const checked = draftChecked(draft);
  assert.ok(!checked.ok);
  assert.deepEqual(checked.problems, [
    'Choose at least one day, or turn gentle prompts off.',
    'The time 23:00 falls within your quiet hours. Choose another time, or change your quiet hours.',
  ]);
  const fine = draftChecked(draftEnabledSet(PROMPT_SETTINGS_OFF, true));
  assert.ok(fine.ok);
  assert.ok(draftChecked(PROMPT_SETTINGS_OFF).ok, 'off needs no choices at all');
});
