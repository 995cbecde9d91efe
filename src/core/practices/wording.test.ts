import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countInWords, durationInWords } from './wording.ts';
import {
  LONGEST_SENTENCE_WORDS,
  avoidedWordsIn,
  catalogueTexts,
  isSentence,
  sampleMessages,
  sentencesOf,
} from './wording-rules.test-support.ts';

void describe('durationInWords', () => {
  void test('says seconds under a minute', () => {
    assert.equal(durationInWords(0), '0 seconds');
    assert.equal(durationInWords(1000), '1 second');
    assert.equal(durationInWords(30_000), '30 seconds');
    assert.equal(durationInWords(1500), '1.5 seconds');
  });

  void test('says minutes, and minutes and seconds, from a minute up', () => {
    assert.equal(durationInWords(60_000), '1 minute');
    assert.equal(durationInWords(90_000), '1 minute and 30 seconds');
    assert.equal(durationInWords(600_000), '10 minutes');
    assert.equal(durationInWords(125_000), '2 minutes and 5 seconds');
  });

  void test('counts things in the singular only for exactly one', () => {
    assert.equal(countInWords(1, 'turn', 'turns'), '1 turn');
    assert.equal(countInWords(2, 'turn', 'turns'), '2 turns');
    assert.equal(countInWords(0, 'turn', 'turns'), '0 turns');
  });
});

void describe('catalogue wording', () => {
  void test('uses no blaming, pressuring or clinical words', () => {
    const found = [...catalogueTexts(), ...sampleMessages()]
      .map(({ where, text }) => ({ where, words: avoidedWordsIn(text) }))
      .filter(({ words }) => words.length > 0);
    assert.deepEqual(found, []);
  });

  void test('the avoided-word check does catch such words', () => {
    assert.deepEqual(avoidedWordsIn('You must try harder.'), ['must']);
    assert.deepEqual(avoidedWordsIn('Not a diagnosis.'), ['diagnos*']);
    assert.deepEqual(avoidedWordsIn('You did it wrongly, and you should stop.'), [
      'should',
      'wrong*',
    ]);
    assert.deepEqual(avoidedWordsIn('Mustard, trust and a hand on the shoulder are fine.'), []);
  });

  void test('keeps sentences short', () => {
    const long = catalogueTexts()
      .flatMap(({ where, text }) => sentencesOf(text).map((sentence) => ({ where, sentence })))
      .filter(({ sentence }) => sentence.split(/\s+/).length > LONGEST_SENTENCE_WORDS);
    assert.deepEqual(long, []);
  });

  void test('every rejection message is a sentence a person can act on', () => {
    const messages = sampleMessages();
    assert.ok(messages.length > 40);
    for (const { where, text } of messages) {
      assert.ok(isSentence(text), `${where}: ${text}`);
      assert.doesNotMatch(text, /\bms\b|millisecond|undefined|NaN|Invalid|expected/i, where);
    }
  });

  void test('never claims to be therapy or a diagnosis', () => {
    for (const { where, text } of catalogueTexts()) {
      assert.doesNotMatch(text, /therap|diagnos|treat/i, where);
    }
  });
});
