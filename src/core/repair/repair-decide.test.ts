import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REPAIR_CLOCK_TOLERANCE_MS, REPAIR_RETURN_TIME_LATEST_MS } from './repair-decide-return.ts';
import { REPAIR_RUPTURE_LOOKBACK_MAX_MS } from './repair-decide.ts';
import { RepairHarness, REPAIR_TEST_EPOCH_MS } from './repair-harness.test-support.ts';
import { repairIsPaused, repairStage } from './repair-queries.ts';
import { REPAIR_REJECTION_CODES as R } from './repair-rejection.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const SETTLED = { type: 'markSettled' };
const HERE = { type: 'markHere' };
const BEGIN = { type: 'beginTurn' };
const AWAY = { type: 'stepAway' };

function typesOf(events: readonly { type: string }[]): string[] {
  return events.map((event) => event.type);
}

describe('starting a repair', () => {
  test('[R1] starts on its own with the relationship’s members, the rupture at the start unless given', () => {
    const harness = new RepairHarness(['ana', 'ben']);
    const [started] = harness.accept('ben', { type: 'startRepair', startedFrom: 'self' });
    assert.deepEqual(started, {
      type: 'repairStarted',
      repairId: 'repair-under-test',
      memberIds: ['ana', 'ben'],
      startedBy: 'ben',
      startedFrom: 'self',
      ruptureAtMs: REPAIR_TEST_EPOCH_MS,
      sessionId: null,
      atMs: REPAIR_TEST_EPOCH_MS,
    });
    assert.equal(repairStage(harness.state), 'settling');
    harness.reject('ana', { type: 'startRepair', startedFrom: 'self' }, R.repairExists);
  });

  test('[R1] starts from a pause or a flooding notice, with the session and an earlier rupture time', () => {
    for (const startedFrom of ['pause', 'flooding'] as const) {
      const harness = new RepairHarness();
      harness.accept('ana', {
        type: 'startRepair',
        startedFrom,
        sessionId: 'session-1234',
        ruptureAtMs: REPAIR_TEST_EPOCH_MS - HOUR_MS,
      });
      assert.equal(harness.state.startedFrom, startedFrom);
      assert.equal(harness.state.sessionId, 'session-1234');
      assert.equal(harness.state.ruptureAtMs, REPAIR_TEST_EPOCH_MS - HOUR_MS);
      assert.equal(harness.state.startedAtMs, REPAIR_TEST_EPOCH_MS);
    }
  });

  test('[R1] a rupture time later than now is turned down; a little ahead reads as now', () => {
    const harness = new RepairHarness();
    const message = harness.reject(
      'ana',
      {
        type: 'startRepair',
        startedFrom: 'self',
        ruptureAtMs: REPAIR_TEST_EPOCH_MS + REPAIR_CLOCK_TOLERANCE_MS + 1,
      },
      R.ruptureTimeInvalid,
    );
    assert.match(message, /later than now/);
    harness.reject(
      'ana',
      {
        type: 'startRepair',
        startedFrom: 'self',
        ruptureAtMs: REPAIR_TEST_EPOCH_MS - REPAIR_RUPTURE_LOOKBACK_MAX_MS - 1,
      },
      R.ruptureTimeInvalid,
    );
    harness.accept('ana', {
      type: 'startRepair',
      startedFrom: 'self',
      ruptureAtMs: REPAIR_TEST_EPOCH_MS + 30_000,
    });
    assert.equal(harness.state.ruptureAtMs, REPAIR_TEST_EPOCH_MS);
  });

  test('[R1] needs at least two people, the starter among them', () => {
    new RepairHarness(['ana']).reject(
      'ana',
      { type: 'startRepair', startedFrom: 'self' },
      R.needsTwo,
    );
    new RepairHarness(['ana', 'ana']).reject(
      'ana',
      { type: 'startRepair', startedFrom: 'self' },
      R.needsTwo,
    );
    new RepairHarness(['ana', 'ben']).reject(
      'zoe',
      { type: 'startRepair', startedFrom: 'self' },
      R.notMember,
    );
  });

  test('[R2] only members act, and nothing but a start is accepted before one', () => {
    const harness = new RepairHarness();
    harness.reject('ana', SETTLED, R.repairNotFound);
    harness.start();
    harness.reject('zoe', SETTLED, R.notMember);
    harness.reject('zoe', AWAY, R.notMember);
  });
});

describe('settling first', () => {
  test('[R3] each person settles, naming a solo practice if they wish; saying it twice changes nothing', () => {
    const harness = new RepairHarness().start();
    harness.accept('ana', { type: 'markSettled', practiceId: 'paced-breathing' });
    assert.deepEqual(harness.accept('ana', SETTLED), []);
    assert.equal(harness.state.settled.ana?.practiceId, 'paced-breathing');
    const message = harness.reject(
      'ben',
      { type: 'markSettled', practiceId: 'touch' },
      R.practiceNotSolo,
    );
    assert.match(message, /on your own/);
    harness.reject(
      'ben',
      { type: 'markSettled', practiceId: 'no-such-practice' },
      R.practiceNotSolo,
    );
    harness.accept('ben', { type: 'markSettled', practiceId: 'grounding' });
    assert.equal(repairStage(harness.state), 'agreeingTime');
  });

  test('[R4] no time is suggested, accepted or arrived for before everyone has settled', () => {
    const harness = new RepairHarness().start();
    harness.accept('ana', SETTLED);
    harness.reject(
      'ana',
      { type: 'proposeReturnTime', returnAtMs: harness.nowMs },
      R.stillSettling,
    );
    harness.reject('ana', HERE, R.stillSettling);
    harness.reject('ana', BEGIN, R.notTalkingYet);
    harness.reject('ana', { type: 'proposeNextStep', text: 'A walk.' }, R.notTalkingYet);
    assert.equal(repairStage(harness.state), 'settling');
  });

  test('[R3] settling stays possible while someone has stepped away', () => {
    const harness = new RepairHarness().start();
    harness.accept('ben', AWAY);
    harness.accept('ben', SETTLED);
    harness.accept('ana', SETTLED);
    assert.ok(repairIsPaused(harness.state));
  });
});

describe('coming back together', () => {
  test('[R5] [R6] one suggests a time, the other accepts, and it is agreed', () => {
    const harness = new RepairHarness().start().settleAll();
    const proposalId = harness.nextCommandId();
    harness.accept('ana', { type: 'proposeReturnTime', returnAtMs: harness.nowMs + HOUR_MS });
    harness.reject('ana', { type: 'acceptReturnTime', proposalId }, R.ownProposal);
    const events = harness.accept('ben', { type: 'acceptReturnTime', proposalId });
    assert.deepEqual(typesOf(events), ['returnTimeAccepted', 'returnTimeAgreed']);
    assert.equal(harness.state.agreedReturn?.returnAtMs, harness.nowMs + HOUR_MS);
    assert.equal(repairStage(harness.state), 'comingBack');
  });

  test('[R5] answering with another time replaces the suggestion; the old one can no longer be accepted', () => {
    const harness = new RepairHarness().start().settleAll();
    const first = harness.nextCommandId();
    harness.accept('ana', {
      type: 'proposeReturnTime',
      returnAtMs: harness.nowMs + 10 * MINUTE_MS,
    });
    const second = harness.nextCommandId();
    harness.accept('ben', { type: 'proposeReturnTime', returnAtMs: harness.nowMs + HOUR_MS });
    const message = harness.reject(
      'ana',
      { type: 'acceptReturnTime', proposalId: first },
      R.proposalMovedOn,
    );
    assert.match(message, /new one/);
    harness.reject(
      'ana',
      { type: 'acceptReturnTime', proposalId: 'no-such-proposal' },
      R.proposalMovedOn,
    );
    harness.accept('ana', { type: 'acceptReturnTime', proposalId: second });
    assert.equal(harness.state.agreedReturn?.returnAtMs, harness.nowMs + HOUR_MS);
  });

  test('[R5] a time in the past or more than two weeks ahead is turned down; a moment ago reads as now', () => {
    const harness = new RepairHarness().start().settleAll();
    harness.reject(
      'ana',
      { type: 'proposeReturnTime', returnAtMs: harness.nowMs - REPAIR_CLOCK_TOLERANCE_MS - 1 },
      R.returnTimeInvalid,
    );
    harness.reject(
      'ana',
      { type: 'proposeReturnTime', returnAtMs: harness.nowMs + REPAIR_RETURN_TIME_LATEST_MS + 1 },
      R.returnTimeInvalid,
    );
    harness.accept('ana', { type: 'proposeReturnTime', returnAtMs: harness.nowMs - 1000 });
    assert.equal(harness.state.returnProposal?.value, harness.nowMs);
    harness.reject(
      'ben',
      { type: 'acceptReturnTime', proposalId: 'x'.repeat(8) },
      R.proposalMovedOn,
    );
  });

  test('[R6] with three people, a time is agreed only when both others accept', () => {
    const harness = new RepairHarness(['ana', 'ben', 'cal']).start().settleAll();
    const proposalId = harness.nextCommandId();
    harness.accept('ana', { type: 'proposeReturnTime', returnAtMs: harness.nowMs });
    assert.deepEqual(typesOf(harness.accept('ben', { type: 'acceptReturnTime', proposalId })), [
      'returnTimeAccepted',
    ]);
    assert.deepEqual(harness.accept('ben', { type: 'acceptReturnTime', proposalId }), []);
    assert.equal(harness.state.agreedReturn, null);
    harness.accept('cal', { type: 'acceptReturnTime', proposalId });
    assert.notEqual(harness.state.agreedReturn, null);
  });

  test('[R6] there must be a suggestion to accept', () => {
    const harness = new RepairHarness().start().settleAll();
    harness.reject('ben', { type: 'acceptReturnTime', proposalId: 'command-0001' }, R.noProposal);
  });

  test('[R7] "I’m here" waits for the agreed time; when everyone is here the turns begin', () => {
    const harness = new RepairHarness().start().settleAll();
    harness.reject('ana', HERE, R.timeNotAgreed);
    harness.agreeTime(30 * MINUTE_MS);
    const message = harness.reject('ana', HERE, R.tooEarly);
    assert.match(message, /suggest an earlier time/);
    harness.advance(30 * MINUTE_MS);
    harness.accept('ana', HERE);
    assert.deepEqual(harness.accept('ana', HERE), []);
    assert.equal(repairStage(harness.state), 'comingBack');
    harness.accept('ben', HERE);
    assert.equal(repairStage(harness.state), 'turns');
    assert.deepEqual(harness.accept('ben', HERE), []);
  });

  test('[R5] [R6] a new time can be agreed before the turns; arrivals for the old time start over', () => {
    const harness = new RepairHarness().start().settleAll().agreeTime(0);
    harness.accept('ana', HERE);
    harness.agreeTime(HOUR_MS);
    assert.deepEqual(harness.state.arrived, {});
    harness.reject('ana', HERE, R.tooEarly);
    harness.arriveAll();
    harness.reject('ana', { type: 'proposeReturnTime', returnAtMs: harness.nowMs }, R.talkStarted);
  });
});
