/**
 * Each person's choice of whether and when gentle prompts appear. Off until the person turns them
 * on: a prompt is an invitation, and nothing reaches a person unasked (DESIGN, rules 2 and 6).
 * When on, they choose the days of the week, up to three times of day, optional quiet hours, and
 * which kinds of prompt they want.
 */
import { z } from 'zod';
import { PROMPT_THEMES } from './prompt-catalogue.ts';

/** The most times of day a person can choose: more than a few a day would start to nag. */
export const PROMPT_TIMES_PER_DAY_MAX = 3;

const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of a "HH:MM" time of day. */
export function timeOfDayMinutes(timeOfDay: string): number {
  const [hours, minutes] = timeOfDay.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Whether `minute` (since midnight) lies in quiet hours from `start` up to `end`, which may cross midnight. */
export function minuteIsQuiet(minute: number, quietHours: QuietHours | null): boolean {
  if (!quietHours) return false;
  const start = timeOfDayMinutes(quietHours.start);
  const end = timeOfDayMinutes(quietHours.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

const timeOfDaySchema = z
  .string()
  .regex(TIME_OF_DAY_PATTERN, { error: 'Choose a time of day like 08:30 or 18:00.' });

/** Hours in which no prompt ever appears, from `start` up to `end` (crossing midnight if `end` is earlier). */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

const quietHoursSchema = z
  .strictObject({ start: timeOfDaySchema, end: timeOfDaySchema })
  .refine((hours) => hours.start !== hours.end, {
    error: 'Give your quiet hours a start and an end that differ.',
  });

/** A person's prompt settings; `{}` gives the default: prompts off. */
export const promptSettingsSchema = z
  .strictObject({
    enabled: z.boolean({ error: 'Choose whether gentle prompts are on or off.' }).default(false),
    /** ISO weekdays: 1 is Monday, 7 is Sunday. */
    weekdays: z
      .array(z.number().int().min(1).max(7), { error: 'Choose the days of the week again.' })
      .default([])
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    timesOfDay: z
      .array(timeOfDaySchema)
      .max(PROMPT_TIMES_PER_DAY_MAX, {
        error: `Choose up to ${String(PROMPT_TIMES_PER_DAY_MAX)} times a day.`,
      })
      .default([])
      .transform((times) => [...new Set(times)].sort()),
    quietHours: quietHoursSchema.nullable().default(null),
    themes: z
      .array(z.enum(PROMPT_THEMES, { error: 'Choose the kinds of prompt again.' }))
      .default([...PROMPT_THEMES]),
  })
  .superRefine((settings, context) => {
    if (!settings.enabled) return;
    const add = (message: string): void => {
      context.addIssue({ code: 'custom', message });
    };
    if (settings.weekdays.length === 0) add('Choose at least one day, or turn gentle prompts off.');
    if (settings.timesOfDay.length === 0)
      add('Choose at least one time of day, or turn gentle prompts off.');
    if (settings.themes.length === 0)
      add('Choose at least one kind of prompt, or turn gentle prompts off.');
    for (const time of settings.timesOfDay) {
      if (minuteIsQuiet(timeOfDayMinutes(time), settings.quietHours)) {
        add(
          `The time ${time} falls within your quiet hours. Choose another time, or change your quiet hours.`,
        );
      }
    }
  });

/** Prompt settings after parsing. */
export type PromptSettings = z.output<typeof promptSettingsSchema>;

/** Prompts off: where everyone starts. */
export const PROMPT_SETTINGS_OFF: PromptSettings = promptSettingsSchema.parse({});

/**
 * What the settings screen suggests when someone turns prompts on: three evenings a week, quiet
 * at night. Three a week is 39 in a season, which the 40 prompts cover without a gap.
 */
export const PROMPT_SETTINGS_SUGGESTED: PromptSettings = promptSettingsSchema.parse({
  enabled: true,
  weekdays: [1, 3, 5],
  timesOfDay: ['18:30'],
  quietHours: { start: '21:30', end: '08:00' },
});

/** Said beside the on/off switch. */
export const PROMPT_SETTINGS_NOTE =
  'Gentle prompts are off unless you turn them on. Choose the days and times that suit you. There is nothing to keep up with, and letting one pass is always fine.';
