/**
 * Whether the pacer plays sound or vibrates, remembered on this device. Both are off until the
 * person turns them on.
 */

/** The two optional cues. */
export interface CueSettings {
  readonly sound: boolean;
  readonly vibration: boolean;
}

/** Both cues off: the default. */
export const CUES_OFF: CueSettings = { sound: false, vibration: false };

/** Where the choice is kept in localStorage. */
export const CUE_SETTINGS_KEY = 'attune.pacer.cues';

/** The subset of Storage this needs, so tests can pass a fake. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The remembered cues, or both off when nothing (or nothing readable) is stored. */
export function cueSettingsLoad(storage: KeyValueStorage | null): CueSettings {
  if (storage === null) return CUES_OFF;
  try {
    const raw: unknown = JSON.parse(storage.getItem(CUE_SETTINGS_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return CUES_OFF;
    const { sound, vibration } = raw as Record<string, unknown>;
    return { sound: sound === true, vibration: vibration === true };
  } catch {
    return CUES_OFF;
  }
}

/** Remembers the cues; a full or blocked storage is ignored (the choice then lasts this visit). */
export function cueSettingsSave(storage: KeyValueStorage | null, settings: CueSettings): void {
  if (storage === null) return;
  try {
    storage.setItem(CUE_SETTINGS_KEY, JSON.stringify({ sound: settings.sound, vibration: settings.vibration }));
  } catch {
    // Private browsing or a full disk: nothing to do.
  }
}
