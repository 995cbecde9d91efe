/** Gentle prompts: the catalogue, each person's settings, open slots, and which prompt comes next. */
export * from './prompt-catalogue.ts';
export * from './prompt-settings.ts';
export * from './prompt-slots.ts';
export * from './prompt-next.ts';
