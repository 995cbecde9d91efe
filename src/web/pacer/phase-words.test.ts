import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breathPartWord, breathShapeScale, leadInWords, secondsLeft, swayOffset, tempoWord } from './phase-words.ts';

test('phase words are the plain ones', () => {
  assert.equal(breathPartWord('inhale'), 'Breathe in');
  assert.equal(breathPartWord('holdAfterInhale'), 'Hold');
  assert.equal(breathPartWord('exhale'), 'Breathe out');
  assert.equal(breathPartWord('holdAfterExhale'), 'Rest');
  assert.equal(tempoWord('sway', 'left'), 'Sway left');
  assert.equal(tempoWord('sway', 'right'), 'Sway right');
  assert.equal(tempoWord('walk', 'left'), 'Step');
});

test('seconds left count down like people count', () => {
  assert.equal(secondsLeft(4000), 4);
  assert.equal(secondsLeft(3001), 4);
  assert.equal(secondsLeft(3000), 3);
  assert.equal(secondsLeft(1), 1);
  assert.equal(secondsLeft(0), 0);
  assert.equal(secondsLeft(Infinity), 0);
  assert.equal(leadInWords(2500), 'Starting in 3…');
  assert.equal(leadInWords(0), 'Starting in 1…');
});

test('the shape eases: flat at both turns, growing with the fill, within its bounds', () => {
  assert.equal(breathShapeScale(0), 0.42);
  assert.equal(breathShapeScale(1), 1);
  assert.equal(breathShapeScale(-1), 0.42);
  assert.equal(breathShapeScale(Number.NaN), 0.42);
  let previous = breathShapeScale(0);
  for (let fill = 0.01; fill <= 1; fill += 0.01) {
    const next = breathShapeScale(fill);
    assert.ok(next >= previous);
    previous = next;
  }
  // Slow near the turns, quicker in the middle.
  const edgeStep = breathShapeScale(0.01) - breathShapeScale(0);
  const middleStep = breathShapeScale(0.51) - breathShapeScale(0.5);
  assert.ok(edgeStep < middleStep / 10);
});

test('the sway starts right, reaches left at the end of the first beat, then returns', () => {
  assert.equal(swayOffset(0), 1);
  assert.ok(Math.abs(swayOffset(1) + 1) < 1e-12);
  assert.ok(Math.abs(swayOffset(2) - 1) < 1e-12);
  assert.equal(swayOffset(-3), 1);
});
