import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleFromReading } from './reading-sample.ts';
import {
  fakeWorld,
  noSharing,
  open,
  reading,
  sample,
  sessionWith,
  withBoundaries,
  OFFSET_MS,
  START_MS,
} from './body-signals.test-support.ts';

describe("sending this person's readings", () => {
  test('readings go out in server time, in one batch a second, while sharing is allowed', () => {
    const { world, model } = fakeWorld();
    model.setContext({ state: sessionWith([['a', 'Ana', open]]), me: 'a' });
    for (let index = 0; index < 4; index += 1)
      model.addOwnReading(reading(world.localMs + index * 250));
    world.localMs += 1000;
    assert.equal(model.flush(), 4);
    assert.equal(world.sent.length, 1);
    assert.deepEqual(
      world.sent[0]?.map((one) => one.atMs),
      [0, 250, 500, 750].map((ms) => START_MS + ms + OFFSET_MS),
    );
    assert.equal(model.flush(), 0, 'nothing new, nothing sent');
  });

  test('a boundary change stops sending at once, and what was read meanwhile is never sent later', () => {
    const { world, model } = fakeWorld();
    const sharing = sessionWith([['a', 'Ana', open]]);
    model.setContext({ state: sharing, me: 'a' });
    model.addOwnReading(reading(world.localMs));
    model.setContext({ state: withBoundaries(sharing, 'a', noSharing), me: 'a' });
    assert.equal(model.flush(), 0, 'checked at send time');
    model.addOwnReading(reading(world.localMs + 500));
    assert.equal(model.flush(), 0);
    model.setContext({ state: sharing, me: 'a' });
    assert.equal(
      model.flush(),
      0,
      'readings from while sharing was off are dropped, not held back',
    );
    assert.equal(world.sent.length, 0);
    model.addOwnReading(reading(world.localMs + 900));
    assert.equal(model.flush(), 1);
  });

  test("not sent before the clock is in step: a reading's time could be far off", () => {
    const { world, model } = fakeWorld();
    world.clockInStep = false;
    model.setContext({ state: sessionWith([['a', 'Ana', open]]), me: 'a' });
    model.addOwnReading(reading(world.localMs));
    assert.equal(model.flush(), 0);
    world.clockInStep = true;
    assert.equal(model.flush(), 0, 'dropped, not held back');
    model.addOwnReading(reading(world.localMs + 100));
    assert.equal(model.flush(), 1);
  });

  test('not sent before joining, and dropped (not queued) while offline', () => {
    const { world, model } = fakeWorld({ online: false });
    model.setContext({ state: sessionWith([['b', 'Bo', open]]), me: 'a' });
    model.addOwnReading(reading(world.localMs));
    assert.equal(model.flush(), 0, 'not present yet');
    model.setContext({ state: sessionWith([['a', 'Ana', open]]), me: 'a' });
    model.addOwnReading(reading(world.localMs + 100));
    assert.equal(model.flush(), 0, 'offline');
    world.online = true;
    assert.equal(model.flush(), 0, 'nothing stale arrives later');
  });

  test('batches hold at most 8 samples; a backlog sends only its newest live part', () => {
    const { world, model } = fakeWorld();
    model.setContext({ state: sessionWith([['a', 'Ana', open]]), me: 'a' });
    // 40 readings over 20 s (a tab the browser held back): only the last 10 s are still live.
    for (let index = 0; index < 40; index += 1)
      model.addOwnReading(reading(world.localMs + index * 500));
    world.localMs += 20_000;
    const sent = model.flush();
    assert.ok(
      world.sent.every((batch) => batch.length <= 8),
      'no batch over 8',
    );
    assert.ok(sent <= 24 && sent > 0, `sent ${sent}`);
    const oldest = Math.min(...world.sent.flat().map((one) => one.atMs));
    assert.ok(oldest >= START_MS + 20_000 + OFFSET_MS - 10_000, 'nothing older than 10 s');
  });

  test('a reading is checked before it becomes a sample', () => {
    const serverAt = (localMs: number) => localMs + 10;
    assert.equal(
      sampleFromReading(reading(100, { heartRateBpm: null }), serverAt),
      null,
      'says nothing',
    );
    const cleaned = sampleFromReading(
      reading(100.4, {
        heartRateBpm: 400,
        rrMs: [100, 800, Number.NaN],
        breathPhase: 1,
        breathingRateBpm: 12,
      }),
      serverAt,
    );
    assert.deepEqual(cleaned, {
      atMs: 110,
      source: 'simulated',
      heartRateBpm: null,
      rrMs: [800],
      breathingRateBpm: 12,
      breathPhase: null,
    });
  });
});

describe('what the panel shows', () => {
  const three = sessionWith([
    ['a', 'Ana', open],
    ['b', 'Bo', open],
    ['c', 'Cy', noSharing],
  ]);

  test('a heart rate older than 5 s is "no signal", never shown as current', () => {
    const { world, model, serverNow } = fakeWorld();
    model.setContext({ state: three, me: 'a' });
    model.receive({
      type: 'signals',
      participantId: 'b',
      samples: [sample(serverNow(), { heartRateBpm: 64, source: 'strap' })],
    });
    world.localMs += 4000;
    assert.deepEqual(model.view().people.find((person) => person.participantId === 'b')?.heart, {
      bpm: 64,
      source: 'strap',
    });
    world.localMs += 2000;
    const bo = model.view().people.find((person) => person.participantId === 'b');
    assert.ok(bo !== undefined, 'still listed');
    assert.equal(bo.heart, null);
  });

  test('only people present who send appear; a boundary change forgets them at once, until a new sample', () => {
    const { world, model, serverNow } = fakeWorld();
    // Other people's "no sharing" is not sent to this device: only their samples tell.
    model.setContext({ state: three, me: 'a' });
    model.receive({ type: 'signals', participantId: 'z', samples: [sample(serverNow())] });
    model.receive({ type: 'signals', participantId: 'b', samples: [sample(serverNow())] });
    assert.deepEqual(
      model.view().people.map((person) => person.participantId),
      ['b'],
    );
    assert.deepEqual(
      model.view().partners.map((partner) => partner.id),
      ['b'],
      'Cy sent nothing, so is not offered',
    );
    model.setContext({ state: withBoundaries(three, 'b', noSharing), me: 'a' });
    assert.deepEqual(model.view().people, [], 'forgotten at once');
    assert.deepEqual(model.view().partners, []);
    world.localMs += 1000;
    model.receive({ type: 'signals', participantId: 'b', samples: [sample(serverNow())] });
    assert.deepEqual(
      model.view().people.map((person) => person.participantId),
      ['b'],
      'back with a new sample: still sharing',
    );
    world.localMs += 61_000;
    assert.deepEqual(model.view().people, [], 'samples stopped a minute ago: no longer listed');
  });

  test('my own readings show to me, marked when I do not share', () => {
    const { world, model } = fakeWorld();
    const state = sessionWith([
      ['a', 'Ana', noSharing],
      ['b', 'Bo', open],
    ]);
    model.setContext({ state, me: 'a' });
    model.addOwnReading(reading(world.localMs, { heartRateBpm: 81 }));
    const view = model.view();
    assert.equal(view.sharing, false);
    assert.deepEqual(
      view.people.map((person) => [person.participantId, person.isMe, person.heart?.bpm]),
      [['a', true, 81]],
    );
  });

  test('my readings from another of my devices show here too', () => {
    const { model, serverNow } = fakeWorld();
    model.setContext({ state: three, me: 'a' });
    model.receive({
      type: 'signals',
      participantId: 'a',
      samples: [sample(serverNow(), { heartRateBpm: 66, source: 'strap' })],
    });
    assert.deepEqual(
      model.view().people.map((person) => [person.isMe, person.heart?.bpm]),
      [[true, 66]],
    );
  });

  test('the breath to follow must be fresh within 3 s and come from someone who shares', () => {
    const { world, model, serverNow } = fakeWorld();
    model.setContext({ state: three, me: 'a' });
    model.receive({
      type: 'signals',
      participantId: 'b',
      samples: [sample(serverNow(), { breathPhase: 0.2, breathingRateBpm: 6 })],
    });
    world.localMs += 1000;
    const sensed = model.sensedBreath('b', serverNow());
    assert.deepEqual(sensed, { atMs: serverNow() - 1000, phase: 0.2, breathsPerMin: 6 });
    const phase = model.breathPhaseAt('b', serverNow());
    assert.ok(
      phase !== null && Math.abs(phase - 0.3) < 1e-9,
      'carried forward at 6 a minute: a tenth of a breath a second',
    );
    world.localMs += 2500;
    assert.equal(model.sensedBreath('b', serverNow()), null, 'too old to follow');
    assert.notEqual(model.breathPhaseAt('b', serverNow()), null, 'still fresh enough to draw');
    assert.equal(model.sensedBreath('c', serverNow()), null);
  });

  test('coherence needs 64 s of beat-to-beat intervals, and is a ratio once there', () => {
    const { world, model, serverNow } = fakeWorld();
    model.setContext({ state: three, me: 'a' });
    // Beats swaying with a slow 0.1 Hz wave, as when breathing at 6 a minute.
    let beatAt = serverNow();
    const beats: number[] = [];
    for (let index = 0; index < 90; index += 1) {
      const rr = 900 + 80 * Math.sin(2 * Math.PI * 0.1 * ((beatAt - serverNow()) / 1000));
      beats.push(rr);
      beatAt += rr;
    }
    let sentUpTo = 0;
    let elapsed = 0;
    const feedUntil = (seconds: number) => {
      while (sentUpTo < beats.length && elapsed + (beats[sentUpTo] ?? 0) <= seconds * 1000) {
        elapsed += beats[sentUpTo] ?? 0;
        model.receive({
          type: 'signals',
          participantId: 'b',
          samples: [sample(serverNow() + elapsed, { rrMs: [beats[sentUpTo] ?? 0] })],
        });
        sentUpTo += 1;
      }
    };
    feedUntil(30);
    world.localMs += 30_000;
    const early = model.view().people.find((person) => person.participantId === 'b')?.coherence;
    if (early?.kind !== 'waiting') assert.fail(`waiting, not ${JSON.stringify(early)}`);
    assert.match(early.reason, /^Gathering beats: 2\d of the 64 seconds it needs\.$/);
    world.localMs -= 30_000;
    feedUntil(80);
    world.localMs += 80_000;
    const later = model.view().people.find((person) => person.participantId === 'b')?.coherence;
    if (later?.kind !== 'ratio') assert.fail(`a ratio, not ${JSON.stringify(later)}`);
    assert.ok(Math.abs(later.peakHz - 0.1) < 0.02, `peak near 0.1 Hz (${later.peakHz})`);
    assert.ok(later.ratio > 1, `one clear rhythm (${later.ratio})`);
  });
});

describe('the gentle offer of a pause', () => {
  test('offered after a sustained rise above the remembered resting rate; set aside, it stays away', () => {
    const { world, model } = fakeWorld({ knownRestingBpm: 62 });
    model.setContext({ state: sessionWith([['a', 'Ana', noSharing]]), me: 'a' });
    for (let second = 0; second < 50; second += 1) {
      model.addOwnReading(reading(world.localMs, { heartRateBpm: 98 }));
      world.localMs += 1000;
    }
    assert.equal(model.view().flooding, null, 'not yet sustained');
    // A minute after it rose (and before two minutes of readings would make this the new normal).
    for (let second = 0; second < 30; second += 1) {
      model.addOwnReading(reading(world.localMs, { heartRateBpm: 98 }));
      world.localMs += 1000;
    }
    const offer = model.view().flooding;
    assert.ok(offer !== null, 'offered, even though nothing is shared: it stays on this device');
    assert.equal(offer.baselineBpm, 62);
    assert.equal(offer.heartRateBpm, 98);
    model.dismissFlooding();
    for (let second = 0; second < 20; second += 1) {
      model.addOwnReading(reading(world.localMs, { heartRateBpm: 98 }));
      world.localMs += 1000;
    }
    assert.equal(model.view().flooding, null, 'quiet after "I\'m okay for now"');
  });

  test('the resting rate learned in a session is kept on the device for next time', () => {
    const { world, model } = fakeWorld();
    model.setContext({ state: sessionWith([['a', 'Ana', open]]), me: 'a' });
    for (let second = 0; second < 150; second += 1) {
      model.addOwnReading(reading(world.localMs, { heartRateBpm: 60 + (second % 5) }));
      world.localMs += 1000;
      model.view();
    }
    assert.ok(world.saved.length >= 1, 'kept');
    const kept = world.saved[world.saved.length - 1] ?? 0;
    assert.ok(kept >= 60 && kept <= 64, `a resting rate (${kept})`);
    const next = fakeWorld({ knownRestingBpm: kept });
    next.model.setContext({ state: sessionWith([['a', 'Ana', open]]), me: 'a' });
    next.model.dispose();
    assert.deepEqual(next.world.saved, [], 'the same rate is not written again');
  });
});
