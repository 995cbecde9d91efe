/**
 * Editing prompt settings before they are saved: turning prompts on fills in a gentle suggestion
 * when nothing was chosen yet, days and kinds toggle, times are added and removed (up to the
 * core's limit), and the core's own schema says in plain sentences what still needs a choice.
 */
import {
  PROMPT_SETTINGS_SUGGESTED,
  PROMPT_TIMES_PER_DAY_MAX,
  promptSettingsSchema,
  type PromptSettings,
  type PromptTheme,
} from '../../core/prompts/index.ts';

/** ISO weekdays (1 Monday … 7 Sunday) with their names, Monday first. */
export const WEEKDAYS: readonly { readonly day: number; readonly name: string }[] = [
  { day: 1, name: 'Monday' },
  { day: 2, name: 'Tuesday' },
  { day: 3, name: 'Wednesday' },
  { day: 4, name: 'Thursday' },
  { day: 5, name: 'Friday' },
  { day: 6, name: 'Saturday' },
  { day: 7, name: 'Sunday' },
];

/** Prompt settings being edited: the saved shape, before the schema has had its say. */
export type PromptSettingsDraft = PromptSettings;

/** Turns prompts on or off; on with nothing chosen yet takes the suggestion (three evenings a week, quiet at night). */
export function draftEnabledSet(draft: PromptSettingsDraft, enabled: boolean): PromptSettingsDraft {
  if (!enabled) return { ...draft, enabled: false };
  const nothingChosen = draft.weekdays.length === 0 && draft.timesOfDay.length === 0;
  return nothingChosen ? { ...PROMPT_SETTINGS_SUGGESTED, themes: draft.themes.length > 0 ? draft.themes : PROMPT_SETTINGS_SUGGESTED.themes } : { ...draft, enabled: true };
}

/** Adds or removes a day of the week. */
export function draftWeekdayToggled(draft: PromptSettingsDraft, day: number): PromptSettingsDraft {
  const weekdays = draft.weekdays.includes(day) ? draft.weekdays.filter((chosen) => chosen !== day) : [...draft.weekdays, day].sort((a, b) => a - b);
  return { ...draft, weekdays };
}

/** Adds or removes a kind of prompt. */
export function draftThemeToggled(draft: PromptSettingsDraft, theme: PromptTheme): PromptSettingsDraft {
  const themes = draft.themes.includes(theme) ? draft.themes.filter((chosen) => chosen !== theme) : [...draft.themes, theme];
  return { ...draft, themes };
}

/** Whether another time of day can be added. */
export function draftCanAddTime(draft: PromptSettingsDraft): boolean {
  return draft.timesOfDay.length < PROMPT_TIMES_PER_DAY_MAX;
}

/** Adds a time of day (an hour after the last, or 18:30), up to the limit. */
export function draftTimeAdded(draft: PromptSettingsDraft): PromptSettingsDraft {
  if (!draftCanAddTime(draft)) return draft;
  const last = draft.timesOfDay.at(-1);
  let next = '18:30';
  if (last !== undefined) {
    const [hours = 18, minutes = 30] = last.split(':').map(Number);
    next = `${String((hours + 1) % 24).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  }
  return { ...draft, timesOfDay: [...draft.timesOfDay, next] };
}

/** Changes the time at `index`. */
export function draftTimeChanged(draft: PromptSettingsDraft, index: number, time: string): PromptSettingsDraft {
  return { ...draft, timesOfDay: draft.timesOfDay.map((current, at) => (at === index ? time : current)) };
}

/** Removes the time at `index`. */
export function draftTimeRemoved(draft: PromptSettingsDraft, index: number): PromptSettingsDraft {
  return { ...draft, timesOfDay: draft.timesOfDay.filter((_, at) => at !== index) };
}

/** The settings ready to save, or the sentences saying what still needs a choice. */
export function draftChecked(draft: PromptSettingsDraft): { ok: true; settings: PromptSettings } | { ok: false; problems: string[] } {
  const parsed = promptSettingsSchema.safeParse(draft);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, problems: [...new Set(parsed.error.issues.map((issue) => issue.message))] };
}
