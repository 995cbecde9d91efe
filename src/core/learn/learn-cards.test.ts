import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { practiceById } from '../practices/index.ts';
import {
  LONGEST_SENTENCE_WORDS,
  avoidedWordsIn,
  sentencesOf,
} from '../practices/wording-rules.test-support.ts';
import { NERVOUS_SYSTEM_STATE_LABELS } from '../states/nervous-system-state.ts';
import {
  APP_PLACE_IDS,
  APP_PLACE_NAMES,
  LEARN_BODY_WORDS,
  LEARN_CARD_IDS,
  LEARN_CARD_LIST,
  isAppPlaceId,
  learnCardById,
  learnCardWordCount,
  learnCardsShownAt,
} from './index.ts';

/** Every piece of wording on the cards. */
function cardTexts(): { where: string; text: string }[] {
  return LEARN_CARD_LIST.flatMap((card) => [
    { where: `${card.id} title`, text: card.title },
    ...card.body.map((text, index) => ({
      where: `${card.id} paragraph ${String(index + 1)}`,
      text,
    })),
    { where: `${card.id} try this`, text: card.tryThis.text },
  ]);
}

void describe('Learn cards', () => {
  void test('the list and the lookup hold every card once, under its own id', () => {
    assert.deepEqual(
      LEARN_CARD_LIST.map((card) => card.id),
      [...LEARN_CARD_IDS],
    );
    for (const id of LEARN_CARD_IDS) assert.equal(learnCardById(id)?.id, id);
    assert.equal(learnCardById('astrology'), undefined);
    assert.equal(new Set(LEARN_CARD_LIST.map((card) => card.title)).size, LEARN_CARD_LIST.length);
  });

  void test('covers every idea behind Attune', () => {
    for (const id of [
      'co-regulation',
      'nervous-system-states',
      'window-of-tolerance',
      'self-regulation-first',
      'attachment',
      'the-cycle',
      'repair',
      'hyper-independence',
    ]) {
      assert.ok(learnCardById(id), id);
    }
  });

  void test(`every body is ${String(LEARN_BODY_WORDS.min)} to ${String(LEARN_BODY_WORDS.max)} words`, () => {
    for (const card of LEARN_CARD_LIST) {
      const words = learnCardWordCount(card);
      assert.ok(
        words >= LEARN_BODY_WORDS.min && words <= LEARN_BODY_WORDS.max,
        `${card.id}: ${String(words)} words`,
      );
    }
  });

  void test('every related card exists, is not the card itself, and is listed once', () => {
    for (const card of LEARN_CARD_LIST) {
      assert.ok(card.related.length > 0, card.id);
      assert.equal(new Set(card.related).size, card.related.length, card.id);
      for (const related of card.related) {
        assert.notEqual(related, card.id);
        assert.ok(learnCardById(related), `${card.id} → ${related}`);
      }
    }
  });

  void test('every "try this" leads to a practice in the catalogue or a place in the app', () => {
    for (const { id, tryThis } of LEARN_CARD_LIST) {
      if (tryThis.link.kind === 'practice')
        assert.ok(practiceById(tryThis.link.practiceId), `${id}: ${tryThis.link.practiceId}`);
      else assert.ok(isAppPlaceId(tryThis.link.placeId), `${id}: ${tryThis.link.placeId}`);
    }
  });

  void test('every card is shown from at least one place, and every place has a name', () => {
    for (const card of LEARN_CARD_LIST) {
      assert.ok(card.shownAt.length > 0, card.id);
      for (const place of card.shownAt) assert.ok(isAppPlaceId(place), `${card.id}: ${place}`);
    }
    for (const place of APP_PLACE_IDS) assert.ok(APP_PLACE_NAMES[place].length > 0);
    assert.deepEqual(
      learnCardsShownAt('cycle-map').map((card) => card.id),
      ['the-cycle', 'repair'],
    );
  });

  void test('the states card uses the words the check-in uses', () => {
    const body = learnCardById('nervous-system-states')?.body.join(' ').toLowerCase() ?? '';
    for (const { plain } of Object.values(NERVOUS_SYSTEM_STATE_LABELS))
      assert.ok(body.includes(plain.toLowerCase()), plain);
  });

  void test('uses no blaming, pressuring or clinical words', () => {
    const found = cardTexts()
      .map(({ where, text }) => ({ where, words: avoidedWordsIn(text) }))
      .filter(({ words }) => words.length > 0);
    assert.deepEqual(found, []);
  });

  void test('keeps sentences short and paragraphs whole', () => {
    for (const { where, text } of cardTexts()) {
      if (where.endsWith('title')) continue;
      assert.match(text, /^[A-Z“]/, where);
      assert.match(text, /[.?]”?$/, where);
      for (const sentence of sentencesOf(text)) {
        assert.ok(sentence.split(/\s+/).length <= LONGEST_SENTENCE_WORDS, `${where}: ${sentence}`);
      }
    }
  });

  void test('never claims to be therapy or a diagnosis, and gives nobody a label', () => {
    for (const { where, text } of cardTexts()) {
      assert.doesNotMatch(
        text,
        /therap|diagnos|treat|\b(pursuer|withdrawer|anxious|avoidant|codependent)\b/i,
        where,
      );
    }
  });
});
