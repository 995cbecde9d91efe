/** The live-session decider: commands in, events out, state folded from events. */
export * from './events.ts';
export * from './state.ts';
export * from './decide.ts';
export * from './rejection.ts';
export * from './queries.ts';
export * from './visibility.ts';
export { PRACTICE_LEAD_IN_MS, PRACTICE_COMPLETION_TOLERANCE_MS } from './decide-practice.ts';
