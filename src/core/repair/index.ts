/** Repair after a rupture: commands in, events out, state folded from events; times for progress. */
export * from './repair-commands.ts';
export * from './repair-events.ts';
export * from './repair-state.ts';
export * from './repair-queries.ts';
export * from './repair-rejection.ts';
export * from './repair-decide.ts';
export { REPAIR_CLOCK_TOLERANCE_MS, REPAIR_RETURN_TIME_LATEST_MS } from './repair-decide-return.ts';
export * from './repair-visibility.ts';
export * from './repair-summary.ts';
export * from './repair-wording.ts';
