import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sessionFold } from '../../core/session/state.ts';
import type { BodyAnalysis } from './body-analysis.ts';
import {
  at,
  fakeWorld,
  noSharing,
  open,
  reading,
  sample,
  sessionWith,
  wanderingHeartRate,
  ownWander,
} from './body-signals.test-support.ts';

describe("the pair's synchrony", () => {
  test('says why there is no score: alone, nobody sharing, no heart rate of mine or theirs, too little so far', () => {
    const alone = fakeWorld();
    alone.model.setContext({ state: sessionWith([['a', 'Ana', open]]), me: 'a' });
    assert.equal(alone.model.view().synchrony.kind, 'no-pair');

    const nobody = fakeWorld();
    nobody.model.setContext({
      state: sessionWith([
        ['a', 'Ana', open],
        ['c', 'Cy', noSharing],
      ]),
      me: 'a',
    });
    const none = nobody.model.view().synchrony;
    assert.ok(none.kind === 'no-pair' && /Nobody else here is sharing/.test(none.reason));

    const { world, model, serverNow } = fakeWorld();
    model.setContext({
      state: sessionWith([
        ['a', 'Ana', open],
        ['b', 'Bo', open],
      ]),
      me: 'a',
    });
    const reasonNow = () => {
      model.flush();
      const synchrony = model.view().synchrony;
      if (synchrony.kind !== 'pair' || synchrony.now.kind !== 'not-enough')
        assert.fail(`not enough signal, not ${JSON.stringify(synchrony)}`);
      return synchrony.now.reason;
    };
    const fromBo = (second: number) => {
      model.receive({
        type: 'signals',
        participantId: 'b',
        samples: [sample(serverNow(), { heartRateBpm: wanderingHeartRate(second) })],
      });
    };
    fromBo(0);
    assert.match(reasonNow(), /Waiting for your heart rate/);
    for (let second = 0; second < 20; second += 1) {
      model.addOwnReading(reading(world.localMs, { heartRateBpm: wanderingHeartRate(second) }));
      model.flush();
      world.localMs += 1000;
    }
    assert.match(reasonNow(), /Waiting for Bo's heart rate/, "Bo's readings stopped");
    for (let second = 0; second < 20; second += 1) {
      model.addOwnReading(reading(world.localMs, { heartRateBpm: wanderingHeartRate(second) }));
      model.flush();
      model.receive({
        type: 'signals',
        participantId: 'b',
        samples: [sample(serverNow(), { heartRateBpm: wanderingHeartRate(second) })],
      });
      world.localMs += 1000;
    }
    assert.match(
      reasonNow(),
      /needs a minute and a half of both heart rates together; 1\d seconds so far/,
    );
  });

  test('two coupled heart rates get a score every 5 s, with a trend; gaps are kept as gaps', () => {
    const { world, model, serverNow } = fakeWorld();
    model.setContext({
      state: sessionWith([
        ['a', 'Ana', open],
        ['b', 'Bo', open],
      ]),
      me: 'a',
    });
    for (let step = 0; step < 150 * 4; step += 1) {
      const seconds = step / 4;
      model.addOwnReading(reading(world.localMs, { heartRateBpm: wanderingHeartRate(seconds) }));
      // Bo's heart follows Ana's by two seconds.
      model.receive({
        type: 'signals',
        participantId: 'b',
        samples: [sample(serverNow(), { heartRateBpm: wanderingHeartRate(seconds - 2) })],
      });
      world.localMs += 250;
      // Once a second, as the screen does: send what was read, then look.
      if (step % 4 === 0) {
        model.flush();
        model.view();
      }
    }
    const synchrony = model.view().synchrony;
    if (synchrony.kind !== 'pair' || synchrony.now.kind !== 'score')
      assert.fail(`a score, not ${JSON.stringify(synchrony)}`);
    assert.ok(synchrony.now.score > 0.3, `a clear score (${synchrony.now.score})`);
    assert.ok(
      Math.abs(synchrony.now.lagSec - 2) < 0.6,
      `Bo follows by about 2 s (${synchrony.now.lagSec})`,
    );
    const scored = synchrony.trend.filter((point) => point.score !== null);
    assert.ok(scored.length >= 2, 'a trend');
    const gaps = synchrony.trend.map((point, index) =>
      index === 0 ? 5000 : point.atMs - (synchrony.trend[index - 1]?.atMs ?? 0),
    );
    assert.ok(
      gaps.every((gap) => gap >= 5000),
      'no more often than every 5 s',
    );
    assert.ok(
      synchrony.trend.slice(0, 5).every((point) => point.score === null),
      'the first minute has no score, and the trend says so',
    );
  });
});

describe('both screens of a pair', () => {
  test('show the same score, each saying who follows whom from their own side', () => {
    const state = sessionWith([
      ['a', 'Ana', open],
      ['b', 'Bo', open],
    ]);
    const ana = fakeWorld();
    const bo = fakeWorld();
    ana.model.setContext({ state, me: 'a' });
    bo.model.setContext({ state, me: 'b' });
    // What each device sent reaches the other through the server: Ana's 4 s late, Bo's at once.
    let anaDelivered = 0;
    let boDelivered = 0;
    const deliver = () => {
      for (const batch of bo.world.sent.slice(boDelivered))
        ana.model.receive({ type: 'signals', participantId: 'b', samples: batch });
      boDelivered = bo.world.sent.length;
      while (anaDelivered < ana.world.sent.length) {
        const batch = ana.world.sent[anaDelivered] ?? [];
        if ((batch.at(-1)?.atMs ?? 0) > bo.serverNow() - 4000) break;
        bo.model.receive({ type: 'signals', participantId: 'a', samples: batch });
        anaDelivered += 1;
      }
    };
    for (let step = 0; step < 130 * 4; step += 1) {
      const seconds = step / 4;
      // Bo's first readings come before his clock is in step: never sent, so never counted.
      bo.world.clockInStep = step >= 12;
      ana.model.addOwnReading(
        reading(ana.world.localMs, { heartRateBpm: wanderingHeartRate(seconds) }),
      );
      bo.model.addOwnReading(
        reading(bo.world.localMs, {
          heartRateBpm: wanderingHeartRate(seconds - 2) + ownWander(seconds),
        }),
      );
      ana.world.localMs += 250;
      // Bo's screen looks a little later than Ana's: the shared 5-second marks make that no matter.
      bo.world.localMs += 250;
      if (step % 4 === 0) ana.model.flush();
      if (step % 4 === 2) bo.model.flush();
      deliver();
      if (step % 4 === 0) ana.model.view();
      if (step % 4 === 2) bo.model.view();
    }
    const onAna = ana.model.view().synchrony;
    const onBo = bo.model.view().synchrony;
    if (onAna.kind !== 'pair' || onAna.now.kind !== 'score') assert.fail(JSON.stringify(onAna));
    if (onBo.kind !== 'pair' || onBo.now.kind !== 'score') assert.fail(JSON.stringify(onBo));
    const boAt = new Map(onBo.trend.map((point) => [point.atMs, point.score]));
    const shared = onAna.trend.filter(
      (point) =>
        point.score !== null && boAt.get(point.atMs) !== undefined && boAt.get(point.atMs) !== null,
    );
    assert.ok(shared.length >= 5, `several marks scored on both (${shared.length})`);
    for (const point of shared)
      assert.equal(
        boAt.get(point.atMs),
        point.score,
        `the same number on both screens at ${point.atMs}`,
      );
    assert.equal(onAna.now.lagSec, -onBo.now.lagSec, 'Ana: Bo follows me; Bo: I follow Ana');
    assert.ok(onAna.now.lagSec > 0);
  });
});

describe('working the score out elsewhere', () => {
  test("during a paced practice the pacer's rate goes with the score; a late answer is shown when it comes", async () => {
    const asked: { pacerHz?: number; length: number }[] = [];
    let answer: (value: null) => void = () => undefined;
    const scorer: BodyAnalysis['synchrony'] = (a, _b, options) => {
      asked.push({
        length: a.length,
        ...(options.pacerHz === undefined ? {} : { pacerHz: options.pacerHz }),
      });
      return new Promise((resolve) => {
        answer = resolve;
      });
    };
    const { world, model, serverNow } = fakeWorld({ scorer });
    const base = sessionWith([
      ['a', 'Ana', open],
      ['b', 'Bo', open],
    ]);
    const pacer = {
      startAtMs: at(serverNow()),
      pattern: { inhaleMs: 4000, holdAfterInhaleMs: 0, exhaleMs: 6000, holdAfterExhaleMs: 0 },
    };
    const running = sessionFold(
      [
        {
          type: 'practiceProposed',
          runId: 'r',
          practiceId: 'breath-sync',
          parameters: {},
          durationMs: 600_000,
          roles: {},
          proposedBy: 'a',
          atMs: at(3),
        },
        {
          type: 'practiceStarted',
          runId: 'r',
          participantIds: ['a', 'b'],
          roles: {},
          startsAtMs: at(serverNow()),
          durationMs: 600_000,
          pacer,
          tempo: null,
          turnSharers: [],
          turnLengthMs: 0,
          atMs: at(4),
        },
      ],
      base,
    );
    model.setContext({ state: running, me: 'a' });
    for (let second = 0; second < 100; second += 1) {
      model.addOwnReading(reading(world.localMs, { heartRateBpm: wanderingHeartRate(second) }));
      model.receive({
        type: 'signals',
        participantId: 'b',
        samples: [sample(serverNow(), { heartRateBpm: wanderingHeartRate(second - 2) })],
      });
      world.localMs += 1000;
      model.flush();
      model.view();
    }
    assert.equal(asked.length, 1, 'asked once, and not again while the answer is awaited');
    const first = asked[0];
    if (first === undefined) assert.fail('asked');
    assert.equal(first.pacerHz, 0.1, 'the pacer breathes 6 a minute');
    assert.ok(first.length >= 360, 'at least a minute and a half of both');
    const before = model.view().synchrony;
    assert.ok(before.kind === 'pair' && before.now.kind === 'not-enough');
    answer(null);
    await new Promise((resolve) => setImmediate(resolve));
    const after = model.view().synchrony;
    if (after.kind !== 'pair' || after.now.kind !== 'not-enough')
      assert.fail(JSON.stringify(after));
    assert.match(after.now.reason, /too uneven/);
  });
});
