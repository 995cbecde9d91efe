import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRACTICE_IDS, practiceById, practiceParametersParse } from '../../core/practices/index.ts';
import { PRACTICE_SETTING_CHOICES, practiceLengthOptions, practiceParametersFromChoices } from './practice-choices.ts';

test('length options stay within each practice range and include its default', () => {
  for (const id of PRACTICE_IDS) {
    const definition = practiceById(id)!;
    const options = practiceLengthOptions(definition);
    assert.ok(options.includes(definition.defaultDurationMs), id);
    assert.ok(options.every((ms) => ms >= definition.minDurationMs && ms <= definition.maxDurationMs), id);
    assert.deepEqual(options, [...options].sort((a, b) => a - b));
  }
});

test('every offered option gives parameters the catalogue accepts', () => {
  for (const id of PRACTICE_IDS) {
    for (const setting of PRACTICE_SETTING_CHOICES[id]) {
      for (const option of setting.options) {
        const parameters = practiceParametersFromChoices(id, { [setting.id]: option.id });
        const parsed = practiceParametersParse(id, parameters);
        assert.equal(parsed.ok, true, `${id} ${setting.id}=${option.id}: ${parsed.ok ? '' : parsed.message}`);
      }
    }
  }
});

test('breath-sync offers 4-6 by default and 5-5 on request', () => {
  const byDefault = practiceParametersParse('breath-sync', practiceParametersFromChoices('breath-sync', {}));
  const even = practiceParametersParse('breath-sync', practiceParametersFromChoices('breath-sync', { pattern: '5-5' }));
  assert.ok(byDefault.ok && even.ok);
  assert.equal(byDefault.parameters.pattern.exhaleMs, 6000);
  assert.equal(even.parameters.pattern.inhaleMs, 5000);
  assert.equal(even.parameters.pattern.exhaleMs, 5000);
});

test('a proposal says its chosen settings in words', async () => {
  const { practiceSettingsWords } = await import('./practice-choices.ts');
  const touch = practiceParametersParse('touch', practiceParametersFromChoices('touch', { placement: 'heart' }));
  assert.ok(touch.ok);
  assert.deepEqual(practiceSettingsWords('touch', touch.parameters), ['Over the heart']);
  const breath = practiceParametersParse('breath-sync', {});
  assert.ok(breath.ok);
  assert.deepEqual(practiceSettingsWords('breath-sync', breath.parameters), ['In for 4, out for 6 (a gentle start)']);
  const followed = practiceParametersParse('mirroring', { followSensedBreath: true });
  assert.ok(followed.ok);
  assert.ok(practiceSettingsWords('mirroring', followed.parameters).some((words) => /follows the leader's sensed breath/.test(words)));
});
