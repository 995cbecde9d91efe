import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  LONGEST_SENTENCE_WORDS,
  avoidedWordsIn,
  isSentence,
  sentencesOf,
  type PlacedText,
} from '../practices/wording-rules.test-support.ts';
import { repairCommandSchema } from './repair-commands.ts';
import { RepairHarness, REPAIR_TEST_EPOCH_MS } from './repair-harness.test-support.ts';
import { REPAIR_REJECTION_CODES as R, type RepairRejectionCode } from './repair-rejection.ts';
import * as wording from './repair-wording.ts';

/** Every piece of text the repair screens show. */
function repairTexts(): PlacedText[] {
  const texts: PlacedText[] = [];
  const visit = (where: string, value: unknown): void => {
    if (typeof value === 'string') texts.push({ where, text: value });
    else if (Array.isArray(value))
      value.forEach((item, index) => {
        visit(`${where}[${String(index)}]`, item);
      });
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) visit(`${where}.${key}`, item);
  };
  for (const [name, value] of Object.entries(wording)) visit(name, value);
  return texts;
}

/** Drives repairs into every rejection once, returning each code's sentences. */
function everyRejection(): Map<RepairRejectionCode, string[]> {
  const seen = new Map<RepairRejectionCode, string[]>();
  const note = (harness: RepairHarness, who: string, raw: unknown): void => {
    const decision = harness.send(who, raw);
    assert.ok(!decision.ok, `expected a rejection for ${JSON.stringify(raw)}`);
    seen.set(decision.code, [...(seen.get(decision.code) ?? []), decision.message]);
  };
  const start = { type: 'startRepair', startedFrom: 'self' };

  const fresh = new RepairHarness();
  note(fresh, 'ana', { type: 'markSettled' });
  note(fresh, 'ana', { ...start, ruptureAtMs: REPAIR_TEST_EPOCH_MS + 3_600_000 });
  note(fresh, 'ana', { ...start, ruptureAtMs: 0 });
  note(fresh, 'zoe', start);
  note(new RepairHarness(['ana']), 'ana', start);
  fresh.start();
  note(fresh, 'ana', start);
  note(fresh, 'zoe', { type: 'stepAway' });
  note(fresh, 'ana', { type: 'markSettled', practiceId: 'touch' });
  note(fresh, 'ana', { type: 'proposeReturnTime', returnAtMs: fresh.nowMs });
  note(fresh, 'ana', { type: 'stepBack' });
  fresh.settleAll();
  note(fresh, 'ana', { type: 'markHere' });
  note(fresh, 'ana', { type: 'beginTurn' });
  note(fresh, 'ana', { type: 'proposeReturnTime', returnAtMs: 0 });
  note(fresh, 'ana', { type: 'proposeReturnTime', returnAtMs: fresh.nowMs + 30 * 86_400_000 });
  note(fresh, 'ana', { type: 'acceptReturnTime', proposalId: 'command-none' });
  const proposalId = fresh.nextCommandId();
  fresh.accept('ana', { type: 'proposeReturnTime', returnAtMs: fresh.nowMs + 60_000 });
  note(fresh, 'ana', { type: 'acceptReturnTime', proposalId });
  note(fresh, 'ben', { type: 'acceptReturnTime', proposalId: 'command-stale' });
  fresh.accept('ben', { type: 'acceptReturnTime', proposalId });
  note(fresh, 'ana', { type: 'markHere' });
  fresh.accept('ben', { type: 'stepAway' });
  note(fresh, 'ana', { type: 'markHere' });
  note(fresh, 'ben', { type: 'markHere' });
  fresh.accept('ben', { type: 'stepBack' });
  fresh.arriveAll();
  note(fresh, 'ana', { type: 'proposeReturnTime', returnAtMs: fresh.nowMs });
  note(fresh, 'ana', { type: 'saveTurnWords', turnIndex: 0 });
  note(fresh, 'ana', { type: 'acknowledgeTurn', turnIndex: 0 });
  fresh.accept('ana', { type: 'beginTurn' });
  note(fresh, 'ben', { type: 'beginTurn' });
  note(fresh, 'ben', { type: 'saveTurnWords', turnIndex: 0 });
  note(fresh, 'ben', { type: 'acknowledgeTurn', turnIndex: 0 });
  note(fresh, 'ana', { type: 'proposeNextStep', text: 'A walk.' });
  fresh.accept('ana', { type: 'endTurn', turnIndex: 0 });
  note(fresh, 'ana', { type: 'saveTurnWords', turnIndex: 0 });
  note(fresh, 'ana', { type: 'acknowledgeTurn', turnIndex: 0 });
  note(fresh, 'ben', { type: 'beginTurn' });
  fresh.accept('ben', { type: 'acknowledgeTurn', turnIndex: 0 });
  note(fresh, 'ana', { type: 'beginTurn' });
  fresh.turn('ben');
  note(fresh, 'ana', { type: 'agreeNextStep', proposalId: 'command-none' });
  const stepId = fresh.nextCommandId();
  fresh.accept('ana', { type: 'proposeNextStep', text: 'A walk.' });
  note(fresh, 'ana', { type: 'agreeNextStep', proposalId: stepId });
  note(fresh, 'ben', { type: 'agreeNextStep', proposalId: 'command-stale' });
  fresh.accept('ben', { type: 'agreeNextStep', proposalId: stepId });
  note(fresh, 'ben', { type: 'stepAway' });

  const resting = new RepairHarness().start();
  resting.accept('ben', { type: 'setAside' });
  note(resting, 'ben', { type: 'markSettled' });
  return seen;
}

/** Commands a person could send that the schemas turn down, to read their messages. */
const BAD_COMMANDS: readonly unknown[] = [
  { type: 'startRepair', startedFrom: 'somewhere' },
  { type: 'startRepair', startedFrom: 'self', ruptureAtMs: 'yesterday' },
  { type: 'proposeReturnTime', returnAtMs: 1.5 },
  { type: 'saveTurnWords', turnIndex: 0, felt: 'x'.repeat(2001) },
  { type: 'saveTurnWords', turnIndex: 0, needed: 42 },
  { type: 'endTurn', turnIndex: 0, needed: 'x'.repeat(2001) },
  { type: 'acknowledgeTurn', turnIndex: 0, words: 'x'.repeat(501) },
  { type: 'proposeNextStep', text: '   ' },
  { type: 'proposeNextStep', text: 'x'.repeat(281) },
  { type: 'setHistoryChoice', keep: 'maybe' },
];

function schemaMessages(): PlacedText[] {
  return BAD_COMMANDS.map((raw) => {
    const result = repairCommandSchema.safeParse(raw);
    assert.ok(!result.success, JSON.stringify(raw));
    return { where: JSON.stringify(raw).slice(0, 60), text: result.error.issues[0]?.message ?? '' };
  });
}

test('every rejection code is reachable, and every sentence it carries is kind and actionable', () => {
  const seen = everyRejection();
  assert.deepEqual([...seen.keys()].sort(), Object.values(R).sort());
  for (const [code, messages] of seen) {
    for (const message of messages) {
      assert.ok(isSentence(message), `${code}: ${message}`);
      assert.deepEqual(avoidedWordsIn(message), [], `${code}: ${message}`);
      assert.doesNotMatch(
        message,
        /\bms\b|undefined|NaN|Invalid|expected|why/i,
        `${code}: ${message}`,
      );
    }
  }
});

test('the schemas’ messages are sentences a person can act on', () => {
  for (const { where, text } of schemaMessages()) {
    assert.ok(isSentence(text), `${where}: ${text}`);
    assert.deepEqual(avoidedWordsIn(text), [], where);
    assert.doesNotMatch(text, /\bms\b|undefined|NaN|Invalid|expected/i, where);
  }
});

test('the screens’ wording uses no blaming, pressuring or clinical words, in short sentences', () => {
  const texts = repairTexts();
  assert.ok(texts.length > 20);
  assert.deepEqual(
    texts.filter(({ text }) => avoidedWordsIn(text).length > 0),
    [],
  );
  for (const { where, text } of texts) {
    if (where.endsWith('.label')) continue;
    for (const sentence of sentencesOf(text)) {
      assert.ok(sentence.split(/\s+/).length <= LONGEST_SENTENCE_WORDS, `${where}: ${sentence}`);
    }
    assert.ok(isSentence(text), `${where}: ${text}`);
  }
});

test('[R-V2] the turn screen says plainly who will read what is written', () => {
  assert.match(wording.REPAIR_TURN_PRIVACY, /everyone in this repair/);
  assert.match(wording.REPAIR_TURN_PRIVACY, /nobody else/);
});

test('never asks why someone stepped away, and never blames a partner', () => {
  for (const { where, text } of repairTexts()) {
    assert.doesNotMatch(text, /\bwhy did\b|\byour fault\b|\byou always\b|\byou never\b/i, where);
  }
});
