/**
 * Throughput of the pure decider: commands decided and events folded per second, for a
 * realistic mix (check-ins, proposals, readiness, starts, pauses, turns, ends), and the cost of
 * folding a long log from scratch (what a node does when it first opens a session).
 * Run: npx tsx bench/decide-evolve.bench.ts [rounds]
 */
import { OPEN_BOUNDARIES } from '../src/core/boundaries/boundary.ts';
import { sessionCommandSchema, type SessionCommand } from '../src/core/protocol/commands.ts';
import { sessionDecide } from '../src/core/session/decide.ts';
import type { SessionEvent } from '../src/core/session/events.ts';
import { SESSION_INITIAL_STATE, sessionEvolve, sessionFold } from '../src/core/session/state.ts';
import { serverTimeMs } from '../src/core/time/instant.ts';

const ROUNDS = Number(process.argv[2] ?? 20_000);
const people = ['ana', 'ben', 'cal'];

/** One round of a practice among three people: 17 commands. */
function roundCommands(): [string, SessionCommand][] {
  const raw: [string, object][] = [
    ['ana', { type: 'checkIn', state: 'activated', intensity: 6, visibility: 'shared', moment: 'before' }],
    ['ben', { type: 'checkIn', state: 'regulated', intensity: 2 }],
    ['cal', { type: 'proposePractice', practiceId: 'share-and-hold', parameters: { turnLengthMs: 60_000 } }],
    ...people.map((who): [string, object] => [who, { type: 'setReady', ready: true }]),
    ['ana', { type: 'startPractice' }],
    ['ben', { type: 'pause' }],
    ['ana', { type: 'resume' }],
    ['ben', { type: 'resume' }],
    ['ana', { type: 'advanceTurn', fromTurnIndex: 0 }],
    ['ben', { type: 'advanceTurn', fromTurnIndex: 1 }],
    ['cal', { type: 'advanceTurn', fromTurnIndex: 2 }],
    ...people.map((who): [string, object] => [who, { type: 'checkIn', state: 'regulated', intensity: 2, moment: 'after' }]),
    ['cal', { type: 'setBoundaries', boundaries: OPEN_BOUNDARIES }],
  ];
  return raw.map(([who, command]) => [who, sessionCommandSchema.parse(command)]);
}

let state = SESSION_INITIAL_STATE;
let now = 1_763_700_000_000;
const log: SessionEvent[] = [];
const apply = (who: string, command: SessionCommand, id: string) => {
  const decision = sessionDecide(state, { commandId: id, actor: { participantId: who, kind: 'guest' }, sessionId: 's', command }, serverTimeMs(now));
  if (decision.ok) for (const event of decision.events) { state = sessionEvolve(state, event); log.push(event); }
  return decision.ok;
};
apply('ana', sessionCommandSchema.parse({ type: 'createSession' }), 'create');
for (const who of people) apply(who, sessionCommandSchema.parse({ type: 'join', displayName: who, boundaries: OPEN_BOUNDARIES }), `join-${who}`);

const commands = roundCommands();
let decided = 0;
let accepted = 0;
const started = performance.now();
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [index, [who, command]] of commands.entries()) {
    now += 1_000;
    if (apply(who, command, `r${round}-${index}`)) accepted += 1;
    decided += 1;
  }
}
const seconds = (performance.now() - started) / 1000;
const foldStarted = performance.now();
const folded = sessionFold(log);
const foldSeconds = (performance.now() - foldStarted) / 1000;
if (folded.status !== state.status) throw new Error('fold disagrees');

console.log(`decide + evolve, 3 people, ${ROUNDS} practice rounds (${commands.length} commands each)`);
console.log(`  commands decided      ${(decided / seconds).toFixed(0).padStart(9)} /s  (${accepted} accepted, ${decided - accepted} turned down)`);
console.log(`  events produced       ${(log.length / seconds).toFixed(0).padStart(9)} /s  (${log.length} events)`);
console.log(`  fold from scratch     ${(log.length / foldSeconds).toFixed(0).padStart(9)} events/s  (${(foldSeconds * 1000).toFixed(1)} ms for the whole log)`);
