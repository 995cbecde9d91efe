/**
 * Consultations (issue 6): a practitioner's weekly availability in their own time zone, the slots
 * it offers across daylight-saving changes, the rules of booking, moving and cancelling, when the
 * live session room opens, and the .ics file both people can download. Pure: time is a parameter.
 */
export * from './availability.ts';
export * from './booking.ts';
export * from './ics.ts';
export * from './room.ts';
export * from './slots.ts';
export * from './zoned-time.ts';
