import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FLOODING_COOLDOWN_MS,
  floodingBaseline,
  floodingDismiss,
  floodingObserve,
  floodingOffer,
  floodingStart,
  floodingThresholdBpm,
  type FloodingState,
} from './flooding.ts';

const T0 = 1_763_700_000_000;

/** Feeds one reading a second from `fromSec` for `seconds`, heart rate from `bpmAt(second)`. */
function feed(
  state: FloodingState,
  fromSec: number,
  seconds: number,
  bpmAt: (sec: number) => number,
): FloodingState {
  let next = state;
  for (let sec = fromSec; sec < fromSec + seconds; sec += 1)
    next = floodingObserve(next, T0 + sec * 1000, bpmAt(sec));
  return next;
}

/** A resting heart that breathes: 62 ± 4 bpm. */
const resting = (sec: number) => 62 + 4 * Math.sin((2 * Math.PI * sec) / 5);

test('the line is baseline + 15 bpm, or + 15 % for a higher baseline', () => {
  assert.equal(floodingThresholdBpm(60), 75);
  assert.equal(floodingThresholdBpm(100), 115);
  assert.equal(floodingThresholdBpm(120), 138);
});

test('a heart rate well above the remembered resting rate for a minute offers a pause', () => {
  let state = floodingStart({ knownRestingBpm: 60 });
  state = feed(state, 0, 30, resting);
  assert.equal(floodingOffer(state), null);
  state = feed(state, 30, 60, () => 98);
  assert.equal(floodingOffer(state), null, 'not yet: elevated for less than a minute');
  state = feed(state, 90, 10, () => 98);
  const offer = floodingOffer(state);
  assert.ok(offer, 'offered after a minute');
  assert.equal(offer.baselineBpm, 60);
  assert.equal(offer.heartRateBpm, 98);
  // Elevated from the reading where the 10 s median first crossed the line: at 34 s, half of
  // the last ten readings were high and the median (the mean of the middle two) reached 75.
  assert.equal(offer.sinceMs, T0 + 34_000);
});

test('the offer goes away once the heart rate has come back down', () => {
  let state = feed(floodingStart({ knownRestingBpm: 60 }), 0, 100, () => 100);
  assert.ok(floodingOffer(state));
  state = feed(state, 100, 20, () => 64);
  assert.equal(floodingOffer(state), null);
});

test('no offer without a baseline: no remembered rate and under two minutes of this session', () => {
  let state = feed(floodingStart(), 0, 100, () => 150);
  assert.equal(floodingBaseline(state), null);
  assert.equal(floodingOffer(state), null);
  state = feed(floodingStart({ knownRestingBpm: null }), 0, 100, () => 150);
  assert.equal(floodingOffer(state), null);
});

test('this session’s own baseline takes over after two minutes: a low percentile of 15 s medians', () => {
  let state = feed(floodingStart({ knownRestingBpm: 80 }), 0, 110, resting);
  assert.equal(floodingBaseline(state), 80, 'the remembered rate until enough data');
  state = feed(state, 110, 30, resting);
  const baseline = floodingBaseline(state);
  assert.ok(baseline !== null && Math.abs(baseline - 62) < 3, `session baseline ${baseline}`);
});

test('a remembered rate that cannot be a resting rate is not used', () => {
  for (const knownRestingBpm of [0, 12, 200, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.equal(
      floodingBaseline(floodingStart({ knownRestingBpm })),
      null,
      String(knownRestingBpm),
    );
  }
});

test('a person whose own resting rate is high is judged against their own rate, not a fixed number', () => {
  // 100 bpm is ordinary for this person: no offer.
  const state = feed(floodingStart(), 0, 400, (sec) => 100 + 3 * Math.sin(sec));
  assert.ok((floodingBaseline(state) ?? 0) > 95);
  assert.equal(floodingOffer(state), null);
});

test('single spikes and dropped beats never move the median', () => {
  let state = floodingStart({ knownRestingBpm: 60 });
  // Every fourth reading is a glitch at 180 bpm for five minutes.
  state = feed(state, 0, 300, (sec) => (sec % 4 === 0 ? 180 : resting(sec)));
  assert.equal(floodingOffer(state), null);
  assert.equal(state.elevatedSinceMs, null);
});

test('out-of-order, repeated and impossible readings are ignored', () => {
  const state = feed(floodingStart({ knownRestingBpm: 60 }), 0, 20, resting);
  assert.equal(floodingObserve(state, T0 + 10_000, 150), state, 'older than the last reading');
  assert.equal(floodingObserve(state, T0 + 19_000, 150), state, 'same instant as the last reading');
  assert.equal(floodingObserve(state, T0 + 25_000, 400), state);
  assert.equal(floodingObserve(state, T0 + 25_000, 10), state);
  assert.equal(floodingObserve(state, T0 + 25_000, Number.NaN), state);
  assert.equal(floodingObserve(state, Number.NaN, 70), state);
});

test('a long gap in the readings starts the minute over', () => {
  let state = feed(floodingStart(), 0, 150, resting);
  state = feed(state, 150, 50, () => 100);
  // 30 s with nothing, then high again: 50 + 30 s have passed, but not a sustained, observed minute.
  state = feed(state, 230, 40, () => 100);
  assert.equal(floodingOffer(state), null);
  state = feed(state, 270, 25, () => 100);
  assert.ok(floodingOffer(state));
});

test('setting the offer aside keeps things quiet for the cooldown, then it may come back', () => {
  // Calm for the first few minutes, so the session's baseline is the calm rate.
  let state = feed(floodingStart(), 0, 240, resting);
  state = feed(state, 240, 100, () => 100);
  assert.ok(floodingOffer(state));
  state = floodingDismiss(state, T0 + 340_000);
  assert.equal(floodingOffer(state), null);
  const cooldownSec = FLOODING_COOLDOWN_MS / 1000;
  state = feed(state, 340, cooldownSec - 1, () => 100);
  assert.equal(floodingOffer(state), null, 'still within the cooldown');
  state = feed(state, 340 + cooldownSec - 1, 2, () => 100);
  assert.ok(floodingOffer(state), 'still elevated after the cooldown');
});

test('a rate that has been this person’s usual for nearly the whole session becomes their baseline', () => {
  // A known limit of a within-session baseline, chosen to avoid nagging: two calm minutes and then
  // more than nine tenths of the session elevated lifts the 10th percentile to the elevated rate.
  let state = feed(floodingStart({ knownRestingBpm: 60 }), 0, 120, resting);
  state = feed(state, 120, 20 * 60, () => 100);
  assert.ok((floodingBaseline(state) ?? 0) > 95);
  assert.equal(floodingOffer(state), null);
});

test('a later dismissal never shortens an earlier cooldown', () => {
  const state = floodingDismiss(floodingStart({ knownRestingBpm: 60 }), T0 + 500_000);
  assert.equal(floodingDismiss(state, T0).quietUntilMs, T0 + 500_000 + FLOODING_COOLDOWN_MS);
});

test('the detector only ever looks at its own inputs: the same readings give the same state', () => {
  const run = () =>
    feed(floodingStart({ knownRestingBpm: 60 }), 0, 200, (sec) => (sec > 60 ? 100 : resting(sec)));
  assert.deepEqual(run(), run());
});
