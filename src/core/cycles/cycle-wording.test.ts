import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  LONGEST_SENTENCE_WORDS,
  avoidedWordsIn,
  isSentence,
  sentencesOf,
  type PlacedText,
} from '../practices/wording-rules.test-support.ts';
import {
  BAD_INPUT_COUNT,
  cycleCatalogueTexts,
  cycleSchemaMessages,
  cycleSentenceTexts,
} from './cycle-texts.test-support.ts';

function avoidedIn(texts: readonly PlacedText[]) {
  return texts
    .map(({ where, text }) => ({ where, words: avoidedWordsIn(text) }))
    .filter(({ words }) => words.length > 0);
}

void describe('cycle wording', () => {
  void test('catalogues, prompts, the example and every message avoid blaming, pressuring or clinical words', () => {
    assert.deepEqual(
      avoidedIn([...cycleCatalogueTexts(), ...cycleSentenceTexts(), ...cycleSchemaMessages()]),
      [],
    );
  });

  void test('keeps sentences short', () => {
    const long = cycleSentenceTexts()
      .flatMap(({ where, text }) => sentencesOf(text).map((sentence) => ({ where, sentence })))
      .filter(({ sentence }) => sentence.split(/\s+/).length > LONGEST_SENTENCE_WORDS);
    assert.deepEqual(long, []);
  });

  void test('every bad input gets its own sentence a person can act on', () => {
    const messages = cycleSchemaMessages();
    assert.equal(messages.length, BAD_INPUT_COUNT, 'every bad input is refused');
    for (const { where, text } of messages) {
      assert.ok(isSentence(text), `${where}: ${text}`);
      assert.doesNotMatch(text, /undefined|NaN|Invalid|expected|received/i, where);
    }
  });

  void test('catalogue labels start with a capital and phrases with a small letter', () => {
    for (const { where, text } of cycleCatalogueTexts()) {
      if (where.endsWith('phrase')) assert.match(text, /^[a-z]/, where);
      else assert.match(text, /^[A-Z]/, where);
    }
  });

  void test('nothing claims to be therapy or a diagnosis, and nobody gets a label', () => {
    for (const { where, text } of [...cycleCatalogueTexts(), ...cycleSentenceTexts()]) {
      assert.doesNotMatch(
        text,
        /therap|diagnos|treat|\b(pursuer|withdrawer|anxious|avoidant|narciss)/i,
        where,
      );
    }
  });
});
