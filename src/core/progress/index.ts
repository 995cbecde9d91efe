/** Progress: one timeline of body and relationship, aggregated from plain timed records. */
export * from './local-calendar.ts';
export * from './local-weeks.ts';
export * from './median.ts';
export * from './progress-records.ts';
export * from './window-of-tolerance.ts';
export * from './practice-doses.ts';
export * from './signal-trends.ts';
export * from './repair-times.ts';
export * from './reflection-progress.ts';
export * from './progress-timeline.ts';
