import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BREATH_PARTS } from '../../core/pacer/index.ts';
import { CUE_MAX_GAIN, cueToneFor } from './audio-cues.ts';
import { CUE_SETTINGS_KEY, CUES_OFF, cueSettingsLoad, cueSettingsSave } from './cue-settings.ts';
import { vibrationCue, vibrationPatternFor } from './vibration.ts';

function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      data.set(key, value);
    },
  };
}

test('inhale rises, exhale falls and sits lower; holds are silent', () => {
  const inhale = cueToneFor('inhale');
  const exhale = cueToneFor('exhale');
  assert.ok(inhale && exhale);
  assert.ok(inhale.toHz > inhale.fromHz);
  assert.ok(exhale.toHz < exhale.fromHz);
  assert.ok(exhale.toHz < inhale.fromHz);
  assert.equal(cueToneFor('holdAfterInhale'), null);
  assert.equal(cueToneFor('holdAfterExhale'), null);
});

test('every tone is quiet, 0.4–0.8 s long, with a soft attack and release', () => {
  for (const part of BREATH_PARTS) {
    const tone = cueToneFor(part);
    if (tone === null) continue;
    assert.ok(tone.peakGain > 0 && tone.peakGain <= CUE_MAX_GAIN && CUE_MAX_GAIN <= 0.08);
    assert.ok(tone.durationS >= 0.4 && tone.durationS <= 0.8);
    assert.ok(tone.attackS >= 0.05 && tone.releaseS >= 0.2);
    assert.ok(tone.attackS + tone.releaseS <= tone.durationS);
  }
});

test('vibration: one long pulse in, two short pulses out, nothing on holds', () => {
  const inhale = vibrationPatternFor('inhale');
  const exhale = vibrationPatternFor('exhale');
  assert.ok(inhale && exhale);
  assert.equal(inhale.length, 1);
  assert.equal(exhale.filter((_, index) => index % 2 === 0).length, 2);
  assert.ok((inhale[0] ?? 0) > Math.max(...exhale));
  assert.equal(vibrationPatternFor('holdAfterInhale'), null);
  assert.equal(vibrationPatternFor('holdAfterExhale'), null);
});

test('vibration is a no-op where the device has none', () => {
  assert.equal(vibrationCue('inhale', null), false);
  assert.equal(vibrationCue('inhale', {}), false);
  const sent: number[][] = [];
  const device = {
    vibrate: (pattern: number[]) => {
      sent.push(pattern);
      return true;
    },
  };
  assert.equal(vibrationCue('exhale', device), true);
  assert.equal(vibrationCue('holdAfterExhale', device), false);
  assert.deepEqual(sent, [[...(vibrationPatternFor('exhale') ?? [])]]);
});

test('cue settings default to off and are remembered', () => {
  const storage = fakeStorage();
  assert.deepEqual(cueSettingsLoad(storage), CUES_OFF);
  assert.deepEqual(cueSettingsLoad(null), CUES_OFF);
  cueSettingsSave(storage, { sound: true, vibration: false });
  assert.deepEqual(cueSettingsLoad(storage), { sound: true, vibration: false });
});

test('unreadable cue settings fall back to off', () => {
  for (const stored of ['not json', '42', '{"sound":"yes"}', 'null']) {
    assert.deepEqual(cueSettingsLoad(fakeStorage({ [CUE_SETTINGS_KEY]: stored })), CUES_OFF);
  }
  const throwing = {
    getItem: () => {
      throw new Error('blocked');
    },
    setItem: () => {
      throw new Error('blocked');
    },
  };
  assert.deepEqual(cueSettingsLoad(throwing), CUES_OFF);
  assert.doesNotThrow(() => {
    cueSettingsSave(throwing, { sound: true, vibration: true });
  });
});
