import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { AvailabilityRules } from './availability.ts';
import { consultationBookDecide, consultationCancelDecide, consultationMoveDecide, type ConsultationCore } from './booking.ts';
import { availabilityExpand, timeSpansOverlap } from './slots.ts';

const NOW = Date.parse('2026-03-16T06:00:00Z');
const PEOPLE = ['pia', 'kai', 'bo', 'ana', 'eve'] as const;
const PRACTITIONERS = ['pia', 'kai'] as const;

const RULES: Record<string, AvailabilityRules> = {
  pia: { timeZone: 'Europe/Berlin', slotMinutes: 60, bufferMinutes: 0, minNoticeMinutes: 60, windows: [{ weekday: 1, start: '08:00', end: '12:00' }, { weekday: 7, start: '01:00', end: '04:00' }] },
  kai: { timeZone: 'America/New_York', slotMinutes: 45, bufferMinutes: 15, minNoticeMinutes: 0, windows: [{ weekday: 1, start: '02:00', end: '06:00' }, { weekday: 7, start: '00:00', end: '03:00' }] },
};

/** Every slot either practitioner offers over the three weeks around Berlin's change, plus a few off-grid times. */
const CANDIDATE_STARTS = [
  ...new Set([
    ...Object.values(RULES).flatMap((rules) => availabilityExpand(rules, NOW, NOW + 21 * 86_400_000).map((slot) => slot.startMs)),
    NOW + 30 * 60_000,
    NOW + 3 * 86_400_000 + 17 * 60_000,
  ]),
];

type Operation =
  | { kind: 'book'; practitioner: string; booker: string; startMs: number }
  | { kind: 'move'; index: number; startMs: number }
  | { kind: 'cancel'; index: number }
  | { kind: 'wait'; ms: number };

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('book' as const), practitioner: fc.constantFrom(...PRACTITIONERS), booker: fc.constantFrom(...PEOPLE), startMs: fc.constantFrom(...CANDIDATE_STARTS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), index: fc.nat(40), startMs: fc.constantFrom(...CANDIDATE_STARTS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), index: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 2 * 86_400_000 }) }) },
);

const takesPart = (c: ConsultationCore, person: string) => c.practitionerId === person || c.bookerId === person;

describe('booking: properties', () => {
  test('[BK5][BK8] whatever people book, move and cancel, nobody is ever in two booked consultations at once', () => {
    fc.assert(
      fc.property(fc.array(operationArb, { maxLength: 60 }), (operations) => {
        let nowMs = NOW;
        const all: ConsultationCore[] = [];
        const snapshotFor = (practitionerId: string, bookerId: string) => ({
          rules: RULES[practitionerId] ?? null,
          practitionerBusy: all.filter((c) => c.status === 'booked' && c.endMs > nowMs && takesPart(c, practitionerId)),
          bookerBusy: all.filter((c) => c.status === 'booked' && c.endMs > nowMs && takesPart(c, bookerId)),
          nowMs,
        });
        for (const operation of operations) {
          if (operation.kind === 'wait') {
            nowMs += operation.ms;
          } else if (operation.kind === 'book') {
            const decision = consultationBookDecide(snapshotFor(operation.practitioner, operation.booker), {
              practitionerId: operation.practitioner,
              bookerId: operation.booker,
              startMs: operation.startMs,
            });
            if (decision.ok) {
              assert.ok(decision.span.startMs > nowMs);
              all.push({ id: `c${all.length}`, practitionerId: operation.practitioner, bookerId: operation.booker, ...decision.span, status: 'booked', sequence: 0 });
            }
          } else {
            const index = operation.index % Math.max(1, all.length);
            const consultation = all[index];
            if (consultation === undefined) continue;
            const decision =
              operation.kind === 'cancel'
                ? consultationCancelDecide(consultation, nowMs)
                : consultationMoveDecide(snapshotFor(consultation.practitionerId, consultation.bookerId), consultation, operation.startMs);
            if (decision.ok) {
              all[index] =
                operation.kind === 'cancel'
                  ? { ...consultation, status: 'cancelled', sequence: consultation.sequence + 1 }
                  : { ...consultation, ...decision.span, sequence: consultation.sequence + 1 };
            }
          }
          const live = all.filter((c) => c.status === 'booked');
          for (const [i, a] of live.entries()) {
            for (const b of live.slice(i + 1)) {
              const shared = PEOPLE.some((person) => takesPart(a, person) && takesPart(b, person));
              assert.ok(!(shared && timeSpansOverlap(a, b)), `${a.id} and ${b.id} overlap for someone`);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
