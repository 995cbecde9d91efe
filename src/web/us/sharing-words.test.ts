import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHARING_DEFAULTS, SHARING_KINDS, SHARING_NONE } from '../../core/relationships/sharing.ts';
import { avoidedWordsIn, isSentence } from '../../core/practices/wording-rules.test-support.ts';
import { cycleRestingWords, SHARING_INTRO, SHARING_WORDS, sharingSavedWords, theirSharingWords } from './sharing-words.ts';

const EVERYTHING = { checkIns: true, physiology: true, reflections: true, cycleMap: true };

test('what someone shares with me reads as plain sentences', () => {
  assert.equal(theirSharingWords('Bo', SHARING_DEFAULTS), 'Bo shares check-ins, reflections and the cycle map with you. Not shared right now: body signals.');
  assert.equal(theirSharingWords('Bo', EVERYTHING), 'Bo shares check-ins, body signals, reflections and the cycle map with you.');
  assert.equal(theirSharingWords('Bo', SHARING_NONE), 'Bo is not sharing anything with you outside live sessions right now.');
});

test('the confirmation says what the others can see now', () => {
  assert.equal(sharingSavedWords(SHARING_DEFAULTS, 'Bo'), 'Saved. Bo can see: check-ins, reflections and the cycle map. Everything else stays with you.');
  assert.equal(sharingSavedWords(EVERYTHING, 'Bo and Cy'), 'Saved. Bo and Cy can see: check-ins, body signals, reflections and the cycle map.');
  assert.equal(sharingSavedWords(SHARING_NONE, null), 'Saved. Nothing of yours is shared with the others here now.');
  assert.equal(sharingSavedWords({ ...SHARING_NONE, cycleMap: true }, null), 'Saved. The others here can see: the cycle map. Everything else stays with you.');
});

test('every sentence is a warm, plain sentence: no blame, no pressure, never who paused', () => {
  const texts = [
    SHARING_INTRO,
    ...SHARING_KINDS.map((kind) => SHARING_WORDS[kind].explain),
    cycleRestingWords(true),
    cycleRestingWords(false),
    theirSharingWords('Bo', SHARING_NONE),
    sharingSavedWords(SHARING_DEFAULTS, 'Bo'),
  ];
  for (const text of texts) {
    assert.ok(isSentence(text), text);
    assert.deepEqual(avoidedWordsIn(text), [], text);
  }
  assert.doesNotMatch(cycleRestingWords(false), /\b(they|them|he|she|partner)\b/i, 'the resting note never points at anyone');
});
