/**
 * The two optional pacer cues, sound and vibration: off until turned on, remembered on this
 * device. Turning sound on is the user gesture that lets the page make sound, and plays one
 * quiet tone so the person knows what to expect.
 */
import { useState } from 'preact/hooks';
import { audioCuePlay, audioCuesSupported, audioCuesUnlock } from '../pacer/audio-cues.ts';
import { cueSettingsLoad, cueSettingsSave } from '../pacer/cue-settings.ts';
import type { CueSettings } from '../pacer/cue-settings.ts';
import { vibrationCue, vibrationSupported } from '../pacer/vibration.ts';
import { browserStorage } from '../local/check-ins.ts';
import './cue-toggles.css';

/** The remembered cue settings and a setter that remembers changes. */
export function useCueSettings(): [CueSettings, (next: CueSettings) => void] {
  const [settings, setSettings] = useState<CueSettings>(() => cueSettingsLoad(browserStorage()));
  const update = (next: CueSettings) => {
    setSettings(next);
    cueSettingsSave(browserStorage(), next);
  };
  return [settings, update];
}

/** Checkboxes for the optional cues. */
export function CueToggles(props: { settings: CueSettings; onChange: (next: CueSettings) => void }) {
  const { settings, onChange } = props;
  const canSound = audioCuesSupported();
  const canVibrate = vibrationSupported();
  return (
    <fieldset class="cue-toggles">
      <legend>Cues (optional)</legend>
      <p class="hint">Both are off unless you turn them on. Your choice is remembered on this device.</p>
      {canSound && (
        <label class="cue-toggle">
          <input
            type="checkbox"
            checked={settings.sound}
            onChange={(event) => {
              const sound = event.currentTarget.checked;
              if (sound) {
                audioCuesUnlock();
                // A short, quiet sample once the audio has woken.
                window.setTimeout(() => {
                  audioCuePlay('inhale');
                }, 120);
              }
              onChange({ ...settings, sound });
            }}
          />
          <span>
            <span class="cue-toggle-name">Soft sounds</span>
            <span class="hint cue-toggle-hint">A gentle rising tone as you breathe in, a lower falling one as you breathe out.</span>
          </span>
        </label>
      )}
      {canVibrate && (
        <label class="cue-toggle">
          <input
            type="checkbox"
            checked={settings.vibration}
            onChange={(event) => {
              const vibration = event.currentTarget.checked;
              if (vibration) vibrationCue('inhale');
              onChange({ ...settings, vibration });
            }}
          />
          <span>
            <span class="cue-toggle-name">Vibration</span>
            <span class="hint cue-toggle-hint">One long pulse to breathe in, two short ones to breathe out, if your device can vibrate.</span>
          </span>
        </label>
      )}
    </fieldset>
  );
}
