import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEARN_CARD_LIST } from '../../core/learn/index.ts';
import { learnTeaser } from './learn-teaser.ts';

test('a teaser is the first sentence of the first paragraph', () => {
  assert.equal(learnTeaser(['One idea. Then more.', 'Another paragraph.']), 'One idea.');
  assert.equal(learnTeaser(['Is it this? Yes.']), 'Is it this?');
  assert.equal(learnTeaser(['No full stop here']), 'No full stop here');
  assert.equal(learnTeaser([]), '');
});

test('every card has a short teaser that ends a sentence', () => {
  for (const card of LEARN_CARD_LIST) {
    const teaser = learnTeaser(card.body);
    assert.match(teaser, /[.?!]$/, card.id);
    assert.ok(teaser.split(/\s+/).length <= 30, `${card.id}: ${teaser}`);
  }
});
